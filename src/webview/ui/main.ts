// Entry of the details webview (bundled to dist/webview/details.js). Talks to the host
// only through validated messages and keeps the last model in webview state so the
// panel re-renders instantly when it is restored after a reload.
import { isHostMessage, isPersistedState, type PersistedState, type WebviewMessage } from '../../details/messages';
import { parseDetailsStrings } from '../../details/strings';
import { renderApp, type ViewState } from './render';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

// Provided by VS Code inside webviews; looked up rather than declared globally so the
// rest of the project's types stay free of it.
const acquire = (globalThis as unknown as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;

/** A Refresh click shows its busy state at least this long, so a fast answer is still visible feedback. */
const MIN_BUSY_MS = 600;

function start(): void {
  const root = document.getElementById('root');
  // The host's words, written into the document; without them the placeholder stays.
  const strings = parseDetailsStrings(root?.dataset.strings);
  if (!root || !acquire || !strings) return;
  const vscode = acquire();
  const saved = vscode.getState();
  const restored: PersistedState | undefined = isPersistedState(saved) ? saved : undefined;
  const state: ViewState = { loading: true };
  if (restored?.model) state.model = restored.model;
  let simId = restored?.simId;
  let busyUntil = 0;
  /** A Refresh was clicked and the host has not answered with data or an error yet. */
  let awaitingHost = false;
  let busyTimer: ReturnType<typeof setTimeout> | undefined;
  const render = (): void => {
    const now = Date.now();
    renderApp(root, { ...state, loading: state.loading || awaitingHost || now < busyUntil }, ctx);
    if (now < busyUntil && busyTimer === undefined) {
      busyTimer = setTimeout(() => {
        busyTimer = undefined;
        render();
      }, busyUntil - now);
    }
  };
  const ctx = {
    post: (message: WebviewMessage): void => {
      vscode.postMessage(message);
      if (message.type === 'refresh') {
        // Feedback at once, before the host answers.
        busyUntil = Date.now() + MIN_BUSY_MS;
        awaitingHost = true;
        render();
      }
    },
    collapsed: new Set<string>(),
    strings,
  };

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const msg = event.data;
    if (!isHostMessage(msg)) return;
    switch (msg.type) {
      case 'state':
        if (msg.model.simId !== simId) ctx.collapsed.clear();
        simId = msg.model.simId;
        state.model = msg.model;
        state.loading = false;
        awaitingHost = false;
        delete state.error;
        vscode.setState({ simId, model: msg.model } satisfies PersistedState);
        break;
      case 'loading':
        state.loading = true;
        delete state.error;
        break;
      case 'error':
        state.loading = false;
        awaitingHost = false;
        state.error = { message: msg.message, kind: msg.kind };
        break;
      case 'mode':
        state.preview = msg.preview;
        break;
    }
    render();
  });
  render();
  vscode.postMessage({ type: 'ready' } satisfies WebviewMessage);
}

start();
