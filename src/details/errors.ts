// Turns a failed load into the kind and one-line text the panel shows. Duck-typed on the
// client's TelnyxError (`kind`, `status`, `retryAfterMs`) so this stays pure and testable.
import { ERROR_KINDS, type DetailsErrorKind } from './messages';

export interface DetailsError {
  kind: DetailsErrorKind;
  message: string;
}

function field(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined;
}

export function errorKind(e: unknown): DetailsErrorKind {
  const kind = field(e, 'kind');
  return typeof kind === 'string' && (ERROR_KINDS as readonly string[]).includes(kind) ? (kind as DetailsErrorKind) : 'unknown';
}

/** What went wrong and what to do, for the panel. `e` is a TelnyxError or anything thrown. */
export function describeDetailsError(e: unknown): DetailsError {
  const kind = errorKind(e);
  const raw = field(e, 'message');
  const detail = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : 'unknown error';
  const status = field(e, 'status');
  const retryAfter = field(e, 'retryAfterMs');
  switch (kind) {
    case 'notFound':
      return { kind, message: 'This SIM no longer exists. It may have been deleted or moved to another account.' };
    case 'auth':
      return { kind, message: 'Telnyx rejected the API key. Set a valid API key to load this SIM.' };
    case 'noKey':
      return { kind, message: 'Set an API key to load this SIM.' };
    case 'rateLimited': {
      const wait = typeof retryAfter === 'number' && retryAfter > 0 ? `Retry in ${Math.ceil(retryAfter / 1000)} s.` : 'Retry shortly.';
      return { kind, message: `Telnyx is rate-limiting requests. ${wait}` };
    }
    case 'network':
    case 'timeout':
      return { kind, message: `Could not reach the Telnyx API (${detail}). Check your connection, then retry.` };
    case 'server':
      return { kind, message: `The Telnyx API had a problem${typeof status === 'number' ? ` (HTTP ${status})` : ''}. Retry later.` };
    case 'invalidResponse':
      return { kind, message: `Telnyx sent an unexpected response (${detail}).` };
    case 'badRequest':
      return { kind, message: `Telnyx did not accept the request: ${detail}` };
    case 'cancelled':
      return { kind, message: 'Loading was cancelled.' };
    default:
      return { kind, message: `Could not load this SIM: ${detail}` };
  }
}
