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
import { focusDetails, showDetails } from './showDetails';
import { sortSims } from './sort';

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
  focusDetails: (ctx) => (target) => focusDetails(ctx, target),
};
