// One webview panel per SIM: fetches the detail record, group and connectivity logs,
// turns them into a view-model and answers the webview's (validated) requests.
import * as vscode from 'vscode';
import { describeDetailsError, errorKind, type DetailsError } from '../details/errors';
import { renderDetailsShell } from '../details/html';
import { isPersistedState, isWebviewMessage, type HostMessage, type PersistedState, type WebviewMessage } from '../details/messages';
import { COPY_FIELD_LABELS, type DetailsViewModel } from '../details/model';
import { buildDetailsViewModel, copyFieldValue, mergeRecords, panelTitle } from '../details/viewModel';
import type { TelnyxClient } from '../telnyx/client';
import type { SimCard, SimCardDetail, SimCardGroup, WirelessConnectivityLog } from '../telnyx/types';
import { makeNonce } from './nonce';

export const DETAILS_VIEW_TYPE = 'telnyxSims.simDetails';
/** Sessions shown in the panel (one page of the connectivity logs). */
export const DETAILS_LOG_COUNT = 20;

export interface DetailsDeps {
  getClient(): Promise<TelnyxClient | undefined>; // undefined when no API key
  groupsById(): ReadonlyMap<string, SimCardGroup>; // groups already loaded by the tree
  onAuthError(): void; // lead shows the "Set API Key" message
}

export interface ShowOptions {
  /** Keep focus where it is (default true, so selecting in the tree keeps the tree focused). */
  preserveFocus?: boolean;
}

class DetailsPanel {
  sim?: SimCard;
  detail?: SimCardDetail;
  group?: SimCardGroup;
  logs?: WirelessConnectivityLog[];
  logsError?: string;
  model?: DetailsViewModel;
  loading = false;
  error?: DetailsError;
  private abort?: AbortController;
  private generation = 0;
  private quietAuth = false;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly simId: string,
    readonly panel: vscode.WebviewPanel,
    private readonly owner: SimDetailsPanels,
    private readonly deps: DetailsDeps,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!isWebviewMessage(m)) return;
        this.onMessage(m).catch((e: unknown) => {
          vscode.window.setStatusBarMessage(`SIM details: ${e instanceof Error ? e.message : String(e)}`, 4000);
        });
      }),
      panel.onDidDispose(() => this.onDisposed()),
    );
  }

  /**
   * Re-fetches everything; concurrent calls cancel the older one. Loads started by a tree
   * refresh do not report auth errors back (the lead's handler refreshes the tree: a loop).
   */
  async load(opts: { quietAuth?: boolean } = {}): Promise<void> {
    const gen = ++this.generation;
    this.quietAuth = opts.quietAuth ?? false;
    this.abort?.abort();
    const ac = new AbortController();
    this.abort = ac;
    const stale = (): boolean => this.disposed || gen !== this.generation;
    this.loading = true;
    this.post({ type: 'loading' });
    let client: TelnyxClient | undefined;
    try {
      client = await this.deps.getClient();
    } catch (e) {
      if (!stale()) this.fail(describeDetailsError(e));
      return;
    }
    if (stale()) return;
    if (!client) {
      this.fail(describeDetailsError({ kind: 'noKey' }));
      return;
    }
    const signal = ac.signal;
    const knownGroupId = this.sim?.sim_card_group_id ?? undefined;
    const detailP = client.getSimCard(this.simId, signal);
    const logsP = client.listConnectivityLogs(this.simId, { size: DETAILS_LOG_COUNT }, signal).then(
      (page) => ({ logs: page.data }),
      (e: unknown) => ({ error: e }),
    );
    let groupP = knownGroupId ? this.fetchGroup(client, knownGroupId, signal) : undefined;
    // Keep the promises from rejecting unobserved while we wait on the detail record.
    void groupP?.catch(() => undefined);
    let detail: SimCardDetail;
    try {
      detail = await detailP;
    } catch (e) {
      if (stale()) return;
      this.fail(describeDetailsError(e));
      return;
    }
    if (stale()) return;
    const groupId = detail.sim_card_group_id ?? knownGroupId;
    if (groupId && groupId !== knownGroupId) groupP = this.fetchGroup(client, groupId, signal);
    const [group, logsResult] = await Promise.all([groupP ?? Promise.resolve(undefined), logsP]);
    if (stale()) return;
    this.detail = detail;
    this.group = group;
    if ('logs' in logsResult) {
      this.logs = logsResult.logs;
      delete this.logsError;
    } else {
      if (errorKind(logsResult.error) === 'auth') this.authError();
      delete this.logs;
      this.logsError = describeDetailsError(logsResult.error).message;
    }
    this.loading = false;
    delete this.error;
    this.render();
  }

  /** The group fresh from the API; the tree's copy when that fails (it is only used for name and limit). */
  private async fetchGroup(client: TelnyxClient, id: string, signal: AbortSignal): Promise<SimCardGroup | undefined> {
    try {
      return await client.getSimCardGroup(id, signal);
    } catch (e) {
      if (errorKind(e) === 'auth') this.authError();
      return this.deps.groupsById().get(id) ?? (this.group?.id === id ? this.group : undefined);
    }
  }

  private authError(): void {
    if (!this.quietAuth) this.deps.onAuthError();
  }

  private fail(error: DetailsError): void {
    this.loading = false;
    if (error.kind === 'cancelled') return;
    if (error.kind === 'auth') this.authError();
    this.error = error;
    // Without a model yet, show what the tree already knows under the error banner.
    if (!this.model && this.sim && error.kind !== 'notFound') this.render();
    this.post({ type: 'error', message: error.message, kind: error.kind });
  }

  /** Builds the model from what is loaded and sends it to the webview. */
  render(): void {
    const base = this.sim ?? this.detail;
    if (!base || this.disposed) return;
    // Until the group is fetched, the tree's copy gives the name and limit for the first paint.
    const groupId = this.detail?.sim_card_group_id ?? base.sim_card_group_id;
    const group = this.group ?? (groupId ? this.deps.groupsById().get(groupId) : undefined);
    this.model = buildDetailsViewModel({
      sim: base,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(group ? { group } : {}),
      ...(this.logs ? { logs: this.logs } : {}),
      ...(this.logsError !== undefined ? { logsError: this.logsError } : {}),
    });
    this.panel.title = this.model.title;
    this.post({ type: 'state', model: this.model });
  }

  private post(message: HostMessage): void {
    if (this.disposed) return;
    // A webview that is being torn down may reject; nothing to do about it.
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  /** The merged record the panel shows (what copies read from), if loaded. */
  record(): SimCardDetail | undefined {
    const base = this.sim ?? this.detail;
    return base ? mergeRecords(base, this.detail) : undefined;
  }

  private async onMessage(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        // The webview (re)loaded: replay where we are.
        if (this.model) this.post({ type: 'state', model: this.model });
        if (this.loading) this.post({ type: 'loading' });
        else if (this.error) this.post({ type: 'error', message: this.error.message, kind: this.error.kind });
        return;
      case 'refresh':
        return this.load();
      case 'copy': {
        const label = COPY_FIELD_LABELS[m.field];
        const record = this.record();
        // The value comes from the host's own record, never from the webview.
        const value = record ? copyFieldValue(record, m.field) : '';
        if (!value) {
          vscode.window.setStatusBarMessage(`No ${label} to copy`, 2000);
          return;
        }
        await vscode.env.clipboard.writeText(value);
        vscode.window.setStatusBarMessage(`Copied ${label}`, 2000);
        return;
      }
      case 'copyJson': {
        const record = this.record();
        if (!record || !this.model) return;
        await vscode.env.clipboard.writeText(this.model.recordJson);
        vscode.window.setStatusBarMessage('Copied SIM record as JSON', 2000);
        return;
      }
      case 'openDocument':
        await vscode.commands.executeCommand('telnyxSims.openRawRecord', this.simId);
        return;
      case 'setApiKey':
        await vscode.commands.executeCommand('telnyxSims.setApiKey');
        return;
    }
  }

  private onDisposed(): void {
    this.disposed = true;
    this.abort?.abort();
    for (const s of this.subscriptions) s.dispose();
    this.owner.forget(this);
  }
}

