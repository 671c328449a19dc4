// Runner side of the bridge: performs in-host tests' browser requests on the workbench page.
import * as fs from 'fs';
import * as path from 'path';
import { CDPSession, Frame, Locator, Page } from 'playwright-core';
import { BridgeRequest, BridgeResponse } from './bridgeProtocol';
import { publishScreenshot, screenshotPath } from './screenshots';

const ACTION_TIMEOUT_MS = 15_000;

export class BridgeServer {
  private readonly timer: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  private profiler: CDPSession | undefined;
  private failures = 0;

  constructor(
    private readonly page: Page,
    readonly dir: string,
    private readonly log: (line: string) => void,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.timer = setInterval(() => this.scanDir(), 100);
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  private scanDir(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith('.request')) continue;
      // The client renames a finished file to *.request, so a match is complete. It is removed
      // before it is handled, so the next scan cannot take the same request twice.
      const file = path.join(this.dir, name);
      const id = name.slice(0, -'.request'.length);
      let text = '';
      try {
        text = fs.readFileSync(file, 'utf8');
      } finally {
        fs.rmSync(file, { force: true });
      }
      let req: BridgeRequest;
      try {
        req = JSON.parse(text) as BridgeRequest;
      } catch (e) {
        this.answer(id, { ok: false, error: `unreadable request: ${String(e)}` });
        continue;
      }
      this.accept({ ...req, id });
    }
  }

  /** Requests run one at a time, in arrival order, like a user at the keyboard. */
  private accept(req: BridgeRequest): void {
    this.queue = this.queue.then(async () => {
      let response: BridgeResponse;
      try {
        response = { ok: true, result: await this.perform(req) };
        this.log(`[bridge] ${describe(req)}: ok`);
      } catch (e) {
        const error = `${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}${await this.quickInputOnScreen()}${await this.failureScreenshot(req)}`;
        response = { ok: false, error };
        this.log(`[bridge] ${describe(req)}: FAILED ${error}`);
      }
      this.answer(req.id, response);
    });
  }

  /** What an open quick input shows, for a failure's message: most UI waits are on one. */
  private async quickInputOnScreen(): Promise<string> {
    const shown = await this.page
      .locator('.quick-input-widget')
      .filter({ visible: true })
      .allInnerTexts()
      .catch(() => []);
    return shown.length ? ` (quick input on screen: ${JSON.stringify(shown.join(' | ').slice(0, 400))})` : '';
  }

  /** What the page showed when an op failed, for reading a failure that CI alone reproduces. */
  private async failureScreenshot(req: BridgeRequest): Promise<string> {
    const file = screenshotPath(`failed-${req.op}-${++this.failures}`);
    const taken = await this.page
      .screenshot({ path: file, timeout: ACTION_TIMEOUT_MS })
      .then(() => true)
      .catch(() => false);
    return taken ? ` (screenshot: ${path.relative(process.cwd(), file)})` : '';
  }

  /** Written under a temporary name and renamed, so the client never reads half an answer. */
  private answer(id: string, response: BridgeResponse): void {
    const tmp = path.join(this.dir, `${id}.answer.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(response));
    fs.renameSync(tmp, path.join(this.dir, `${id}.json`));
  }

  private async perform(req: BridgeRequest): Promise<unknown> {
    const page = this.page;
    switch (req.op) {
      case 'screenshot': {
        const file = screenshotPath(req.name);
        await page
          .locator(req.selector ?? '.monaco-workbench')
          .first()
          .screenshot({ path: file, timeout: ACTION_TIMEOUT_MS });
        const copy = publishScreenshot(file);
        if (copy) this.log(`[bridge] README image updated: ${path.relative(process.cwd(), copy)}`);
        return file;
      }
      case 'click': {
        const target = pick(page.locator(req.selector), req.text);
        const options = { button: req.button ?? 'left', timeout: ACTION_TIMEOUT_MS } as const;
        await (req.double ? target.dblclick(options) : target.click(options));
        return true;
      }
      case 'hover':
        await pick(page.locator(req.selector), req.text).hover({ timeout: ACTION_TIMEOUT_MS });
        return true;
      case 'pressKey':
        await page.keyboard.press(req.key);
        return true;
      case 'type':
        await page.keyboard.type(req.text);
        return true;
      case 'text':
        return page.locator(req.selector).allInnerTexts();
      case 'waitFor':
        await pick(page.locator(req.selector), req.text).waitFor({ state: 'visible', timeout: req.timeoutMs ?? ACTION_TIMEOUT_MS });
        return true;
      case 'timedClick': {
        const row = page
          .locator(`.monaco-list-row[aria-label=${JSON.stringify(req.ariaLabel)}]`)
          .filter({ visible: true })
          .first();
        await row.scrollIntoViewIfNeeded({ timeout: ACTION_TIMEOUT_MS });
        const box = await row.boundingBox({ timeout: ACTION_TIMEOUT_MS });
        if (!box) throw new Error(`no box for the row ${req.ariaLabel}`);
        const args = { ariaLabel: req.ariaLabel, timeoutMs: req.timeoutMs ?? ACTION_TIMEOUT_MS };
        await page.evaluate(`(${WATCH_FIRST_CHILD_ROW})(${JSON.stringify(args)})`);
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return await page.evaluate('window.__telnyxTimedClick');
      }
      case 'profileStart': {
        this.profiler ??= await page.context().newCDPSession(page);
        await this.profiler.send('Profiler.enable');
        await this.profiler.send('Profiler.setSamplingInterval', { interval: 500 });
        await this.profiler.send('Profiler.start');
        return true;
      }
      case 'profileStop': {
        if (!this.profiler) throw new Error('no profile started');
        const { profile } = await this.profiler.send('Profiler.stop');
        fs.mkdirSync(path.dirname(req.file), { recursive: true });
        fs.writeFileSync(req.file, JSON.stringify(profile));
        return req.file;
      }
      case 'webviewText': {
        const frame = await activeWebviewFrame(page);
        return frame
          .locator(req.selector ?? 'body')
          .first()
          .innerText({ timeout: ACTION_TIMEOUT_MS });
      }
      case 'webviewClick': {
        const frame = await activeWebviewFrame(page);
        await pick(frame.locator(req.selector), req.text).click({ timeout: ACTION_TIMEOUT_MS });
        return true;
      }
      default:
        throw new Error(`unknown bridge op ${JSON.stringify((req as { op?: unknown }).op)}`);
    }
  }
}

/**
 * Runs in the workbench page before a timed click: from the mousedown's own time stamp (so a busy
 * renderer's delay in taking the click counts) until the frame after the clicked row's first child
 * (the next row, one level deeper) is in the list. Tree rows are reused, so the child is found by
 * index and level, not by element.
 */
const WATCH_FIRST_CHILD_ROW = `(args) => {
  const row = [...document.querySelectorAll('.monaco-list-row')].find((r) => r.getAttribute('aria-label') === args.ariaLabel && r.offsetParent !== null);
  if (!row) throw new Error('no visible row ' + args.ariaLabel);
  const list = row.closest('.monaco-list');
  const index = String(Number(row.getAttribute('data-index')) + 1);
  const level = String(Number(row.getAttribute('aria-level')) + 1);
  window.__telnyxTimedClick = new Promise((resolve, reject) => {
    let t0;
    const onDown = (e) => { if (t0 === undefined) t0 = e.timeStamp; check(); };
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => { stop(); reject(new Error('the first child row of ' + args.ariaLabel + ' did not appear')); }, args.timeoutMs);
    const stop = () => { observer.disconnect(); clearTimeout(timer); window.removeEventListener('mousedown', onDown, true); };
    function check() {
      if (t0 === undefined) return;
      const child = list.querySelector('.monaco-list-row[data-index="' + index + '"]');
      if (!child || child.getAttribute('aria-level') !== level) return;
      stop();
      // After the next frame's rendering: a message posted from requestAnimationFrame runs once it has painted.
      requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now() - t0); c.port2.postMessage(0); });
    }
    window.addEventListener('mousedown', onDown, true);
    observer.observe(list, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-level', 'data-index'] });
  });
}`;

/** The first visible match: closed quick picks leave their rows in the page, hidden, and a hidden first match never shows. */
function pick(locator: Locator, text: string | undefined): Locator {
  return locator.filter({ visible: true, ...(text !== undefined ? { hasText: text } : {}) }).first();
}

function describe(req: BridgeRequest): string {
  return `${req.op} ${JSON.stringify({ ...req, id: undefined, op: undefined })}`;
}

/**
 * A webview is an outer iframe (`iframe.webview`) whose document holds the content iframe
 * `#active-frame`. Hidden webviews keep their frames, so take the one whose outer iframe is visible.
 */
export async function activeWebviewFrame(page: Page, timeoutMs = ACTION_TIMEOUT_MS): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames().reverse()) {
      const outer = frame.parentFrame();
      if (!outer || outer.parentFrame() !== page.mainFrame()) continue;
      try {
        const inner = await frame.frameElement();
        const outerEl = await outer.frameElement();
        if ((await inner.getAttribute('id')) !== 'active-frame') continue;
        if (!(await outerEl.isVisible())) continue;
        await frame.waitForLoadState('domcontentloaded', { timeout: 2000 });
        return frame;
      } catch {
        // frame detached while we looked; try the others
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no visible webview within ${timeoutMs} ms`);
}
