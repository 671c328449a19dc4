import * as vscode from 'vscode';
import { sortOptions, type SortKey } from '../fleet';
import type { CommandContext } from './context';
import { pickOne } from './pickOne';

interface SortPick extends vscode.QuickPickItem {
  readonly key: SortKey;
}

/** Sort quick pick, opened on the current sort; only a sort the API must do loads again. */
export async function sortSims(ctx: CommandContext): Promise<void> {
  const current = ctx.fleet.model.options.sort;
  const items: SortPick[] = sortOptions().map((o) => {
    const description = o.key === current ? vscode.l10n.t('current') : o.api ? vscode.l10n.t('sorted by the API') : undefined;
    return { label: o.label, detail: o.detail, key: o.key, ...(description ? { description } : {}) };
  });
  const picked = await pickOne(
    items,
    items.find((i) => i.key === current),
    {
      title: vscode.l10n.t('Sort SIM Cards'),
      placeholder: vscode.l10n.t('Sort SIM cards by…'),
    },
  );
  if (picked) await ctx.fleet.setOptions({ sort: picked.key });
}
