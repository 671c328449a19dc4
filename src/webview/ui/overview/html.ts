// The static HTML document of the fleet overview webview (host side, pure). Same strict
// CSP as the details panel; the script fills #root from the view-model with DOM APIs.
import { detailsCsp, escapeHtml } from '../../../details/html';

export interface OverviewShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  /** Shown until the first model arrives (localized by the host). */
  loadingText: string;
}

export function renderOverviewShell(o: OverviewShellOptions): string {
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(o.nonce)) throw new Error('renderOverviewShell: nonce must be 16+ base64 characters');
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(detailsCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(o.styleUri)}">
<title>${e(o.title)}</title>
</head>
<body>
<main id="root" class="overview" aria-busy="true">
<p class="state-message">${e(o.loadingText)}</p>
</main>
<script nonce="${o.nonce}" src="${e(o.scriptUri)}"></script>
</body>
</html>
`;
}
