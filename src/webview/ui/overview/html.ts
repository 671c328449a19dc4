// The static HTML document of the fleet overview webview (host side, pure). Same strict
// CSP as the details panel; the script fills #root from the view-model with DOM APIs.
import { escapeHtml, renderWebviewShell } from '../../../details/html';

export interface OverviewShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  /** media/webview-base.css, which every panel shares. */
  baseStyleUri: string;
  styleUri: string;
  title: string;
  /** Shown until the first model arrives (localized by the host). */
  loadingText: string;
}

export function renderOverviewShell(o: OverviewShellOptions): string {
  return renderWebviewShell({
    cspSource: o.cspSource,
    nonce: o.nonce,
    scriptUri: o.scriptUri,
    styleUris: [o.baseStyleUri, o.styleUri],
    title: o.title,
    rootClass: 'overview',
    placeholderHtml: `<p class="state-message">${escapeHtml(o.loadingText)}</p>`,
  });
}
