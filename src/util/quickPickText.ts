/** Quick pick labels render `$(icon)` syntax; API text must show literally, so break the pattern. */
export function literal(text: string | null | undefined): string {
  return (text ?? '').replace(/\$\(/g, '$\u200b(');
}
