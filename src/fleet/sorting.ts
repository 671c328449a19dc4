// Sort orders for the SIM list. Sorting is always redone here, even when the API sorted,
// because pages arrive concurrently and because most keys are not API-sortable.
import * as l10n from '@vscode/l10n';
import type { ApiSort, SimCard, SimCardGroup } from '../telnyx/types';
import { amountToBytes } from '../telnyx/units';
import { groupForSim } from './groups';
import { nonEmpty } from './text';
import { simUsage } from './usage';

export type SortKey = 'dataUsedDesc' | 'dataUsedAsc' | 'iccid' | 'msisdn' | 'updated' | 'usagePercent';

export interface SortOption {
  key: SortKey;
  /** Quick pick label. */
  label: string;
  detail: string;
  /** Short form for the view description ("data used ↓"). */
  short: string;
  /** True when the API can sort by it (then the first pages already hold the top SIMs). */
  api: boolean;
}

export const DEFAULT_SORT_KEY: SortKey = 'iccid';

const SORT_KEYS: readonly SortKey[] = ['iccid', 'msisdn', 'dataUsedDesc', 'dataUsedAsc', 'usagePercent', 'updated'];

/** The sort orders in quick pick order, worded now (a function so the words follow the display language). */
export function sortOptions(): [SortOption, ...SortOption[]] {
  return [
    { key: 'iccid', label: l10n.t('ICCID'), detail: l10n.t('Ascending by ICCID'), short: l10n.t('ICCID'), api: false },
    {
      key: 'msisdn',
      label: l10n.t('MSISDN'),
      detail: l10n.t('Ascending by phone number; SIMs without one last'),
      short: l10n.t('MSISDN'),
      api: false,
    },
    {
      key: 'dataUsedDesc',
      label: l10n.t('Data used (most first)'),
      detail: l10n.t('Data consumed this billing period, highest first'),
      short: l10n.t('data used ↓'),
      api: true,
    },
    {
      key: 'dataUsedAsc',
      label: l10n.t('Data used (least first)'),
      detail: l10n.t('Data consumed this billing period, lowest first'),
      short: l10n.t('data used ↑'),
      api: true,
    },
    {
      key: 'usagePercent',
      label: l10n.t('Usage of limit'),
      detail: l10n.t('Share of the data limit used (SIM limit, else group limit), highest first'),
      short: l10n.t('usage % ↓'),
      api: false,
    },
    { key: 'updated', label: l10n.t('Recently updated'), detail: l10n.t('Newest update first'), short: l10n.t('updated ↓'), api: false },
  ];
}

export function isSortKey(x: unknown): x is SortKey {
  return typeof x === 'string' && (SORT_KEYS as readonly string[]).includes(x);
}

export function sortOption(key: SortKey): SortOption {
  const options = sortOptions();
  return options.find((o) => o.key === key) ?? options[0];
}

/** The `sort` parameter the API understands for this key, if any. */
export function apiSortFor(key: SortKey): ApiSort | undefined {
  if (key === 'dataUsedDesc') return '-current_billing_period_consumed_data.amount';
  if (key === 'dataUsedAsc') return 'current_billing_period_consumed_data.amount';
  return undefined;
}

/** A precomputed sort key: text for identifiers, a number otherwise; undefined sorts last. */
export type SimSortValue = string | number | undefined;

/**
 * Identifiers (ICCID, MSISDN digits, IMSI, ids) compare as text, code unit by code unit:
 * "+882…" sorts after "+44…", and a 19-digit ICCID sits among the 20-digit ones sharing its
 * prefix. A numeric collator would instead put every shorter number first.
 */
export function compareIdentifiers(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Phone numbers compare by their digits, so "+1 310…" and "1310…" sort together. */
function msisdnKey(sim: SimCard): string | undefined {
  const raw = nonEmpty(sim.msisdn);
  const digits = raw?.replace(/\D/g, '');
  return digits ? digits : undefined;
}

function updatedKey(sim: SimCard): number | undefined {
  const raw = nonEmpty(sim.updated_at);
  if (raw === undefined) return undefined;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : t;
}

/** The value `key` sorts `sim` by (see compareSortValues). */
export function simSortValue(sim: SimCard, key: SortKey, groupsById: ReadonlyMap<string, SimCardGroup>): SimSortValue {
  switch (key) {
    case 'dataUsedDesc':
    case 'dataUsedAsc':
      return amountToBytes(sim.current_billing_period_consumed_data);
    case 'msisdn':
      return msisdnKey(sim);
    case 'updated':
      return updatedKey(sim);
    case 'usagePercent':
      return simUsage(sim, groupForSim(sim, groupsById)).percent;
    case 'iccid':
    default:
      return nonEmpty(sim.iccid)?.toLowerCase();
  }
}

/** True when a larger value comes first for this key. */
function descending(key: SortKey): boolean {
  return key === 'dataUsedDesc' || key === 'updated' || key === 'usagePercent';
}

/** Comparator of two sort values for `key`; missing values last whatever the direction; 0 on ties. */
export function compareSortValues(key: SortKey): (a: SimSortValue, b: SimSortValue) => number {
  const sign = descending(key) ? -1 : 1;
  return (a, b) => {
    if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
    if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
    return sign * compareIdentifiers(String(a), String(b));
  };
}

/**
 * A sorted copy of `sims`. Stable (ties keep input order) and values that are missing or
 * unparsable go last whatever the direction.
 */
export function sortSims(sims: readonly SimCard[], key: SortKey, groupsById: ReadonlyMap<string, SimCardGroup> = new Map()): SimCard[] {
  const cmp = compareSortValues(key);
  const keyed = sims.map((sim, index) => ({ sim, index, value: simSortValue(sim, key, groupsById) }));
  keyed.sort((a, b) => cmp(a.value, b.value) || a.index - b.index);
  return keyed.map((k) => k.sim);
}
