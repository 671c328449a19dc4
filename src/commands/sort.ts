import * as vscode from 'vscode';
import { SORT_OPTIONS, type SortKey } from '../fleet';
import type { CommandContext } from './context';

export async function sortSims(ctx: CommandContext): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    SORT_OPTIONS.map((o) => {
      const description =
        o.key === ctx.state.sort ? vscode.l10n.t('$(check) current') : o.api ? vscode.l10n.t('sorted by the API') : undefined;
      return { label: o.label, detail: o.detail, key: o.key as SortKey, ...(description ? { description } : {}) };
    }),
    { title: vscode.l10n.t('Sort SIM Cards'), placeHolder: vscode.l10n.t('Sort SIM cards by…') },
  );
  if (picked) await ctx.state.setSort(picked.key);
}
