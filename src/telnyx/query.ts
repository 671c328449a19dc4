// Query strings in the exact wire format of the official `telnyx` SDK: its qs stringify
// runs with arrayFormat 'comma', so arrays are joined with ',' BEFORE encoding (the comma
// goes out as %2C), keys are encoded too (brackets as %5B %5D), and only the RFC 3986
// unreserved characters A-Z a-z 0-9 - . _ ~ stay literal (space is %20, never '+').
import type { SimCardQuery } from './types';

export const DEFAULT_PAGE_SIZE = 250;
export const MAX_PAGE_SIZE = 250;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes one key or value like the SDK (encodeURIComponent also leaves !'()* alone). */
export function encodeComponent(value: string): string {
  // encodeURIComponent throws on a lone surrogate; a replacement character is the sane wire form.
  const wellFormed = value.replace(LONE_SURROGATE, '\uFFFD');
  return encodeURIComponent(wellFormed).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * Encodes key/value pairs in order. Empty strings, empty arrays, null and undefined are
 * omitted; array elements that are empty are dropped before the comma join.
 */
export function encodeQuery(pairs: ReadonlyArray<readonly [string, QueryValue]>): string {
  const out: string[] = [];
  for (const [key, value] of pairs) {
    let text: string;
    if (value == null) continue;
    if (typeof value === 'string') {
      if (value.trim() === '') continue;
      text = value;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) continue;
      text = String(value);
    } else if (typeof value === 'boolean') {
      text = String(value);
    } else {
      const items = value.filter((v) => typeof v === 'string' && v.trim() !== '');
      if (items.length === 0) continue;
      text = items.join(',');
    }
    out.push(`${encodeComponent(key)}=${encodeComponent(text)}`);
  }
  return out.join('&');
}

/** Clamps a page size to the API's 1..250, falling back to the default for junk. */
export function normalizePageSize(size: number | undefined, fallback = DEFAULT_PAGE_SIZE): number {
  if (size === undefined || !Number.isFinite(size)) return fallback;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(size)));
}

/** Page numbers start at 1. */
export function normalizePageNumber(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return 1;
  return Math.max(1, Math.floor(n));
}

/** Paging parameters alone, for the endpoints that only page (groups, connectivity logs). */
export function encodePageQuery(page: { number?: number; size?: number } | undefined, defaultSize: number): string {
  return encodeQuery([
    ['page[number]', normalizePageNumber(page?.number)],
    ['page[size]', normalizePageSize(page?.size, defaultSize)],
  ]);
}

/**
 * `GET /sim_cards` query, e.g.
 * `filter%5Bstatus%5D=enabled%2Cstandby&page%5Bnumber%5D=1&page%5Bsize%5D=250`.
 * Keys go out in the order the SDK builds them; page[number] defaults to 1 and
 * page[size] to 250.
 */
export function encodeSimCardQuery(q: SimCardQuery): string {
  return encodeQuery([
    ['filter[status]', q.status],
    ['filter[tags]', q.tags],
    ['filter[iccid]', q.iccid],
    ['filter[msisdn]', q.msisdn],
    ['filter[sim_card_group_id]', q.simCardGroupId],
    ['include_sim_card_group', q.includeSimCardGroup === true ? true : undefined],
    ['sort', q.sort],
    ['page[number]', normalizePageNumber(q.pageNumber)],
    ['page[size]', normalizePageSize(q.pageSize)],
  ]);
}
