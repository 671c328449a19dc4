// Ids other than commands that must match package.json or stored data: the view, the
// webview type, `when`-clause context keys and storage keys.

export const VIEW_ID = 'telnyxSims.simCards';
export const ACTIONS_VIEW_ID = 'telnyxSims.actions';
export const DETAILS_VIEW_TYPE = 'telnyxSims.simDetails';
export const OVERVIEW_VIEW_TYPE = 'telnyxSims.fleetOverview';
export const STATUS_BAR_ID = 'telnyxSims.summary';

/** Settings read by name (the rest are read through config.ts under the `telnyxSims` section). */
export const SettingKeys = {
  apiBaseUrl: 'telnyxSims.apiBaseUrl',
  usageThreshold: 'telnyxSims.attention.usageThreshold',
  showAttention: 'telnyxSims.attention.show',
  showStatusBar: 'telnyxSims.statusBar.show',
  autoRefreshMinutes: 'telnyxSims.autoRefreshMinutes',
} as const;

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
  /** Non-Telnyx API hosts the user allowed the key to go to (global state). */
  allowedApiHosts: 'telnyxSims.allowedApiHosts',
} as const;
