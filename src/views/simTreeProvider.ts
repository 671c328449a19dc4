import * as vscode from 'vscode';
import type { GroupBy, SortKey } from '../fleet';
import type { FleetLoader } from '../services/fleetLoader';
import { buildTreeModel, childrenOf, type SimNode, type TreeModel, type TreeNode } from './treeModel';
import { toTreeItem } from './treeItems';

/** Adapts the plain tree model to VS Code; rebuilt whenever the fleet, grouping or sort changes. */
export class SimTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private model: TreeModel = { roots: [], firstNodeBySimId: new Map(), simCount: 0 };
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly loader: FleetLoader,
    private groupBy: GroupBy,
    private sortKey: SortKey,
  ) {
    this.rebuild();
  }

  setGrouping(groupBy: GroupBy, sortKey: SortKey): void {
    if (groupBy === this.groupBy && sortKey === this.sortKey) return;
    this.groupBy = groupBy;
    this.sortKey = sortKey;
    this.rebuild();
  }

  /** Rebuilds the model from the loader's current fleet. */
  rebuild(): void {
    const view = this.loader.view;
    this.model = buildTreeModel(view.sims, this.groupBy, this.sortKey, view.groupsById);
    this.changed.fire(undefined);
  }

  get current(): TreeModel {
    return this.model;
  }

  nodeForSim(simId: string): SimNode | undefined {
    return this.model.firstNodeBySimId.get(simId);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node, this.loader.view.groupsById);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? childrenOf(node) : this.model.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'bucket' ? undefined : node.parent;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
