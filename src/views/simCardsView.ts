import * as vscode from 'vscode';
import { apiSortFor, describeFilter, matchesFilter, toSimCardQuery } from '../fleet';
import { AuthenticationError, describeError, errorKind } from '../telnyx';
import type { SimCard } from '../telnyx/types';
import type { CommandTarget } from '../commands/context';
import { readSettings, SECTION } from '../config';
import type { ClientProvider } from '../services/clientProvider';
import type { FleetLoader } from '../services/fleetLoader';
import type { ViewState } from '../services/viewState';
import { ContextKey } from '../util/contextKey';
import { ContextKeys, VIEW_ID } from '../util/ids';
import { SimTreeProvider } from './simTreeProvider';
import type { TreeNode } from './treeModel';

export type ViewStateKey = 'noKey' | 'loading' | 'loaded' | 'error';

/**
 * The SIM Cards view: owns the tree view, keeps its title description, message and
 * context keys in step with the loader, and decides when a change needs a new load.
 */
export class SimCardsView implements vscode.Disposable {
  readonly provider: SimTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  private readonly stateKey = new ContextKey<ViewStateKey>(ContextKeys.state);
  private readonly filterKey = new ContextKey<boolean>(ContextKeys.filterActive);
  private readonly disposables: vscode.Disposable[] = [];
  private lastApiSort = '';
  private readonly expanded = new Set<string>();
  private readonly refreshedListeners: ((sims: readonly SimCard[]) => void)[] = [];

