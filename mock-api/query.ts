// Query-string parsing, SIM filtering/sorting and paging, as the Telnyx API does them.
import type { PageMeta, SimCardDetail } from '../src/telnyx/types';
import { FILTERABLE_STATUSES } from '../src/telnyx/types';
import { amountToBytes } from '../src/telnyx/units';
import { badRequest, invalidParameter } from './errors';
import { compareDefault } from './fleet';

export type Query = Record<string, string>;

function decodePart(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw badRequest('The query string is not valid percent-encoding.');
  }
}

/**
 * Decodes a raw query. Keys are normalised so `filter%5Bstatus%5D`, `filter[status]`,
 * `filter[status][]` and `filter[status][0]` (other client styles) all land on
 * `filter[status]`; repeated keys are comma-joined like the API's own array format.
 */
export function parseQuery(raw: string): Query {
  const out: Query = {};
  if (!raw) return out;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    // Strip a trailing [] / [n] only after another [..] (array-item syntax of some clients).
    const key = decodePart(rawKey).replace(/^(.*\])\[\d*\]$/, '$1');
    const value = decodePart(rawValue);
    out[key] = key in out && out[key] !== '' ? `${out[key]},${value}` : value;
  }
  return out;
}

function list(v: string | undefined): string[] {
  if (v === undefined) return [];
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const digitsOnly = (s: string): string => s.replace(/\D/g, '');

function bool(q: Query, key: string): boolean {
  const v = q[key];
  if (v === undefined || v === '') return false;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw invalidParameter(key, `${key} must be true or false.`);
}

export interface Paging {
  number: number;
  size: number;
}

export function parsePaging(q: Query): Paging {
  return {
    number: intParam(q, 'page[number]', 1, 1, Number.MAX_SAFE_INTEGER),
    size: intParam(q, 'page[size]', 20, 1, 250),
  };
}

function intParam(q: Query, key: string, dflt: number, min: number, max: number): number {
  const v = q[key];
  if (v === undefined || v === '') return dflt;
  if (!/^\s*-?\d+\s*$/.test(v)) throw invalidParameter(key, `${key} must be an integer between ${min} and ${max}.`);
  const n = Number(v);
  if (n < min || n > max) {
    throw invalidParameter(
      key,
      max === Number.MAX_SAFE_INTEGER ? `${key} must be greater than or equal to ${min}.` : `${key} must be between ${min} and ${max}.`,
    );
  }
  return n;
}

export function paginate<T>(items: readonly T[], p: Paging): { data: T[]; meta: PageMeta } {
  const total = items.length;
  const start = (p.number - 1) * p.size;
  return {
    data: items.slice(start, start + p.size),
    meta: {
      page_number: p.number,
      page_size: p.size,
      total_pages: Math.ceil(total / p.size),
      total_results: total,
    },
  };
}

export interface SimSelection {
  sims: SimCardDetail[];
  includeGroup: boolean;
  paging: Paging;
}

const SORT_FIELD = 'current_billing_period_consumed_data.amount';
/** Distinct queries kept per fleet version (a listing uses one; a test or demo a handful). */
const MAX_CACHED_QUERIES = 64;

/**
 * Each query's filtered and sorted list, so serving a page of a 100,000-SIM fleet costs a
 * slice, not a filter and sort of the whole fleet. Any change to the fleet bumps the version
 * the caller passes, which empties the cache.
 */
export class SelectionCache {
  private version = -1;
  private readonly lists = new Map<string, SimCardDetail[]>();
  hits = 0;
  misses = 0;

  get(version: number, key: string, make: () => SimCardDetail[]): SimCardDetail[] {
    if (version !== this.version) {
      this.lists.clear();
      this.version = version;
    }
    const cached = this.lists.get(key);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    if (this.lists.size >= MAX_CACHED_QUERIES) this.lists.clear();
    const made = make();
    this.lists.set(key, made);
    return made;
  }
}

export interface CachedSelection {
  cache: SelectionCache;
  /** The fleet's change counter: a different value than last time means the fleet changed. */
  version: number;
}

/**
 * Applies every `GET /sim_cards` parameter; throws HttpError(422) on values the API rejects.
 * With `cached`, the filtered and sorted list is shared across calls: never mutate `sims`.
 */
export function selectSims(all: readonly SimCardDetail[], q: Query, cached?: CachedSelection): SimSelection {
  const paging = parsePaging(q);
  const includeGroup = bool(q, 'include_sim_card_group');

  const statuses = list(q['filter[status]']);
  for (const s of statuses) {
    if (!(FILTERABLE_STATUSES as readonly string[]).includes(s)) {
      throw invalidParameter('filter[status]', `filter[status] must be one of: ${FILTERABLE_STATUSES.join(', ')}.`);
    }
  }
  const tags = list(q['filter[tags]']);
  const iccid = (q['filter[iccid]'] ?? '').trim();
  const msisdn = digitsOnly(q['filter[msisdn]'] ?? '');
  if (q['filter[msisdn]'] !== undefined && q['filter[msisdn]'].trim() !== '' && msisdn === '') {
    throw invalidParameter('filter[msisdn]', 'filter[msisdn] must be a phone number in E.164 format.');
  }
  const groupId = (q['filter[sim_card_group_id]'] ?? '').trim();

  const sort = q.sort;
  if (sort !== undefined && sort !== '' && sort !== SORT_FIELD && sort !== `-${SORT_FIELD}`) {
    throw invalidParameter('sort', `sort must be ${SORT_FIELD} or -${SORT_FIELD}.`);
  }

  const make = (): SimCardDetail[] => filterAndSort(all, { statuses, tags, iccid, msisdn, groupId, sort });
  // The key is the normalised filter and sort (order of statuses and tags does not matter).
  const key = JSON.stringify([[...statuses].sort(), [...tags].sort(), iccid, msisdn, groupId, sort ?? '']);
  const sims = cached ? cached.cache.get(cached.version, key, make) : make();
  return { sims, includeGroup, paging };
}

interface SimFilter {
  statuses: string[];
  tags: string[];
  iccid: string;
  msisdn: string;
  groupId: string;
  sort: string | undefined;
}

function filterAndSort(all: readonly SimCardDetail[], f: SimFilter): SimCardDetail[] {
  const { statuses, tags, iccid, msisdn, groupId, sort } = f;
  let sims = all.filter((s) => {
    if (statuses.length && !statuses.includes(s.status?.value ?? '')) return false;
    if (tags.length && !tags.every((t) => (s.tags ?? []).includes(t))) return false;
    if (iccid && !(s.iccid ?? '').includes(iccid)) return false;
    // MSISDN is an exact match, but with or without "+" (which a raw "+" in a URL turns into a space).
    if (msisdn && digitsOnly(s.msisdn ?? '') !== msisdn) return false;
    if (groupId && s.sim_card_group_id !== groupId) return false;
    return true;
  });
  sims.sort(compareDefault);
  if (sort) {
    const dir = sort.startsWith('-') ? -1 : 1;
    const bytes = new Map(sims.map((s) => [s.id, amountToBytes(s.current_billing_period_consumed_data) ?? 0]));
    // Array.sort is stable, so equal usage keeps the default order.
    sims = sims.sort((a, b) => dir * ((bytes.get(a.id) ?? 0) - (bytes.get(b.id) ?? 0)));
  }
  return sims;
}
