// The static HTML document of the details webview. It holds no SIM data: the script fills
// #root from the view-model with DOM APIs, so nothing from the API is ever parsed as HTML.
import type { DetailsStrings } from './strings';

export interface ShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  /** media/webview-base.css, which every panel shares. */
  baseStyleUri: string;
  styleUri: string;
  codiconUri: string;
  title: string;
  /** Every word the webview shows (worded by the host: hostStrings.ts). */
  strings: DetailsStrings;
}

/** Escapes text for an HTML attribute or text node. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The exact policy: nothing by default, resources only from the webview's own origin, scripts only with the nonce. */
export function detailsCsp(cspSource: string, nonce: string): string {
  return (
    [
      "default-src 'none'",
      `img-src ${cspSource} data:`,
      `style-src ${cspSource}`,
      `font-src ${cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ') + ';'
  );
}

/** What differs between the app's webviews; the document around it and its CSP are the same. */
export interface WebviewShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  /** Stylesheets, linked in this order. */
  styleUris: readonly string[];
  title: string;
  /** Class of the `#root` element the script fills. */
  rootClass: string;
  /** Markup shown in `#root` until the script runs; the caller escapes any text in it. */
  placeholderHtml: string;
  /** `data-*` attributes of `#root` (escaped here), read by the script: e.g. its strings as JSON. */
  rootData?: Readonly<Record<string, string>>;
}

/** The static document of a webview: strict CSP, the stylesheets, an empty `#root` and the nonce'd script. */
export function renderWebviewShell(o: WebviewShellOptions): string {
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(o.nonce)) throw new Error('renderWebviewShell: nonce must be 16+ base64 characters');
  const e = escapeHtml;
  const links = o.styleUris.map((uri) => `<link rel="stylesheet" href="${e(uri)}">\n`).join('');
  const data = Object.entries(o.rootData ?? {})
    .map(([k, v]) => ` data-${e(k)}="${e(v)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(detailsCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}<title>${e(o.title)}</title>
</head>
<body>
<main id="root" class="${e(o.rootClass)}"${data} aria-busy="true">
${o.placeholderHtml}
</main>
<script nonce="${o.nonce}" src="${e(o.scriptUri)}"></script>
</body>
</html>
`;
}

export function renderDetailsShell(o: ShellOptions): string {
  return renderWebviewShell({
    cspSource: o.cspSource,
    nonce: o.nonce,
    scriptUri: o.scriptUri,
    styleUris: [o.codiconUri, o.baseStyleUri, o.styleUri],
    title: o.title,
    rootClass: 'details',
    placeholderHtml: `<p class="state-message"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> ${escapeHtml(
      o.strings.loading,
    )}</p>`,
    rootData: { strings: JSON.stringify(o.strings) },
  });
}
