// The static HTML document of the details webview. It holds no SIM data: the script fills
// #root from the view-model with DOM APIs, so nothing from the API is ever parsed as HTML.

export interface ShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  title: string;
}

/** Escapes text for an HTML attribute or text node. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The exact policy: nothing by default, resources only from the webview's own origin, scripts only with the nonce. */
export function detailsCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ') + ';';
}

export function renderDetailsShell(o: ShellOptions): string {
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(o.nonce)) throw new Error('renderDetailsShell: nonce must be 16+ base64 characters');
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(detailsCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(o.codiconUri)}">
<link rel="stylesheet" href="${e(o.styleUri)}">
<title>${e(o.title)}</title>
</head>
<body>
<main id="root" class="details" aria-busy="true">
<p class="state-message"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> Loading SIM details…</p>
</main>
<script nonce="${o.nonce}" src="${e(o.scriptUri)}"></script>
</body>
</html>
`;
}
