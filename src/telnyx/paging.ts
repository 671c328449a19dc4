// Fetching every page of a list, and saying whether the result is the whole list.
//
// A pass fetches page 1 (its meta says how many there are), then the rest with a bounded
// number in flight. The pass is *verified* when every page carried the same total_results,
// no page came back short before the last (a short page is refetched once), and the distinct
// items add up to that total. page_number in meta is never trusted: the data decides.
// A pass that is not verified is repaired by listing once more with the same query (the
// consumer is told through onRestart). The second pass counts when it verifies, or when it
// returns exactly the same ids as a clean first pass (the server's totals are wrong or
// missing, but the list is stable). Otherwise the result says it is incomplete, and why.
// A lying server cannot make this loop forever: pages are capped by total_results plus a
// bounded overflow, a page repeating earlier ones ends the pass, and there are two passes.
import { CancelledError, isCancelledError } from './errors';
import { IdSet } from './idSet';
import type { RequestSlot } from './http';
import type { PageMeta } from './types';

export interface FetchedPage<T> {
  items: T[];
  /** Items the server sent, before hostile ones were dropped. */
  rawCount: number;
  meta: Partial<PageMeta> | undefined;
}

export interface PageProgress {
  loadedPages: number;
  /** Pages expected in this pass (grows when the server has more than it said). */
  totalPages: number;
  /** The server's total_results (items so far when it gives none). */
  totalResults: number;
  /** 1, or 2 after a restart. */
  pass: number;
}

/** Why a list is not known to be complete. */
export type IncompleteReason =
  /** total_results changed between pages in the final pass: the list changed while loading. */
  | 'changed'
  /** Pages repeat, come back short, or do not add up to total_results, twice. */
  | 'inconsistent'
  /** More items than the safety caps allow. */
  | 'limit';

export interface CompleteList<T> {
  complete: true;
  /** Empty when the caller took the pages through `onPage` with `keepItems: false`. */
  items: T[];
  /** Distinct items listed (items.length when they are kept). */
  count: number;
  /** count: every item the list holds. */
  expectedTotal: number;
  /** 2 when a repair pass was needed. */
  passes: number;
}

export interface IncompleteList<T> {
  complete: false;
  /** Everything the final pass got, deduplicated, in page order (empty with `keepItems: false`). */
  items: T[];
  /** Distinct items the final pass got. */
  count: number;
  /** The server's last total_results ("N of about M"), undefined when it never said. */
  expectedTotal: number | undefined;
  reason: IncompleteReason;
  passes: number;
}

export type ListResult<T> = CompleteList<T> | IncompleteList<T>;

export interface RestartInfo {
  /** Why pass 1 was not trusted. */
  reason: 'changed' | 'unverified';
}

export interface CollectPagesOptions<T> {
  /** `slot` (pages after the first) is released once the page's body is in, and taken again before a retry. */
  fetchPage: (pageNumber: number, signal: AbortSignal | undefined, slot?: RequestSlot) => Promise<FetchedPage<T>>;
  idOf: (item: T) => string;
  /** The page size that was requested. */
  pageSize: number;
  concurrency: number;
  signal?: AbortSignal;
  /** Each page as it arrives (page 1 first); within a pass every item is passed once. */
  onPage?: (items: T[], progress: PageProgress) => void;
  /** Everything onPage passed so far is void: a fresh pass follows, starting with its page 1. */
  onRestart?: (info: RestartInfo) => void;
  /**
   * false: the result's `items` are empty. For a caller that takes every page through `onPage`
   * (the tree): the listing then does not hold each record until it ends, so a refresh that keeps
   * the records it already has for unchanged SIMs drops the new copies at once.
   */
  keepItems?: boolean;
}

/** Pages beyond ceil(total_results / page_size) that are still fetched when the server has more than it said. */
export const PAGE_MARGIN = 1;
/** Pages fetched past the stated total at most: max(this, a quarter of the stated pages). */
export const MIN_OVERFLOW_PAGES = 4;
/** No listing asks for more items than this, whatever meta claims. */
export const MAX_ITEMS = 2_000_000;
export const MAX_CONCURRENCY = 16;

