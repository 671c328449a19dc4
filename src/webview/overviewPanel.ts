// The fleet overview panel (one instance): builds the pure view-model from the loaded
// fleet, posts it to the webview on every completed load, and turns the webview's clicks
// into a filter or a details panel after checking them against what the host itself built.
import * as vscode from 'vscode';
import type { OverviewModel } from '../fleet/overview';
import type { OverviewHostMessage, OverviewWebviewMessage } from '../fleet/overviewMessages';
import type { SimCard } from '../telnyx/types';
import type { FleetSnapshotSource } from '../services/fleetSource';
import { readGlanceSettings } from '../services/glanceSettings';
import { VIEW_ID } from '../util/ids';
import { preparePanel } from './panelResources';
import { OVERVIEW_VIEW_TYPE, SettingKeys } from '../util/ids';

export { OVERVIEW_VIEW_TYPE };

export interface OverviewDeps {
  readonly source: FleetSnapshotSource;
  /** Opens a SIM's details panel (what Show Details does). */
  openSim(sim: SimCard): Promise<void>;
  reportError(error: unknown, what: string): void;
}

/**
 * A rebuild reads every loaded SIM (about 150 ms at 100,000): changes that come in a burst (a
 * bulk action's SIMs settling one by one) are drawn together, this long after the first.
 */
const REBUILD_DELAY_MS = 250;

type PanelCode = typeof import('./overviewPanelCode');

