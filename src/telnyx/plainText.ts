// Server text made safe for surfaces that render Markdown links, linkify URLs or parse
// `$(icon)` syntax: notifications, status-bar messages, tree messages, quick picks and
// progress titles. (Markdown sources such as tooltips use fleet/markdown.ts instead.)
//
// The text keeps its look; only the syntax is broken, with a zero-width space (U+200B)
// placed where every parser needs two characters to be adjacent:
//   `[a](b)` -> `[a]\u200B(b)`      no inline link (CommonMark and VS Code's notification links)
//   `https://` -> `https\u200B://`   no scheme, so no autolink or linkified bare URL
//   `command:x` -> `command\u200B:x` no command URI
//   `www.x` -> `www\u200B.x`         no GFM www autolink
//   `$(icon)` -> `$\u200B(icon)`     no codicon (VS Code's `\$(` escape would show its backslash elsewhere)
// U+200B is chosen because JavaScript's `\s` does not match it, and it renders as nothing.

const ZWSP = '\u200B';

/** C0/C1 controls, bidi embeddings/overrides/isolates, zero-width and other invisible format characters. */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]/g;
const LINE_BREAKS = /[\t\n\r\u0085\u2028\u2029]+/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Schemes that open something when clicked, plus anything written as `scheme://`. */
const SCHEME = /(command|file|vscode(?:-[a-z-]+)?|javascript|data|mailto|tel|ftp|https?|[a-z][a-z0-9+.-]{0,30}(?=:\/\/))(?=:)/gi;

export const PLAIN_TEXT_MAX = 500;

/**
 * Any server-provided value as one line of inert plain text: non-strings give '', lone
 * surrogates become U+FFFD, invisible and bidi control characters go, line breaks become
 * spaces, and link, URL, command-URI and icon syntax is broken (see above). At most
 * `maxLength` characters (an ellipsis marks a cut, never inside a surrogate pair).
 */
export function plainText(s: unknown, maxLength = PLAIN_TEXT_MAX): string {
  const { text, truncated } = clean(s, maxLength);
  const t = neutralize(text);
  return truncated ? `${t.trimEnd()}…` : t;
}

/**
 * The cleanup of plainText without breaking link or icon syntax: for surfaces that never
 * render it (tree labels, search keys, webview textContent) and as the first step of
 * Markdown escaping. Anything shown in a notification, status bar, quick pick, tree
 * message or progress title goes through plainText instead.
 */
export function oneLine(s: unknown, maxLength = PLAIN_TEXT_MAX): string {
  const { text, truncated } = clean(s, maxLength);
  return truncated ? `${text.trimEnd()}…` : text;
}

function clean(s: unknown, maxLength: number): { text: string; truncated: boolean } {
  if (typeof s !== 'string') return { text: '', truncated: false };
  const limit = Math.max(1, Math.floor(maxLength));
  // Work on a bounded slice: a 100 KB value must not cost 100 KB of regex work per surface.
  const bound = limit * 4 + 64;
  let truncated = s.length > bound;
  let t = (truncated ? s.slice(0, bound) : s)
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(LINE_BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (t.length > limit) {
    t = t.slice(0, limit - 1);
    truncated = true;
  }
  // Never end on half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(t)) t = t.slice(0, -1);
  return { text: t, truncated };
}

/** Breaks link, URL, command and icon syntax with zero-width spaces (input has none left). */
function neutralize(t: string): string {
  return t
    .replace(/\]\s*\(/g, (m) => `${m.slice(0, -1)}${ZWSP}(`)
    .replace(SCHEME, `$1${ZWSP}`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
    .replace(/\$\(/g, `$${ZWSP}(`);
}
