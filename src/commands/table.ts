// Every command as one row: id (declared in package.json) -> handler built from the context.
// Adding a command: a `contributes.commands` entry, its name in ids.ts, and a row here.
// A command's module is read on its first run (`import()`: a chunk of the bundle), so activation
// reads none of them; rows that only call the model or the panels stay inline.
import * as vscode from 'vscode';
import type { GroupBy } from '../fleet';
import { VIEW_ID } from '../util/ids';
import type { SimActionKind } from './actions/services';
import type { CommandContext, CommandTable, CommandTarget } from './context';
import type { CopyField } from './copyFields';

const filterSims = async (ctx: CommandContext): Promise<void> => (await import('./filter')).filterSims(ctx);
const setGroupBy = async (ctx: CommandContext, groupBy: GroupBy): Promise<void> => (await import('./groupBy')).setGroupBy(ctx, groupBy);
const copyField = async (
  ctx: CommandContext,
  target: CommandTarget,
  field: (m: typeof import('./copyFields')) => CopyField,
): Promise<void> => {
  const m = await import('./copyFields');
  return m.copyField(ctx, target, field(m));
};
const actOnTarget = async (ctx: CommandContext, kind: SimActionKind, target: CommandTarget): Promise<void> =>
  (await import('./actions/simActions')).actOnTarget(ctx.actions, kind, target);
const actOnAllMatching = async (ctx: CommandContext, kind: SimActionKind): Promise<void> =>
  (await import('./actions/simActions')).actOnAllMatching(ctx.actions, kind);

export const COMMANDS: CommandTable = {
  setApiKey: (ctx) => async () => (await import('./setApiKey')).setApiKey(ctx),
  clearApiKey: (ctx) => async () => (await import('./clearApiKey')).clearApiKey(ctx),
  refresh: (ctx) => () => ctx.fleet.refresh(),
  filter: (ctx) => () => filterSims(ctx),
  // The same wizard; a second id so the title button can show a filled icon while a filter is on.
  filterActive: (ctx) => () => filterSims(ctx),
  clearFilter: (ctx) => () => ctx.fleet.setOptions({ filter: {} }),
  sort: (ctx) => async () => (await import('./sort')).sortSims(ctx),
  groupBy: (ctx) => async () => (await import('./groupBy')).pickGroupBy(ctx),
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
  findSim: (ctx) => async () => (await import('./findSim')).findSim(ctx),
  // VS Code's own action for the view (registered for every tree view, button or not).
  collapseAll: () => () => vscode.commands.executeCommand(`workbench.actions.treeView.${VIEW_ID}.collapseAll`),
  copyIccid: (ctx) => (target) => copyField(ctx, target, (m) => m.COPY_ICCID),
  copyImsi: (ctx) => (target) => copyField(ctx, target, (m) => m.COPY_IMSI),
  copyMsisdn: (ctx) => (target) => copyField(ctx, target, (m) => m.COPY_MSISDN),
  copySimId: (ctx) => (target) => copyField(ctx, target, (m) => m.COPY_SIM_ID),
  openRawRecord: (ctx) => async (target) => (await import('./openRawRecord')).openSelectedRawRecord(ctx, target),
  showDetails: (ctx) => async (target) => (await import('./showDetails')).showDetails(ctx, target),
  showOverview: (ctx) => () => ctx.glance.showOverview(),
  exportSimCards: (ctx) => (target) => ctx.glance.exportSimCards(ctx.view.selectedSims(target)),
  enableSims: (ctx) => (target) => actOnTarget(ctx, 'enable', target),
  disableSims: (ctx) => (target) => actOnTarget(ctx, 'disable', target),
  standbySims: (ctx) => (target) => actOnTarget(ctx, 'standby', target),
  editTags: (ctx) => (target) => actOnTarget(ctx, 'editTags', target),
  moveToGroup: (ctx) => (target) => actOnTarget(ctx, 'moveToGroup', target),
  setDataLimit: (ctx) => (target) => actOnTarget(ctx, 'setDataLimit', target),
  'allMatching.enable': (ctx) => () => actOnAllMatching(ctx, 'enable'),
  'allMatching.disable': (ctx) => () => actOnAllMatching(ctx, 'disable'),
  'allMatching.standby': (ctx) => () => actOnAllMatching(ctx, 'standby'),
  'allMatching.editTags': (ctx) => () => actOnAllMatching(ctx, 'editTags'),
  'allMatching.moveToGroup': (ctx) => () => actOnAllMatching(ctx, 'moveToGroup'),
  'allMatching.setDataLimit': (ctx) => () => actOnAllMatching(ctx, 'setDataLimit'),
  'actions.refresh': (ctx) => () => ctx.actions.actionsView.follow(),
  'actions.filterStatus': (ctx) => () => ctx.actions.actionsView.pickStatusFilter(),
  focusDetails: (ctx) => async (target) => (await import('./showDetails')).focusDetails(ctx, target),
};
