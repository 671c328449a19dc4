// The open details panels (one per SIM) and their restoration after a window reload.
import * as vscode from 'vscode';
import type { SimCard } from '../telnyx/types';
import { DETAILS_VIEW_TYPE } from '../util/ids';
import type { DetailsDeps, DetailsPanel } from './detailsPanel';
import { preparePanel } from './panelResources';

/** A second show of the same SIM within this time is a double click: the preview is kept. */
export const DOUBLE_CLICK_MS = 500;

type PanelCode = typeof import('./detailsPanelCode');
/** The panel's code, read on the first show or restore (its own chunk of the bundle). */
const panelCode = (): Promise<PanelCode> => import('./detailsPanelCode');

export interface ShowOptions {
  /** Open as a kept panel at once (e.g. "Focus Details Panel", a restored panel). */
  readonly pin?: boolean;
  /** Move the keyboard focus into the panel (default: it stays in the tree). */
  readonly focus?: boolean;
}

/**
 * The open details panels. Like the Explorer's preview editor: one preview panel shows
 * the SIM last clicked and is reused by the next click; it is kept (pinned) on a double
 * click, its "Keep Open" button, or any use of the panel (copy, refresh...). Kept panels
 * stay, one per SIM.
 */
export class DetailsPanels implements vscode.Disposable {
  readonly #pinned = new Map<string, DetailsPanel>();
  #previewPanel: DetailsPanel | undefined;
  #lastShow: { simId: string; at: number } | undefined;
  /** The panel last shown or focused, for "Focus Details Panel" without a selection. */
  #lastActive: DetailsPanel | undefined;
  readonly #extensionUri: vscode.Uri;
  readonly #deps: DetailsDeps;
  readonly #now: () => number;

  constructor(extensionUri: vscode.Uri, deps: DetailsDeps, now: () => number = Date.now) {
    this.#extensionUri = extensionUri;
    this.#deps = deps;
    this.#now = now;
  }

