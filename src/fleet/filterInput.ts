// What the Filter steps accept and say: input checks with a reason, and which statuses the
// API can filter. Pure (texts via @vscode/l10n).
import * as l10n from '@vscode/l10n';
import { FILTERABLE_STATUSES, SIM_STATUSES } from '../telnyx/types';
import { statusLabel } from './status';

/** E.164: '+', a country code that does not start with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{1,14}$/;

/** Spaces, dashes, dots and parentheses people paste from phone numbers; dropped before the check. */
function compactPhone(value: string): string {
  return value.replace(/[\s\-.()]/g, '');
}

/**
 * Why the ICCID step cannot take `value`, or undefined when it can (empty = any ICCID).
 * An ICCID is digits; spaces are allowed and dropped.
 */
export function iccidInputProblem(value: string): string | undefined {
  const v = value.replace(/\s+/g, '');
  if (v === '') return undefined;
  if (!/^\d+$/.test(v)) return l10n.t('An ICCID has digits only; remove "{0}".', firstNonDigit(v));
  if (v.length > 22) return l10n.t('An ICCID has at most 22 digits; this has {0}.', v.length);
  return undefined;
}

function firstNonDigit(v: string): string {
  return /\D/.exec(v)?.[0] ?? '';
}

/**
 * Why the MSISDN step cannot take `value`, or undefined when it can (empty = any number).
 * The API matches the exact number in E.164 form (+ country code and number).
 */
export function msisdnInputProblem(value: string): string | undefined {
  const v = compactPhone(value.trim());
  if (v === '') return undefined;
  if (!v.startsWith('+')) return l10n.t('Start with + and the country code, e.g. +13109976224 (E.164).');
  const rest = v.slice(1);
  if (/\D/.test(rest)) return l10n.t('A phone number has digits only after the +; remove "{0}".', firstNonDigit(rest));
  if (rest.startsWith('0')) return l10n.t('A country code never starts with 0.');
  if (!E164.test(v)) return l10n.t('An E.164 number has 2 to 15 digits after the +; this has {0}.', rest.length);
  return undefined;
}

/** The MSISDN as the filter stores it ('+' and digits), '' for any. Call after `msisdnInputProblem` passed. */
export function msisdnInputValue(value: string): string {
  return compactPhone(value.trim());
}

/** The ICCID as the filter stores it (digits), '' for any. */
export function iccidInputValue(value: string): string {
  return value.replace(/\s+/g, '');
}

/** The statuses the record can carry but `filter[status]` cannot select (shown by grouping instead). */
export function unfilterableStatuses(): string[] {
  return SIM_STATUSES.filter((s) => !(FILTERABLE_STATUSES as readonly string[]).includes(s));
}

/** The status step's note, beside its first row: the statuses it cannot filter and where to see them. */
export function statusStepNote(): string {
  const others = unfilterableStatuses().map((s) => statusLabel(s));
  return l10n.t('{0}: use Group By Status', others.join(', '));
}

/** Why "No group" is not offered in the group step. */
export function noGroupNote(): string {
  return l10n.t(
    'The API filters one group at a time and cannot select SIMs without a group: Group By SIM Card Group shows them under "No group".',
  );
}
