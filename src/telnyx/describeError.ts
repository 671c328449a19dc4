// The one wording of every failure the user can see (tree message, details panel,
// notifications, commands). Pure: strings go through @vscode/l10n. One sentence per
// failure, short enough for three sidebar lines; the full technical message goes to the
// log, not here. Server text only ever appears through plainText.
import * as l10n from '@vscode/l10n';
import { describeCause, describeTelnyxError } from './errorCauses';
import { isTelnyxError, type TelnyxError, type TelnyxErrorKind } from './errors';
import { networkReason } from './http';
import { plainText } from './plainText';

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

/** Room for a server's or an exception's own words inside one of our sentences. */
const DETAIL_MAX = 90;

function rawMessage(error: unknown): string {
  const text = plainText(error instanceof Error ? error.message : String(error), DETAIL_MAX);
  return text || l10n.t('unknown error');
}

/** The sentence for a failure we know nothing more about, per what was being done. */
const UNKNOWN_FAILURES: Readonly<Record<ErrorSubject, (detail: string) => string>> = {
  simCards: (detail) => l10n.t('Could not load the SIM cards: {0}', detail),
  sim: (detail) => l10n.t('Could not load this SIM: {0}', detail),
  sessions: (detail) => l10n.t('Could not load the connectivity sessions: {0}', detail),
  apiKey: (detail) => l10n.t('Could not check the API key: {0}', detail),
  command: (detail) => l10n.t('The command failed: {0}', detail),
};

/** The server's first error text (detail, else title), as inert plain text. */
function serverDetail(error: TelnyxError): string {
  for (const e of error.errors) {
    const text = plainText(e.detail ?? e.title, DETAIL_MAX);
    if (text) return text;
  }
  return '';
}

function describeTelnyx(error: TelnyxError, subject: ErrorSubject, host: string | undefined): string {
  // Refused before any request: the sentence names the setting or the host that was not allowed.
  // Without `host`, the gate's own sentence (which names the host) is the better one.
  if (error.reason === 'hostNotAllowed' && host === undefined) return plainText(error.message, 200);
  if (error.reason === 'hostNotAllowed' || error.reason === 'badBaseUrl')
    return describeTelnyxError(error, host) ?? plainText(error.message);
  switch (error.kind) {
    case 'auth':
      // Said under the key's own input box, where "Set API Key" is what the user is doing.
      if (subject === 'apiKey')
        return error.status === 403
          ? l10n.t('Telnyx refused access with this key (403): it needs access to Wireless.')
          : l10n.t('Telnyx rejected this key (401): check that it is complete and still active.');
      return error.status === 403
        ? l10n.t('Telnyx refused access with this API key (403). Use "Set API Key" to enter a key with access to Wireless.')
        : l10n.t('Telnyx rejected the API key. Use "Set API Key" to enter a valid key.');
    case 'notFound':
      return subject === 'sim'
        ? l10n.t('This SIM no longer exists. It may have been deleted or moved to another account.')
        : l10n.t('The Telnyx API found nothing at this address. Check the "telnyxSims.apiBaseUrl" setting.');
    case 'cancelled':
      return l10n.t('Loading was cancelled.');
    case 'badRequest': {
      const detail = serverDetail(error);
      if (error.reason === 'badRequest' || error.status !== undefined) {
        const status = error.status ?? 400;
        return detail
          ? l10n.t('Telnyx refused the request ({0}): {1}', status, detail)
          : l10n.t('Telnyx refused the request ({0}).', status);
      }
      // A refusal made by the client itself (no HTTP status): its message is our own sentence.
      return plainText(error.message, 200) || l10n.t('Telnyx refused the request.');
    }
    case 'network':
      // Errors made without a reason still carry the system code (ENOTFOUND...).
      if (error.reason === undefined) return describeCause(networkReason(error.code), host !== undefined ? { host } : {});
      return describeTelnyxError(error, host) ?? describeCause('network');
    default:
      return describeTelnyxError(error, host) ?? l10n.t('Loading was cancelled.');
  }
}

/**
 * What went wrong and what to do, in one sentence. `host` (of the API base URL) names
 * the server in connection failures; without it they say "the API server".
 */
export function describeError(error: unknown, subject: ErrorSubject, host?: string): string {
  if (error instanceof NoApiKeyError) return l10n.t('No Telnyx API key is set. Use "Set API Key" to enter one.');
  if (isTelnyxError(error)) return describeTelnyx(error, subject, host);
  return UNKNOWN_FAILURES[subject](rawMessage(error));
}
