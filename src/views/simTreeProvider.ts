import * as vscode from 'vscode';
import type { FleetModel, FleetModelChange, FleetNode } from '../fleet';
import { toTreeItem } from './treeItems';

/**
 * Adapts the fleet model to VS Code. It holds no tree of its own: children and parents come
 * from the model, created on demand, and node objects keep their identity across refreshes.
 */
export class SimTreeProvider implements vscode.TreeDataProvider<FleetNode>, vscode.Disposable {
  /** Every node handed to VS Code: the registrar's check that a command argument is really ours. */
  private readonly issued = new WeakSet<object>();
  /** Redraws so far; with `askedAt`, tells which nodes VS Code showed expanded after a given redraw. */
  private redraws = 0;
  private readonly askedAt = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<FleetNode | FleetNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly model: FleetModel) {}

  /** Tells VS Code what a (coalesced) model change touched: the nodes, or everything. */
  redraw(change: FleetModelChange): void {
    this.redraws++;
    if (change.root || change.options) this.changed.fire(undefined);
    else if (change.nodes.length > 0) this.changed.fire([...change.nodes]);
  }

  isNode = (x: unknown): x is FleetNode => typeof x === 'object' && x !== null && this.issued.has(x);

  /** Marks a node from the model (e.g. a reveal path) as ours. */
  adopt<T extends FleetNode>(node: T): T {
    this.issued.add(node);
    return node;
  }

  /** How many redraws were sent to VS Code. */
  get generation(): number {
    return this.redraws;
  }

  /** True when VS Code asked for the children of `id` ('' for the roots) after redraw `generation`. */
  shownExpandedAfter(id: string, generation: number): boolean {
    return (this.askedAt.get(id) ?? -1) > generation;
  }

  getTreeItem(node: FleetNode): vscode.TreeItem {
    return toTreeItem(node, { sort: this.model.options.sort, groupsById: this.model.groupsById });
  }

  getChildren(node?: FleetNode): FleetNode[] {
    this.askedAt.set(node?.id ?? '', this.redraws);
    const children = this.model.childrenOf(node);
    for (const child of children) this.issued.add(child);
    return children;
  }

  getParent(node: FleetNode): FleetNode | undefined {
    const parent = this.model.parentOf(node);
    if (parent) this.issued.add(parent);
    return parent;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
