import * as vscode from 'vscode';
import { apiSortFor, describeFilter, toSimCardQuery } from '../fleet';
import type { SimCard } from '../telnyx/types';
import { readSettings, SECTION } from '../config';
import type { ClientProvider } from '../services/clientProvider';
import { describeLoadError, isAuthError } from '../services/errorText';
import { VIEW_ID, type FleetLoader } from '../services/fleetLoader';
import type { ViewState } from '../services/viewState';
import { ContextKey } from '../util/contextKey';
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
  private readonly stateKey = new ContextKey<ViewStateKey>('telnyxSims.state');
  private readonly filterKey = new ContextKey<boolean>('telnyxSims.filterActive');
  private readonly disposables: vscode.Disposable[] = [];
  private lastApiSort = '';
  private authPromptShown = false;
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
      clients.onDidChange(() => void this.refresh()),
      state.onDidChange(() => this.onViewStateChanged()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.groupBy`)) {
          this.provider.setGrouping(readSettings().groupBy, this.state.sort);
          this.updateTitle();
        }
      }),
    );
    void this.filterKey.set(state.filterActive);
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
    this.authPromptShown = false;
    const settings = readSettings();
    const query = toSimCardQuery(this.state.filter, this.state.sort, settings.pageSize);
    await this.loader.load(client, query, settings.maxConcurrentRequests);
  }

  private onViewStateChanged(): void {
    void this.filterKey.set(this.state.filterActive);
    const apiSort = apiSortFor(this.state.sort) ?? '';
    this.provider.setGrouping(readSettings().groupBy, this.state.sort);
    // Filters always go to the API; a sort only when the API can do it. Going back to a
    // client-side sort needs no new request: the same SIMs are just ordered here.
    const filterChanged = this.filterChanged();
    const needsApiSort = apiSort !== '' && apiSort !== this.lastApiSort;
    this.lastApiSort = apiSort;
    if (filterChanged || needsApiSort) {
      void this.refresh();
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
    void this.stateKey.set(status.kind);
    this.updateTitle();
    if (status.kind === 'loaded' && this.loader.view.complete) {
      for (const listener of this.refreshedListeners) listener(this.loader.view.sims);
    }
    if (status.kind === 'error' && isAuthError(status.error) && !this.authPromptShown) {
      this.authPromptShown = true;
      void vscode.window
        .showErrorMessage('Telnyx rejected the API key (401). Set a valid API key to load your SIM cards.', 'Set API Key')
        .then((choice) => {
          if (choice) void vscode.commands.executeCommand('telnyxSims.setApiKey');
        });
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
        return shown === 0 ? 'Loading SIM cards…' : `Loading SIM cards… ${shown}${total !== undefined ? ` of ${total}` : ''}`;
      case 'loaded':
        // VS Code hides the description when the view is alone in its container, so an
        // active filter is also stated above the tree: a filtered list must never pass for all SIMs.
        if (shown > 0) {
          return this.state.filterActive
            ? `Filtered: ${describeFilter(this.state.filter, this.state.sort, shown, this.loader.view.groupsById)}`
            : undefined;
        }
        return this.state.filterActive ? 'No SIM cards match the filter.' : 'No SIM cards in this Telnyx account yet.';
      case 'error': {
        const error = status.kind === 'error' ? status.error : undefined;
        const kept = this.loader.lastGoodView.loadedAt
          ? ` Showing the SIM cards loaded at ${new Date(this.loader.lastGoodView.loadedAt).toLocaleTimeString()}.`
          : '';
        return `${describeLoadError(error)}${kept}`;
      }
    }
  }

  /** SIM nodes the user has selected, or the one a command was invoked on. */
  selectedSims(clicked?: unknown, all?: unknown): SimCard[] {
    const nodes: readonly unknown[] =
      Array.isArray(all) && all.length > 0 ? all : isTreeNode(clicked) ? [clicked] : this.treeView.selection;
    return nodes.flatMap((n) => (isTreeNode(n) && n.kind === 'sim' ? [n.sim] : []));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function isTreeNode(x: unknown): x is TreeNode {
  return typeof x === 'object' && x !== null && 'kind' in x && 'id' in x;
}