  constructor(
    private readonly loader: FleetLoader,
    private readonly clients: ClientProvider,
    private readonly state: ViewState,
  ) {
    this.provider = new SimTreeProvider(loader, readSettings().groupBy, state.sort);
    this.treeView = vscode.window.createTreeView(VIEW_ID, {
      treeDataProvider: this.provider,
      canSelectMany: true,
      showCollapseAll: true,
    });
    this.disposables.push(
      this.provider,
      this.treeView,
      loader.onDidChange(() => this.onFleetChanged()),
      clients.onDidChange(() => this.refreshInBackground()),
      // Telnyx refused the key somewhere (a page, a panel): the tree says so and keeps its SIMs.
      // The prompt itself has one owner (registerAuthPrompt).
      clients.onDidRejectKey(() => {
        const status = this.loader.status;
        if (status.kind !== 'error' || errorKind(status.error) !== 'auth') this.loader.fail(new AuthenticationError('rejected'));
      }),
      state.onDidChange(() => this.onViewStateChanged()),
      this.treeView.onDidExpandElement((e) => this.expanded.add(e.element.id)),
      this.treeView.onDidCollapseElement((e) => this.expanded.delete(e.element.id)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.groupBy`)) {
          this.provider.setGrouping(readSettings().groupBy, this.state.sort);
          this.updateTitle();
        }
      }),
    );
    this.filterKey.set(state.filterActive).catch(() => undefined);
    this.lastApiSort = apiSortFor(state.sort) ?? '';
    this.lastFilterJson = JSON.stringify(state.filter);
  }

  /** Called with the SIMs of each completed load (the details panels follow it). */
  onDidRefreshSims(listener: (sims: readonly SimCard[]) => void): void {
    this.refreshedListeners.push(listener);
  }

  /** Loads the fleet with the current key, filter and sort; cancels a load in flight. */
  async refresh(): Promise<void> {
    let client;
    try {
      client = await this.clients.get();
    } catch (error) {
      // The client refuses bad settings (e.g. a base URL that is not http(s)).
      this.loader.fail(error);
      return;
    }
    if (!client) {
      this.loader.setNoKey();
      return;
    }
    const settings = readSettings();
    const filter = this.state.filter;
    const query = toSimCardQuery(filter, this.state.sort, settings.pageSize);
    // The API cannot filter every status (e.g. 'enabling'): the filter is applied here too,
    // so a stored filter always narrows what is shown.
    await this.loader.load(client, query, settings.maxConcurrentRequests, (sim) => matchesFilter(sim, filter));
  }

  /** A refresh nobody waits for (settings, key or filter changed); the loader reports its own errors. */
  private refreshInBackground(): void {
    this.refresh().catch(() => undefined);
  }

  private onViewStateChanged(): void {
    this.filterKey.set(this.state.filterActive).catch(() => undefined);
    const apiSort = apiSortFor(this.state.sort) ?? '';
    this.provider.setGrouping(readSettings().groupBy, this.state.sort);
    // Filters always go to the API; a sort only when the API can do it. Going back to a
    // client-side sort needs no new request: the same SIMs are just ordered here.
    const filterChanged = this.filterChanged();
    const needsApiSort = apiSort !== '' && apiSort !== this.lastApiSort;
    this.lastApiSort = apiSort;
    if (filterChanged || needsApiSort) {
      this.refreshInBackground();
    } else {
      this.updateTitle();
    }
  }

  private lastFilterJson = '';
  private filterChanged(): boolean {
    const json = JSON.stringify(this.state.filter);
    const changed = json !== this.lastFilterJson;
    this.lastFilterJson = json;
    return changed;
  }

  private onFleetChanged(): void {
    this.provider.rebuild();
    const status = this.loader.status;
    this.stateKey.set(status.kind).catch(() => undefined);
    this.updateTitle();
    if (status.kind === 'loaded' && this.loader.view.complete) {
      for (const listener of this.refreshedListeners) listener(this.loader.view.sims);
    }
  }

  private updateTitle(): void {
    const view = this.loader.view;
    const status = this.loader.status;
    const count = view.complete ? view.sims.length : undefined;
    this.treeView.description = status.kind === 'noKey' ? undefined : describeFilter(this.state.filter, this.state.sort, count, view.groupsById);
    this.treeView.message = this.messageFor(status.kind, view.sims.length, view.totalResults);
  }

  private messageFor(kind: ViewStateKey, shown: number, total: number | undefined): string | undefined {
    const status = this.loader.status;
    switch (kind) {
      case 'noKey':
        return undefined; // the welcome view speaks
      case 'loading':
        if (shown === 0) return vscode.l10n.t('Loading SIM cards…');
        return total !== undefined ? vscode.l10n.t('Loading SIM cards… {0} of {1}', shown, total) : vscode.l10n.t('Loading SIM cards… {0}', shown);
      case 'loaded':
        // VS Code hides the description when the view is alone in its container, so an
        // active filter is also stated above the tree: a filtered list must never pass for all SIMs.
        if (shown > 0) {
          return this.state.filterActive
            ? vscode.l10n.t('Filtered: {0}', describeFilter(this.state.filter, this.state.sort, shown, this.loader.view.groupsById))
            : undefined;
        }
        return this.state.filterActive ? vscode.l10n.t('No SIM cards match the filter.') : vscode.l10n.t('No SIM cards in this Telnyx account yet.');
      case 'error': {
        const error = status.kind === 'error' ? status.error : undefined;
        const loadedAt = this.loader.lastGoodView.loadedAt;
        const text = describeError(error, 'simCards');
        return loadedAt
          ? vscode.l10n.t('{0} Showing the SIM cards loaded at {1}.', text, new Date(loadedAt).toLocaleTimeString())
          : text;
      }
    }
  }

  /** The SIMs a command applies to: the multi-selection it was invoked with, the clicked node, else the tree's selection. */
  selectedSims(target: CommandTarget): SimCard[] {
    const nodes = target.nodes.length > 0 ? target.nodes : target.node ? [target.node] : this.treeView.selection;
    return nodes.flatMap((n) => (n.kind === 'sim' ? [n.sim] : []));
  }

  /** Expanded nodes, as VS Code reports them (kept across refreshes because ids are stable). */
  get expandedIds(): ReadonlySet<string> {
    return this.expanded;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
