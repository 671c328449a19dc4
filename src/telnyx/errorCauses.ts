// One plain sentence per failure reason, for every surface that reports an API error.
// Pure: no vscode import, strings through @vscode/l10n. The sentences hold only our own
// words and numbers (never server text), so they are safe in Markdown-rendering surfaces.
import * as l10n from '@vscode/l10n';
import type { TelnyxError, TelnyxErrorKind, TelnyxErrorReason } from './errors';

export interface CauseContext {
  /** Host of the API base URL ("api.telnyx.com"), shown for connection failures. */
  host?: string;
  /** The timeout that fired, in ms. */
  timeoutMs?: number;
  /** How long Telnyx asked to wait (429), in ms. */
  retryAfterMs?: number;
  status?: number;
}

/** "850 ms", "10 s", "1.5 s", "2 min". */
export function formatWait(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return l10n.t('a moment');
  if (ms < 1000) return l10n.t('{0} ms', Math.round(ms));
  const s = ms / 1000;
  if (s >= 120) return l10n.t('{0} min', Math.ceil(s / 60));
  return l10n.t('{0} s', s >= 10 || Number.isInteger(s) ? Math.ceil(s) : s.toFixed(1));
}

/** What a sentence may mention: the server's host, the timeout that fired, and the rest of the context. */
interface CauseWords {
  host: string;
  wait: string | undefined;
  ctx: CauseContext;
}

/** One sentence per reason, worded at call time in the display language. */
const CAUSES: Readonly<Record<TelnyxErrorReason, (words: CauseWords) => string>> = {
  connectTimeout: ({ host, wait }) =>
    wait
      ? l10n.t('Could not connect to {0} within {1}: check your connection, proxy and the API base URL.', host, wait)
      : l10n.t('Could not connect to {0} in time: check your connection, proxy and the API base URL.', host),
  firstByteTimeout: ({ host, wait }) =>
    wait
      ? l10n.t('{0} accepted the connection but did not answer within {1}: try again later.', host, wait)
      : l10n.t('{0} accepted the connection but did not answer: try again later.', host),
  bodyTimeout: ({ host }) => l10n.t('The answer from {0} stopped arriving part-way: try again.', host),
  cutBody: ({ host }) => l10n.t('The connection to {0} closed before the whole answer arrived: try again.', host),
  refused: ({ host }) => l10n.t('{0} refused the connection: check the API base URL and that the server is running.', host),
  dns: ({ host }) => l10n.t('The name {0} could not be found: check the API base URL and your DNS or internet connection.', host),
  tls: ({ host }) => l10n.t('The secure connection to {0} failed (certificate or TLS error): check the proxy and the API base URL.', host),
  reset: ({ host }) => l10n.t('The connection to {0} was reset before an answer came: try again.', host),
  network: ({ host }) => l10n.t('Could not reach {0}: check your internet connection, proxy settings and the API base URL.', host),
  redirect: ({ host }) =>
    l10n.t('{0} answered with a redirect, which is not followed so the key is not sent elsewhere: check the API base URL.', host),
  htmlPage: () => l10n.t('The answer was an HTML page, not the Telnyx API: a proxy or login page?'),
  notJson: ({ host }) => l10n.t('The answer from {0} was not JSON: check the API base URL.', host),
  empty: ({ host }) => l10n.t('The answer from {0} was empty: try again.', host),
  tooLarge: ({ host }) => l10n.t('The answer from {0} was too large to be a Telnyx API answer.', host),
  wrongRecord: () => l10n.t('The server sent a different SIM card than the one asked for: check the API base URL.'),
  badShape: () => l10n.t('The answer did not have the shape of a Telnyx API answer: check the API base URL.'),
  unauthorized: () => l10n.t('Telnyx rejected the API key (401): set a valid API key.'),
  forbidden: () => l10n.t('Telnyx refused access with this API key (403): check that the key has access to Wireless.'),
  rateLimited: ({ ctx }) =>
    ctx.retryAfterMs !== undefined && ctx.retryAfterMs >= 1000
      ? l10n.t('Telnyx is limiting the request rate (429): try again in {0}.', formatWait(ctx.retryAfterMs))
      : l10n.t('Telnyx is limiting the request rate (429): try again in a moment.'),
  notFound: () => l10n.t('Telnyx found nothing there (404): it may have been deleted; refresh the list.'),
  serverTimeout: () => l10n.t('Telnyx timed out handling the request (408): try again.'),
  server: ({ ctx }) =>
    ctx.status !== undefined
      ? l10n.t('Telnyx had a server error ({0}): try again later.', ctx.status)
      : l10n.t('Telnyx had a server error: try again later.'),
  badRequest: ({ ctx }) =>
    ctx.status !== undefined ? l10n.t('Telnyx refused the request ({0}).', ctx.status) : l10n.t('Telnyx refused the request.'),
  noKey: () => l10n.t('No Telnyx API key is set: set an API key first.'),
  hostNotAllowed: ({ host }) =>
    l10n.t(
      'The API key was not sent to {0} because you did not allow that server: refresh to be asked again, or change telnyxSims.apiBaseUrl.',
      host,
    ),
  badBaseUrl: () => l10n.t('The setting telnyxSims.apiBaseUrl is not allowed: use https://, or http:// only for this computer.'),
};

/** One sentence saying what happened and what to do, for a reason from the client. */
export function describeCause(reason: TelnyxErrorReason, ctx: CauseContext = {}): string {
  const host = ctx.host && /^[A-Za-z0-9.:[\]-]{1,300}$/.test(ctx.host) ? ctx.host : l10n.t('the API server');
  const wait = ctx.timeoutMs !== undefined ? formatWait(ctx.timeoutMs) : undefined;
  return CAUSES[reason]({ host, wait, ctx });
}

const REASON_BY_KIND: Readonly<Record<TelnyxErrorKind, TelnyxErrorReason | undefined>> = {
  auth: 'unauthorized',
  notFound: 'notFound',
  rateLimited: 'rateLimited',
  server: 'server',
  network: 'network',
  timeout: 'firstByteTimeout',
  invalidResponse: 'badShape',
  badRequest: 'badRequest',
  cancelled: undefined,
};

/** The reason of a client error, falling back on its kind for errors without one. */
export function reasonOf(error: TelnyxError): TelnyxErrorReason | undefined {
  if (error.reason !== undefined) return error.reason;
  if (error.kind === 'auth' && error.status === 403) return 'forbidden';
  if (error.kind === 'timeout' && error.status === 408) return 'serverTimeout';
  return REASON_BY_KIND[error.kind];
}

/** The sentence for a client error (undefined for a cancellation, which needs no message). */
export function describeTelnyxError(error: TelnyxError, host?: string): string | undefined {
  const reason = reasonOf(error);
  if (reason === undefined) return undefined;
  return describeCause(reason, {
    ...(host !== undefined ? { host } : {}),
    ...(error.timeoutMs !== undefined ? { timeoutMs: error.timeoutMs } : {}),
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    ...(error.status !== undefined ? { status: error.status } : {}),
  });
}

/** "Retrying (2 of 3)…" for the view while the client waits to try again. */
export function retryingText(attempt: number, maxAttempts: number): string {
  return l10n.t('Retrying ({0} of {1})…', attempt, maxAttempts);
}
