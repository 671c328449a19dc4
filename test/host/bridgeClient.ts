// Runs inside the VS Code extension host (no vscode import): lets integration tests ask the
// Playwright runner for things only the browser can do — screenshots, real clicks, webview text.
import * as fs from 'fs';
import * as path from 'path';
import { BRIDGE_DIR_ENV, BridgeOp, BridgeResponse } from './bridgeProtocol';

const POLL_MS = 50;
const DEFAULT_TIMEOUT_MS = 30_000;
let counter = 0;

/** False under a desktop VS Code (test-electron); tests that need the browser should skip then. */
export function bridgeAvailable(): boolean {
  return Boolean(process.env[BRIDGE_DIR_ENV]);
}

/** Sends one op to the runner and waits for its answer file. Throws the runner's error, or on timeout. */
export async function bridge(op: BridgeOp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<unknown> {
  const dir = process.env[BRIDGE_DIR_ENV];
  if (!dir) {
    throw new Error(`Browser bridge unavailable: ${BRIDGE_DIR_ENV} is not set (run the suite with out/test/host/runInHost.js).`);
  }
  const id = `${process.pid}-${Date.now()}-${++counter}`;
  const request = JSON.stringify({ ...op, id });
  const answerFile = path.join(dir, `${id}.json`);
  // One channel: a request file, renamed into place so the runner never reads half of it.
  // The runner logs each request it performs, so the test output still shows them.
  fs.writeFileSync(path.join(dir, `${id}.request.tmp`), request);
  fs.renameSync(path.join(dir, `${id}.request.tmp`), path.join(dir, `${id}.request`));

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(answerFile)) {
      const answer = JSON.parse(fs.readFileSync(answerFile, 'utf8')) as BridgeResponse;
      fs.rmSync(answerFile, { force: true });
      if (!answer.ok) throw new Error(`Bridge ${op.op} failed: ${answer.error}`);
      return answer.result;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`Bridge ${op.op} got no answer within ${timeoutMs} ms (request ${request}).`);
}

/** Saves test-results/screenshots/<name>.png (see screenshots.ts). A no-op under a desktop VS Code: pictures are not assertions. */
export async function screenshot(name: string, selector?: string): Promise<string | undefined> {
  if (!bridgeAvailable()) {
    console.log(`(no browser bridge: screenshot ${name} skipped)`);
    return undefined;
  }
  return (await bridge({ op: 'screenshot', name, ...(selector !== undefined ? { selector } : {}) })) as string;
}

export async function click(selector: string, text?: string, options: { button?: 'left' | 'right'; double?: boolean } = {}): Promise<void> {
  await bridge({ op: 'click', selector, ...(text !== undefined ? { text } : {}), ...options });
}

export async function hover(selector: string, text?: string): Promise<void> {
  await bridge({ op: 'hover', selector, ...(text !== undefined ? { text } : {}) });
}

export async function pressKey(key: string): Promise<void> {
  await bridge({ op: 'pressKey', key });
}

export async function typeText(text: string): Promise<void> {
  await bridge({ op: 'type', text });
}

/** innerText of every element matching `selector` on the workbench page. */
export async function text(selector: string): Promise<string[]> {
  return (await bridge({ op: 'text', selector })) as string[];
}

export async function waitFor(selector: string, text?: string, timeoutMs = 20_000): Promise<void> {
  await bridge({ op: 'waitFor', selector, ...(text !== undefined ? { text } : {}), timeoutMs }, timeoutMs + 10_000);
}

/** innerText of the visible webview's document (or of `selector` inside it). */
export async function webviewText(selector?: string): Promise<string> {
  return (await bridge({ op: 'webviewText', ...(selector !== undefined ? { selector } : {}) })) as string;
}

export async function webviewClick(selector: string, text?: string): Promise<void> {
  await bridge({ op: 'webviewClick', selector, ...(text !== undefined ? { text } : {}) });
}
