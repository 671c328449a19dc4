// The fleet at a glance, built in one place: attention badge, status bar, overview panel,
// auto-refresh and export, all reading the fleet through one FleetSnapshotSource.
import * as vscode from 'vscode';
import type { SimCard } from '../telnyx/types';
import { OverviewPanel, registerOverviewSerializer } from '../webview/overviewPanel';
import { AttentionBadge } from './attentionBadge';
import { AttentionTracker } from './attentionTracker';
import { AutoRefresh } from './autoRefresh';
import type { Exporter, SaveDialogSeam } from './exporter';
import type { FleetSnapshotSource } from './fleetSource';
import { FleetStatusBar } from './statusBar';

/** What the command table calls. */
export interface GlanceCommands {
  showOverview(): Promise<void>;
  exportSimCards(selected: readonly SimCard[]): Promise<unknown>;
}

export interface GlanceOptions {
  readonly extensionUri: vscode.Uri;
  readonly source: FleetSnapshotSource;
  /** The SIM Cards tree view (badge, visibility for auto-refresh). */
  readonly treeView: vscode.TreeView<unknown>;
  openSim(sim: SimCard): Promise<void>;
  reportError(error: unknown, what: string): void;
  /** ExtensionMode.Test only: fractional auto-refresh minutes and an answered save dialog. */
  readonly testMode?: { readonly saveDialog: SaveDialogSeam };
}

export class Glance implements GlanceCommands, vscode.Disposable {
  readonly tracker: AttentionTracker;
  readonly badge: AttentionBadge;
  readonly statusBar: FleetStatusBar;
  readonly overview: OverviewPanel;
  readonly autoRefresh: AutoRefresh;
  /** Built on the first export, its code read then (a chunk of the bundle). */
  #exporter: Promise<Exporter> | undefined;
  readonly #makeExporter: () => Promise<Exporter>;
  readonly #disposables: vscode.Disposable[];

  constructor(o: GlanceOptions) {
    this.tracker = new AttentionTracker(o.source);
    this.badge = new AttentionBadge(o.treeView, o.source, this.tracker);
    this.statusBar = new FleetStatusBar(o.source, this.tracker);
    this.overview = new OverviewPanel(o.extensionUri, { source: o.source, openSim: o.openSim, reportError: o.reportError });
    this.autoRefresh = new AutoRefresh(o.source, [o.treeView, this.overview], o.testMode !== undefined);
    this.#makeExporter = async () => new (await import('./exporter')).Exporter(o.source, o.testMode?.saveDialog);
    this.#disposables = [
      this.autoRefresh,
      this.overview,
      this.statusBar,
      this.badge,
      this.tracker,
      registerOverviewSerializer(this.overview),
      this.autoRefresh.onDidRun((at) => this.statusBar.autoRefreshed(at)),
    ];
  }

  showOverview(): Promise<void> {
    return this.overview.show();
  }

  async exportSimCards(selected: readonly SimCard[]): Promise<unknown> {
    this.#exporter ??= this.#makeExporter();
    return (await this.#exporter).run(selected);
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}
