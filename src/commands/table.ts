// Every command as one row: id (declared in package.json) -> handler built from the context.
// Adding a command: a `contributes.commands` entry, its name in ids.ts, and a row here.
import * as vscode from 'vscode';
import { VIEW_ID } from '../util/ids';
import { clearApiKey } from './clearApiKey';
import type { CommandTable } from './context';
import { COPY_ICCID, COPY_IMSI, COPY_MSISDN, COPY_SIM_ID, copyField } from './copyFields';
import { filterSims } from './filter';
import { findSim } from './findSim';
import { pickGroupBy, setGroupBy } from './groupBy';
import { openSelectedRawRecord } from './openRawRecord';
import { setApiKey } from './setApiKey';
import { focusDetails, showDetails } from './showDetails';
import { sortSims } from './sort';
import { actOnAllMatching, actOnTarget } from './actions/simActions';

export const COMMANDS: CommandTable = {
  setApiKey: (ctx) => () => setApiKey(ctx),
  clearApiKey: (ctx) => () => clearApiKey(ctx),
  refresh: (ctx) => () => ctx.fleet.refresh(),
  filter: (ctx) => () => filterSims(ctx),
  // The same wizard; a second id so the title button can show a filled icon while a filter is on.
  filterActive: (ctx) => () => filterSims(ctx),
  clearFilter: (ctx) => () => ctx.fleet.setOptions({ filter: {} }),
  sort: (ctx) => () => sortSims(ctx),
  groupBy: (ctx) => () => pickGroupBy(ctx),
  'groupBy.status': (ctx) => () => setGroupBy(ctx, 'status'),
  'groupBy.tag': (ctx) => () => setGroupBy(ctx, 'tag'),
  'groupBy.group': (ctx) => () => setGroupBy(ctx, 'group'),
  'groupBy.type': (ctx) => () => setGroupBy(ctx, 'type'),
  'groupBy.none': (ctx) => () => setGroupBy(ctx, 'none'),
  // The checked entries of the Group By submenu (an extension cannot mark a menu item).
  'groupBy.status.current': (ctx) => () => setGroupBy(ctx, 'status'),
  'groupBy.tag.current': (ctx) => () => setGroupBy(ctx, 'tag'),
  'groupBy.group.current': (ctx) => () => setGroupBy(ctx, 'group'),
  'groupBy.type.current': (ctx) => () => setGroupBy(ctx, 'type'),
  'groupBy.none.current': (ctx) => () => setGroupBy(ctx, 'none'),
  findSim: (ctx) => () => findSim(ctx),
  // VS Code's own action for the view (registered for every tree view, button or not).
  collapseAll: () => () => vscode.commands.executeCommand(`workbench.actions.treeView.${VIEW_ID}.collapseAll`),
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
  focusDetails: (ctx) => (target) => focusDetails(ctx, target),
};