  /**
   * Shows a SIM: its kept panel if there is one, else in the preview panel (created when
   * needed). Keeps focus in the tree unless `focus`. Resolves when its data has loaded or failed.
   */
  async show(sim: SimCard | string, options: ShowOptions = {}): Promise<void> {
    const id = typeof sim === 'string' ? sim : sim.id;
    if (id === '') return;
    const item = typeof sim === 'string' ? undefined : sim;
    const at = this.#now();
    // Before any state is read: two quick shows still see each other in order.
    const code = await panelCode();
    const doubleClick = this.#lastShow?.simId === id && at - this.#lastShow.at <= DOUBLE_CLICK_MS;
    this.#lastShow = { simId: id, at };
    const preserveFocus = options.focus !== true;

    const kept = this.#pinned.get(id);
    if (kept) {
      if (item) kept.setSim(item);
      this.#lastActive = kept;
      kept.panel.reveal(undefined, preserveFocus);
      return;
    }
    const preview = this.#previewPanel;
    if (preview && preview.simId === id) {
      if (item) preview.setSim(item);
      if (doubleClick || options.pin === true) this.pin(preview);
      this.#lastActive = preview;
      preview.panel.reveal(undefined, preserveFocus);
      return;
    }
    const title = item ? code.panelTitle(item) : code.panelTitle({ id });
    if (preview && options.pin !== true) {
      preview.retarget(id, item, title);
      this.#lastActive = preview;
      preview.panel.reveal(undefined, preserveFocus);
      await preview.load();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      DETAILS_VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus },
      this.#webviewOptions(),
    );
    const created = this.#attach(code, panel, id, { ...(item ? { sim: item } : {}), preview: options.pin !== true, title });
    await created.load();
  }

  /** Moves the keyboard focus into the panel last shown; false when no panel is open. */
  focusLast(): boolean {
    const p = this.#lastActive ?? this.#previewPanel ?? [...this.#pinned.values()].pop();
    if (!p) return false;
    p.panel.reveal(undefined, false);
    return true;
  }

  /** Keeps the preview panel: the next SIM shown opens a new preview. */
  pin(panel: DetailsPanel): void {
    if (this.#previewPanel !== panel) return;
    this.#previewPanel = undefined;
    const older = this.#pinned.get(panel.simId);
    // Cannot happen through show(); kept for safety so there is never more than one panel per SIM.
    if (older && older !== panel) older.dispose();
    this.#pinned.set(panel.simId, panel);
    panel.pin();
  }

  /** Adopts a panel VS Code restored after a reload (kept): its saved model at once, fresh data in the background. A state that is not ours closes it. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const code = await panelCode();
    if (!code.isPersistedState(state)) {
      panel.dispose();
      return;
    }
    if (this.#pinned.has(state.simId) || this.#previewPanel?.simId === state.simId) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.#webviewOptions();
    const sim = this.#deps.knownSim(state.simId);
    const title = state.model?.title ?? code.panelTitle(sim ?? { id: state.simId });
    await this.#attach(code, panel, state.simId, { ...(state.model ? { model: state.model } : {}), ...(sim ? { sim } : {}), title }).load();
  }

  /** After each completed tree load: newer list data, then a background reload of each open panel. */
  simsRefreshed(): void {
    // Only the open panels' SIMs are looked up: the work is per panel, not per SIM of the fleet.
    for (const p of this.#all()) {
      const sim = this.#deps.knownSim(p.simId);
      if (!sim) continue;
      p.setSim(sim);
      p.load().catch(() => undefined); // load() reports its own failures in the panel
    }
  }

  /** A SIM changed outside a load (an action on it): its open panel shows the record and reads it again. */
  simUpdated(sim: SimCard): void {
    const p = this.panel(sim.id);
    if (!p) return;
    p.setSim(sim);
    p.load().catch(() => undefined); // load() reports its own failures in the panel
  }

  /** The key was rejected: every panel says so. */
  keyRejected(): void {
    for (const p of this.#all()) p.keyRejected();
  }

  /** SIM ids of every open panel, the preview last. */
  openSimIds(): string[] {
    return this.#all().map((p) => p.simId);
  }

  /** The SIM shown in the preview panel, if there is one. */
  previewSimId(): string | undefined {
    return this.#previewPanel?.simId;
  }

  panel(simId: string): DetailsPanel | undefined {
    return this.#pinned.get(simId) ?? (this.#previewPanel?.simId === simId ? this.#previewPanel : undefined);
  }

  #all(): DetailsPanel[] {
    return [...this.#pinned.values(), ...(this.#previewPanel ? [this.#previewPanel] : [])];
  }

  dispose(): void {
    for (const p of this.#all()) p.dispose();
    this.#pinned.clear();
    this.#previewPanel = undefined;
  }

  #webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.#extensionUri, 'media'), vscode.Uri.joinPath(this.#extensionUri, 'dist')],
    };
  }

  #attach(
    code: PanelCode,
    panel: vscode.WebviewPanel,
    simId: string,
    initial: ConstructorParameters<PanelCode['DetailsPanel']>[3],
  ): DetailsPanel {
    const webview = panel.webview;
    const { asUri, ...basics } = preparePanel(panel, this.#extensionUri);
    webview.html = code.renderDetailsShell({
      ...basics,
      scriptUri: asUri('dist', 'webview', 'details.js'),
      styleUri: asUri('media', 'details.css'),
      codiconUri: asUri('dist', 'codicons', 'codicon.css'),
      title: panel.title,
      strings: code.detailsStrings(),
    });
    const p = new code.DetailsPanel(simId, panel, this.#deps, initial);
    if (p.preview) {
      // Only one preview: an older one (if any) is replaced by this one.
      if (this.#previewPanel && this.#previewPanel !== p) this.pin(this.#previewPanel);
      this.#previewPanel = p;
    } else {
      this.#pinned.set(simId, p);
    }
    this.#lastActive = p;
    // Disposed with the panel (its subscriptions end with it).
    p.onDidInteract(() => this.pin(p));
    p.onDidClose(() => {
      if (this.#previewPanel === p) this.#previewPanel = undefined;
      if (this.#pinned.get(p.simId) === p) this.#pinned.delete(p.simId);
      if (this.#lastActive === p) this.#lastActive = undefined;
    });
    return p;
  }
}

/** Restores details panels after a window reload from the state the webview saved. */
export function registerDetailsSerializer(panels: DetailsPanels): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      await panels.restore(panel, state);
    },
  });
}