/** How many pages page 1's meta announces (before any probe). 1 when meta gives no total. */
export function plannedPageCount(meta: Partial<PageMeta> | undefined, firstRawCount: number, requestedSize: number): number {
  const total = totalOf(meta);
  if (total === undefined) return 1;
  const size = pageSizeFor(total, firstRawCount, requestedSize);
  return Math.max(1, Math.min(Math.ceil(total / size), Math.ceil(MAX_ITEMS / size)));
}

function totalOf(meta: Partial<PageMeta> | undefined): number | undefined {
  const t = meta?.total_results;
  return typeof t === 'number' && Number.isFinite(t) && t >= 0 ? Math.floor(t) : undefined;
}

/** A full first page tells the real page size even when the server pages smaller than asked. */
function pageSizeFor(total: number, firstRawCount: number, requestedSize: number): number {
  return Math.max(1, firstRawCount > 0 && total > firstRawCount ? firstRawCount : requestedSize);
}

type Problem = 'changed' | 'repeat' | 'short' | 'limit' | 'noTotal';

interface Pass<T> {
  items: T[];
  ids: IdSet;
  /** Records the server sent that parsing dropped (hostile): they count towards total_results. */
  dropped: number;
  /** total_results of page 1. */
  total: number | undefined;
  /** The last total_results any page carried. */
  lastTotal: number | undefined;
  problems: Set<Problem>;
  /** Stopped early to restart. */
  aborted: boolean;
}

export async function collectPages<T>(opts: CollectPagesOptions<T>): Promise<ListResult<T>> {
  if (opts.signal?.aborted) throw new CancelledError();
  const first = await runPass(opts, 1);
  if (verified(first)) return { complete: true, items: first.items, count: first.ids.size, expectedTotal: first.ids.size, passes: 1 };

  opts.onRestart?.({ reason: first.problems.has('changed') ? 'changed' : 'unverified' });
  const second = await runPass(opts, 2);
  const clean = (p: Pass<T>): boolean => !p.aborted && ![...p.problems].some((x) => x !== 'noTotal');
  const same = first.ids.size === second.ids.size && [...first.ids].every((id) => second.ids.has(id));
  if (verified(second) || (clean(first) && clean(second) && same)) {
    return { complete: true, items: second.items, count: second.ids.size, expectedTotal: second.ids.size, passes: 2 };
  }
  const reason: IncompleteReason = second.problems.has('limit') ? 'limit' : second.problems.has('changed') ? 'changed' : 'inconsistent';
  return { complete: false, items: second.items, count: second.ids.size, expectedTotal: second.lastTotal, reason, passes: 2 };
}

function verified(p: Pass<unknown>): boolean {
  return !p.aborted && p.problems.size === 0 && p.total !== undefined && p.ids.size + p.dropped === p.total;
}

