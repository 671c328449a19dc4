// The Telnyx Wireless API client the extension uses: SIM cards, groups, actions, logs.
import * as l10n from '@vscode/l10n';
import { name, version } from '../../package.json';
import { AuthenticationError, BadRequestError, InvalidResponseError } from './errors';
import { checkBaseUrl, parseUrl } from './baseUrlPolicy';
import { HttpTransport, type HttpMethod, type RequestSlot, type RetryInfo, type RequestLogLevel } from './http';
import { collectPages, MAX_CONCURRENCY, type FetchedPage, type ListResult, type PageProgress, type RestartInfo } from './paging';
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
  SimCardActionQuery,
  SimCardDetail,
  SimCardPatch,
  SimCardGroup,
  SimCardQuery,
  WirelessConnectivityLog,
} from './types';

/** The extension's version, from the manifest (esbuild inlines it; tsc copies package.json to out/). */
export const CLIENT_VERSION: string = version;
export const DEFAULT_USER_AGENT = `${name}/${CLIENT_VERSION}`;
export const DEFAULT_BASE_URL = 'https://api.telnyx.com/v2';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Connect + first byte, and the longest pause inside a body: a hung server fails in ~20 s. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 3;
/** Retries after a timeout: fewer than for 429/5xx, which answer quickly. */
export const DEFAULT_MAX_TIMEOUT_RETRIES = 1;
export const DEFAULT_RETRY_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_RETRY_DELAY_MS = 20_000;
/**
 * Pages in flight while listing. Five keeps a 100,000-SIM fleet at about 16 s when Telnyx answers
 * in 200 ms (four: 20 s), stays well under a rate limit at that latency, and a 429 still slows it
 * down (Retry-After). Read-only GETs: no action is ever repeated.
 */
export const DEFAULT_CONCURRENCY = 5;
/** Connectivity logs are for a details view: the API's own default page size. */
export const DEFAULT_LOG_PAGE_SIZE = 20;

export interface TelnyxClientOptions {
  apiKey: string;
  /** Default 'https://api.telnyx.com/v2'; a trailing slash is fine. */
  baseUrl?: string;
  /** Default 'telnyx-sim-explorer/<version>'. */
  userAgent?: string;
  /** Per request attempt, body included, default 30000. */
  timeoutMs?: number;
  /** Until the answer starts, and the longest pause while it streams in; default 10000 (capped at timeoutMs). */
  connectTimeoutMs?: number;
  /** Default 3. */
  maxRetries?: number;
  /** Retries after a timeout, default 1 (never more than maxRetries). */
  maxTimeoutRetries?: number;
  /** Called before each retry wait, e.g. to show "Retrying (2 of 3)…". */
  onRetry?: (info: RetryInfo) => void;
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
  /** Called for each page as it arrives (page 1 first), with running totals. Each SIM is passed once per pass. */
  onPage?: (sims: SimCard[], progress: PageProgress) => void;
  /** The listing starts over (the fleet changed or did not add up): drop what onPage gave so far. */
  onRestart?: (info: RestartInfo) => void;
  /** false: the result holds no items, only their count (every SIM came through onPage). */
  keepItems?: boolean;
}

/** The result of listAllSimCards: `complete: false` says how many of about how many it holds, and why. */
export type SimCardListing = ListResult<SimCard>;

type ActionName = 'enable' | 'disable' | 'set_standby';

export class TelnyxClient {
  readonly #http: HttpTransport;
  readonly #concurrency: number;
  readonly #pageSize: number;

