// Typed errors of the API client. Messages are written for people (they end up in the
// UI) and must never contain the API key: everything from the server is redacted and
// truncated before it is put into a message or into `errors`.
import type { ApiErrorItem } from './types';

export type TelnyxErrorKind =
  'auth' | 'notFound' | 'rateLimited' | 'server' | 'network' | 'timeout' | 'invalidResponse' | 'badRequest' | 'cancelled';

/**
 * What actually went wrong, finer than the kind: one sentence each in errorCauses.ts.
 * Absent on errors made before this field existed (treat as the kind alone).
 */
export type TelnyxErrorReason =
  | 'connectTimeout'
  | 'firstByteTimeout'
  | 'bodyTimeout'
  | 'cutBody'
  | 'refused'
  | 'dns'
  | 'tls'
  | 'reset'
  | 'network'
  | 'redirect'
  | 'htmlPage'
  | 'notJson'
  | 'empty'
  | 'tooLarge'
  | 'wrongRecord'
  | 'badShape'
  | 'unauthorized'
  | 'forbidden'
  | 'rateLimited'
  | 'notFound'
  | 'serverTimeout'
  | 'server'
  | 'badRequest'
  | 'noKey'
  | 'badBaseUrl'
  | 'hostNotAllowed';

export const TELNYX_ERROR_REASONS: readonly TelnyxErrorReason[] = [
  'connectTimeout',
  'firstByteTimeout',
  'bodyTimeout',
  'cutBody',
  'refused',
  'dns',
  'tls',
  'reset',
  'network',
  'redirect',
  'htmlPage',
  'notJson',
  'empty',
  'tooLarge',
  'wrongRecord',
  'badShape',
  'unauthorized',
  'forbidden',
  'rateLimited',
  'notFound',
  'serverTimeout',
  'server',
  'badRequest',
  'noKey',
  'badBaseUrl',
  'hostNotAllowed',
];

export interface TelnyxErrorDetails {
  status?: number;
  errors?: ApiErrorItem[];
  retryAfterMs?: number;
  /** System error code of a connection failure (ECONNREFUSED...), never a message. */
  code?: string;
  reason?: TelnyxErrorReason;
  /** How long the attempt waited before a timeout fired, in ms. */
  timeoutMs?: number;
  /** Retries made before giving up. */
  retries?: number;
}

export class TelnyxError extends Error {
  readonly kind: TelnyxErrorKind;
  readonly status?: number;
  readonly errors: ApiErrorItem[];
  readonly retryAfterMs?: number;
  readonly code?: string;
  readonly reason?: TelnyxErrorReason;
  readonly timeoutMs?: number;
  readonly retries?: number;

  constructor(kind: TelnyxErrorKind, message: string, details: TelnyxErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
    this.errors = details.errors ?? [];
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.code !== undefined) this.code = details.code;
    if (details.reason !== undefined) this.reason = details.reason;
    if (details.timeoutMs !== undefined) this.timeoutMs = details.timeoutMs;
    if (details.retries !== undefined) this.retries = details.retries;
  }
}

/**
 * One subclass per kind, so callers can test with `instanceof`; `name` is the subclass's
 * own name (set from `new.target` in TelnyxError).
 */
function kindError(kind: TelnyxErrorKind) {
  return class extends TelnyxError {
    constructor(message: string, details?: TelnyxErrorDetails) {
      super(kind, message, details);
    }
  };
}

/** 401/403: the key is wrong or lacks permission. */
export class AuthenticationError extends kindError('auth') {}
/** 404. */
export class NotFoundError extends kindError('notFound') {}
/** 429 that persisted through the retries; `retryAfterMs` says when to try again. */
export class RateLimitError extends kindError('rateLimited') {}
/** 5xx that persisted through the retries. */
export class ServerError extends kindError('server') {}
/** Connection refused/reset/DNS failure. */
export class NetworkError extends kindError('network') {}
/** No complete answer within the per-request timeout (or a 408). */
export class TimeoutError extends kindError('timeout') {}
/** The answer was not JSON or not the expected shape; the message names what was wrong. */
export class InvalidResponseError extends kindError('invalidResponse') {}
/** 400/409/422 and other 4xx, with the API's detail. */
export class BadRequestError extends kindError('badRequest') {}
/** The caller's AbortSignal fired. */
export class CancelledError extends TelnyxError {
  constructor(message = 'The request was cancelled.', details?: TelnyxErrorDetails) {
    super('cancelled', message, details);
  }
}

export function isTelnyxError(e: unknown): e is TelnyxError {
  return e instanceof TelnyxError;
}

export function isCancelledError(e: unknown): e is CancelledError {
  return e instanceof CancelledError;
}
