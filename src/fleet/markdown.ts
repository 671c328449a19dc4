// Escaping untrusted text for VS Code MarkdownString sources.
import { oneLine } from '../telnyx/plainText';

/**
 * Makes `s` render as literal text in Markdown: it is first reduced to one line of plain
 * text, then every ASCII punctuation character is backslash-escaped (CommonMark allows
 * that for all of them). This covers emphasis, links, headings, tables, code spans,
 * `$(icon)` syntax, entities (`&lt;`) and HTML: `<img onerror=…>` becomes `\<img onerror\=…\>`
 * which no Markdown renderer treats as a tag, and `https\:\/\/…` is not auto-linked.
 */
export function escapeMarkdown(s: unknown, maxLength = 300): string {
  return oneLine(s, maxLength).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
