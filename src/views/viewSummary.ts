// The line above the tree: how many SIM cards, how they are grouped and sorted, and the
// filter. VS Code hides a view's description while it is alone in its container, so the
// view message is where a user sees these in the default layout.
import * as vscode from 'vscode';
import { filterSummaryItems, formatCount, isFilterActive, sortOption, type GroupBy, type ViewOptions } from '../fleet';
import type { SimCardGroup } from '../telnyx/types';

const GROUP_BY_PHRASES: Readonly<Record<GroupBy, () => string>> = {
  status: () => vscode.l10n.t('by status'),
  tag: () => vscode.l10n.t('by tag'),
  group: () => vscode.l10n.t('by SIM card group'),
  type: () => vscode.l10n.t('by type'),
  none: () => vscode.l10n.t('not grouped'),
};

export function groupByPhrase(groupBy: GroupBy): string {
  return GROUP_BY_PHRASES[groupBy]();
}

/** "2,500 SIMs · by status · ICCID order" (short: the message is one line), prefixed by "Filtered (…):" when a filter is active. */
export function viewSummary(options: ViewOptions, count: number, groupsById: ReadonlyMap<string, SimCardGroup>): string {
  const total = count === 1 ? vscode.l10n.t('1 SIM') : vscode.l10n.t('{0} SIMs', formatCount(count));
  const line = [total, groupByPhrase(options.groupBy), vscode.l10n.t('{0} order', sortOption(options.sort).short)].join(' · ');
  if (!isFilterActive(options.filter)) return line;
  const filter = filterSummaryItems(options.filter, groupsById)
    .map((i) => i.text)
    .join(' · ');
  return vscode.l10n.t('Filtered ({0}): {1}. Clear Filter is in the ··· menu.', filter, line);
}
