// Every command id the extension declares in package.json `contributes.commands`, in one
// place. Code refers to commands only through these constants (a unit test keeps the list
// equal to the manifest).

export const COMMAND_PREFIX = 'telnyxSims.';

export const COMMAND_NAMES = [
  'setApiKey',
  'clearApiKey',
  'refresh',
  'filter',
  'clearFilter',
  'sort',
  'groupBy',
  'groupBy.status',
  'groupBy.tag',
  'groupBy.group',
  'groupBy.type',
  'groupBy.none',
  'findSim',
  'copyIccid',
  'copyImsi',
  'copyMsisdn',
  'copySimId',
  'openRawRecord',
  'showDetails',
  'focusDetails',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/** Full command ids, e.g. `CommandId.refresh === 'telnyxSims.refresh'`. */
export const CommandId: { readonly [N in CommandName]: `telnyxSims.${N}` } = {
  setApiKey: 'telnyxSims.setApiKey',
  clearApiKey: 'telnyxSims.clearApiKey',
  refresh: 'telnyxSims.refresh',
  filter: 'telnyxSims.filter',
  clearFilter: 'telnyxSims.clearFilter',
  sort: 'telnyxSims.sort',
  groupBy: 'telnyxSims.groupBy',
  'groupBy.status': 'telnyxSims.groupBy.status',
  'groupBy.tag': 'telnyxSims.groupBy.tag',
  'groupBy.group': 'telnyxSims.groupBy.group',
  'groupBy.type': 'telnyxSims.groupBy.type',
  'groupBy.none': 'telnyxSims.groupBy.none',
  findSim: 'telnyxSims.findSim',
  copyIccid: 'telnyxSims.copyIccid',
  copyImsi: 'telnyxSims.copyImsi',
  copyMsisdn: 'telnyxSims.copyMsisdn',
  copySimId: 'telnyxSims.copySimId',
  openRawRecord: 'telnyxSims.openRawRecord',
  showDetails: 'telnyxSims.showDetails',
  focusDetails: 'telnyxSims.focusDetails',
};
