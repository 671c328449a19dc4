import * as vscode from 'vscode';
import { GROUP_BY_VALUES, isGroupBy, type GroupBy } from '../fleet';
import { readSettings, saveGroupBy } from '../config';

const LABELS: Record<GroupBy, { label: string; detail: string }> = {
  status: { label: '$(pulse) Status', detail: 'In lifecycle order: enabled, standby, disabled…' },
  tag: { label: '$(tag) Tag', detail: 'A SIM with several tags appears under each; untagged SIMs under "Untagged"' },
  group: { label: '$(folder-library) SIM Card Group', detail: 'By SIM card group name' },
  type: { label: '$(chip) Type', detail: 'Physical SIM cards and eSIMs' },
  none: { label: '$(list-flat) None', detail: 'One flat list' },
};

/** Quick pick (or a value argument) for the grouping; the setting is the single source of truth. */
export function registerGroupBy(): vscode.Disposable {
  const disposables = [
    vscode.commands.registerCommand('telnyxSims.groupBy', async (given?: unknown) => {
      if (isGroupBy(given)) return saveGroupBy(given);
      const current = readSettings().groupBy;
      const picked = await vscode.window.showQuickPick(
        GROUP_BY_VALUES.map((value) => ({
          ...LABELS[value],
          description: value === current ? 'current' : undefined,
          value,
        })),
        { title: 'Group SIM Cards By', placeHolder: 'Group the SIM Cards view by…' },
      );
      if (picked) await saveGroupBy(picked.value);
    }),
    ...GROUP_BY_VALUES.map((value) => vscode.commands.registerCommand(`telnyxSims.groupBy.${value}`, () => saveGroupBy(value))),
  ];
  return vscode.Disposable.from(...disposables);
}
