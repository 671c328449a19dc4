// A SIM row's tooltip, read when a row is first hovered (a chunk of the bundle).
import * as vscode from 'vscode';
import { groupForSim, type SimNode } from '../fleet';
import { simTooltipMarkdown } from '../fleet/simTooltip';
import type { ItemContext } from './treeItems';

/** The tooltip of a SIM row, filled in when the row is hovered (TreeDataProvider.resolveTreeItem). */
export function resolveSimTooltip(item: vscode.TreeItem, node: SimNode, ctx: ItemContext): vscode.TreeItem {
  // Untrusted API text: no command links, no HTML, escaped by simTooltipMarkdown.
  const tooltip = new vscode.MarkdownString(simTooltipMarkdown(node.sim, groupForSim(node.sim, ctx.groupsById)));
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  return item;
}
