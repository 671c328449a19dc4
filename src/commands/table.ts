// Every command as one row: id (declared in package.json) -> handler built from the context.
// Adding a command: a `contributes.commands` entry, its name in ids.ts, and a row here.
import { saveGroupBy } from '../config';
import { clearApiKey } from './clearApiKey';
import type { CommandTable } from './context';
import { COPY_ICCID, COPY_IMSI, COPY_MSISDN, COPY_SIM_ID, copyField } from './copyFields';
import { filterSims } from './filter';
import { findSim } from './findSim';
import { pickGroupBy } from './groupBy';
import { openSelectedRawRecord } from './openRawRecord';
import { setApiKey } from './setApiKey';
import { showDetails } from './showDetails';
import { sortSims } from './sort';
import { actOnAllMatching, actOnTarget } from './actions/simActions';

export const COMMANDS: CommandTable = {
  setApiKey: (ctx) => () => setApiKey(ctx),
  clearApiKey: (ctx) => () => clearApiKey(ctx),
  refresh: (ctx) => () => ctx.view.refresh(),
  filter: (ctx) => () => filterSims(ctx),
  clearFilter: (ctx) => () => ctx.state.setFilter({}),
  sort: (ctx) => () => sortSims(ctx),
  groupBy: () => () => pickGroupBy(),
  'groupBy.status': () => () => saveGroupBy('status'),
  'groupBy.tag': () => () => saveGroupBy('tag'),
  'groupBy.group': () => () => saveGroupBy('group'),
  'groupBy.type': () => () => saveGroupBy('type'),
  'groupBy.none': () => () => saveGroupBy('none'),
  findSim: (ctx) => () => findSim(ctx),
  copyIccid: (ctx) => (target) => copyField(ctx, target, COPY_ICCID),
  copyImsi: (ctx) => (target) => copyField(ctx, target, COPY_IMSI),
  copyMsisdn: (ctx) => (target) => copyField(ctx, target, COPY_MSISDN),
  copySimId: (ctx) => (target) => copyField(ctx, target, COPY_SIM_ID),
  openRawRecord: (ctx) => (target) => openSelectedRawRecord(ctx, target),
  showDetails: (ctx) => (target) => showDetails(ctx, target),
  showOverview: (ctx) => () => ctx.glance.showOverview(),
  exportSimCards: (ctx) => (target) => ctx.glance.exportSimCards(ctx.view.selectedSims(target)),
  enableSims: (ctx) => (target) => actOnTarget(ctx.actions, 'enable', target),
  disableSims: (ctx) => (target) => actOnTarget(ctx.actions, 'disable', target),
  standbySims: (ctx) => (target) => actOnTarget(ctx.actions, 'standby', target),
  editTags: (ctx) => (target) => actOnTarget(ctx.actions, 'editTags', target),
  moveToGroup: (ctx) => (target) => actOnTarget(ctx.actions, 'moveToGroup', target),
  setDataLimit: (ctx) => (target) => actOnTarget(ctx.actions, 'setDataLimit', target),
  'allMatching.enable': (ctx) => () => actOnAllMatching(ctx.actions, 'enable'),
  'allMatching.disable': (ctx) => () => actOnAllMatching(ctx.actions, 'disable'),
  'allMatching.standby': (ctx) => () => actOnAllMatching(ctx.actions, 'standby'),
  'allMatching.editTags': (ctx) => () => actOnAllMatching(ctx.actions, 'editTags'),
  'allMatching.moveToGroup': (ctx) => () => actOnAllMatching(ctx.actions, 'moveToGroup'),
  'allMatching.setDataLimit': (ctx) => () => actOnAllMatching(ctx.actions, 'setDataLimit'),
  'actions.refresh': (ctx) => () => ctx.actions.actionsView.follow(),
  'actions.filterStatus': (ctx) => () => ctx.actions.actionsView.pickStatusFilter(),
};