export class SimDetailsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DetailsPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: DetailsDeps,
  ) {}

  /** Opens (or reveals) the panel of a SIM; resolves when its data has loaded or failed. */
  async show(sim: SimCard | string, options: ShowOptions = {}): Promise<void> {
    const id = typeof sim === 'string' ? sim : sim.id;
    if (typeof id !== 'string' || id === '') return;
    const preserveFocus = options.preserveFocus ?? true;
    const existing = this.panels.get(id);
    if (existing) {
      if (typeof sim !== 'string') existing.sim = sim;
      existing.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      DETAILS_VIEW_TYPE,
      typeof sim === 'string' ? panelTitle({ id }) : panelTitle(sim),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus },
      this.webviewOptions(),
    );
    const p = this.attach(panel, id);
    if (typeof sim !== 'string') {
      p.sim = sim;
      p.render(); // the list item is enough for a first paint
    }
    await p.load();
  }

  /** Adopts a panel VS Code restored after a reload. */
  async restore(panel: vscode.WebviewPanel, state: PersistedState): Promise<void> {
    if (this.panels.has(state.simId)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    const p = this.attach(panel, state.simId);
    await p.load();
  }

  simsRefreshed(sims: readonly SimCard[]): void {
    for (const sim of sims) {
      const p = this.panels.get(sim.id);
      if (!p) continue;
      p.sim = sim;
      p.render();
      void p.load({ quietAuth: true });
    }
  }

  openSimIds(): string[] {
    return [...this.panels.keys()];
  }

  /** @internal called by a panel when it is closed. */
  forget(p: DetailsPanel): void {
    if (this.panels.get(p.simId) === p) this.panels.delete(p.simId);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.panel.dispose();
    this.panels.clear();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    };
  }

  private attach(panel: vscode.WebviewPanel, simId: string): DetailsPanel {
    const webview = panel.webview;
    const asUri = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...parts)).toString();
    panel.iconPath = {
      light: vscode.Uri.joinPath(this.extensionUri, 'media', 'sim-light.svg'),
      dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'sim-dark.svg'),
    };
    const p = new DetailsPanel(simId, panel, this, this.deps);
    this.panels.set(simId, p);
    webview.html = renderDetailsShell({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: asUri('dist', 'webview', 'details.js'),
      styleUri: asUri('media', 'details.css'),
      codiconUri: asUri('dist', 'codicons', 'codicon.css'),
      title: panel.title,
    });
    return p;
  }
}

/** Restores details panels after a window reload from the state the webview saved. */
export function registerDetailsSerializer(panels: SimDetailsPanels): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      if (!isPersistedState(state)) {
        panel.dispose();
        return;
      }
      await panels.restore(panel, state);
    },
  });
}
