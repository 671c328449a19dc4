// The one wording of every failure the user can see (tree message, details panel,
// notifications, commands). Pure: strings go through @vscode/l10n. One sentence per kind;
// the full technical message goes to the log, not here.
import * as l10n from '@vscode/l10n';
import { isTelnyxError, type TelnyxErrorKind } from './errors';

/** What was being done when the error happened; only changes the wording of a few kinds. */
export type ErrorSubject = 'simCards' | 'sim' | 'sessions' | 'apiKey' | 'command';

/** The client's typed error kinds, checked against TelnyxErrorKind by the compiler. */
const TELNYX_ERROR_KINDS = {
  auth: true,
  notFound: true,
  rateLimited: true,
  server: true,
  network: true,
  timeout: true,
  invalidResponse: true,
  badRequest: true,
  cancelled: true,
} as const satisfies Record<TelnyxErrorKind, true>;

/** A client error kind, 'noKey' before any key is set, or 'unknown' for anything else thrown. */
export type ErrorKind = TelnyxErrorKind | 'noKey' | 'unknown';
export const ERROR_KINDS: readonly ErrorKind[] = [...(Object.keys(TELNYX_ERROR_KINDS) as TelnyxErrorKind[]), 'noKey', 'unknown'];

/** Thrown (or passed around) when an action needs the API and no key is set. */
export class NoApiKeyError extends Error {
  constructor() {
    super('No Telnyx API key is set.');
    this.name = 'NoApiKeyError';
  }
}

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof NoApiKeyError) return 'noKey';
  return isTelnyxError(error) ? error.kind : 'unknown';
}

function rawMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() || l10n.t('unknown error');
}

function unknownFailure(subject: ErrorSubject, detail: string): string {
  switch (subject) {
    case 'simCards':
      return l10n.t('Could not load the SIM cards: {0}', detail);
    case 'sim':
      return l10n.t('Could not load this SIM: {0}', detail);
    case 'sessions':
      return l10n.t('Could not load the connectivity sessions: {0}', detail);
    case 'apiKey':
      return l10n.t('Could not check the API key: {0}', detail);
    case 'command':
      return l10n.t('The command failed: {0}', detail);
  }
}

/** What went wrong and what to do, in one sentence. */
export function describeError(error: unknown, subject: ErrorSubject): string {
  const kind = errorKind(error);
  const telnyx = isTelnyxError(error) ? error : undefined;
  switch (kind) {
    case 'noKey':
      return l10n.t('No Telnyx API key is set. Use "Set API Key" to enter one.');
    case 'auth':
      return l10n.t('Telnyx rejected the API key. Use "Set API Key" to enter a valid key.');
    case 'notFound':
      return subject === 'sim'
        ? l10n.t('This SIM no longer exists. It may have been deleted or moved to another account.')
        : l10n.t('The Telnyx API found nothing at this address. Check the "telnyxSims.apiBaseUrl" setting.');
    case 'rateLimited': {
      const ms = telnyx?.retryAfterMs;
      return ms !== undefined && ms > 0
        ? l10n.t('Telnyx is rate-limiting requests. Try again in {0} s.', Math.ceil(ms / 1000))
        : l10n.t('Telnyx is rate-limiting requests. Try again shortly.');
    }
    case 'network':
      return telnyx?.code
        ? l10n.t('Could not reach the Telnyx API ({0}). Check your connection or the "telnyxSims.apiBaseUrl" setting.', telnyx.code)
        : l10n.t('Could not reach the Telnyx API. Check your connection or the "telnyxSims.apiBaseUrl" setting.');
    case 'timeout':
      return l10n.t('The Telnyx API did not answer in time. Check your connection, then try again.');
    case 'server':
      return telnyx?.status !== undefined
        ? l10n.t('The Telnyx API had a problem (HTTP {0}). Try again later.', telnyx.status)
        : l10n.t('The Telnyx API had a problem. Try again later.');
    case 'invalidResponse':
      return l10n.t('Telnyx sent an unexpected response. Try again later.');
    case 'badRequest':
      // The client's own sentence names what was refused (e.g. an invalid base URL).
      return rawMessage(error);
    case 'cancelled':
      return l10n.t('Loading was cancelled.');
    case 'unknown':
      return unknownFailure(subject, rawMessage(error));
  }
}
