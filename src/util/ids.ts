// Ids other than commands that must match package.json or stored data: the view, the
// webview type, `when`-clause context keys and storage keys.

export const VIEW_ID = 'telnyxSims.simCards';
export const DETAILS_VIEW_TYPE = 'telnyxSims.simDetails';

export const ContextKeys = {
  state: 'telnyxSims.state',
  filterActive: 'telnyxSims.filterActive',
  /** The current grouping ('status', 'tag', ...): the Group By submenu marks it. */
  groupBy: 'telnyxSims.groupBy',
} as const;

export const StorageKeys = {
  filter: 'telnyxSims.filter',
  sort: 'telnyxSims.sort',
  /** Filter, sort and grouping (ViewOptions) since the fleet model owns them. */
  viewOptions: 'telnyxSims.viewOptions',
  apiKeySecret: 'telnyxSims.apiKey',
} as const;