export class OverviewPanel implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  /** Read when the panel first opens; set whenever `#panel` is. */
  #code: PanelCode | undefined;
  #panelSubscriptions: vscode.Disposable[] = [];
  #modelValue: OverviewModel | undefined;
  /** The fleet changed since `modelValue` was built. */
  #stale = true;
  #rebuildTimer: NodeJS.Timeout | undefined;
  readonly #visibility = new vscode.EventEmitter<void>();
  /** Fires when the panel opens, closes, or is shown or hidden. */
  readonly onDidChangeVisibility = this.#visibility.event;
  readonly #disposables: vscode.Disposable[] = [this.#visibility];
  readonly #extensionUri: vscode.Uri;
  readonly #deps: OverviewDeps;

  constructor(extensionUri: vscode.Uri, deps: OverviewDeps) {
    this.#extensionUri = extensionUri;
    this.#deps = deps;
    this.#disposables.push(
      deps.source.onDidChange(() => this.#onFleetChanged()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingKeys.usageThreshold)) this.#onFleetChanged();
      }),
    );
  }

  get visible(): boolean {
    return this.#panel?.visible ?? false;
  }

  get isOpen(): boolean {
    return this.#panel !== undefined;
  }

  /** The model last posted (for tests and for checking the webview's clicks). */
  get model(): OverviewModel | undefined {
    return this.#modelValue;
  }

  /** Opens the overview, or reveals it when it is open. */
  async show(): Promise<void> {
    const code = await this.#loadCode();
    if (this.#panel) {
      this.#panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      OVERVIEW_VIEW_TYPE,
      code.hostOverviewStrings().title,
      vscode.ViewColumn.Active,
      this.#options(),
    );
    this.#attach(code, panel);
  }

  /** Adopts the panel VS Code restored after a window reload (its webview shows its saved model meanwhile). */
  async restore(panel: vscode.WebviewPanel): Promise<void> {
    const code = await this.#loadCode();
    if (this.#panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.#options();
    this.#attach(code, panel);
  }

  async #loadCode(): Promise<PanelCode> {
    this.#code ??= await import('./overviewPanelCode');
    return this.#code;
  }

  #options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.#extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.#extensionUri, 'media')],
    };
  }

  #attach(code: PanelCode, panel: vscode.WebviewPanel): void {
    this.#panel = panel;
    const webview = panel.webview;
    const strings = code.hostOverviewStrings();
    panel.title = strings.title;
    const { asUri, ...basics } = preparePanel(panel, this.#extensionUri);
    webview.html = code.renderOverviewShell({
      ...basics,
      scriptUri: asUri('dist', 'webview', 'overview.js'),
      styleUri: asUri('media', 'overview.css'),
      title: strings.title,
      loadingText: vscode.l10n.t('Loading fleet overview…'),
    });
    this.#panelSubscriptions = [
      webview.onDidReceiveMessage((m: unknown) => {
        // Validated in full: the webview shows API data and must not steer the host.
        if (!code.isOverviewWebviewMessage(m)) return;
        this.#onMessage(m).catch((e: unknown) => this.#deps.reportError(e, `fleet overview ${m.type}`));
      }),
      panel.onDidChangeViewState(() => this.#visibility.fire()),
      panel.onDidDispose(() => this.#detach(panel)),
    ];
    this.#visibility.fire();
    this.#replay();
  }

  #detach(panel: vscode.WebviewPanel): void {
    if (this.#panel !== panel) return;
    this.#cancelRebuild();
    for (const d of this.#panelSubscriptions) d.dispose();
    this.#panelSubscriptions = [];
    this.#panel = undefined;
    this.#visibility.fire();
  }

  #onFleetChanged(): void {
    this.#stale = true;
    if (!this.#panel) return;
    if (this.#deps.source.isLoading()) {
      this.#post({ type: 'loading' });
      return;
    }
    // A hidden panel's webview is gone; it asks again ('ready') when shown.
    if (!this.#panel.visible || this.#rebuildTimer) return;
    this.#rebuildTimer = setTimeout(() => {
      this.#rebuildTimer = undefined;
      if (this.#panel?.visible && !this.#deps.source.isLoading()) this.#postModel();
    }, REBUILD_DELAY_MS);
  }

  #cancelRebuild(): void {
    clearTimeout(this.#rebuildTimer);
    this.#rebuildTimer = undefined;
  }

  /** Everything the webview needs now (also when it (re)loads and says 'ready'). */
  #replay(): void {
    if (this.#deps.source.isLoading() && this.#modelValue) {
      this.#post({ type: 'state', model: this.#modelValue });
      this.#post({ type: 'loading' });
      return;
    }
    if (this.#deps.source.isLoading() && this.#deps.source.sims().length === 0) {
      this.#post({ type: 'loading' });
      return;
    }
    // Shown again with nothing changed: the model it had.
    if (!this.#stale && this.#modelValue) {
      this.#post({ type: 'state', model: this.#modelValue });
      return;
    }
    this.#postModel();
  }

  #postModel(): void {
    this.#cancelRebuild();
    this.#stale = false;
    const source = this.#deps.source;
    const loadedAt = source.status().loadedAt;
    const code = this.#code;
    if (!code) return; // only called with a panel open, after its code was read
    this.#modelValue = code.buildOverviewModel({
      sims: source.sims(),
      groups: [...source.groupsById().values()],
      strings: code.hostOverviewStrings(),
      threshold: readGlanceSettings().usageThreshold,
      ...(loadedAt !== undefined ? { loadedText: new Date(loadedAt).toLocaleString() } : {}),
    });
    this.#post({ type: 'state', model: this.#modelValue });
  }

  #post(message: OverviewHostMessage): void {
    // A webview being torn down may reject; nothing to do about it.
    this.#panel?.webview.postMessage(message).then(undefined, () => undefined);
  }

  async #onMessage(m: OverviewWebviewMessage): Promise<void> {
    const model = this.#modelValue;
    switch (m.type) {
      case 'ready':
        return this.#replay();
      case 'filterStatus': {
        // Only a status the host itself counted in the loaded fleet.
        if (!model?.statuses.some((s) => s.status === m.status)) return;
        await this.#deps.source.applyFilter({ status: [m.status] });
        return this.#revealView();
      }
      case 'filterGroup': {
        if (!model?.groups.some((g) => g.groupId === m.groupId)) return;
        await this.#deps.source.applyFilter({ simCardGroupId: m.groupId });
        return this.#revealView();
      }
      case 'openSim': {
        const sim = this.#deps.source.sims().find((s) => s.id === m.simId);
        if (sim) await this.#deps.openSim(sim);
        return;
      }
    }
  }

  /** Shows the filtered tree next to the overview, keeping the overview open. */
  async #revealView(): Promise<void> {
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  }

  dispose(): void {
    this.#cancelRebuild();
    const panel = this.#panel;
    if (panel) this.#detach(panel);
    panel?.dispose();
    for (const d of this.#disposables) d.dispose();
  }
}

/** Restores the overview after a window reload. */
export function registerOverviewSerializer(overview: OverviewPanel): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(OVERVIEW_VIEW_TYPE, {
    deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
      // The webview shows its saved model (checked there) at once; the host posts a fresh one.
      return overview.restore(panel);
    },
  });
}
