// What the webview e2e suites share: a server for a production shell and the only files a panel
// may load, the webview bundle built on demand, the system Chromium, and a page opened like VS
// Code opens a webview (a fake `acquireVsCodeApi` that records, theme variables on <html>).
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../../scripts/lib/browser';

export const REPO = path.resolve(__dirname, '..', '..', '..');

export interface WebviewServer {
  origin: string;
  /** Every path the page asked for. */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Serves `shell(origin)` at / and only the files a real panel may load (dist/ and media/). */
export async function serveWebview(shell: (origin: string) => string): Promise<WebviewServer> {
  const requests: string[] = [];
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    requests.push(url.pathname);
    if (url.pathname === '/favicon.ico') {
      // Chromium asks for it on its own; a webview in VS Code does not.
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(shell(origin));
      return;
    }
    const file = path.resolve(REPO, `.${decodeURIComponent(url.pathname)}`);
    const inside = ['dist', 'media'].some((d) => file.startsWith(path.join(REPO, d) + path.sep));
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Builds a webview script (`src/...` entry to `dist/webview/...`) when `node esbuild.js` has not run. */
export async function ensureWebviewBundle(entry: string, outfile: string): Promise<void> {
  if (fs.existsSync(outfile)) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile,
    logLevel: 'silent',
  });
}

/** The system Chromium; the suite is skipped on a machine without one. */
export async function chromiumOrSkip(suite: Mocha.Context): Promise<Browser> {
  try {
    chromiumPath();
  } catch (e) {
    console.warn(`    skipped: ${e instanceof Error ? e.message : String(e)}`);
    suite.skip();
  }
  return launchChromium();
}

/** What the fake VS Code API saw in the page. */
export interface Recorded<Posted = unknown, State = unknown> {
  posted: Posted[];
  states: State[];
  /** Content-Security-Policy violations ("directive blocked-uri"). */
  violations: string[];
}

/** The page's window with what the fake API and a hostile string would set. */
export type HarnessWindow<Posted = unknown, State = unknown> = Window & { __recorded: Recorded<Posted, State>; __pwned?: number };

export interface WebviewLook {
  viewport: { width: number; height: number };
  colorScheme: 'light' | 'dark';
  /** Theme variables VS Code sets on <html>. */
  vars: Readonly<Record<string, string>>;
  /** The theme kind VS Code sets on <body> ('vscode-dark'...), if the panel reads it. */
  bodyClass?: string;
}

export interface OpenedWebview {
  page: Page;
  /** Console errors and uncaught exceptions. */
  consoleErrors: string[];
  /** Messages of alert/confirm/prompt dialogs (each dismissed). */
  dialogs: string[];
}

/** Opens the shell like VS Code would, with `saved` as what getState() returns; resolves once the script said 'ready'. */
export async function openWebview(browser: Browser, origin: string, look: WebviewLook, saved?: unknown): Promise<OpenedWebview> {
  const context = await browser.newContext({ viewport: look.viewport, colorScheme: look.colorScheme });
  const page = await context.newPage();
  const opened: OpenedWebview = { page, consoleErrors: [], dialogs: [] };
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') opened.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => opened.consoleErrors.push(e.message));
  await page.addInitScript(
    ({ savedState, vars, bodyClass }) => {
      const recorded: Recorded = { posted: [], states: [], violations: [] };
      (window as unknown as HarnessWindow).__recorded = recorded;
      let state: unknown = savedState ?? undefined;
      let acquired = false;
      document.addEventListener('securitypolicyviolation', (e) => recorded.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => {
        // VS Code allows one call per page; a second one is a bug in the script.
        if (acquired) throw new Error('acquireVsCodeApi called twice');
        acquired = true;
        return {
          postMessage: (m: unknown) => recorded.posted.push(JSON.parse(JSON.stringify(m)) as unknown),
          getState: () => state,
          setState: (s: unknown) => {
            state = s;
            recorded.states.push(JSON.parse(JSON.stringify(s)) as unknown);
          },
        };
      };
      // VS Code sets theme variables on <html> and the theme kind on <body>; CSSOM is what the CSP allows.
      document.addEventListener('DOMContentLoaded', () => {
        for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
        if (bodyClass) document.body.classList.add(bodyClass);
      });
    },
    { savedState: (saved ?? null) as unknown, vars: look.vars, bodyClass: look.bodyClass ?? '' },
  );
  await page.goto(`${origin}/`);
  await page.waitForFunction(() =>
    (window as unknown as HarnessWindow).__recorded.posted.some((m) => (m as { type?: unknown }).type === 'ready'),
  );
  return opened;
}

/** Posts a message to the page as the host would. */
/**
 * Posts `message` as the host would and resolves once the page has handled it: a second message
 * posted after it arrives after it (one queue), so a check right after this sees the new render.
 */
export async function sendToWebview(page: Page, message: unknown): Promise<void> {
  await page.evaluate(
    (m) =>
      new Promise<void>((resolve) => {
        const token = `__handled_${Math.random()}`;
        const onMessage = (event: MessageEvent<unknown>): void => {
          if (event.data !== token) return;
          window.removeEventListener('message', onMessage);
          resolve();
        };
        window.addEventListener('message', onMessage);
        window.postMessage(m, '*');
        window.postMessage(token, '*');
      }),
    message,
  );
}

export interface WebviewSuite {
  /** The server of the shell (once the suite's `before` hook ran). */
  readonly server: WebviewServer;
  /** Opens a page (see openWebview); it is closed after the test. */
  open(look: WebviewLook, saved?: unknown): Promise<OpenedWebview>;
}

/**
 * Call inside a `describe`: its hooks launch Chromium (or skip the suite), run `prepare` (build the
 * bundle), serve `shell`, close each test's page after it, and everything at the end.
 */
export function webviewSuite(shell: (origin: string) => string, prepare: () => Promise<void>): WebviewSuite {
  let browser: Browser | undefined;
  let server: WebviewServer | undefined;
  let page: Page | undefined;
  const started = (): { browser: Browser; server: WebviewServer } => {
    if (!browser || !server) throw new Error('the webview suite has not started (call webviewSuite inside describe)');
    return { browser, server };
  };
  before(async function () {
    browser = await chromiumOrSkip(this);
    await prepare();
    server = await serveWebview(shell);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await page?.context().close();
  });
  return {
    get server() {
      return started().server;
    },
    async open(look, saved) {
      const s = started();
      const opened = await openWebview(s.browser, s.server.origin, look, saved);
      page = opened.page;
      return opened;
    },
  };
}
