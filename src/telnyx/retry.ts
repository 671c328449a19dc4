// When and how long to wait before retrying. Pure functions plus an abortable sleep.
import { CancelledError } from './errors';

/** Statuses worth another try (the official SDK's list). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Failures that prove no byte of the request reached the server (no connection was made),
 * so even a POST can be sent again without risking a double action.
 */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EHOSTDOWN']);

export function provesNotSent(code: string | undefined): boolean {
  return code !== undefined && NEVER_SENT_CODES.has(code);
}

interface HeaderSource {
  get(name: string): string | null;
}

/**
 * The wait the server asked for, in ms: `retry-after-ms`, `Retry-After` (seconds or an
 * HTTP date) or, on a 429 only, `x-ratelimit-reset` (seconds until the window resets;
 * Telnyx sends it on every answer, where it is no request to wait). Undefined when none
 * is usable.
 */
export function serverRetryDelayMs(headers: HeaderSource, status: number, now = Date.now()): number | undefined {
  const ms = parseNumber(headers.get('retry-after-ms'));
  if (ms !== undefined) return ms;
  const retryAfter = headers.get('retry-after');
  if (retryAfter != null && retryAfter.trim() !== '') {
    const seconds = parseNumber(retryAfter);
    if (seconds !== undefined) return seconds * 1000;
    // An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); V8 would also "parse" things like "-3".
    const date = /[a-z]/i.test(retryAfter) && retryAfter.includes(':') ? Date.parse(retryAfter) : Number.NaN;
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = status === 429 ? parseNumber(headers.get('x-ratelimit-reset')) : undefined;
  if (reset !== undefined) {
    // Documented as seconds until reset; a value that looks like a Unix time is one.
    return reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
  }
  return undefined;
}

function parseNumber(v: string | null): number | undefined {
  if (v == null || v.trim() === '') return undefined;
  const n = Number(v.trim());
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^attempt)]. */
export function backoffDelayMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.max(0, Math.floor(random() * ceiling));
}

/** Resolves after `ms`, or rejects with CancelledError as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
