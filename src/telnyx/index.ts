// Public API of the Telnyx client; the rest of the extension imports from here.
export * from './types';
export * from './units';
export * from './errors';
export * from './describeError';
export {
  TelnyxClient,
  CLIENT_VERSION,
  DEFAULT_BASE_URL,
  DEFAULT_USER_AGENT,
  type TelnyxClientOptions,
  type ListAllOptions,
  type SimCardListing,
} from './client';
export type { PageProgress, ListResult, CompleteList, IncompleteList, IncompleteReason, RestartInfo } from './paging';
export type { RetryInfo } from './http';
export { describeCause, describeTelnyxError, reasonOf, retryingText, formatWait, type CauseContext } from './errorCauses';
export {
  checkBaseUrl,
  isLoopbackHost,
  nonDefaultHostNote,
  sendKeyQuestion,
  TELNYX_BASE_URL,
  BASE_URL_SETTING,
  type BaseUrlVerdict,
} from './baseUrlPolicy';
export type { RequestLogLevel } from './http';
export { encodeSimCardQuery, encodeQuery, encodeComponent, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './query';
export {
  parseSimCard,
  parseSimCardDetail,
  parseSimCardGroup,
  parseSimCardAction,
  parseConnectivityLog,
  parseDataAmount,
  parseErrorItems,
} from './parse';
