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

/** Whole phrases per unit, number and direction, so each language can word and inflect them. */
function pastText(unit: TimeUnit, n: number): string {
  const one = n === 1;
  switch (unit) {
    case 'year':
      return one ? l10n.t('1 year ago') : l10n.t('{0} years ago', n);
    case 'month':
      return one ? l10n.t('1 month ago') : l10n.t('{0} months ago', n);
    case 'day':
      return one ? l10n.t('1 day ago') : l10n.t('{0} days ago', n);
    case 'hour':
      return one ? l10n.t('1 hour ago') : l10n.t('{0} hours ago', n);
    case 'minute':
      return one ? l10n.t('1 minute ago') : l10n.t('{0} minutes ago', n);
  }
}

function futureText(unit: TimeUnit, n: number): string {
  const one = n === 1;
  switch (unit) {
    case 'year':
      return one ? l10n.t('in 1 year') : l10n.t('in {0} years', n);
    case 'month':
      return one ? l10n.t('in 1 month') : l10n.t('in {0} months', n);
    case 'day':
      return one ? l10n.t('in 1 day') : l10n.t('in {0} days', n);
    case 'hour':
      return one ? l10n.t('in 1 hour') : l10n.t('in {0} hours', n);
    case 'minute':
      return one ? l10n.t('in 1 minute') : l10n.t('in {0} minutes', n);
  }
}

/** "3 days ago", "in 2 hours", "just now". */
export function relativeTime(thenMs: number, nowMs: number): string {
  const seconds = Math.round((nowMs - thenMs) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return l10n.t('just now');
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      return seconds >= 0 ? pastText(unit, n) : futureText(unit, n);
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
