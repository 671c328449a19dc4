// The Telnyx Wireless API client the extension uses: SIM cards, groups, actions, logs.
import { AuthenticationError, BadRequestError, InvalidResponseError } from './errors';
import { HttpTransport, type HttpMethod, type RequestLogLevel } from './http';
import { collectPages, MAX_CONCURRENCY, type FetchedPage, type PageProgress } from './paging';
import {
  parseConnectivityLog,
  parseListEnvelope,
  parseObjectEnvelope,
  parseSimCard,
  parseSimCardAction,
  parseSimCardDetail,
  parseSimCardGroup,
} from './parse';
import { encodePageQuery, encodeQuery, encodeSimCardQuery, normalizePageNumber, normalizePageSize } from './query';
import type {
  Page,
  PageMeta,
  SimCard,
  SimCardAction,
  SimCardDetail,
  SimCardGroup,
  SimCardQuery,
  WirelessConnectivityLog,
} from './types';

/** Keep in step with package.json "version" (a unit test checks it); the bundle cannot read package.json. */
export const CLIENT_VERSION = '0.1.0';
export const DEFAULT_USER_AGENT = `telnyx-sim-explorer/${CLIENT_VERSION}`;
export const DEFAULT_BASE_URL = 'https://api.telnyx.com/v2';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_RETRY_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_RETRY_DELAY_MS = 20_000;
export const DEFAULT_CONCURRENCY = 4;
/** Connectivity logs are for a details view: the API's own default page size. */
export const DEFAULT_LOG_PAGE_SIZE = 20;

export interface TelnyxClientOptions {
  apiKey: string;
  /** Default 'https://api.telnyx.com/v2'; a trailing slash is fine. */
  baseUrl?: string;
  /** Default 'telnyx-sim-explorer/<version>'. */
  userAgent?: string;
  /** Per request attempt, default 30000. */
  timeoutMs?: number;
  /** Default 3. */
  maxRetries?: number;
  /** Default 500. */
  retryBaseDelayMs?: number;
  /** Default 20000; also caps what Retry-After can ask for. */
  maxRetryDelayMs?: number;
  /** Pages in flight for listAll, default 4. */
  concurrency?: number;
  /** Default 250. */
  pageSize?: number;
  /** One line per request attempt: method, path and query, status, ms, retries. Never headers. */
  log?: (line: string, level: RequestLogLevel) => void;
}

export interface ListAllOptions {
  signal?: AbortSignal;
  concurrency?: number;
  /** Called for each page as it arrives (page 1 first), with running totals. Each SIM is passed once. */
  onPage?: (sims: SimCard[], progress: PageProgress) => void;
}

type ActionName = 'enable' | 'disable' | 'set_standby';

export class TelnyxClient {
  private readonly http: HttpTransport;
  private readonly concurrency: number;
  private readonly pageSize: number;

  constructor(opts: TelnyxClientOptions) {
    if (typeof opts.apiKey !== 'string' || opts.apiKey.trim() === '') {
      throw new AuthenticationError('No Telnyx API key is set. Set a valid API key.');
    }
    this.concurrency = clampInt(opts.concurrency, 1, MAX_CONCURRENCY, DEFAULT_CONCURRENCY);
    this.pageSize = normalizePageSize(opts.pageSize);
    this.http = new HttpTransport({
      apiKey: opts.apiKey.trim(),
      baseUrl: normalizeBaseUrl(opts.baseUrl),
      userAgent: opts.userAgent?.trim() || DEFAULT_USER_AGENT,
      timeoutMs: clampInt(opts.timeoutMs, 1, 10 * 60_000, DEFAULT_TIMEOUT_MS),
      maxRetries: clampInt(opts.maxRetries, 0, 10, DEFAULT_MAX_RETRIES),
      retryBaseDelayMs: clampInt(opts.retryBaseDelayMs, 0, 60_000, DEFAULT_RETRY_BASE_DELAY_MS),
      maxRetryDelayMs: clampInt(opts.maxRetryDelayMs, 0, 10 * 60_000, DEFAULT_MAX_RETRY_DELAY_MS),
      ...(opts.log ? { log: opts.log } : {}),
    });
  }

  /** One page of `GET /sim_cards` (page 1 and the client's page size unless the query says). */
  async listSimCards(query: SimCardQuery = {}, signal?: AbortSignal): Promise<Page<SimCard>> {
    const number = normalizePageNumber(query.pageNumber);
    const size = normalizePageSize(query.pageSize, this.pageSize);
    const page = await this.fetchSimCardPage(query, number, size, signal);
    return { data: page.items, meta: completeMeta(page, number, size) };
  }

