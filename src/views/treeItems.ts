import { simContextValue } from './contextValue';
// Tree items built from the fleet model's nodes; every text in them is plain (API data).
import * as vscode from 'vscode';
import { commandId } from '../commands/ids';
import {
  formatCount,
  isTransitional,
  rowDescription,
  rowLabel,
  simLabel,
  statusIcon,
  type BucketNode,
  type FleetNode,
  type GroupBy,
  type RangeNode,
  type SimNode,
  type SortKey,
} from '../fleet';
import type { SimCardGroup } from '../telnyx/types';
import type { AttentionReason } from '../fleet/attention';
import type { AttentionNode, AttentionRangeNode, AttentionReasonNode, AttentionRootNode } from '../fleet/attentionNodes';

const BUCKET_ICONS: Record<Exclude<GroupBy, 'status' | 'none'>, string> = {
  tag: 'tag',
  group: 'folder-library',
  type: 'chip',
};

/** What a tree item needs besides its node. */
export interface ItemContext {
  readonly sort: SortKey;
  readonly groupsById: ReadonlyMap<string, SimCardGroup>;
}

function countText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 SIM card') : vscode.l10n.t('{0} SIM cards', formatCount(n));
}

function bucketItem(node: BucketNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  // The count first: it is what a narrow sidebar must still show.
  item.description = node.description ? `${formatCount(node.count)} · ${node.description}` : formatCount(node.count);
  item.contextValue = `bucket.${node.groupBy}`;
  if (node.groupBy === 'status') {
    const icon = statusIcon(node.key.slice('status:'.length));
    item.iconPath = new vscode.ThemeIcon(icon.codicon, new vscode.ThemeColor(icon.color));
  } else if (node.groupBy !== 'none') {
    item.iconPath = new vscode.ThemeIcon(BUCKET_ICONS[node.groupBy]);
  }
  item.tooltip = `${node.label} — ${countText(node.count)}`;
  item.accessibilityInformation = { label: `${node.label}, ${countText(node.count)}` };
  return item;
}

/** A range row of a long list (the fleet's or a needs-attention reason's). */
function partItem(node: RangeNode | AttentionRangeNode, contextValue: string): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = node.description;
  item.iconPath = new vscode.ThemeIcon('list-flat');
  item.contextValue = contextValue;
  item.tooltip = vscode.l10n.t(
    'SIM cards {0} to {1} of {2}: long lists come in parts of 500 so the view stays fast',
    formatCount(node.start),
    formatCount(node.end),
    formatCount(node.total),
  );
  // Read out as words, not the label's dash.
  item.accessibilityInformation = {
    label: vscode.l10n.t('SIM cards {0} to {1} of {2}', formatCount(node.start), formatCount(node.end), formatCount(node.total)),
  };
  return item;
}

function simItem(node: SimNode, ctx: ItemContext): vscode.TreeItem {
  const { sim } = node;
  const item = new vscode.TreeItem(rowLabel(sim), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  // Under "Recently updated" or "Usage of limit" the row shows the key it is sorted by.
  item.description = rowDescription(sim, ctx.sort, ctx.groupsById);
  const icon = statusIcon(sim.status?.value);
  // A spinning icon says "this SIM is changing state" without a word.
  const codicon = isTransitional(sim.status?.value) ? `${icon.codicon}~spin` : icon.codicon;
  item.iconPath = new vscode.ThemeIcon(codicon, new vscode.ThemeColor(icon.color));
  // The tooltip comes on hover (resolveSimTooltip): VS Code parses every Markdown tooltip it is
  // handed, which made a range of 500 rows cost a few hundred milliseconds to show.
  // Type and status, so context menus offer only the actions that apply (no Enable on an enabled SIM).
  item.contextValue = simContextValue(sim);
  item.command = { command: commandId('showDetails'), title: vscode.l10n.t('Show Details'), arguments: [node] };
  item.accessibilityInformation = {
    label: vscode.l10n.t('SIM {0}, {1}', simLabel(sim), sim.status?.value ?? vscode.l10n.t('unknown status')),
  };
  return item;
}

const REASON_ICONS: Record<AttentionReason, { codicon: string; color: string }> = {
  limitExceeded: { codicon: 'error', color: 'problemsErrorIcon.foreground' },
  unauthorizedImei: { codicon: 'shield', color: 'problemsErrorIcon.foreground' },
  nearLimit: { codicon: 'dashboard', color: 'problemsWarningIcon.foreground' },
  noGroup: { codicon: 'folder', color: 'problemsWarningIcon.foreground' },
  actionInProgress: { codicon: 'sync', color: 'problemsInfoIcon.foreground' },
};

const REASON_TOOLTIPS: Record<AttentionReason, () => string> = {
  limitExceeded: () => vscode.l10n.t("SIM cards over the data limit that applies to them (their own, else their group's)"),
  unauthorizedImei: () => vscode.l10n.t('SIM cards in a device whose IMEI is not authorized'),
  nearLimit: () =>
    vscode.l10n.t('SIM cards at or above the usage threshold of their data limit (setting telnyxSims.attention.usageThreshold)'),
  noGroup: () => vscode.l10n.t('SIM cards not in any SIM card group: they cannot be enabled'),
  actionInProgress: () => vscode.l10n.t('SIM cards with an action in progress (enabling, disabling, standby, registering)'),
};

// Labels of the attention nodes come from the pure builder (localised there); no API text in them.
function attentionRootItem(node: AttentionRootNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.contextValue = 'attention';
  item.tooltip = vscode.l10n.t('SIM cards that need attention, by reason (a SIM card can have several reasons)');
  item.accessibilityInformation = { label: vscode.l10n.t('Needs attention, {0}', countText(node.total)) };
  return item;
}

function attentionReasonItem(node: AttentionReasonNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = formatCount(node.count);
  const icon = REASON_ICONS[node.reason];
  item.iconPath = new vscode.ThemeIcon(icon.codicon, new vscode.ThemeColor(icon.color));
  item.contextValue = 'attention.reason';
  item.tooltip = `${REASON_TOOLTIPS[node.reason]()} — ${countText(node.count)}`;
  item.accessibilityInformation = { label: `${node.label}, ${countText(node.count)}` };
  return item;
}

export function toTreeItem(node: FleetNode | AttentionNode, ctx: ItemContext): vscode.TreeItem {
  switch (node.kind) {
    case 'attentionRoot':
      return attentionRootItem(node);
    case 'attentionReason':
      return attentionReasonItem(node);
    case 'attentionRange':
      return partItem(node, 'attention.range');
    case 'bucket':
      return bucketItem(node);
    case 'range':
      return partItem(node, 'range');
    case 'sim':
      return simItem(node, ctx);
  }
}
