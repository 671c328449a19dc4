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
} from './client';
export type { PageProgress } from './paging';
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
