// Every command id the extension declares in package.json `contributes.commands`, in one
// place. Code refers to commands only through these constants (a unit test keeps the list
// equal to the manifest).

export const COMMAND_PREFIX = 'telnyxSims.';

export const COMMAND_NAMES = [
  'setApiKey',
  'clearApiKey',
  'refresh',
  'filter',
  'filterActive',
  'clearFilter',
  'sort',
  'groupBy',
  'groupBy.status',
  'groupBy.tag',
  'groupBy.group',
  'groupBy.type',
  'groupBy.none',
  'groupBy.status.current',
  'groupBy.tag.current',
  'groupBy.group.current',
  'groupBy.type.current',
  'groupBy.none.current',
  'findSim',
  'collapseAll',
  'copyIccid',
  'copyImsi',
  'copyMsisdn',
  'copySimId',
  'openRawRecord',
  'showDetails',
  'showOverview',
  'exportSimCards',
  'enableSims',
  'disableSims',
  'standbySims',
  'editTags',
  'moveToGroup',
  'setDataLimit',
  'allMatching.enable',
  'allMatching.disable',
  'allMatching.standby',
  'allMatching.editTags',
  'allMatching.moveToGroup',
  'allMatching.setDataLimit',
  'actions.refresh',
  'actions.filterStatus',
  'focusDetails',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/** A command's full id, e.g. `commandId('refresh') === 'telnyxSims.refresh'`. */
export function commandId<N extends CommandName>(name: N): `telnyxSims.${N}` {
  return `telnyxSims.${name}`;
}
