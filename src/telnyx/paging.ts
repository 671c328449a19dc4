// Fetching every page of a list: page 1 first (its meta says how many there are), then the
// rest with a bounded number in flight. A server that lies (absurd total_pages, answers
// the same page over and over, ignores page[number]) cannot make this loop forever: the
// page count is capped by total_results, and a repeated or empty page ends the listing.
import { CancelledError, isCancelledError } from './errors';
import type { PageMeta } from './types';

export interface FetchedPage<T> {
  items: T[];
  /** Items the server sent, before hostile ones were dropped. */
  rawCount: number;
  meta: Partial<PageMeta> | undefined;
}

export interface PageProgress {
  loadedPages: number;
  totalPages: number;
  totalResults: number;
}

export interface CollectPagesOptions<T> {
  fetchPage: (pageNumber: number, signal: AbortSignal | undefined) => Promise<FetchedPage<T>>;
  idOf: (item: T) => string;
  /** The page size that was requested (used when meta does not say). */
  pageSize: number;
  concurrency: number;
  signal?: AbortSignal;
  /** Each page as it arrives (page 1 first); every item is passed once across all calls. */
  onPage?: (items: T[], progress: PageProgress) => void;
}

/** Pages beyond ceil(total_results / page_size) that are still fetched, in case the fleet grew. */
export const PAGE_MARGIN = 1;
/** No listing asks for more items than this, whatever meta claims. */
export const MAX_ITEMS = 2_000_000;
export const MAX_CONCURRENCY = 16;

/** How many pages to fetch, from page 1's meta. 1 when meta is missing or unusable. */
export function plannedPageCount(meta: Partial<PageMeta> | undefined, firstRawCount: number, requestedSize: number): number {
  if (meta === undefined) return 1;
  if (meta.page_number !== undefined && meta.page_number !== 1) return 1;
  // A full first page tells the real page size even when meta.page_size is wrong.
  const size = Math.max(1, firstRawCount > 0 ? firstRawCount : (meta.page_size ?? requestedSize) || requestedSize);
  const fromResults = meta.total_results !== undefined ? Math.ceil(meta.total_results / size) : undefined;
  let pages = meta.total_pages ?? fromResults ?? 1;
  if (fromResults !== undefined) pages = Math.min(pages, fromResults + PAGE_MARGIN);
  pages = Math.min(pages, Math.ceil(MAX_ITEMS / size));
  return Math.max(1, pages);
}

export async function collectPages<T>(opts: CollectPagesOptions<T>): Promise<T[]> {
  const { signal, idOf } = opts;
  if (signal?.aborted) throw new CancelledError();

  const first = await opts.fetchPage(1, signal);
  const pages = new Map<number, T[]>([[1, first.items]]);
  const emitted = new Set<string>();
  let loadedPages = 0;
  let stopAt = first.rawCount === 0 ? 1 : plannedPageCount(first.meta, first.rawCount, opts.pageSize);
  const totalResults = first.meta?.total_results ?? first.items.length;

  const emit = (items: T[]): void => {
    loadedPages++;
    if (!opts.onPage) return;
    const fresh = items.filter((item) => {
      const id = idOf(item);
      if (emitted.has(id)) return false;
      emitted.add(id);
      return true;
    });
    opts.onPage(fresh, { loadedPages, totalPages: Math.max(stopAt, loadedPages), totalResults });
  };
  emit(first.items);

  if (stopAt > 1) {
    const seen = new Set(first.items.map(idOf));
    const group = new AbortController();
    const onAbort = (): void => group.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const inFlight = new Map<number, AbortController>();
    let failure: unknown;
    let failed = false;
    let next = 2;

    /** Page n ended the listing: nothing after it is wanted any more. */
    const stopAfter = (lastWanted: number): void => {
      stopAt = Math.min(stopAt, lastWanted);
      for (const [n, ctl] of inFlight) if (n > stopAt) ctl.abort();
    };

    const worker = async (): Promise<void> => {
      while (!failed && next <= stopAt) {
        const n = next++;
        const ctl = new AbortController();
        const onGroupAbort = (): void => ctl.abort();
        group.signal.addEventListener('abort', onGroupAbort, { once: true });
        inFlight.set(n, ctl);
        let page: FetchedPage<T>;
        try {
          page = await opts.fetchPage(n, ctl.signal);
        } catch (e) {
          // Aborted because an earlier page ended the listing: not an error.
          if (n > stopAt && isCancelledError(e) && !signal?.aborted) continue;
          if (!failed) {
            failed = true;
            failure = e;
            group.abort();
          }
          return;
        } finally {
          inFlight.delete(n);
          group.signal.removeEventListener('abort', onGroupAbort);
        }
        if (failed || n > stopAt) continue;
        const ids = page.items.map(idOf);
        const wrongPage = page.meta?.page_number !== undefined && page.meta.page_number !== n;
        const repeated = ids.length > 0 && ids.every((id) => seen.has(id));
        if (page.rawCount === 0 || wrongPage || repeated) {
          stopAfter(n - 1);
          continue;
        }
        for (const id of ids) seen.add(id);
        pages.set(n, page.items);
        try {
          emit(page.items);
        } catch (e) {
          failed = true;
          failure = e;
          group.abort();
          return;
        }
      }
    };

    const workers = Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(opts.concurrency) || 1, stopAt - 1));
    try {
      await Promise.all(Array.from({ length: workers }, worker));
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    if (signal?.aborted) throw new CancelledError();
    if (failed) throw failure;
  }
  if (signal?.aborted) throw new CancelledError();

  // Every page that was passed to onPage, in page order; the first occurrence of an id wins.
  const out: T[] = [];
  const kept = new Set<string>();
  for (const n of [...pages.keys()].sort((a, b) => a - b)) {
    for (const item of pages.get(n) ?? []) {
      const id = idOf(item);
      if (kept.has(id)) continue;
      kept.add(id);
      out.push(item);
    }
  }
  return out;
}
