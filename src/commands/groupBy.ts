import * as vscode from 'vscode';
import { GROUP_BY_VALUES, type GroupBy } from '../fleet';
import { readSettings, saveGroupBy } from '../config';

function labels(): Record<GroupBy, { label: string; detail: string }> {
  return {
    status: { label: vscode.l10n.t('$(pulse) Status'), detail: vscode.l10n.t('In lifecycle order: enabled, standby, disabled…') },
    tag: {
      label: vscode.l10n.t('$(tag) Tag'),
      detail: vscode.l10n.t('A SIM with several tags appears under each; untagged SIMs under "Untagged"'),
    },
    group: { label: vscode.l10n.t('$(folder-library) SIM Card Group'), detail: vscode.l10n.t('By SIM card group name') },
    type: { label: vscode.l10n.t('$(chip) Type'), detail: vscode.l10n.t('Physical SIM cards and eSIMs') },
    none: { label: vscode.l10n.t('$(list-flat) None'), detail: vscode.l10n.t('One flat list') },
  };
}

/** Quick pick for the grouping; the setting is the single source of truth. */
export async function pickGroupBy(): Promise<void> {
  const current = readSettings().groupBy;
  const text = labels();
  const picked = await vscode.window.showQuickPick(
    GROUP_BY_VALUES.map((value) => ({ ...text[value], value, ...(value === current ? { description: vscode.l10n.t('current') } : {}) })),
    { title: vscode.l10n.t('Group SIM Cards By'), placeHolder: vscode.l10n.t('Group the SIM Cards view by…') },
  );
  if (picked) await saveGroupBy(picked.value);
}