/** One listing from page 1. Pass 1 stops as soon as the total changes (pass 2 will redo it). */
async function runPass<T>(opts: CollectPagesOptions<T>, passNo: number): Promise<Pass<T>> {
  const { signal, idOf } = opts;
  const problems = new Set<Problem>();
  const keep = opts.keepItems !== false;
  const pages = new Map<number, T[]>();
  /** Ids of the pages folded in so far (also what onPage was given: one set, not two, at 100,000 ids). */
  const seen = new IdSet();

  let first = await opts.fetchPage(1, signal);
  const total0 = totalOf(first.meta);
  // An empty page 1 of a list that says it has items: ask once more.
  if (first.rawCount === 0 && total0 !== undefined && total0 > 0) first = await opts.fetchPage(1, signal);
  const total = totalOf(first.meta);
  let lastTotal = total;
  if (total === undefined) problems.add('noTotal');
  const size = total === undefined ? Math.max(1, opts.pageSize) : pageSizeFor(total, first.rawCount, opts.pageSize);
  const maxPages = Math.max(1, Math.ceil(MAX_ITEMS / size));
  /** Pages total_results announces; undefined means walk until a short page. */
  const announced = total === undefined ? undefined : Math.min(maxPages, Math.ceil(total / size));
  const overflowCap =
    announced === undefined ? maxPages : Math.min(maxPages, announced + Math.max(MIN_OVERFLOW_PAGES, Math.ceil(announced / 4)));
  /** How many items page n should hold according to page 1's total. */
  const expected = (n: number): number => (total === undefined ? size : Math.max(0, Math.min(size, total - (n - 1) * size)));

  let stopAt: number;
  if (first.rawCount === 0 || (total === undefined && first.rawCount < size)) stopAt = 1;
  else if (announced === undefined) stopAt = maxPages;
  // A last page that should be full gets a probe fetched along with the others (in case there is more).
  else stopAt = Math.min(overflowCap, Math.max(1, announced) + (total !== undefined && total % size === 0 ? PAGE_MARGIN : 0));

  let loadedPages = 0;
  /** Adds a page's ids to `seen`; returns its items not seen before (in order, each id once). */
  const fold = (items: T[]): T[] => {
    const fresh: T[] = [];
    for (const item of items) {
      const id = idOf(item);
      if (seen.add(id)) fresh.push(item);
    }
    return fresh;
  };
  const emit = (fresh: T[]): void => {
    loadedPages++;
    if (!opts.onPage) return;
    const walking = announced === undefined;
    opts.onPage(fresh, {
      loadedPages,
      totalPages: Math.max(walking ? loadedPages : Math.min(stopAt, Math.max(1, announced)), loadedPages),
      totalResults: total ?? seen.size,
      pass: passNo,
    });
  };
  let dropped = first.rawCount - first.items.length;
  const firstFresh = fold(first.items);
  pages.set(1, keep ? first.items : []);

  let aborted = false;
  if (stopAt <= 1) emit(firstFresh);
  else {
    const inFlight = new Map<number, AbortController>();
    let groupAborted = false;
    /** Aborts every request of the pass: one listener on the caller's signal, not one per page in flight. */
    const abortAll = (): void => {
      groupAborted = true;
      for (const ctl of inFlight.values()) ctl.abort();
    };
    signal?.addEventListener('abort', abortAll, { once: true });
    let failure: unknown;
    let failed = false;
    let next = 2;

    /** Nothing after page lastWanted is wanted any more. */
    const stopAfter = (lastWanted: number): void => {
      stopAt = Math.min(stopAt, lastWanted);
      for (const [n, ctl] of inFlight) if (n > stopAt) ctl.abort();
    };

    /** Folds one page in: checks its total, overlap and length, and may move the end of the pass. */
    const accept = (n: number, page: FetchedPage<T>): void => {
      const pageTotal = totalOf(page.meta);
      if (pageTotal === undefined && total !== undefined) problems.add('noTotal');
      if (pageTotal !== undefined) {
        if (pageTotal !== total) problems.add('changed');
        lastTotal = pageTotal;
      }
      if (problems.has('changed') && passNo === 1) {
        // The list moved under us: whatever else arrives is suspect, start over.
        aborted = true;
        stopAfter(0);
        return;
      }
      const ids = page.items.map(idOf);
      if (page.rawCount > 0 && ids.length > 0 && ids.every((id) => seen.has(id))) {
        // The same records again: an ignored page[number] (a problem) or, past the stated end, a clamped last page.
        if (announced === undefined || n <= announced) problems.add('repeat');
        stopAfter(n - 1);
        return;
      }
      const fresh = fold(page.items);
      pages.set(n, keep ? page.items : []);
      dropped += page.rawCount - page.items.length;
      const wanted = expected(n);
      if (page.rawCount < wanted && n <= (announced ?? 0)) problems.add('short');
      if (announced === undefined) {
        if (page.rawCount < size) stopAfter(n);
        else if (n >= stopAt) problems.add('limit');
      } else if (n >= stopAt && page.rawCount >= size) {
        // More than total_results said: keep going, within bounds.
        if (n + 1 > overflowCap) problems.add('limit');
        else stopAt = Math.max(stopAt, n + 1);
      } else if (n > announced && page.rawCount === 0) {
        // The probe past the end found nothing: not a page worth reporting.
        stopAfter(n);
        return;
      }
      emit(fresh);
    };

    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      failure = e;
      abortAll();
    };
    const limit = Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(opts.concurrency) || 1));
    /** Requests on the wire (at most limit), and pages not yet folded in (the pass ends at 0). */
    let onWire = 0;
    let unfinished = 0;
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));

    /** Retries waiting for their place back (see RequestSlot). */
    const waiting: (() => void)[] = [];

    /** A sliding window: a page goes out as soon as any request comes back, never in rounds; retries go first. */
    const fill = (): void => {
      while (onWire < limit && waiting.length > 0) {
        onWire++;
        waiting.shift()?.();
      }
      while (!failed && onWire < limit && next <= stopAt) {
        const n = next++;
        fetchOne(n).catch(fail);
      }
      if (unfinished === 0) settle();
    };

    /** The place of one page in the window: held from its request until its body is in. */
    const slotFor = (): RequestSlot => {
      let held = true;
      return {
        release: (): void => {
          if (!held) return;
          held = false;
          onWire--;
          fill();
        },
        reacquire: (s?: AbortSignal): Promise<void> => {
          if (held) return Promise.resolve();
          if (s?.aborted) return Promise.reject(new CancelledError());
          if (onWire < limit) {
            onWire++;
            held = true;
            return Promise.resolve();
          }
          return new Promise<void>((resolve, reject) => {
            const take = (): void => {
              s?.removeEventListener('abort', onAbort);
              held = true;
              resolve();
            };
            const onAbort = (): void => {
              const i = waiting.indexOf(take);
              if (i >= 0) waiting.splice(i, 1);
              reject(new CancelledError());
            };
            waiting.push(take);
            s?.addEventListener('abort', onAbort, { once: true });
          });
        },
      };
    };

    const fetchOne = async (n: number): Promise<void> => {
      unfinished++;
      onWire++;
      const slot = slotFor();
      const ctl = new AbortController();
      if (groupAborted) ctl.abort();
      inFlight.set(n, ctl);
      let page: FetchedPage<T> | undefined;
      try {
        // Only a page total_results announced gives its place back early: the page that follows it is
        // wanted anyway. Walking without a total, each page decides whether there is a next one.
        const early = announced !== undefined && n <= announced ? slot : undefined;
        page = await opts.fetchPage(n, ctl.signal, early);
        // A page short of what total_results promises (and the total unchanged): ask once more.
        const sameTotal = totalOf(page.meta) === total;
        if (total !== undefined && n <= (announced ?? 0) && sameTotal && page.rawCount < expected(n) && n <= stopAt) {
          await slot.reacquire(ctl.signal);
          page = await opts.fetchPage(n, ctl.signal, early);
        }
      } catch (e) {
        page = undefined;
        // Aborted because an earlier page ended the pass: not an error.
        if (!(n > stopAt && isCancelledError(e) && !signal?.aborted)) fail(e);
      } finally {
        inFlight.delete(n);
        slot.release();
      }
      if (page && !failed && n <= stopAt) {
        // The next request goes out before this page is folded in and handed to onPage, so that
        // work overlaps the next wait instead of delaying it.
        fill();
        try {
          accept(n, page);
        } catch (e) {
          fail(e);
        }
      }
      unfinished--;
      // accept may have moved the end of the pass either way.
      fill();
    };

    try {
      fill();
      // Page 1 is handed on once the next pages are out, so that work overlaps their wait.
      try {
        emit(firstFresh);
      } catch (e) {
        fail(e);
      }
      await settled;
    } finally {
      signal?.removeEventListener('abort', abortAll);
    }
    if (signal?.aborted) throw new CancelledError();
    if (failed) throw failure;
  }
  if (signal?.aborted) throw new CancelledError();

  if (!keep) return { items: [], ids: seen, dropped, total, lastTotal, problems, aborted };
  // Every page in page order; the first occurrence of an id wins.
  const order = [...pages.keys()].sort((a, b) => a - b);
  let stored = 0;
  for (const n of order) stored += pages.get(n)?.length ?? 0;
  if (stored === seen.size) {
    // No id came twice (the normal case): the pages joined are the list, and `seen` its ids.
    // A plain loop: flatMap over 400 pages of 250 took tens of ms on the extension host.
    const items: T[] = [];
    for (const n of order) for (const item of pages.get(n) ?? []) items.push(item);
    return { items, ids: seen, dropped, total, lastTotal, problems, aborted };
  }
  const items: T[] = [];
  const ids = new IdSet();
  for (const n of order) {
    for (const item of pages.get(n) ?? []) {
      if (ids.add(idOf(item))) items.push(item);
    }
  }
  return { items, ids, dropped, total, lastTotal, problems, aborted };
}
