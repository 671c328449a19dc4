import * as vscode from 'vscode';
import { CommandId } from '../commands/ids';
import type { SimCardGroup } from '../telnyx/types';
import { isTransitional, simDescription, simLabel, simTooltipMarkdown, statusIcon, type GroupBy } from '../fleet';
import type { BucketNode, RangeNode, SimNode, TreeNode } from './treeModel';

const BUCKET_ICONS: Record<Exclude<GroupBy, 'status' | 'none'>, string> = {
  tag: 'tag',
  group: 'folder-library',
  type: 'chip',
};

function bucketItem(node: BucketNode): vscode.TreeItem {
  const { bucket } = node;
  const item = new vscode.TreeItem(bucket.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = String(bucket.sims.length);
  item.contextValue = `bucket.${node.groupBy}`;
  if (node.groupBy === 'status') {
    const icon = statusIcon(bucket.sims[0]?.status?.value);
    item.iconPath = new vscode.ThemeIcon(icon.codicon, new vscode.ThemeColor(icon.color));
  } else if (node.groupBy !== 'none') {
    item.iconPath = new vscode.ThemeIcon(BUCKET_ICONS[node.groupBy]);
  }
  const count = bucket.sims.length === 1 ? '1 SIM card' : `${bucket.sims.length} SIM cards`;
  item.tooltip = `${bucket.label} — ${count}`;
  item.accessibilityInformation = { label: `${bucket.label}, ${count}` };
  return item;
}

function rangeItem(node: RangeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = `of ${node.total}`;
  item.iconPath = new vscode.ThemeIcon('list-flat');
  item.contextValue = 'range';
  return item;
}

function simItem(node: SimNode, groupsById: ReadonlyMap<string, SimCardGroup>): vscode.TreeItem {
  const { sim } = node;
  const item = new vscode.TreeItem(simLabel(sim), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const group = sim.sim_card_group_id ? groupsById.get(sim.sim_card_group_id) : undefined;
  item.description = simDescription(sim, group);
  const icon = statusIcon(sim.status?.value);
  // A spinning icon says "this SIM is changing state" without a word.
  const codicon = isTransitional(sim.status?.value) ? `${icon.codicon}~spin` : icon.codicon;
  item.iconPath = new vscode.ThemeIcon(codicon, new vscode.ThemeColor(icon.color));
  // Untrusted API text: no command links, no HTML, escaped by simTooltipMarkdown.
  const tooltip = new vscode.MarkdownString(simTooltipMarkdown(sim, group));
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.contextValue = `sim.${sim.type ?? 'unknown'}`;
  item.command = { command: CommandId.showDetails, title: 'Show Details', arguments: [node] };
  item.accessibilityInformation = { label: `SIM ${simLabel(sim)}, ${sim.status?.value ?? 'unknown status'}` };
  return item;
}

export function toTreeItem(node: TreeNode, groupsById: ReadonlyMap<string, SimCardGroup>): vscode.TreeItem {
  switch (node.kind) {
    case 'bucket':
      return bucketItem(node);
    case 'range':
      return rangeItem(node);
    case 'sim':
      return simItem(node, groupsById);
  }
}
