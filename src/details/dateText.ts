// Timestamps of the details panel with a relative form ("3 days ago"), worded through
// @vscode/l10n on the host (the webview receives the finished text).
import * as l10n from '@vscode/l10n';
import { formatTimestamp, parseIsoTimestamp } from '../fleet/dates';
import type { DateText } from './model';

type TimeUnit = 'year' | 'month' | 'day' | 'hour' | 'minute';

const UNITS: ReadonlyArray<[TimeUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** A phrase for a count of one unit, one for other counts: whole phrases, so each language can word and inflect them. */
interface Phrases {
  one: () => string;
  many: (n: number) => string;
}

/** Keyed by direction and unit ("2 days ago" / "in 2 days"). */
const PHRASES: Readonly<Record<`${'past' | 'future'}:${TimeUnit}`, Phrases>> = {
  'past:year': { one: () => l10n.t('1 year ago'), many: (n) => l10n.t('{0} years ago', n) },
  'past:month': { one: () => l10n.t('1 month ago'), many: (n) => l10n.t('{0} months ago', n) },
  'past:day': { one: () => l10n.t('1 day ago'), many: (n) => l10n.t('{0} days ago', n) },
  'past:hour': { one: () => l10n.t('1 hour ago'), many: (n) => l10n.t('{0} hours ago', n) },
  'past:minute': { one: () => l10n.t('1 minute ago'), many: (n) => l10n.t('{0} minutes ago', n) },
  'future:year': { one: () => l10n.t('in 1 year'), many: (n) => l10n.t('in {0} years', n) },
  'future:month': { one: () => l10n.t('in 1 month'), many: (n) => l10n.t('in {0} months', n) },
  'future:day': { one: () => l10n.t('in 1 day'), many: (n) => l10n.t('in {0} days', n) },
  'future:hour': { one: () => l10n.t('in 1 hour'), many: (n) => l10n.t('in {0} hours', n) },
  'future:minute': { one: () => l10n.t('in 1 minute'), many: (n) => l10n.t('in {0} minutes', n) },
};

/** "3 days ago", "in 2 hours", "just now". */
export function relativeTime(thenMs: number, nowMs: number): string {
  const seconds = Math.round((nowMs - thenMs) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return l10n.t('just now');
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const phrases = PHRASES[`${seconds >= 0 ? 'past' : 'future'}:${unit}`];
      return n === 1 ? phrases.one() : phrases.many(n);
    }
  }
  return l10n.t('just now');
}

/** A timestamp for display, or undefined when the API sent nothing usable. */
export function dateText(value: unknown, nowMs: number): DateText | undefined {
  const text = formatTimestamp(value);
  if (text === undefined || typeof value !== 'string') return undefined;
  const t = parseIsoTimestamp(value);
  if (t === undefined) return { iso: '', text, relative: '' };
  return { iso: new Date(t).toISOString(), text, relative: relativeTime(t, nowMs) };
}