  constructor(opts: TelnyxClientOptions) {
    if (typeof opts.apiKey !== 'string' || opts.apiKey.trim() === '') {
      throw new AuthenticationError('No Telnyx API key is set. Set a valid API key.');
    }
    this.#concurrency = clampInt(opts.concurrency, 1, MAX_CONCURRENCY, DEFAULT_CONCURRENCY);
    this.#pageSize = normalizePageSize(opts.pageSize);
    this.#http = new HttpTransport({
      apiKey: opts.apiKey.trim(),
      baseUrl: normalizeBaseUrl(opts.baseUrl),
      userAgent: opts.userAgent?.trim() || DEFAULT_USER_AGENT,
      timeoutMs: clampInt(opts.timeoutMs, 1, 10 * 60_000, DEFAULT_TIMEOUT_MS),
      connectTimeoutMs: clampInt(opts.connectTimeoutMs, 1, 10 * 60_000, DEFAULT_CONNECT_TIMEOUT_MS),
      maxRetries: clampInt(opts.maxRetries, 0, 10, DEFAULT_MAX_RETRIES),
      maxTimeoutRetries: clampInt(opts.maxTimeoutRetries, 0, 10, DEFAULT_MAX_TIMEOUT_RETRIES),
      retryBaseDelayMs: clampInt(opts.retryBaseDelayMs, 0, 60_000, DEFAULT_RETRY_BASE_DELAY_MS),
      maxRetryDelayMs: clampInt(opts.maxRetryDelayMs, 0, 10 * 60_000, DEFAULT_MAX_RETRY_DELAY_MS),
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.onRetry ? { onRetry: opts.onRetry } : {}),
    });
  }

  /** One page of `GET /sim_cards` (page 1 and the client's page size unless the query says). */
  async listSimCards(query: SimCardQuery = {}, signal?: AbortSignal): Promise<Page<SimCard>> {
    const number = normalizePageNumber(query.pageNumber);
    const size = normalizePageSize(query.pageSize, this.#pageSize);
    const page = await this.#fetchSimCardPage(query, number, size, signal);
    return { data: page.items, meta: completeMeta(page, number, size) };
  }

  /**
   * Every SIM matching the filters, in page order, without duplicate ids, and whether that is
   * provably the whole list (repaired once by a second listing when it is not).
   */
  async listAllSimCards(query: SimCardQuery = {}, opts: ListAllOptions = {}): Promise<SimCardListing> {
    const size = normalizePageSize(query.pageSize, this.#pageSize);
    return collectPages<SimCard>({
      fetchPage: (n, signal, slot) => this.#fetchSimCardPage(query, n, size, signal, slot),
      idOf: (sim) => sim.id,
      pageSize: size,
      concurrency: clampInt(opts.concurrency, 1, MAX_CONCURRENCY, this.#concurrency),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onPage ? { onPage: opts.onPage } : {}),
      ...(opts.onRestart ? { onRestart: opts.onRestart } : {}),
      ...(opts.keepItems === false ? { keepItems: false } : {}),
    });
  }

  /** `GET /sim_cards/{id}` with its group included. */
  async getSimCard(id: string, signal?: AbortSignal): Promise<SimCardDetail> {
    const path = `/sim_cards/${pathId(id, 'sim')}`;
    const record = await this.#getObject(path, encodeQuery([['include_sim_card_group', true]]), parseSimCardDetail, signal);
    // A record for another SIM (a confused proxy or cache) must never be shown as this one.
    if (record.id !== id) {
      throw new InvalidResponseError(`Unexpected answer from Telnyx: GET ${path} returned a different SIM card.`, {
        reason: 'wrongRecord',
      });
    }
    return record;
  }

  async listSimCardGroups(page?: { number?: number; size?: number }, signal?: AbortSignal): Promise<Page<SimCardGroup>> {
    const number = normalizePageNumber(page?.number);
    const size = normalizePageSize(page?.size, this.#pageSize);
    const fetched = await this.#getList('/sim_card_groups', encodePageQuery({ number, size }, size), parseSimCardGroup, signal);
    return { data: fetched.items, meta: completeMeta(fetched, number, size) };
  }

  async listAllSimCardGroups(signal?: AbortSignal): Promise<SimCardGroup[]> {
    const size = this.#pageSize;
    const listing = await collectPages<SimCardGroup>({
      fetchPage: (n, s, slot) => this.#getList('/sim_card_groups', encodePageQuery({ number: n, size }, size), parseSimCardGroup, s, slot),
      idOf: (g) => g.id,
      pageSize: size,
      concurrency: this.#concurrency,
      ...(signal ? { signal } : {}),
    });
    return listing.items;
  }

  async getSimCardGroup(id: string, signal?: AbortSignal): Promise<SimCardGroup> {
    return this.#getObject(`/sim_card_groups/${pathId(id, 'group')}`, undefined, parseSimCardGroup, signal);
  }

  /** Starts enabling (answers 202; the SIM goes through `enabling`). Needs the SIM to be in a group. */
  enableSimCard(id: string, signal?: AbortSignal): Promise<SimCardAction> {
    return this.#action(id, 'enable', signal);
  }

  disableSimCard(id: string, signal?: AbortSignal): Promise<SimCardAction> {
    return this.#action(id, 'disable', signal);
  }

  setSimCardStandby(id: string, signal?: AbortSignal): Promise<SimCardAction> {
    return this.#action(id, 'set_standby', signal);
  }

  /** `PATCH /sim_cards/{id}`: changes only the fields given; answers the updated SIM. */
  async updateSimCard(id: string, patch: SimCardPatch, signal?: AbortSignal): Promise<SimCardDetail> {
    const path = `/sim_cards/${pathId(id, 'sim')}`;
    const { body } = await this.#http.requestJson({ method: 'PATCH', path, body: patch, ...(signal ? { signal } : {}) });
    const parsed = parseObjectEnvelope(body, parseSimCardDetail);
    if (!parsed.ok) throw invalid('PATCH', path, parsed.reason);
    return parsed.value;
  }

  /** One page of `GET /sim_card_actions` (the API lists newest first). */
  async listSimCardActions(query: SimCardActionQuery = {}, signal?: AbortSignal): Promise<Page<SimCardAction>> {
    const number = normalizePageNumber(query.pageNumber);
    const size = normalizePageSize(query.pageSize, this.#pageSize);
    const encoded = [
      encodeQuery([
        ['filter[sim_card_id]', query.simCardId],
        ['filter[status]', query.status],
        ['filter[action_type]', query.actionType],
      ]),
      encodePageQuery({ number, size }, size),
    ]
      .filter((q) => q !== '')
      .join('&');
    const fetched = await this.#getList('/sim_card_actions', encoded, parseSimCardAction, signal);
    return { data: fetched.items, meta: completeMeta(fetched, number, size) };
  }

  async getSimCardAction(id: string, signal?: AbortSignal): Promise<SimCardAction> {
    return this.#getObject(`/sim_card_actions/${pathId(id, 'action')}`, undefined, parseSimCardAction, signal);
  }

  async listConnectivityLogs(
    simId: string,
    page?: { number?: number; size?: number },
    signal?: AbortSignal,
  ): Promise<Page<WirelessConnectivityLog>> {
    const number = normalizePageNumber(page?.number);
    const size = normalizePageSize(page?.size, DEFAULT_LOG_PAGE_SIZE);
    const path = `/sim_cards/${pathId(simId, 'sim')}/wireless_connectivity_logs`;
    const fetched = await this.#getList(path, encodePageQuery({ number, size }, size), parseConnectivityLog, signal);
    return { data: fetched.items, meta: completeMeta(fetched, number, size) };
  }

  // --- plumbing ------------------------------------------------------------------------

  #fetchSimCardPage(
    query: SimCardQuery,
    number: number,
    size: number,
    signal?: AbortSignal,
    slot?: RequestSlot,
  ): Promise<FetchedPage<SimCard>> {
    const encoded = encodeSimCardQuery({ ...query, pageNumber: number, pageSize: size });
    return this.#getList('/sim_cards', encoded, parseSimCard, signal, slot);
  }

  async #getList<T>(
    path: string,
    query: string,
    item: (raw: unknown) => T | undefined,
    signal: AbortSignal | undefined,
    slot?: RequestSlot,
  ): Promise<FetchedPage<T>> {
    const { body } = await this.#http.requestJson({ method: 'GET', path, query, ...(signal ? { signal } : {}), ...(slot ? { slot } : {}) });
    const parsed = parseListEnvelope(body, item);
    if (!parsed.ok) throw invalid('GET', path, parsed.reason);
    return { items: parsed.value.items, rawCount: parsed.value.rawCount, meta: parsed.value.meta };
  }

  async #getObject<T>(
    path: string,
    query: string | undefined,
    item: (raw: unknown) => T | undefined,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const { body } = await this.#http.requestJson({
      method: 'GET',
      path,
      ...(query ? { query } : {}),
      ...(signal ? { signal } : {}),
    });
    const parsed = parseObjectEnvelope(body, item);
    if (!parsed.ok) throw invalid('GET', path, parsed.reason);
    return parsed.value;
  }

  async #action(id: string, name: ActionName, signal: AbortSignal | undefined): Promise<SimCardAction> {
    const path = `/sim_cards/${pathId(id, 'sim')}/actions/${name}`;
    const { body } = await this.#http.requestJson({ method: 'POST', path, ...(signal ? { signal } : {}) });
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

function missingIdMessage(what: 'sim' | 'group' | 'action'): string {
  if (what === 'group') return l10n.t('No SIM card group id was given.');
  if (what === 'action') return l10n.t('No SIM card action id was given.');
  return l10n.t('No SIM card id was given.');
}

function pathId(id: string, what: 'sim' | 'group' | 'action'): string {
  if (typeof id !== 'string' || id.trim() === '') throw new BadRequestError(missingIdMessage(what));
  return encodeURIComponent(id);
}

export function normalizeBaseUrl(baseUrl: string | undefined): string {
  const text = (baseUrl ?? '').trim() || DEFAULT_BASE_URL;
  const url = parseUrl(text);
  if (url === undefined) throw new BadRequestError(l10n.t('The Telnyx API base URL "{0}" is not a valid URL.', text));
  const verdict = checkBaseUrl(url.toString());
  if (!verdict.ok) throw new BadRequestError(verdict.message, { reason: 'badBaseUrl' });
  return verdict.url;
}

function clampInt(v: number | undefined, min: number, max: number, fallback: number): number {
  if (v === undefined || !Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(v)));
}
