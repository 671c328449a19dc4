import { plainText } from '../telnyx/plainText';

/**
 * Quick pick labels, descriptions and details render `$(icon)` syntax and may linkify:
 * API text goes through the one safe-text function (telnyx/plainText.ts).
 */
export function literal(text: string | null | undefined): string {
  return plainText(text ?? '');
}
