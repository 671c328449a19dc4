// What the user chose to see: filter, sort and grouping, and which changes need the API.
import { normalizeFilter, parseStoredFilter, type SimFilter } from './filters';
import { isGroupBy, type GroupBy } from './grouping';
import { DEFAULT_SORT_KEY, apiSortFor, isSortKey, type SortKey } from './sorting';

export interface ViewOptions {
  readonly filter: SimFilter;
  readonly sort: SortKey;
  readonly groupBy: GroupBy;
}

export const DEFAULT_VIEW_OPTIONS: ViewOptions = { filter: {}, sort: DEFAULT_SORT_KEY, groupBy: 'status' };

/** What a change of options asks for. */
export interface OptionsChange {
  /** The SIM list must be fetched again (the filter changed, or a new API-side sort). */
  readonly request: boolean;
  readonly filter: boolean;
  readonly sort: boolean;
  readonly groupBy: boolean;
}

/** Identity of a filter, to compare two filters whatever their key order. */
export function filterKey(filter: SimFilter): string {
  const f = normalizeFilter(filter);
  return JSON.stringify([f.status ?? [], f.tags ?? [], f.iccid ?? '', f.msisdn ?? '', f.simCardGroupId ?? '']);
}

/**
 * Compares options. A client-side sort or a regroup needs no request; a filter change does,
 * and so does a new API-side sort when `loadedApiSort` (the sort the loaded list was
 * requested with) differs, so the first pages hold the top SIMs while the rest arrive.
 */
export function compareOptions(before: ViewOptions, after: ViewOptions, loadedApiSort: string | undefined): OptionsChange {
  const filter = filterKey(before.filter) !== filterKey(after.filter);
  const sort = before.sort !== after.sort;
  const groupBy = before.groupBy !== after.groupBy;
  const apiSort = apiSortFor(after.sort);
  const request = filter || (sort && apiSort !== undefined && apiSort !== loadedApiSort);
  return { request, filter, sort, groupBy };
}

/** Options read back from workspace state; anything malformed falls back to the defaults given. */
export function parseStoredOptions(x: unknown, defaults: ViewOptions = DEFAULT_VIEW_OPTIONS): ViewOptions {
  const o = x != null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
  return {
    filter: 'filter' in o ? parseStoredFilter(o.filter) : normalizeFilter(defaults.filter),
    sort: isSortKey(o.sort) ? o.sort : defaults.sort,
    groupBy: isGroupBy(o.groupBy) ? o.groupBy : defaults.groupBy,
  };
}
