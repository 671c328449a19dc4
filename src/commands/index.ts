import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { registerClearApiKey } from './clearApiKey';
import { registerClearFilter } from './clearFilter';
import { registerCopyFields } from './copyFields';
import { registerFilter } from './filter';
import { registerFindSim } from './findSim';
import { registerGroupBy } from './groupBy';
import { registerOpenRawRecord } from './openRawRecord';
import { registerRefresh } from './refresh';
import { registerSetApiKey } from './setApiKey';
import { registerShowDetails } from './showDetails';
import { registerSort } from './sort';

export function registerCommands(ctx: CommandContext): vscode.Disposable {
  return vscode.Disposable.from(
    registerSetApiKey(ctx),
    registerClearApiKey(ctx),
    registerRefresh(ctx),
    registerFilter(ctx),
    registerClearFilter(ctx),
    registerSort(ctx),
    registerGroupBy(),
    registerFindSim(ctx),
    registerCopyFields(ctx),
    registerOpenRawRecord(ctx),
    registerShowDetails(ctx),
  );
}
