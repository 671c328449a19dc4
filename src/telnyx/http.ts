// One JSON request with a per-attempt timeout, retries with backoff, and typed errors.
// Requests go through Node's http/https modules, which VS Code hooks for its proxy settings.
// Redirects are not followed: they would carry the Authorization header to wherever the
// Location points, and a redirecting base URL is a setting to fix anyway.
import * as http from 'node:http';
import * as https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import * as tls from 'node:tls';
import * as zlib from 'node:zlib';
import {
  AuthenticationError,
  BadRequestError,
  CancelledError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TelnyxError,
  TimeoutError,
  type TelnyxErrorReason,
} from './errors';
import { describeCause } from './errorCauses';
import { nextTurn } from './eventLoopTurns';
import { parseErrorItems } from './parse';
import { backoffDelayMs, isRetryableStatus, provesNotSent, serverRetryDelayMs, sleep } from './retry';
import type { ApiErrorItem } from './types';

/** What the client reports before it waits to try a request again. */
export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  /** Retries allowed for this kind of failure. */
  maxAttempts: number;
  delayMs: number;
  /** The failure that is being retried. */
  error: TelnyxError;
  method: HttpMethod;
  /** API path without the query. */
  path: string;
}

export interface HttpOptions {
  apiKey: string;
  /** Normalised, without a trailing slash. */
  baseUrl: string;
  userAgent: string;
  /** Whole attempt, body included. */
  timeoutMs: number;
  /** Until the answer's headers arrive, and the longest pause while the body streams in. */
  connectTimeoutMs: number;
  maxRetries: number;
  /** Retries after a timeout (a hung server should fail fast); at most maxRetries. */
  maxTimeoutRetries: number;
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  log?: (line: string, level: RequestLogLevel) => void;
  onRetry?: (info: RetryInfo) => void;
}

/** How a request line should be logged: a finished request, a retry, or a request that failed for good. */
export type RequestLogLevel = 'info' | 'warn' | 'error';

export type HttpMethod = 'GET' | 'POST' | 'PATCH';

/**
 * A place in a bounded window of requests (the pages of a listing). It is given back as soon as an
 * answer's body is in, so the next request goes out while this one is parsed, and taken again
 * before any retry.
 */
export interface RequestSlot {
  release(): void;
  /** Resolves once the place is held again (at once if it still is); rejects with CancelledError on abort. */
  reacquire(signal?: AbortSignal): Promise<void>;
}

export interface HttpRequest {
  method: HttpMethod;
  /** API path below the base URL, e.g. '/sim_cards'. */
  path: string;
  /** Already encoded, without '?'. */
  query?: string;
  /** Sent as JSON (PATCH). */
  body?: unknown;
  signal?: AbortSignal;
  slot?: RequestSlot;
}

export interface HttpResult {
  status: number;
  body: unknown;
}

/** A hostile or broken server must not be able to exhaust memory with one answer. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

interface HeaderSource {
  get(name: string): string | null;
}

type TimeoutReason = 'connectTimeout' | 'firstByteTimeout' | 'bodyTimeout';

type Outcome =
  | { type: 'response'; status: number; headers: HeaderSource; text: string }
  | { type: 'network'; code: string | undefined }
  | { type: 'timeout'; reason: TimeoutReason; afterMs: number }
  | { type: 'cut' }
  | { type: 'tooLarge' };

interface Failure {
  error: TelnyxError;
  retryable: boolean;
  /** Timeouts get fewer retries than 429/5xx. */
  isTimeout: boolean;
  /** What the server asked us to wait, if it did. */
  serverDelayMs?: number;
  /** Short outcome for the log line: status code or error code. */
  summary: string;
}

/** Header lookup over Node's lower-cased header object (repeated headers joined as fetch does). */
function headerSource(raw: http.IncomingHttpHeaders): HeaderSource {
  return {
    get(name) {
      const v = raw[name.toLowerCase()];
      if (v === undefined) return null;
      return Array.isArray(v) ? v.join(', ') : v;
    },
  };
}

/** The body as sent, or inflated when the server gzipped it (Accept-Encoding asks for that). */
function decompressed(res: http.IncomingMessage, headers: HeaderSource): Readable {
  const encoding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'x-gzip') return res;
  // A cut or garbled stream fails the inflater, and with it the read below.
  return pipeline(res, zlib.createGunzip(), () => undefined);
}

