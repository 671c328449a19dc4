import * as vscode from 'vscode';
import { describeFilter, isFilterActive, loadStatusMessage, type FleetModelChange, type SimNode } from '../fleet';
import { describeError } from '../telnyx';
import type { SimCard } from '../telnyx/types';
import type { CommandTarget } from '../commands/context';
import type { ClientProvider } from '../services/clientProvider';
import type { FleetPhase, FleetService } from '../services/fleetService';
import { noMatchMessage } from '../fleet/filters';
import { ContextKey } from '../util/contextKey';
import { ContextKeys, VIEW_ID } from '../util/ids';
import { RedrawCoalescer } from './redrawCoalescer';
import { SimTreeProvider, type SimTreeNode } from './simTreeProvider';
import { viewSummary } from './viewSummary';

/**
 * The SIM Cards view: the tree view, its message, description and context keys, all
 * following the fleet model. Redraws are coalesced so progress shows during a load.
 */
export class SimCardsView implements vscode.Disposable {
  readonly provider: SimTreeProvider;
  readonly treeView: vscode.TreeView<SimTreeNode>;
  readonly #stateKey = new ContextKey<FleetPhase>(ContextKeys.state);
  readonly #filterKey = new ContextKey<boolean>(ContextKeys.filterActive);
  readonly #groupByKey = new ContextKey<string>(ContextKeys.groupBy);
  readonly #coalescer: RedrawCoalescer;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #expanded = new Set<string>();
  #lastLoadedAt: number | undefined;
  readonly #fleet: FleetService;
  readonly #clients: ClientProvider;

  constructor(fleet: FleetService, clients: ClientProvider) {
    this.#fleet = fleet;
    this.#clients = clients;
    const model = fleet.model;
    this.provider = new SimTreeProvider(model);
    this.treeView = vscode.window.createTreeView(VIEW_ID, {
      treeDataProvider: this.provider,
      canSelectMany: true,
      // Collapse All lives in the ··· menu (a title button fewer for a narrow sidebar).
      showCollapseAll: false,
    });
    this.#coalescer = new RedrawCoalescer((change) => this.#redraw(change));
    this.#disposables.push(
      this.provider,
      this.treeView,
      { dispose: () => this.#coalescer.dispose() },
      model.onDidChange((change) => {
        this.#coalescer.push(change);
        // A regroup or resort is the user's own action: draw it now, not after a quiet spell.
        if (change.options) this.#coalescer.flushNow();
      }),
      this.treeView.onDidExpandElement((e) => this.#expanded.add(e.element.id)),
      this.treeView.onDidCollapseElement((e) => this.#expanded.delete(e.element.id)),
    );
    this.#updateChrome();
  }

  /** Sends what is pending to VS Code now (before a reveal, or when a test reads the tree). */
  flush(): void {
    this.#coalescer.flushNow();
  }

  #redraw(change: FleetModelChange): void {
    this.provider.redraw(change);
    this.#updateChrome();
  }

  #updateChrome(): void {
    const model = this.#fleet.model;
    const phase = this.#fleet.phase;
    const status = model.status;
    if (status.kind === 'complete' || status.kind === 'partial') this.#lastLoadedAt = status.loadedAt;
    this.#stateKey.set(phase).catch(() => undefined);
    this.#filterKey.set(isFilterActive(model.options.filter)).catch(() => undefined);
    this.#groupByKey.set(model.options.groupBy).catch(() => undefined);
    const count = phase === 'loaded' ? model.size : undefined;
    // A server other than Telnyx's is always named, so nobody mistakes it for the real account.
    const host = this.#clients.hostNote();
    const described = phase === 'noKey' ? undefined : describeFilter(model.options.filter, model.options.sort, count, model.groupsById);
    // VS Code's typings declare these as string but take undefined to clear them.
    this.treeView.description = (host && described ? `${host} · ${described}` : (host ?? described)) as string;
    this.treeView.message = this.#message(phase) as string;
  }

  #message(phase: FleetPhase): string | undefined {
    const model = this.#fleet.model;
    const status = model.status;
    const filtered = isFilterActive(model.options.filter);
    switch (phase) {
      case 'noKey':
        return undefined; // the welcome view speaks
      case 'loading':
        return loadStatusMessage(status) || vscode.l10n.t('Loading SIM cards…');
      case 'error': {
        const text = describeError(status.kind === 'error' ? status.error : undefined, 'simCards', this.#clients.apiHost());
        if (model.size === 0 || this.#lastLoadedAt === undefined) return text;
        return vscode.l10n.t('{0} Showing the SIM cards loaded at {1}.', text, new Date(this.#lastLoadedAt).toLocaleTimeString());
      }
      case 'loaded': {
        if (model.size === 0) {
          return filtered
            ? noMatchMessage(model.options.filter, model.groupsById)
            : vscode.l10n.t('No SIM cards in this Telnyx account yet.');
        }
        const summary = viewSummary(model.options, model.size, model.groupsById);
        return status.kind === 'partial' ? `${loadStatusMessage(status)} ${summary}` : summary;
      }
    }
  }

  /** Reveals and selects a loaded SIM, inside its range at any size; false when it is not in the tree. */
  async revealSim(simId: string): Promise<boolean> {
    this.flush();
    const location = this.#fleet.model.locate(simId);
    const node = location?.path[location.path.length - 1];
    if (!location || !node) return false;
    for (const n of location.path) this.provider.adopt(n);
    await this.treeView.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  /** The SIMs a command applies to: the multi-selection it was invoked with, the clicked node, else the tree's selection. */
  selectedSims(target: CommandTarget): SimCard[] {
    const nodes = target.nodes.length > 0 ? target.nodes : target.node ? [target.node] : this.treeView.selection;
    return nodes.filter((n): n is SimNode => n.kind === 'sim').map((n) => n.sim);
  }

  /** Expanded nodes, as VS Code reports them (kept across refreshes because ids are stable). */
  get expandedIds(): ReadonlySet<string> {
    return this.#expanded;
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}
