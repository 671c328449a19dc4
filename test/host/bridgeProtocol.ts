// The messages between in-host tests (bridgeClient.ts) and the browser-side runner (bridgeServer.ts).
// Requests are files `<bridgeDir>/<id>.request`; answers come back as `<bridgeDir>/<id>.json`.

export const BRIDGE_DIR_ENV = 'TELNYX_SIMS_BRIDGE_DIR';
export const RESULTS_ENV = 'TELNYX_SIMS_TEST_RESULTS';
export const GREP_ENV = 'TELNYX_SIMS_GREP';

export type BridgeOp =
  /** Saves test-results/screenshots/<name>.png; the whole workbench when no selector is given. */
  | { op: 'screenshot'; name: string; selector?: string }
  /** Clicks the first match (optionally: the first whose text contains `text`). */
  | { op: 'click'; selector: string; text?: string; button?: 'left' | 'right' | 'middle'; double?: boolean }
  | { op: 'hover'; selector: string; text?: string }
  /** A Playwright key name, e.g. 'Enter', 'Escape', 'Control+Shift+P'. */
  | { op: 'pressKey'; key: string }
  /** Types text with the keyboard into whatever has focus. */
  | { op: 'type'; text: string }
  /** innerText of every match on the workbench page. */
  | { op: 'text'; selector: string }
  /** Waits until a match (optionally containing `text`) is visible. */
  | { op: 'waitFor'; selector: string; text?: string; timeoutMs?: number }
  /** innerText of the visible webview's document (webviews are nested iframes). */
  | { op: 'webviewText'; selector?: string }
  | { op: 'webviewClick'; selector: string; text?: string }
  /**
   * Clicks the visible tree row whose aria-label is `ariaLabel` with the mouse and answers the
   * milliseconds from the mousedown event to the frame after the row's first child row is in the
   * list (for timing an expand as a person does it).
   */
  | { op: 'timedClick'; ariaLabel: string; timeoutMs?: number }
  /** Starts a CPU profile of the workbench page (for finding where VS Code's renderer spends an interaction). */
  | { op: 'profileStart' }
  /** Stops it and writes the .cpuprofile to `file`. */
  | { op: 'profileStop'; file: string };

export type BridgeRequest = BridgeOp & { id: string };

export type BridgeResponse = { ok: true; result: unknown } | { ok: false; error: string };

export interface TestFailure {
  title: string;
  error: string;
}

/** What every test stage writes so scripts/test-all.js can add up the counts. */
export interface TestResults {
  passed: number;
  failed: number;
  pending: number;
  failures: TestFailure[];
}
