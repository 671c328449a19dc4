import * as vscode from 'vscode';
import { SORT_OPTIONS, type SortKey } from '../fleet';
import type { CommandContext } from './context';

export function registerSort(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxSims.sort', async (given?: unknown) => {
    const direct = SORT_OPTIONS.find((o) => o.key === given);
    if (direct) return ctx.state.setSort(direct.key);
    const picked = await vscode.window.showQuickPick(
      SORT_OPTIONS.map((o) => ({
        label: o.label,
        description: o.key === ctx.state.sort ? '$(check) current' : o.api ? 'sorted by the API' : undefined,
        detail: o.detail,
        key: o.key as SortKey,
      })),
      { title: 'Sort SIM Cards', placeHolder: 'Sort SIM cards by…' },
    );
    if (picked) await ctx.state.setSort(picked.key);
  });
}