  /** Every SIM matching the filters, in page order, without duplicate ids. */
  async listAllSimCards(query: SimCardQuery = {}, opts: ListAllOptions = {}): Promise<SimCard[]> {
    const size = normalizePageSize(query.pageSize, this.pageSize);
    return collectPages<SimCard>({
      fetchPage: (n, signal) => this.fetchSimCardPage(query, n, size, signal),
      idOf: (sim) => sim.id,
      pageSize: size,
      concurrency: clampInt(opts.concurrency, 1, MAX_CONCURRENCY, this.concurrency),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onPage ? { onPage: opts.onPage } : {}),
    });
  }

  /** `GET /sim_cards/{id}` with its group included. */
  async getSimCard(id: string, signal?: AbortSignal): Promise<SimCardDetail> {
    const path = `/sim_cards/${pathId(id, 'SIM card')}`;
    return this.getObject(path, encodeQuery([['include_sim_card_group', true]]), parseSimCardDetail, signal);
  }

  async listSimCardGroups(page?: { number?: number; size?: number }, signal?: AbortSignal): Promise<Page<SimCardGroup>> {
    const number = normalizePageNumber(page?.number);
    const size = normalizePageSize(page?.size, this.pageSize);
    const fetched = await this.getList('/sim_card_groups', encodePageQuery({ number, size }, size), parseSimCardGroup, signal);
    return { data: fetched.items, meta: completeMeta(fetched, number, size) };
  }

  async listAllSimCardGroups(signal?: AbortSignal): Promise<SimCardGroup[]> {
    const size = this.pageSize;
    return collectPages<SimCardGroup>({
      fetchPage: (n, s) => this.getList('/sim_card_groups', encodePageQuery({ number: n, size }, size), parseSimCardGroup, s),
      idOf: (g) => g.id,
      pageSize: size,
      concurrency: this.concurrency,
      ...(signal ? { signal } : {}),
    });
  }

  async getSimCardGroup(id: string, signal?: AbortSignal): Promise<SimCardGroup> {
    return this.getObject(`/sim_card_groups/${pathId(id, 'SIM card group')}`, undefined, parseSimCardGroup, signal);
  }

  /** Starts enabling (answers 202; the SIM goes through `enabling`). Needs the SIM to be in a group. */
  enableSimCard(id: string, signal?: AbortSignal): Promise<SimCardAction> {
    return this.action(id, 'enable', signal);
  }

  disableSimCard(id: string, signal?: AbortSignal): Promise<SimCardAction> {
    return this.action(id, 'disable', signal);
  }

  setSimCardStandby(id: string, signal?: AbortSignal): Promise<SimCardAction> {
    return this.action(id, 'set_standby', signal);
  }

  async listConnectivityLogs(
    simId: string,
    page?: { number?: number; size?: number },
    signal?: AbortSignal,
  ): Promise<Page<WirelessConnectivityLog>> {
    const number = normalizePageNumber(page?.number);
    const size = normalizePageSize(page?.size, DEFAULT_LOG_PAGE_SIZE);
    const path = `/sim_cards/${pathId(simId, 'SIM card')}/wireless_connectivity_logs`;
    const fetched = await this.getList(path, encodePageQuery({ number, size }, size), parseConnectivityLog, signal);
    return { data: fetched.items, meta: completeMeta(fetched, number, size) };
  }

  // --- plumbing ------------------------------------------------------------------------

  private fetchSimCardPage(query: SimCardQuery, number: number, size: number, signal?: AbortSignal): Promise<FetchedPage<SimCard>> {
    const encoded = encodeSimCardQuery({ ...query, pageNumber: number, pageSize: size });
    return this.getList('/sim_cards', encoded, parseSimCard, signal);
  }

  private async getList<T>(
    path: string,
    query: string,
    item: (raw: unknown) => T | undefined,
    signal: AbortSignal | undefined,
  ): Promise<FetchedPage<T>> {
    const { body } = await this.http.requestJson({ method: 'GET', path, query, ...(signal ? { signal } : {}) });
    const parsed = parseListEnvelope(body, item);
    if (!parsed.ok) throw invalid('GET', path, parsed.reason);
    return { items: parsed.value.items, rawCount: parsed.value.rawCount, meta: parsed.value.meta };
  }

  private async getObject<T>(
    path: string,
    query: string | undefined,
    item: (raw: unknown) => T | undefined,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const { body } = await this.http.requestJson({
      method: 'GET',
      path,
      ...(query ? { query } : {}),
      ...(signal ? { signal } : {}),
    });
    const parsed = parseObjectEnvelope(body, item);
    if (!parsed.ok) throw invalid('GET', path, parsed.reason);
    return parsed.value;
  }

  private async action(id: string, name: ActionName, signal: AbortSignal | undefined): Promise<SimCardAction> {
    const path = `/sim_cards/${pathId(id, 'SIM card')}/actions/${name}`;
    const { body } = await this.http.requestJson({ method: 'POST', path, ...(signal ? { signal } : {}) });
    const parsed = parseObjectEnvelope(body, parseSimCardAction);
    if (!parsed.ok) throw invalid('POST', path, parsed.reason);
    return parsed.value;
  }
}

function invalid(method: HttpMethod, path: string, reason: string): InvalidResponseError {
  return new InvalidResponseError(`Unexpected answer from Telnyx: response of ${method} ${path} ${reason}.`);
}

/** Fills what the server left out of meta; a missing meta means a single page. */
function completeMeta(page: FetchedPage<unknown>, number: number, size: number): PageMeta {
  const m = page.meta ?? {};
  const pageNumber = m.page_number ?? number;
  const pageSize = m.page_size ?? size;
  const totalResults = m.total_results ?? (pageNumber - 1) * pageSize + page.rawCount;
  const totalPages = m.total_pages ?? (m.total_results !== undefined ? Math.ceil(m.total_results / Math.max(1, pageSize)) : pageNumber);
  return { page_number: pageNumber, page_size: pageSize, total_pages: totalPages, total_results: totalResults };
}

function pathId(id: string, what: string): string {
  if (typeof id !== 'string' || id.trim() === '') throw new BadRequestError(`No ${what} id was given.`);
  return encodeURIComponent(id);
}

export function normalizeBaseUrl(baseUrl: string | undefined): string {
  const text = (baseUrl ?? '').trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadRequestError(`The Telnyx API base URL "${text}" is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BadRequestError(`The Telnyx API base URL must start with https:// (got "${url.protocol}").`);
  }
  if (url.search || url.hash) {
    throw new BadRequestError('The Telnyx API base URL must not contain a query or fragment.');
  }
  return url.toString().replace(/\/+$/, '');
}

function clampInt(v: number | undefined, min: number, max: number, fallback: number): number {
  if (v === undefined || !Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(v)));
}
