// One JSON request with a per-attempt timeout, retries with backoff, and typed errors.
// node-fetch v2 goes through Node's http/https modules, which VS Code hooks for its proxy
// settings. Redirects are not followed: they would carry the Authorization header to
// wherever the Location points, and a redirecting base URL is a setting to fix anyway.
import fetch from 'node-fetch';
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
} from './errors';
import { parseErrorItems } from './parse';
import { backoffDelayMs, isRetryableStatus, provesNotSent, serverRetryDelayMs, sleep } from './retry';
import type { ApiErrorItem } from './types';

export interface HttpOptions {
  apiKey: string;
  /** Normalised, without a trailing slash. */
  baseUrl: string;
  userAgent: string;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  log?: (line: string, level: RequestLogLevel) => void;
}

/** How a request line should be logged: a finished request, a retry, or a request that failed for good. */
export type RequestLogLevel = 'info' | 'warn' | 'error';

export type HttpMethod = 'GET' | 'POST';

export interface HttpRequest {
  method: HttpMethod;
  /** API path below the base URL, e.g. '/sim_cards'. */
  path: string;
  /** Already encoded, without '?'. */
  query?: string;
  signal?: AbortSignal;
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

type Outcome =
  | { type: 'response'; status: number; headers: HeaderSource; text: string }
  | { type: 'network'; code: string | undefined }
  | { type: 'timeout' }
  | { type: 'tooLarge' };

interface Failure {
  error: TelnyxError;
  retryable: boolean;
  /** What the server asked us to wait, if it did. */
  serverDelayMs?: number;
  /** Short outcome for the log line: status code or error code. */
  summary: string;
}

export class HttpTransport {
  private readonly host: string;

  constructor(private readonly opts: HttpOptions) {
    this.host = new URL(opts.baseUrl).host;
  }

  async requestJson(req: HttpRequest): Promise<HttpResult> {
    const { method, path, signal } = req;
    const target = req.query ? `${path}?${req.query}` : path;
    const url = this.opts.baseUrl + target;
    const label = `${method} ${path}`;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new CancelledError();
      const started = Date.now();
      const outcome = await this.attempt(url, method, signal).catch((e: unknown) => {
        if (e instanceof CancelledError) this.logLine(`${method} ${target} cancelled after ${Date.now() - started} ms`, 'info');
        throw e;
      });
      const ms = Date.now() - started;

      if (outcome.type === 'response' && outcome.status >= 200 && outcome.status < 300) {
        const parsed = parseJson(outcome.text);
        if (parsed.ok) {
          const retries = attempt > 0 ? ` (after ${attempt} ${plural(attempt, 'retry', 'retries')})` : '';
          this.logLine(`${method} ${target} ${outcome.status} ${ms} ms${retries}`, 'info');
          return { status: outcome.status, body: parsed.value };
        }
      }

      const failure = this.describeFailure(outcome, method, label, attempt);
      if (failure.retryable && attempt < this.opts.maxRetries) {
        const delay =
          failure.serverDelayMs !== undefined
            ? Math.min(failure.serverDelayMs, this.opts.maxRetryDelayMs)
            : backoffDelayMs(attempt, this.opts.retryBaseDelayMs, this.opts.maxRetryDelayMs);
        const retry = `retry ${attempt + 1}/${this.opts.maxRetries} in ${delay} ms`;
        this.logLine(`${method} ${target} ${failure.summary} ${ms} ms, ${retry}`, 'warn');
        await sleep(delay, signal);
        continue;
      }
      this.logLine(`${method} ${target} ${failure.summary} ${ms} ms, giving up: ${failure.error.name}`, 'error');
      throw failure.error;
    }
  }

