// Entry of the fleet overview webview (bundled to dist/webview/overview.js). Renders only
// validated models and keeps the last one in webview state, so a reloaded window shows
// the overview at once while the host recomputes it.
import {
  isOverviewHostMessage,
  isOverviewPersistedState,
  type OverviewPersistedState,
  type OverviewWebviewMessage,
} from '../../../fleet/overviewMessages';
import { renderOverview, type OverviewViewState } from './render';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

const acquire = (globalThis as unknown as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;

function start(): void {
  const root = document.getElementById('root');
  if (!root || !acquire) return;
  const vscode = acquire();
  const saved = vscode.getState();
  const state: OverviewViewState = { loading: true };
  if (isOverviewPersistedState(saved)) state.model = saved.model;
  const post = (message: OverviewWebviewMessage): void => vscode.postMessage(message);
  const render = (): void => renderOverview(root, state, post);

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const msg = event.data;
    if (!isOverviewHostMessage(msg)) return;
    if (msg.type === 'state') {
      state.model = msg.model;
      state.loading = false;
      vscode.setState({ model: msg.model } satisfies OverviewPersistedState);
    } else {
      state.loading = true;
    }
    render();
  });
  render();
  post({ type: 'ready' });
}

start();
