import * as vscode from 'vscode';
import type { GroupBy, SortKey } from '../fleet';
import type { FleetLoader } from '../services/fleetLoader';
import { buildTreeModel, childrenOf, type SimNode, type TreeModel, type TreeNode } from './treeModel';
import { toTreeItem } from './treeItems';

/** Adapts the plain tree model to VS Code; rebuilt whenever the fleet, grouping or sort changes. */
export class SimTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private model: TreeModel;
  /** Every node this provider ever handed out: the registrar's check that an argument is really ours. */
  private readonly issued = new WeakSet<object>();
  /** Counts rebuilds; with `askedAt`, tells which nodes VS Code showed expanded after a given rebuild. */
  private rebuilds = 0;
  /** Node id -> the rebuild during which VS Code last asked for its children (i.e. showed it expanded). */
  private readonly askedAt = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly loader: FleetLoader,
    private groupBy: GroupBy,
    private sortKey: SortKey,
  ) {
    this.model = this.build();
  }

  setGrouping(groupBy: GroupBy, sortKey: SortKey): void {
    if (groupBy === this.groupBy && sortKey === this.sortKey) return;
    this.groupBy = groupBy;
    this.sortKey = sortKey;
    this.rebuild();
  }

  /** Rebuilds the model from the loader's current fleet. */
  rebuild(): void {
    this.model = this.build();
    this.rebuilds++;
    this.changed.fire(undefined);
  }

  private build(): TreeModel {
    const view = this.loader.view;
    return buildTreeModel(view.sims, this.groupBy, this.sortKey, view.groupsById);
  }

  isNode = (x: unknown): x is TreeNode => typeof x === 'object' && x !== null && this.issued.has(x);

  /** How many times the model was rebuilt. */
  get generation(): number {
    return this.rebuilds;
  }

  /** True when VS Code asked for the children of `id` (showed it expanded) after rebuild `generation`. */
  shownExpandedAfter(id: string, generation: number): boolean {
    return (this.askedAt.get(id) ?? -1) > generation;
  }

  nodeForSim(simId: string): SimNode | undefined {
    const node = this.model.firstNodeBySimId.get(simId);
    if (node) this.issued.add(node);
    return node;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node, this.loader.view.groupsById);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) this.askedAt.set(node.id, this.rebuilds);
    const children = node ? childrenOf(node) : this.model.roots;
    for (const child of children) this.issued.add(child);
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'bucket' ? undefined : node.parent;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
