// The user's SIM filter: cleaning it, storing it, turning it into an API query and
// describing it in the view.
import * as l10n from '@vscode/l10n';
import { FILTERABLE_STATUSES, type SimCard, type SimCardGroup, type SimCardQuery } from '../telnyx/types';
import { groupLabel, simGroupId } from './groups';
import { DEFAULT_SORT_KEY, apiSortFor, sortOption, type SortKey } from './sorting';
import { simStatus } from './status';
import { simTags } from './tags';
import { formatCount } from './dataAmount';
// The safe plain text: these words reach the view's message and description.
import { plainText } from '../telnyx/plainText';

export interface SimFilter {
  /** Any-of. */
  status?: string[];
  /** All-of (the API's semantics); case-sensitive. */
  tags?: string[];
  /** Partial ICCID. */
  iccid?: string;
  /** Partial MSISDN: '+' and digits only. */
  msisdn?: string;
  simCardGroupId?: string;
}

function cleanList(list: readonly unknown[] | undefined): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out = new Set<string>();
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const s = item.trim();
    if (s !== '') out.add(s);
  }
  return out.size > 0 ? [...out] : undefined;
}

function cleanString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return s === '' ? undefined : s;
}

/**
 * A clean copy: strings trimmed, empties and duplicates dropped, nothing lowercased (tags
 * are case-sensitive). ICCID loses inner whitespace; MSISDN keeps only '+' and digits.
 * Absent fields are omitted, so `{}` means "no filter".
 */
export function normalizeFilter(f: SimFilter | null | undefined): SimFilter {
  if (f == null || typeof f !== 'object') return {};
  const out: SimFilter = {};
  const status = cleanList(f.status);
  if (status) out.status = status;
  const tags = cleanList(f.tags);
  if (tags) out.tags = tags;
  const iccid = cleanString(f.iccid)?.replace(/\s+/g, '');
  if (iccid) out.iccid = iccid;
  const msisdn = typeof f.msisdn === 'string' ? f.msisdn.replace(/[^+\d]/g, '') : '';
  if (/\d/.test(msisdn)) out.msisdn = msisdn;
  const group = cleanString(f.simCardGroupId);
  if (group) out.simCardGroupId = group;
  return out;
}

export function isFilterActive(f: SimFilter | null | undefined): boolean {
  return Object.keys(normalizeFilter(f)).length > 0;
}

/** Statuses of the filter that `filter[status]` accepts; the others can only be applied locally. */
export function apiStatuses(filter: SimFilter): string[] {
  return (normalizeFilter(filter).status ?? []).filter((s) => (FILTERABLE_STATUSES as readonly string[]).includes(s));
}

/**
 * The API query for a filter. Only FILTERABLE_STATUSES are sent; if the filter names only
 * other statuses no status filter is sent and `matchesFilter` must narrow the result.
 */
/** The API query for a filter and sort; without `pageSize` the client's own page size applies. */
export function toSimCardQuery(filter: SimFilter, sortKey: SortKey, pageSize?: number): SimCardQuery {
  const f = normalizeFilter(filter);
  const q: SimCardQuery = {};
  const status = apiStatuses(f);
  // Sending a subset of an any-of list would drop SIMs the user asked for; send all or none.
  if (status.length > 0 && status.length === (f.status ?? []).length) q.status = status;
  if (f.tags) q.tags = f.tags;
  if (f.iccid) q.iccid = f.iccid;
  if (f.msisdn) q.msisdn = f.msisdn;
  if (f.simCardGroupId) q.simCardGroupId = f.simCardGroupId;
  const sort = apiSortFor(sortKey);
  if (sort) q.sort = sort;
  if (pageSize === undefined) return q;
  const size = Math.trunc(Number(pageSize));
  q.pageSize = Number.isFinite(size) ? Math.min(250, Math.max(1, size)) : 250;
  return q;
}

/**
 * Client-side check of a SIM against the filter (same meaning as the API: any-of status,
 * all-of tags, partial ICCID/MSISDN), for statuses the API cannot filter and for updating
 * a loaded list after an action without a refetch.
 */
