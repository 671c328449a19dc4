// The SIM Cards view's badge: how many loaded SIMs need attention, with a tooltip saying
// what that counts. Hidden at 0, with no key, and by `telnyxSims.attention.show`.
import * as vscode from 'vscode';
import { formatCount } from '../fleet/dataAmount';
import type { AttentionTracker } from './attentionTracker';
import type { FleetSnapshotSource } from './fleetSource';
import { affectsAny, GlanceSettingKeys, readGlanceSettings } from './glanceSettings';

export class AttentionBadge implements vscode.Disposable {
  readonly #disposables: vscode.Disposable[] = [];
  readonly #treeView: vscode.TreeView<unknown>;
  readonly #source: FleetSnapshotSource;
  readonly #tracker: AttentionTracker;

  constructor(treeView: vscode.TreeView<unknown>, source: FleetSnapshotSource, tracker: AttentionTracker) {
    this.#treeView = treeView;
    this.#source = source;
    this.#tracker = tracker;
    this.#disposables.push(
      tracker.onDidChange(() => this.#update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsAny(e, [GlanceSettingKeys.showAttention])) this.#update();
      }),
    );
    this.#update();
  }

  /** What the badge shows now (undefined: none). */
  get value(): number | undefined {
    return this.#treeView.badge?.value;
  }

  #update(): void {
    const n = this.#tracker.summary.total;
    const show = readGlanceSettings().showAttention && this.#source.status().kind !== 'noKey' && n > 0;
    this.#treeView.badge = show
      ? {
          value: n,
          tooltip: vscode.l10n.t(
            '{0} SIM cards need attention: data limit exceeded, unauthorized IMEI, at or above {1}% of their data limit, not in a SIM card group, or an action in progress',
            formatCount(n),
            String(this.#tracker.threshold),
          ),
        }
      : undefined;
  }

  dispose(): void {
    this.#treeView.badge = undefined;
    for (const d of this.#disposables) d.dispose();
  }
}
