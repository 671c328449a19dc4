// One open fleet overview panel, read when the overview first opens (a chunk of the bundle):
// builds the pure view-model from the loaded fleet, posts it to the webview on every completed
// load, and turns the webview's clicks into a filter or a details panel after checking them
// against what the host itself built.
import * as vscode from 'vscode';
import { buildOverviewModel, type OverviewModel } from '../fleet/overview';
import { isOverviewWebviewMessage, type OverviewHostMessage, type OverviewWebviewMessage } from '../fleet/overviewMessages';
import { readGlanceSettings } from '../services/glanceSettings';
import { SettingKeys, VIEW_ID } from '../util/ids';
import type { OverviewDeps } from './overviewPanel';
import { hostOverviewStrings } from './overviewPanelStrings';
import { preparePanel } from './panelResources';
import { renderOverviewShell } from './ui/overview/html';

/**
 * A rebuild reads every loaded SIM (about 150 ms at 100,000): changes that come in a burst (a
 * bulk action's SIMs settling one by one) are drawn together, this long after the first.
 */
const REBUILD_DELAY_MS = 250;

/** The panel's title, in the display language. */
export function overviewTitle(): string {
  return hostOverviewStrings().title;
}

/** What the session tells the panel slot: shown or hidden, and closed. */
export interface SessionEvents {
  visibilityChanged(): void;
  closed(): void;
}

export class OverviewSession implements vscode.Disposable {
  readonly #panel: vscode.WebviewPanel;
  #modelValue: OverviewModel | undefined;
  /** The fleet changed since `modelValue` was built. */
  #stale = true;
  #rebuildTimer: NodeJS.Timeout | undefined;
  readonly #disposables: vscode.Disposable[];
  readonly #deps: OverviewDeps;
  readonly #events: SessionEvents;

  constructor(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, deps: OverviewDeps, events: SessionEvents) {
    this.#panel = panel;
    this.#deps = deps;
    this.#events = events;
    const webview = panel.webview;
    const strings = hostOverviewStrings();
    panel.title = strings.title;
    const { asUri, ...basics } = preparePanel(panel, extensionUri);
    webview.html = renderOverviewShell({
      ...basics,
      scriptUri: asUri('dist', 'webview', 'overview.js'),
      styleUri: asUri('media', 'overview.css'),
      title: strings.title,
      loadingText: vscode.l10n.t('Loading fleet overview…'),
    });
    this.#disposables = [
      webview.onDidReceiveMessage((m: unknown) => {
        // Validated in full: the webview shows API data and must not steer the host.
        if (!isOverviewWebviewMessage(m)) return;
        this.#onMessage(m).catch((e: unknown) => this.#deps.reportError(e, `fleet overview ${m.type}`));
      }),
      panel.onDidChangeViewState(() => events.visibilityChanged()),
      panel.onDidDispose(() => this.#closed()),
      deps.source.onDidChange(() => this.#onFleetChanged()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SettingKeys.usageThreshold)) this.#onFleetChanged();
      }),
    ];
    this.#replay();
  }

  get visible(): boolean {
    return this.#panel.visible;
  }

  /** The model last posted (for tests and for checking the webview's clicks). */
  get model(): OverviewModel | undefined {
    return this.#modelValue;
  }

  reveal(): void {
    this.#panel.reveal();
  }

  #closed(): void {
    this.#cancelRebuild();
    for (const d of this.#disposables) d.dispose();
    this.#events.closed();
  }

  #onFleetChanged(): void {
    this.#stale = true;
    if (this.#deps.source.isLoading()) {
      this.#post({ type: 'loading' });
      return;
    }
    // A hidden panel's webview is gone; it asks again ('ready') when shown.
    if (!this.#panel.visible || this.#rebuildTimer) return;
    this.#rebuildTimer = setTimeout(() => {
      this.#rebuildTimer = undefined;
      if (this.#panel.visible && !this.#deps.source.isLoading()) this.#postModel();
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
    this.#modelValue = buildOverviewModel({
      sims: source.sims(),
      groups: [...source.groupsById().values()],
      strings: hostOverviewStrings(),
      threshold: readGlanceSettings().usageThreshold,
      ...(loadedAt !== undefined ? { loadedText: new Date(loadedAt).toLocaleString() } : {}),
    });
    this.#post({ type: 'state', model: this.#modelValue });
  }

  #post(message: OverviewHostMessage): void {
    // A webview being torn down may reject; nothing to do about it.
    this.#panel.webview.postMessage(message).then(undefined, () => undefined);
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

  /** Closes the panel (the extension is deactivating). */
  dispose(): void {
    this.#panel.dispose();
  }
}
