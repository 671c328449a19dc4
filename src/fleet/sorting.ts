// Sort orders for the SIM list. Sorting is always redone here, even when the API sorted,
// because pages arrive concurrently and because most keys are not API-sortable.
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

export const SORT_OPTIONS: readonly SortOption[] = [
  { key: 'iccid', label: 'ICCID', detail: 'Ascending by ICCID', short: 'ICCID', api: false },
  { key: 'msisdn', label: 'MSISDN', detail: 'Ascending by phone number; SIMs without one last', short: 'MSISDN', api: false },
  { key: 'dataUsedDesc', label: 'Data used (most first)', detail: 'Data consumed this billing period, highest first', short: 'data used ↓', api: true },
  { key: 'dataUsedAsc', label: 'Data used (least first)', detail: 'Data consumed this billing period, lowest first', short: 'data used ↑', api: true },
  { key: 'usagePercent', label: 'Usage of limit', detail: 'Share of the data limit used (SIM limit, else group limit), highest first', short: 'usage % ↓', api: false },
  { key: 'updated', label: 'Recently updated', detail: 'Newest update first', short: 'updated ↓', api: false },
];

export function isSortKey(x: unknown): x is SortKey {
  return typeof x === 'string' && SORT_OPTIONS.some((o) => o.key === x);
}

export function sortOption(key: SortKey): SortOption {
  return SORT_OPTIONS.find((o) => o.key === key) ?? SORT_OPTIONS[0];
}

/** The `sort` parameter the API understands for this key, if any. */
export function apiSortFor(key: SortKey): ApiSort | undefined {
  if (key === 'dataUsedDesc') return '-current_billing_period_consumed_data.amount';
  if (key === 'dataUsedAsc') return 'current_billing_period_consumed_data.amount';
  return undefined;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const tieBreaker = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

type KeyOf<T> = (sim: SimCard) => T | undefined;

/** Builds a comparator over precomputed keys; undefined keys always sort last. */
function sortBy<T>(sims: readonly SimCard[], extract: KeyOf<T>, cmp: (a: T, b: T) => number): SimCard[] {
  const keyed = sims.map((sim, index) => ({ sim, index, key: extract(sim) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key === undefined && b.key === undefined) return a.index - b.index;
      return a.key === undefined ? 1 : -1;
    }
    return cmp(a.key, b.key) || a.index - b.index;
  });
  return keyed.map((k) => k.sim);
}

const numberAsc = (a: number, b: number): number => a - b;
const numberDesc = (a: number, b: number): number => b - a;
const textAsc = (a: string, b: string): number =>
  collator.compare(a, b) || tieBreaker.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

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

/**
 * A sorted copy of `sims`. Stable (ties keep input order) and values that are missing or
 * unparsable go last whatever the direction.
 */
export function sortSims(
  sims: readonly SimCard[],
  key: SortKey,
  groupsById: ReadonlyMap<string, SimCardGroup> = new Map(),
): SimCard[] {
  switch (key) {
    case 'dataUsedDesc':
      return sortBy(sims, (s) => amountToBytes(s.current_billing_period_consumed_data), numberDesc);
    case 'dataUsedAsc':
      return sortBy(sims, (s) => amountToBytes(s.current_billing_period_consumed_data), numberAsc);
    case 'msisdn':
      return sortBy(sims, msisdnKey, textAsc);
    case 'updated':
      return sortBy(sims, updatedKey, numberDesc);
    case 'usagePercent':
      return sortBy(sims, (s) => simUsage(s, groupForSim(s, groupsById)).percent, numberDesc);
    case 'iccid':
    default:
      return sortBy(sims, (s) => nonEmpty(s.iccid), textAsc);
  }
}
