// What "a live link" means on the surfaces plainText serves, written from VS Code's own
// patterns (not from plainText): notification links, linkified URLs, command URIs, codicons.

/** VS Code's notification message link syntax (parseLinkedText). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
/** CommonMark inline link: `](` with optional spaces. */
const MARKDOWN_LINK = /\]\s*\(/;
/** A scheme directly followed by its colon (what linkifiers and URI openers look for). */
const SCHEME = /(?:https?|command|file|vscode|javascript|data|mailto):/i;
const WWW = /\bwww\./i;
/** VS Code's codicon syntax; a backslash before `$` escapes it. */
const CODICON = /(?<!\\)\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/;

/** Why `text` (shown as plain text on a link- or icon-rendering surface) is live, or undefined. */
export function liveLinkIn(text: string): string | undefined {
  if (NOTIFICATION_LINK.test(text)) return 'notification link';
  if (MARKDOWN_LINK.test(text)) return 'markdown link';
  if (SCHEME.test(text)) return 'scheme';
  if (WWW.test(text)) return 'www autolink';
  if (CODICON.test(text)) return 'codicon';
  if (BIDI.test(text)) return 'bidi control';
  return undefined;
}

/** The same for Markdown source (tooltips): every link-making character must be escaped. */
export function liveLinkInMarkdown(md: string): string | undefined {
  if (/(?<!\\)\]\s*(?<!\\)\(/.test(md)) return 'markdown link';
  if (/(?<!\\)<[a-z!/]/i.test(md)) return 'html or autolink';
  if (/[a-z](?<!\\):(?!\\)\/\//i.test(md)) return 'bare url';
  if (CODICON.test(md)) return 'codicon';
  if (BIDI.test(md)) return 'bidi control';
  return undefined;
}

/** Every hostile payload the suites feed to the text paths. */
export const HOSTILE_STRINGS: readonly string[] = [
  '[Click](command:workbench.action.openSettings?%5B%22telnyxSims%22%5D)',
  '[x]( command:telnyxSims.setApiKey?%22evil%22 )',
  '[Open](https://evil.example/phish)',
  '[t](file:///etc/passwd)',
  'See https://evil.example/login now',
  'HTTPS://EVIL.EXAMPLE',
  'go to www.evil.example',
  'command:workbench.action.terminal.sendSequence?{"text":"rm -rf ~\\n"}',
  'vscode://telnyx/evil',
  'javascript:alert(1)',
  '<https://evil.example>',
  '$(alert) $(loading~spin) $(key)',
  '\\$(alert) $$(x)',
  'abc\u202Egnp.exe',
  '\u2066isolated\u2069 \u200Bzero\u200Dwidth\uFEFF',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '**bold** _em_ `code` # heading',
  '[a]\u200B(command:x)',
  'line1\nline2\r\n[l](command:x)',
  '\ud800 lone high \udc00 lone low',
  'data:text/html,<b>x</b>',
  'mailto:a@evil.example',
  'x'.repeat(100_000),
  `${'[a](command:x)'.repeat(5000)}`,
];