function contentLength(headers: HeaderSource): number | undefined {
  // A compressed body is counted after decompression: its length cannot be checked.
  const encoding = headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const v = headers.get('content-length');
  if (v === null || !/^\s*\d{1,15}\s*$/.test(v)) return undefined;
  return Number(v);
}

export class HttpTransport {
  readonly #host: string;
  readonly #opts: HttpOptions;

  constructor(opts: HttpOptions) {
    this.#opts = opts;
    this.#host = new URL(opts.baseUrl).host;
  }

  async requestJson(req: HttpRequest): Promise<HttpResult> {
    const { method, path, signal } = req;
    const target = req.query ? `${path}?${req.query}` : path;
    const url = this.#opts.baseUrl + target;
    const label = `${method} ${path}`;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new CancelledError();
      if (attempt > 0) await req.slot?.reacquire(signal);
      const started = Date.now();
      const outcome = await this.#attempt(url, method, signal, req.body).catch((e: unknown) => {
        if (e instanceof CancelledError) this.#logLine(`${method} ${target} cancelled after ${Date.now() - started} ms`, 'info');
        throw e;
      });
      const ms = Date.now() - started;

      if (outcome.type === 'response' && outcome.status >= 200 && outcome.status < 300) {
        if (req.slot) {
          req.slot.release();
          // The request that took the place is written to its socket on a later tick: let that
          // happen before this body's parse holds the thread. Pages that came in together are
          // parsed one per turn, between the fleet model's steps (see eventLoopTurns).
          await nextTurn();
        }
        const parsed = parseJson(outcome.text);
        if (parsed.ok) {
          const retries = attempt > 0 ? ` (after ${attempt} ${plural(attempt, 'retry', 'retries')})` : '';
          this.#logLine(`${method} ${target} ${outcome.status} ${ms} ms${retries}`, 'info');
          return { status: outcome.status, body: parsed.value };
        }
      }

      const failure = this.#describeFailure(outcome, method, label, attempt);
      const limit = failure.isTimeout ? Math.min(this.#opts.maxRetries, this.#opts.maxTimeoutRetries) : this.#opts.maxRetries;
      if (failure.retryable && attempt < limit) {
        const delay =
          failure.serverDelayMs !== undefined
            ? Math.min(failure.serverDelayMs, this.#opts.maxRetryDelayMs)
            : backoffDelayMs(attempt, this.#opts.retryBaseDelayMs, this.#opts.maxRetryDelayMs);
        this.#logLine(`${method} ${target} ${failure.summary} ${ms} ms, retry ${attempt + 1}/${limit} in ${delay} ms`, 'warn');
        this.#notifyRetry({ attempt: attempt + 1, maxAttempts: limit, delayMs: delay, error: failure.error, method, path });
        await sleep(delay, signal);
        continue;
      }
      this.#logLine(`${method} ${target} ${failure.summary} ${ms} ms, giving up: ${failure.error.name}`, 'error');
      throw failure.error;
    }
  }

  async #attempt(url: string, method: HttpMethod, signal: AbortSignal | undefined, body?: unknown): Promise<Outcome> {
    const started = Date.now();
    const headerMs = Math.min(this.#opts.connectTimeoutMs, this.#opts.timeoutMs);
    // Unknown until the socket is seen; a hang before that is reported as "did not answer".
    let phase: 'unknown' | 'connect' | 'firstByte' | 'body' = 'unknown';
    let stopped: { why: 'timeout'; reason: TimeoutReason } | { why: 'tooLarge' } | undefined;
    let req: http.ClientRequest | undefined;
    let res: http.IncomingMessage | undefined;
    const halt = (): void => {
      // With an error, so that a request still waiting for its answer rejects.
      req?.destroy(new Error('request stopped'));
      res?.destroy();
    };
    const stop = (s: NonNullable<typeof stopped>): void => {
      if (stopped) return;
      stopped = s;
      halt();
    };
    const timeoutReason = (): TimeoutReason =>
      phase === 'connect' ? 'connectTimeout' : phase === 'body' ? 'bodyTimeout' : 'firstByteTimeout';
    const headerTimer = setTimeout(() => stop({ why: 'timeout', reason: timeoutReason() }), headerMs);
    const totalTimer = setTimeout(() => stop({ why: 'timeout', reason: timeoutReason() }), this.#opts.timeoutMs);
    let idleTimer: NodeJS.Timeout | undefined;
    const armIdle = (): void => {
      // refresh() re-arms the same timer: no new timer per chunk.
      if (idleTimer) idleTimer.refresh();
      else idleTimer = setTimeout(() => stop({ why: 'timeout', reason: 'bodyTimeout' }), headerMs);
    };
    signal?.addEventListener('abort', halt, { once: true });
    try {
      if (signal?.aborted) throw new CancelledError();
      const payload = body !== undefined ? JSON.stringify(body) : undefined;
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const sent = (url.startsWith('https:') ? https : http).request(url, {
          method,
          headers: {
            Authorization: `Bearer ${this.#opts.apiKey}`,
            Accept: 'application/json',
            'Accept-Encoding': 'gzip',
            'User-Agent': this.#opts.userAgent,
            // VS Code's proxy support hands every request an agent without keep-alive, so each page
            // opened a new connection (and TLS handshake); this header keeps the socket for the next
            // one (microsoft/vscode#173861). Plain Node keeps it anyway.
            Connection: 'keep-alive',
            ...(payload !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
          },
        });
        req = sent;
        sent.once('socket', (socket) => {
          if (socket.connecting) {
            phase = 'connect';
            socket.once(socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect', () => {
              if (phase === 'connect') phase = 'firstByte';
            });
          } else if (phase === 'unknown') {
            phase = 'firstByte';
          }
        });
        sent.once('response', resolve);
        // Kept after the answer came: a late error on the socket must not go unheard (that throws).
        sent.on('error', reject);
        sent.end(payload);
      });
      res = response;
      // The read below sees errors while it runs; one after it (the socket closing early) is moot.
      response.on('error', () => undefined);
      clearTimeout(headerTimer);
      phase = 'body';
      armIdle();
      const headers = headerSource(response.headers);
      const expected = contentLength(headers);
      // Decoded chunk by chunk (a character split between chunks is carried over): no copy of the
      // whole body into one large Buffer, which costs more than the JSON parse on a busy machine.
      const decoder = new StringDecoder('utf8');
      let text = '';
      let received = 0;
      for await (const chunk of decompressed(response, headers)) {
        const buf = chunk as Buffer;
        received += buf.length;
        if (received > MAX_BODY_BYTES) {
          stop({ why: 'tooLarge' });
          break;
        }
        text += decoder.write(buf);
        armIdle();
      }
      if (signal?.aborted) throw new CancelledError();
      if (stopped) return this.#stoppedOutcome(stopped, started);
      // A connection that closed before the whole body: short of Content-Length, or never completed.
      if (!response.complete || (expected !== undefined && received < expected)) return { type: 'cut' };
      text += decoder.end();
      return { type: 'response', status: response.statusCode ?? 0, headers, text };
    } catch (e) {
      if (signal?.aborted) throw new CancelledError();
      if (stopped) return this.#stoppedOutcome(stopped, started);
      // Headers had arrived: the connection broke while the body streamed in.
      if (phase === 'body') return { type: 'cut' };
      return { type: 'network', code: errorProp(e, 'code') };
    } finally {
      clearTimeout(headerTimer);
      clearTimeout(totalTimer);
      if (idleTimer) clearTimeout(idleTimer);
      signal?.removeEventListener('abort', halt);
    }
  }

  #stoppedOutcome(s: { why: 'timeout'; reason: TimeoutReason } | { why: 'tooLarge' }, started: number): Outcome {
    if (s.why === 'timeout') return { type: 'timeout', reason: s.reason, afterMs: Date.now() - started };
    return { type: 'tooLarge' };
  }

  #notifyRetry(info: RetryInfo): void {
    if (!this.#opts.onRetry) return;
    try {
      this.#opts.onRetry(info);
    } catch {
      // A failing listener must not fail the request.
    }
  }

  #describeFailure(outcome: Outcome, method: HttpMethod, label: string, retries: number): Failure {
    const after = retries > 0 ? ` after ${retries} ${plural(retries, 'retry', 'retries')}` : '';
    const isGet = method === 'GET';
    const host = this.#host;
    const base = { retries };
    switch (outcome.type) {
      case 'timeout': {
        const timeoutMs = outcome.reason === 'bodyTimeout' ? outcome.afterMs : Math.min(this.#opts.connectTimeoutMs, this.#opts.timeoutMs);
        const message =
          outcome.reason === 'firstByteTimeout'
            ? `Telnyx did not answer ${label} within ${formatDuration(timeoutMs)}${after}. Check your connection and try again.`
            : describeCause(outcome.reason, { host, timeoutMs });
        return {
          error: new TimeoutError(message, { ...base, reason: outcome.reason, timeoutMs }),
          // A POST that timed out may have been carried out: never send it twice.
          retryable: isGet,
          isTimeout: true,
          summary: outcome.reason,
        };
      }
      case 'cut':
        return {
          error: new NetworkError(describeCause('cutBody', { host }), { ...base, reason: 'cutBody' }),
          retryable: isGet,
          isTimeout: false,
          summary: 'body cut short',
        };
      case 'network': {
        const code = outcome.code ? this.#redact(outcome.code) : undefined;
        const reason = networkReason(code);
        const message =
          reason === 'network' || reason === 'refused'
            ? `Could not reach Telnyx at ${host} (${code ?? 'connection failed'})${after}. Check your internet connection, proxy settings and the API base URL.`
            : describeCause(reason, { host });
        return {
          error: new NetworkError(message, { ...base, reason, ...(code !== undefined ? { code } : {}) }),
          retryable: (isGet && reason !== 'tls') || provesNotSent(code),
          isTimeout: false,
          summary: code ?? 'network error',
        };
      }
      case 'tooLarge':
        return {
          error: new InvalidResponseError(
            `Unexpected answer from Telnyx: response of ${label} was larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
            { ...base, reason: 'tooLarge' },
          ),
          retryable: false,
          isTimeout: false,
          summary: 'too large',
        };
      case 'response':
        break;
    }
    const { status } = outcome;
    if (status >= 200 && status < 300) {
      if (looksLikeHtml(outcome.headers, outcome.text)) {
        return {
          // A captive portal or a proxy's login page: retrying gets the same page.
          error: new InvalidResponseError(describeCause('htmlPage'), { ...base, status, reason: 'htmlPage' }),
          retryable: false,
          isTimeout: false,
          summary: `${status} (HTML)`,
        };
      }
      const empty = outcome.text.trim() === '';
      const what = empty ? 'was empty' : 'was not JSON';
      return {
        error: new InvalidResponseError(`Unexpected answer from Telnyx: response of ${label} ${what}${after}.`, {
          ...base,
          status,
          reason: empty ? 'empty' : 'notJson',
        }),
        // A garbled body is usually a broken transfer; for a POST it was carried out already.
        retryable: isGet,
        isTimeout: false,
        summary: `${status} (${what})`,
      };
    }
    const parsed = parseJson(outcome.text);
    const errors = this.#redactItems(parsed.ok ? parseErrorItems(parsed.value) : []);
    const said = describeApiErrors(errors);
    const serverDelayMs = isRetryableStatus(status) ? serverRetryDelayMs(outcome.headers, status) : undefined;
    const details = { ...base, status, errors };
    let error: TelnyxError;
    if (status === 401) {
      error = new AuthenticationError(`Telnyx rejected the API key (401).${said} Set a valid API key.`, {
        ...details,
        reason: 'unauthorized',
      });
    } else if (status === 403) {
      error = new AuthenticationError(
        `Telnyx refused access with this API key (403).${said} Check that the key has access to Wireless, or set another API key.`,
        { ...details, reason: 'forbidden' },
      );
    } else if (status === 404) {
      error = new NotFoundError(`Telnyx found nothing at ${label} (404).${said} It may have been deleted; refresh the list.`, {
        ...details,
        reason: 'notFound',
      });
    } else if (status === 408) {
      error = new TimeoutError(`Telnyx timed out handling ${label} (408)${after}.${said} Try again.`, {
        ...details,
        reason: 'serverTimeout',
      });
    } else if (status === 429) {
      const retryAfterMs = serverDelayMs ?? backoffDelayMs(retries, this.#opts.retryBaseDelayMs, this.#opts.maxRetryDelayMs, () => 1);
      error = new RateLimitError(
        `Telnyx is limiting the request rate (429)${after}.${said} Try again ${retryAfterMs < 1000 ? 'in a moment' : `in ${formatDuration(retryAfterMs)}`}.`,
        { ...details, retryAfterMs, reason: 'rateLimited' },
      );
    } else if (status >= 500) {
      error = new ServerError(`Telnyx had a server error (${status}) on ${label}${after}.${said} Try again later.`, {
        ...details,
        reason: 'server',
      });
    } else if (status >= 400) {
      error = new BadRequestError(`Telnyx refused ${label} (${status}).${said}`, { ...details, reason: 'badRequest' });
    } else if (status >= 300 && status < 400) {
      error = new InvalidResponseError(describeCause('redirect', { host }), { ...details, reason: 'redirect' });
    } else {
      error = new InvalidResponseError(`Unexpected answer from Telnyx: ${label} answered HTTP ${status}.`, {
        ...details,
        reason: 'badShape',
      });
    }
    return {
      error,
      // POSTs reached the server: a retry could act twice.
      retryable: isGet && isRetryableStatus(status),
      isTimeout: false,
      ...(serverDelayMs !== undefined ? { serverDelayMs } : {}),
      summary: String(status),
    };
  }

  /** Removes the API key from any text that came from outside. */
  #redact(text: string): string {
    const key = this.#opts.apiKey;
    return key.length >= 4 ? text.split(key).join('[redacted]') : text;
  }

  #redactItems(items: ApiErrorItem[]): ApiErrorItem[] {
    return redactDeep(items, (s) => this.#redact(s)) as ApiErrorItem[];
  }

  #logLine(line: string, level: RequestLogLevel): void {
    if (!this.#opts.log) return;
    try {
      this.#opts.log(line, level);
    } catch {
      // A failing logger must not fail the request.
    }
  }
}

/** Redacted copy of error items; own-property writes (a "__proto__" key stays data) and bounded depth. */
function redactDeep(v: unknown, redact: (s: string) => string, depth = 0): unknown {
  if (typeof v === 'string') return redact(v);
  if (depth >= 32 && typeof v === 'object' && v !== null) return null;
  if (Array.isArray(v)) return v.map((x) => redactDeep(x, redact, depth + 1));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, redact(k), {
        value: redactDeep(x, redact, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return v;
}

/** ' Telnyx said: "Title: detail".' from the error envelope, or '' when it had nothing. */
export function describeApiErrors(errors: ApiErrorItem[]): string {
  const parts: string[] = [];
  for (const e of errors.slice(0, 3)) {
    const { title, detail } = e;
    let text: string | undefined;
    if (title && detail) text = detail.toLowerCase().startsWith(title.toLowerCase()) ? detail : `${title}: ${detail}`;
    else text = detail ?? title;
    if (text && !parts.includes(text)) parts.push(text);
  }
  if (parts.length === 0) return '';
  const joined = parts.map((p) => p.replace(/[.\s]+$/, '')).join('; ');
  return ` Telnyx said: "${joined}".`;
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|EPROTO$|HOSTNAME_MISMATCH$)/;

/** The reason of a connection failure from its system error code. */
export function networkReason(code: string | undefined): TelnyxErrorReason {
  if (code === undefined) return 'network';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') return 'dns';
  if (TLS_CODE.test(code)) return 'tls';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') return 'reset';
  return 'network';
}

/** A 2xx that is an HTML page (captive portal, proxy login) rather than the API's JSON. */
function looksLikeHtml(headers: HeaderSource, text: string): boolean {
  const type = (headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('text/html') || type.includes('application/xhtml')) return true;
  return /^\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(0, 1024));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  // An empty or blank text throws too.
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function errorProp(e: unknown, prop: 'code' | 'type'): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const v = (e as Record<string, unknown>)[prop];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${s >= 10 || Number.isInteger(s) ? Math.ceil(s) : s.toFixed(1)} s`;
}
