// Timestamps from the API shown in a fixed, locale-independent form. Only ISO 8601 text is
// read as a date: Date.parse "understands" almost anything ("sim 7" is 2001-07-01).
import { plainText } from './text';

/** 2024-05-01, 2024-05-01T12:34, 2024-05-01T12:34:56.789123Z, 2024-05-01 12:34:56+02:00. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Milliseconds since the epoch for an ISO 8601 timestamp, else undefined. No zone means UTC. */
export function parseIsoTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const m = ISO_8601.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  // Day 31 in a 30-day month must not roll over into the next month.
  if (day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return undefined;
  const offset =
    zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.length === 3
        ? `${zone}:00`
        : zone.includes(':')
          ? zone
          : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) return undefined;
  const ms = frac === '' ? '' : `.${frac.padEnd(3, '0').slice(0, 3)}`;
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${offset}`);
  return Number.isFinite(t) ? t : undefined;
}

/** "2024-05-01 12:34:56 UTC" for an ISO 8601 timestamp; otherwise the raw text (one line). */
export function formatTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const t = parseIsoTimestamp(value);
  if (t === undefined) return plainText(value, 60);
  return new Date(t)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' UTC');
}
