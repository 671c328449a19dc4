import * as vscode from 'vscode';
import { GROUP_BY_VALUES, type GroupBy } from '../fleet';
import type { CommandContext } from './context';
import { pickOne } from './pickOne';

interface GroupByPick extends vscode.QuickPickItem {
  readonly value: GroupBy;
}

function labels(): Record<GroupBy, { label: string; detail: string }> {
  return {
    status: { label: vscode.l10n.t('$(pulse) Status'), detail: vscode.l10n.t('In lifecycle order: enabled, standby, disabled…') },
    tag: {
      label: vscode.l10n.t('$(tag) Tag'),
      detail: vscode.l10n.t('A SIM with several tags appears under each; untagged SIMs under "Untagged"'),
    },
    group: { label: vscode.l10n.t('$(folder-library) SIM Card Group'), detail: vscode.l10n.t('By SIM card group name') },
    type: { label: vscode.l10n.t('$(chip) Type'), detail: vscode.l10n.t('Physical SIM cards and eSIMs') },
    none: { label: vscode.l10n.t('$(list-flat) None'), detail: vscode.l10n.t('One flat list (in parts of 500 when long)') },
  };
}

/** Regroups the view: workspace state through the fleet model, never the user's settings files. */
export async function setGroupBy(ctx: CommandContext, groupBy: GroupBy): Promise<void> {
  await ctx.fleet.setOptions({ groupBy });
}

/** Group By quick pick, opened on the current grouping. */
export async function pickGroupBy(ctx: CommandContext): Promise<void> {
  const current = ctx.fleet.model.options.groupBy;
  const text = labels();
  const items: GroupByPick[] = GROUP_BY_VALUES.map((value) => ({
    ...text[value],
    value,
    ...(value === current ? { description: vscode.l10n.t('current') } : {}),
  }));
  const picked = await pickOne(
    items,
    items.find((i) => i.value === current),
    {
      title: vscode.l10n.t('Group SIM Cards By'),
      placeholder: vscode.l10n.t('Group the SIM Cards view by…'),
    },
  );
  if (picked) await setGroupBy(ctx, picked.value);
}
