// The fleet overview's place in the window: at most one panel, whether it is on screen, and its
// restoration after a reload. The open panel's work (model, messages) is an OverviewSession,
// whose code is read when the overview first opens.
import * as vscode from 'vscode';
import type { OverviewModel } from '../fleet/overview';
import type { SimCard } from '../telnyx/types';
import type { FleetSnapshotSource } from '../services/fleetSource';
import { OVERVIEW_VIEW_TYPE } from '../util/ids';
import type { OverviewSession } from './overviewSession';

export { OVERVIEW_VIEW_TYPE };

export interface OverviewDeps {
  readonly source: FleetSnapshotSource;
  /** Opens a SIM's details panel (what Show Details does). */
  openSim(sim: SimCard): Promise<void>;
  reportError(error: unknown, what: string): void;
}

export class OverviewPanel implements vscode.Disposable {
  #session: OverviewSession | undefined;
  readonly #visibility = new vscode.EventEmitter<void>();
  /** Fires when the panel opens, closes, or is shown or hidden. */
  readonly onDidChangeVisibility = this.#visibility.event;
  readonly #extensionUri: vscode.Uri;
  readonly #deps: OverviewDeps;

  constructor(extensionUri: vscode.Uri, deps: OverviewDeps) {
    this.#extensionUri = extensionUri;
    this.#deps = deps;
  }

  get visible(): boolean {
    return this.#session?.visible ?? false;
  }

  get isOpen(): boolean {
    return this.#session !== undefined;
  }

  /** The model the open panel last posted. */
  get model(): OverviewModel | undefined {
    return this.#session?.model;
  }

  /** Opens the overview, or reveals it when it is open. */
  async show(): Promise<void> {
    const code = await import('./overviewSession');
    if (this.#session) {
      this.#session.reveal();
      return;
    }
    this.#open(code, vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, code.overviewTitle(), vscode.ViewColumn.Active, this.#options()));
  }

  /** Adopts the panel VS Code restored after a window reload (its webview shows its saved model meanwhile). */
  async restore(panel: vscode.WebviewPanel): Promise<void> {
    const code = await import('./overviewSession');
    if (this.#session) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.#options();
    this.#open(code, panel);
  }

  #open(code: typeof import('./overviewSession'), panel: vscode.WebviewPanel): void {
    const session: OverviewSession = new code.OverviewSession(panel, this.#extensionUri, this.#deps, {
      visibilityChanged: () => this.#visibility.fire(),
      closed: () => {
        if (this.#session === session) this.#session = undefined;
        this.#visibility.fire();
      },
    });
    this.#session = session;
    this.#visibility.fire();
  }

  #options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.#extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.#extensionUri, 'media')],
    };
  }

  dispose(): void {
    this.#session?.dispose();
    this.#session = undefined;
    this.#visibility.dispose();
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
