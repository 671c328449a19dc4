// Launches the system Chromium through playwright-core (no browser download is possible here).
import * as fs from 'fs';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(`Chromium not found (looked at ${CANDIDATES.join(', ')}). Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return found;
}

/** Without the background-networking flags Chromium keeps dialling hosts this machine cannot reach. */
const ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The system Chromium with the flags above (headless unless told otherwise). */
export function launchChromium(opts: { headless?: boolean } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: opts.headless ?? true, args: [...ARGS] });
}

export async function launchBrowser(opts: { headless?: boolean } = {}): Promise<BrowserSession> {
  const browser = await launchChromium(opts);
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
