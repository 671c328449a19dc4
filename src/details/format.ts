// Display formats of the details panel: data sizes in the units people expect, percents
// and timestamps with a relative form. Locale-independent so tests and screenshots agree.
import { formatDataAmount } from '../fleet/dataAmount';
import { formatTimestamp, parseIsoTimestamp } from '../fleet/dates';
import { formatNumber } from '../fleet/text';
import type { DateText } from './model';

/** The project's one data formatter ("612.1 MB", "7.34 GB"); '' when there is no amount. */
export function formatDataSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  return formatDataAmount(bytes);
}

/** "75%", "7.5%", "123%", "<0.1%": one decimal below 10 % so small usage is not "0%". */
export function formatPercent(percent: number | undefined): string {
  if (percent === undefined || !Number.isFinite(percent)) return '';
  return `${formatNumber(percent, percent < 10 ? 1 : 0)}%`;
}

/**
 * "Updated 14:05" in the viewer's local time (the panel's own clock, not the API's), '' for
 * a missing or broken timestamp.
 */
export function updatedText(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `Updated ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const UNITS: ReadonlyArray<[string, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "in 2 hours", "just now". */
export function relativeTime(thenMs: number, nowMs: number): string {
  const seconds = Math.round((nowMs - thenMs) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return 'just now';
  for (const [name, size] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const label = `${n} ${name}${n === 1 ? '' : 's'}`;
      return seconds >= 0 ? `${label} ago` : `in ${label}`;
    }
  }
  return 'just now';
}

/** A timestamp for display, or undefined when the API sent nothing usable. */
export function dateText(value: unknown, nowMs: number): DateText | undefined {
  const text = formatTimestamp(value);
  if (text === undefined || typeof value !== 'string') return undefined;
  const t = parseIsoTimestamp(value);
  if (t === undefined) return { iso: '', text, relative: '' };
  return { iso: new Date(t).toISOString(), text, relative: relativeTime(t, nowMs) };
}
