import * as vscode from 'vscode';
import type { FleetModel, FleetModelChange, FleetNode } from '../fleet';
import type { AttentionSummary } from '../fleet/attention';
import { AttentionNodes, isAttentionNode, isAttentionSim, type AttentionNode } from '../fleet/attentionNodes';
import { toTreeItem } from './treeItems';
import { noteInteraction } from '../telnyx/eventLoopTurns';

/** Every element of the SIM Cards tree: the fleet model's nodes and the "Needs attention" nodes above them. */
export type SimTreeNode = FleetNode | AttentionNode;

/** True for the nodes of the fleet model (commands work on these), false for the attention group nodes. */
export function isFleetNode(node: SimTreeNode): node is FleetNode {
  return !isAttentionNode(node);
}

/** The needs-attention summary as the tree reads it (the AttentionTracker). */
export interface AttentionFeed {
  readonly summary: AttentionSummary;
  /** The setting is on and a key is set. */
  readonly shown: boolean;
  readonly threshold: number;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * Adapts the fleet model to VS Code. It holds no tree of its own: children and parents come
 * from the model (and the attention nodes from their builder over the tracker's summary),
 * created on demand, and node objects keep their identity across refreshes.
 */
export class SimTreeProvider implements vscode.TreeDataProvider<SimTreeNode>, vscode.Disposable {
  /** Every node handed to VS Code: the registrar's check that a command argument is really ours. */
  readonly #issued = new WeakSet<object>();
  /** Redraws so far; with `askedAt`, tells which nodes VS Code showed expanded after a given redraw. */
  #redraws = 0;
  readonly #askedAt = new Map<string, number>();
  readonly #changed = new vscode.EventEmitter<SimTreeNode | SimTreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  #attention: AttentionNodes | undefined;
  #attentionDrawn: { summary: AttentionSummary; shown: boolean; threshold: number; atRoot: boolean } | undefined;
  readonly #model: FleetModel;

  constructor(model: FleetModel) {
    this.#model = model;
  }

  /** Shows "Needs attention (N)" at the top of the tree, following `feed`; dispose to stop following it. */
  followAttention(feed: AttentionFeed): vscode.Disposable {
    const model = this.#model;
    const nodes = new AttentionNodes(() => ({
      summary: feed.summary,
      shown: feed.shown,
      threshold: feed.threshold,
      getSim: (id) => model.getSim(id),
      sort: model.options.sort,
      groupsById: model.groupsById,
    }));
    this.#attention = nodes;
    this.#redrawAttention(feed, true);
    const sub = feed.onDidChange(() => this.#redrawAttention(feed, false));
    return new vscode.Disposable(() => {
      sub.dispose();
      if (this.#attention !== nodes) return;
      this.#attention = undefined;
      this.#attentionDrawn = undefined;
      this.#redraws++;
      this.#changed.fire(undefined);
    });
  }

  /** Tells VS Code what a (coalesced) model change touched: the nodes, or everything. */
  redraw(change: FleetModelChange): void {
    this.#redraws++;
    if (change.root || change.options) this.#changed.fire(undefined);
    else if (change.nodes.length > 0) this.#changed.fire([...change.nodes]);
  }

  /** Only the nodes commands accept (fleet nodes and SIM rows); the attention group nodes have no commands. */
  isNode = (x: unknown): x is FleetNode => typeof x === 'object' && x !== null && this.#issued.has(x);

  /** Marks a node from the model (e.g. a reveal path) as ours. */
  adopt<T extends FleetNode>(node: T): T {
    this.#issued.add(node);
    return node;
  }

  /** How many redraws were sent to VS Code. */
  get generation(): number {
    return this.#redraws;
  }

  /** True when VS Code asked for the children of `id` ('' for the roots) after redraw `generation`. */
  shownExpandedAfter(id: string, generation: number): boolean {
    return (this.#askedAt.get(id) ?? -1) > generation;
  }

  getTreeItem(node: SimTreeNode): vscode.TreeItem {
    // The root's count may have moved since it was handed out (same object, refreshed in place).
    if (node.kind === 'attentionRoot') this.#attention?.root();
    return toTreeItem(node, { sort: this.#model.options.sort, groupsById: this.#model.groupsById });
  }

  /** Fills in a SIM row's tooltip when it is hovered (building it for every row shown is what made ranges slow). */
  async resolveTreeItem(item: vscode.TreeItem, node: SimTreeNode): Promise<vscode.TreeItem> {
    noteInteraction();
    if (node.kind !== 'sim' || item.tooltip !== undefined) return item;
    const { resolveSimTooltip } = await import('./simTooltip');
    return resolveSimTooltip(item, node, { sort: this.#model.options.sort, groupsById: this.#model.groupsById });
  }

  getChildren(node?: SimTreeNode): SimTreeNode[] {
    // Someone is waiting for the view: background bookkeeping steps aside until it is drawn.
    noteInteraction();
    this.#askedAt.set(node?.id ?? '', this.#redraws);
    if (node !== undefined && isAttentionNode(node)) return this.#issue(this.#attention?.childrenOf(node) ?? []);
    const children: SimTreeNode[] = this.#issue(this.#model.childrenOf(node));
    const top = node === undefined ? this.#attention?.root() : undefined;
    if (node === undefined && this.#attentionDrawn) this.#attentionDrawn.atRoot = top !== undefined;
    return top ? [top, ...children] : children;
  }

  getParent(node: SimTreeNode): SimTreeNode | undefined {
    noteInteraction(); // a reveal
    if (isAttentionNode(node) || (node.kind === 'sim' && isAttentionSim(node))) return this.#attention?.parentOf(node);
    const parent = this.#model.parentOf(node);
    if (parent) this.#issued.add(parent);
    return parent;
  }

  /** Marks SIM rows and fleet nodes as command targets; attention group nodes are left out. */
  #issue<T extends SimTreeNode>(nodes: T[]): T[] {
    for (const n of nodes) if (!isAttentionNode(n)) this.#issued.add(n);
    return nodes;
  }

  dispose(): void {
    this.#changed.dispose();
  }

  /** Redraws the attention node when its numbers changed; the whole root when it appears or goes. */
  #redrawAttention(feed: AttentionFeed, first: boolean): void {
    if (!this.#attention) return;
    const summary = feed.summary;
    const shown = feed.shown;
    const threshold = feed.threshold;
    const drawn = this.#attentionDrawn;
    if (!first && drawn && drawn.summary === summary && drawn.shown === shown && drawn.threshold === threshold) return;
    const root = this.#attention.root();
    const wasAtRoot = drawn?.atRoot ?? false;
    this.#attentionDrawn = { summary, shown, threshold, atRoot: wasAtRoot };
    if (!first && !root && !wasAtRoot) return; // hidden before and after
    this.#redraws++;
    if (first || !root || !wasAtRoot) this.#changed.fire(undefined);
    else this.#changed.fire(root);
  }
}
