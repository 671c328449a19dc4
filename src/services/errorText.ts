import { isTelnyxError } from '../telnyx';

/** What went wrong and what to do, in one line for the view's message or a notification. */
export function describeLoadError(error: unknown): string {
  if (!isTelnyxError(error)) {
    return `Could not load SIM cards: ${error instanceof Error ? error.message : String(error)}`;
  }
  switch (error.kind) {
    case 'auth':
      return 'Telnyx rejected the API key. Use "Set API Key" to enter a valid key.';
    case 'rateLimited': {
      const wait = error.retryAfterMs !== undefined ? ` Try again in ${Math.ceil(error.retryAfterMs / 1000)} s.` : ' Try again shortly.';
      return `Telnyx is rate-limiting requests.${wait}`;
    }
    case 'network':
    case 'timeout':
      return `Could not reach the Telnyx API (${error.message}). Check your connection or the "telnyxSims.apiBaseUrl" setting, then refresh.`;
    case 'server':
      return `The Telnyx API had a problem (${error.message}). Refresh to try again.`;
    case 'badRequest':
      return `The request was not accepted: ${error.message}`;
    case 'invalidResponse':
      return `Telnyx sent an unexpected response (${error.message}). Refresh to try again.`;
    case 'notFound':
      return `Not found: ${error.message}. Check the "telnyxSims.apiBaseUrl" setting.`;
    case 'cancelled':
      return 'Loading was cancelled. Refresh to load SIM cards.';
  }
}

export function isAuthError(error: unknown): boolean {
  return isTelnyxError(error) && error.kind === 'auth';
}