  private async attempt(url: string, method: HttpMethod, signal: AbortSignal | undefined): Promise<Outcome> {
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, this.opts.timeoutMs);
    const onAbort = (): void => ctl.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (signal?.aborted) throw new CancelledError();
      const res = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${this.opts.apiKey}`,
          Accept: 'application/json',
          'User-Agent': this.opts.userAgent,
        },
        redirect: 'manual',
        size: MAX_BODY_BYTES,
        signal: ctl.signal,
      });
      // The timeout keeps running while the body streams in: a stalled body is a timeout too.
      const text = await res.text();
      return { type: 'response', status: res.status, headers: res.headers, text };
    } catch (e) {
      if (signal?.aborted) throw new CancelledError();
      if (timedOut) return { type: 'timeout' };
      if (errorProp(e, 'type') === 'max-size') return { type: 'tooLarge' };
      return { type: 'network', code: errorProp(e, 'code') };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private describeFailure(outcome: Outcome, method: HttpMethod, label: string, retries: number): Failure {
    const after = retries > 0 ? ` after ${retries} ${plural(retries, 'retry', 'retries')}` : '';
    const isGet = method === 'GET';
    switch (outcome.type) {
      case 'timeout':
        return {
          error: new TimeoutError(
            `Telnyx did not answer ${label} within ${formatDuration(this.opts.timeoutMs)}${after}. Check your connection and try again.`,
          ),
          // A POST that timed out may have been carried out: never send it twice.
          retryable: isGet,
          summary: 'timeout',
        };
      case 'network': {
        const code = outcome.code ? this.redact(outcome.code) : undefined;
        return {
          error: new NetworkError(
            `Could not reach Telnyx at ${this.host} (${code ?? 'connection failed'})${after}. Check your internet connection, proxy settings and the API base URL.`,
            code !== undefined ? { code } : {},
          ),
          retryable: isGet || provesNotSent(code),
          summary: code ?? 'network error',
        };
      }
      case 'tooLarge':
        return {
          error: new InvalidResponseError(`Unexpected answer from Telnyx: response of ${label} was larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`),
          retryable: false,
          summary: 'too large',
        };
      case 'response':
        break;
    }
    const { status } = outcome;
    if (status >= 200 && status < 300) {
      const what = outcome.text.trim() === '' ? 'was empty' : 'was not JSON';
      return {
        error: new InvalidResponseError(`Unexpected answer from Telnyx: response of ${label} ${what}${after}.`, { status }),
        // A garbled body is usually a broken transfer; for a POST it was carried out already.
        retryable: isGet,
        summary: `${status} (${what})`,
      };
    }
    const parsed = parseJson(outcome.text);
    const errors = this.redactItems(parsed.ok ? parseErrorItems(parsed.value) : []);
    const said = describeApiErrors(errors);
    const serverDelayMs = isRetryableStatus(status) ? serverRetryDelayMs(outcome.headers, status) : undefined;
    const details = { status, errors };
    let error: TelnyxError;
    if (status === 401) {
      error = new AuthenticationError(`Telnyx rejected the API key (401).${said} Set a valid API key.`, details);
    } else if (status === 403) {
      error = new AuthenticationError(
        `Telnyx refused access with this API key (403).${said} Check that the key has access to Wireless, or set another API key.`,
        details,
      );
    } else if (status === 404) {
      error = new NotFoundError(`Telnyx found nothing at ${label} (404).${said} It may have been deleted; refresh the list.`, details);
    } else if (status === 408) {
      error = new TimeoutError(`Telnyx timed out handling ${label} (408)${after}.${said} Try again.`, details);
    } else if (status === 429) {
      const retryAfterMs = serverDelayMs ?? backoffDelayMs(retries, this.opts.retryBaseDelayMs, this.opts.maxRetryDelayMs, () => 1);
      error = new RateLimitError(
        `Telnyx is limiting the request rate (429)${after}.${said} Try again ${retryAfterMs < 1000 ? 'in a moment' : `in ${formatDuration(retryAfterMs)}`}.`,
        { ...details, retryAfterMs },
      );
    } else if (status >= 500) {
      error = new ServerError(`Telnyx had a server error (${status}) on ${label}${after}.${said} Try again later.`, details);
    } else if (status >= 400) {
      error = new BadRequestError(`Telnyx refused ${label} (${status}).${said}`, details);
    } else if (status >= 300 && status < 400) {
      error = new InvalidResponseError(
        `Unexpected answer from Telnyx: ${label} was redirected (${status}). Check the API base URL.`,
        details,
      );
    } else {
      error = new InvalidResponseError(`Unexpected answer from Telnyx: ${label} answered HTTP ${status}.`, details);
    }
    return {
      error,
      // POSTs reached the server: a retry could act twice.
      retryable: isGet && isRetryableStatus(status),
      ...(serverDelayMs !== undefined ? { serverDelayMs } : {}),
      summary: String(status),
    };
  }

  /** Removes the API key from any text that came from outside. */
  private redact(text: string): string {
    const key = this.opts.apiKey;
    return key.length >= 4 ? text.split(key).join('[redacted]') : text;
  }

  private redactItems(items: ApiErrorItem[]): ApiErrorItem[] {
    return redactDeep(items, (s) => this.redact(s)) as ApiErrorItem[];
  }

  private logLine(line: string, level: RequestLogLevel): void {
    if (!this.opts.log) return;
    try {
      this.opts.log(line, level);
    } catch {
      // A failing logger must not fail the request.
    }
  }
}

function redactDeep(v: unknown, redact: (s: string) => string): unknown {
  if (typeof v === 'string') return redact(v);
  if (Array.isArray(v)) return v.map((x) => redactDeep(x, redact));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[redact(k)] = redactDeep(x, redact);
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

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: false };
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
