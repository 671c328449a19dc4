// Ids other than commands that must match package.json or stored data: the view, the
// webview type, `when`-clause context keys and storage keys.

export const VIEW_ID = 'telnyxSims.simCards';
export const DETAILS_VIEW_TYPE = 'telnyxSims.simDetails';

export const ContextKeys = {
  state: 'telnyxSims.state',
  filterActive: 'telnyxSims.filterActive',
} as const;

export const StorageKeys = {
  filter: 'telnyxSims.filter',
  sort: 'telnyxSims.sort',
  apiKeySecret: 'telnyxSims.apiKey',
} as const;
