// Entry of the details webview (bundled to dist/webview/details.js). Talks to the host
// only through validated messages and keeps the last model in webview state so the
// panel re-renders instantly when it is restored after a reload.
import { isHostMessage, isPersistedState, type PersistedState, type WebviewMessage } from '../../details/messages';
import { renderApp, type ViewState } from './render';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

// Provided by VS Code inside webviews; looked up rather than declared globally so the
// rest of the project's types stay free of it.
const acquire = (globalThis as unknown as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;

function start(): void {
  const root = document.getElementById('root');
  if (!root || !acquire) return;
  const vscode = acquire();
  const saved = vscode.getState();
  const restored: PersistedState | undefined = isPersistedState(saved) ? saved : undefined;
  const state: ViewState = { loading: true };
  if (restored?.model) state.model = restored.model;
  let simId = restored?.simId;
  const ctx = {
    post: (message: WebviewMessage) => vscode.postMessage(message),
    collapsed: new Set<string>(),
  };
  const render = (): void => renderApp(root, state, ctx);

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const msg = event.data;
    if (!isHostMessage(msg)) return;
    switch (msg.type) {
      case 'state':
        if (msg.model.simId !== simId) ctx.collapsed.clear();
        simId = msg.model.simId;
        state.model = msg.model;
        state.loading = false;
        delete state.error;
        vscode.setState({ simId, model: msg.model } satisfies PersistedState);
        break;
      case 'loading':
        state.loading = true;
        delete state.error;
        break;
      case 'error':
        state.loading = false;
        state.error = { message: msg.message, kind: msg.kind };
        break;
    }
    render();
  });
  render();
  vscode.postMessage({ type: 'ready' } satisfies WebviewMessage);
}

start();