export function matchesFilter(sim: SimCard, filter: SimFilter): boolean {
  const f = normalizeFilter(filter);
  if (f.status && !f.status.includes(simStatus(sim))) return false;
  if (f.tags) {
    const tags = simTags(sim);
    if (!f.tags.every((t) => tags.includes(t))) return false;
  }
  if (f.iccid) {
    const iccid = typeof sim.iccid === 'string' ? sim.iccid.toLowerCase() : '';
    if (!iccid.includes(f.iccid.toLowerCase())) return false;
  }
  if (f.msisdn) {
    const digits = (typeof sim.msisdn === 'string' ? sim.msisdn : '').replace(/\D/g, '');
    if (!digits.includes(f.msisdn.replace(/\D/g, ''))) return false;
  }
  if (f.simCardGroupId && simGroupId(sim) !== f.simCardGroupId) return false;
  return true;
}

export interface FilterSummaryItem {
  field: keyof SimFilter;
  /** Plain text, e.g. "status: enabled, standby". */
  text: string;
}

/** One item per active filter field, in a fixed order (for the description and the view message). */
export function filterSummaryItems(filter: SimFilter, groupsById?: ReadonlyMap<string, SimCardGroup>): FilterSummaryItem[] {
  const f = normalizeFilter(filter);
  const items: FilterSummaryItem[] = [];
  const text = (s: string): string => plainText(s, 60);
  if (f.status) items.push({ field: 'status', text: l10n.t('status: {0}', f.status.map(text).join(', ')) });
  if (f.tags) items.push({ field: 'tags', text: l10n.t('tags: {0}', f.tags.map(text).join(', ')) });
  if (f.iccid) items.push({ field: 'iccid', text: l10n.t('iccid: {0}', text(f.iccid)) });
  if (f.msisdn) items.push({ field: 'msisdn', text: l10n.t('msisdn: {0}', text(f.msisdn)) });
  if (f.simCardGroupId) {
    const id = f.simCardGroupId;
    items.push({ field: 'simCardGroupId', text: l10n.t('group: {0}', text(groupLabel(id, groupsById?.get(id)))) });
  }
  return items;
}

/**
 * The view description: "status: enabled, standby · tags: fleet-a · sorted by data used ↓ ·
 * 132 SIMs". The sort is omitted when it is the default; the count when not given.
 */
export function describeFilter(
  filter: SimFilter,
  sortKey: SortKey,
  count?: number,
  groupsById?: ReadonlyMap<string, SimCardGroup>,
): string {
  const parts = filterSummaryItems(filter, groupsById).map((i) => i.text);
  if (sortKey !== DEFAULT_SORT_KEY) parts.push(l10n.t('sorted by {0}', sortOption(sortKey).short));
  if (count !== undefined && Number.isFinite(count) && count >= 0) {
    parts.push(count === 1 ? l10n.t('1 SIM') : l10n.t('{0} SIMs', formatCount(count)));
  }
  return parts.join(' · ');
}

/** Validates a filter read back from workspace state; anything malformed becomes `{}`. */
export function parseStoredFilter(x: unknown): SimFilter {
  if (x == null || typeof x !== 'object' || Array.isArray(x)) return {};
  const o = x as Record<string, unknown>;
  const candidate: SimFilter = {};
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;
  const status = strings(o.status);
  if (status) candidate.status = status;
  const tags = strings(o.tags);
  if (tags) candidate.tags = tags;
  if (typeof o.iccid === 'string') candidate.iccid = o.iccid;
  if (typeof o.msisdn === 'string') candidate.msisdn = o.msisdn;
  if (typeof o.simCardGroupId === 'string') candidate.simCardGroupId = o.simCardGroupId;
  return normalizeFilter(candidate);
}

/**
 * The tree's message when a filter matches nothing, naming the filter:
 * "No SIM cards match status: enabled · group: Meters." (plain text).
 */
export function noMatchMessage(filter: SimFilter, groupsById?: ReadonlyMap<string, SimCardGroup>): string {
  const parts = filterSummaryItems(normalizeFilter(filter), groupsById).map((i) => i.text);
  if (parts.length === 0) return l10n.t('No SIM cards in this Telnyx account yet.');
  return l10n.t('No SIM cards match {0}.', parts.join(' · '));
}
