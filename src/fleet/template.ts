// Placeholder filling for worded templates ("Updated {0}"). Free of @vscode/l10n: the webview
// scripts use it too, with the templates the host worded.

/** Fills `{0}`, `{1}`... in a template; placeholders without an argument stay as written. */
export function fillTemplate(template: string, ...args: string[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => args[Number(i)] ?? m);
}
