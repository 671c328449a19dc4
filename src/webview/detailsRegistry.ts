// The open details panels (one per SIM) and their restoration after a window reload.
import * as vscode from 'vscode';
import { renderDetailsShell } from '../details/html';
import { isPersistedState, type PersistedState } from '../details/messages';
import { panelTitle } from '../details/viewModel';
import type { SimCard } from '../telnyx/types';
import { DETAILS_VIEW_TYPE } from '../util/ids';
import { DetailsPanel, type DetailsDeps } from './detailsPanel';
import { makeNonce } from './nonce';

export class DetailsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DetailsPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: DetailsDeps,
  ) {}

  /** Opens (or reveals) the panel of a SIM, keeping focus in the tree; resolves when its data has loaded or failed. */
  async show(sim: SimCard | string): Promise<void> {
    const id = typeof sim === 'string' ? sim : sim.id;
    if (id === '') return;
    const existing = this.panels.get(id);
    if (existing) {
      if (typeof sim !== 'string') existing.setSim(sim);
      existing.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      DETAILS_VIEW_TYPE,
      typeof sim === 'string' ? panelTitle({ id }) : panelTitle(sim),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: true },
      this.webviewOptions(),
    );
    await this.attach(panel, id, typeof sim === 'string' ? {} : { sim }).load();
  }

  /** Adopts a panel VS Code restored after a reload: its saved model at once, fresh data in the background. */
  async restore(panel: vscode.WebviewPanel, state: PersistedState): Promise<void> {
    if (this.panels.has(state.simId)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    const sim = this.deps.knownSim(state.simId);
    await this.attach(panel, state.simId, { ...(state.model ? { model: state.model } : {}), ...(sim ? { sim } : {}) }).load();
  }

  /** After each completed tree load: newer list data, then a background reload of each open panel. */
  simsRefreshed(sims: readonly SimCard[]): void {
    for (const sim of sims) {
      const p = this.panels.get(sim.id);
      if (!p) continue;
      p.setSim(sim);
      p.load().catch(() => undefined); // load() reports its own failures in the panel
    }
  }

  /** The key was rejected: every panel says so. */
  keyRejected(): void {
    for (const p of this.panels.values()) p.keyRejected();
  }

  openSimIds(): string[] {
    return [...this.panels.keys()];
  }

  panel(simId: string): DetailsPanel | undefined {
    return this.panels.get(simId);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    };
  }

  private attach(panel: vscode.WebviewPanel, simId: string, initial: ConstructorParameters<typeof DetailsPanel>[3]): DetailsPanel {
    const webview = panel.webview;
    const asUri = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...parts)).toString();
    panel.iconPath = {
      light: vscode.Uri.joinPath(this.extensionUri, 'media', 'sim-light.svg'),
      dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'sim-dark.svg'),
    };
    webview.html = renderDetailsShell({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: asUri('dist', 'webview', 'details.js'),
      styleUri: asUri('media', 'details.css'),
      codiconUri: asUri('dist', 'codicons', 'codicon.css'),
      title: panel.title,
    });
    const p = new DetailsPanel(simId, panel, this.deps, initial);
    this.panels.set(simId, p);
    p.onDidClose(() => {
      if (this.panels.get(simId) === p) this.panels.delete(simId);
    });
    return p;
  }
}

/** Restores details panels after a window reload from the state the webview saved. */
export function registerDetailsSerializer(panels: DetailsPanels): vscode.Disposable {
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
