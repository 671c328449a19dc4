// Timestamps from the API shown in a fixed, locale-independent form.
import { plainText } from './text';

/** "2024-05-01 12:34:56 UTC" for a parsable timestamp; otherwise the raw text (one line). */
export function formatTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return plainText(value, 60);
  return new Date(t).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}
