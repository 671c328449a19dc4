// The needs-attention summary of the loaded fleet, recomputed when a load ends or the
// threshold changes (not on every page of a load in progress), shared by the badge, the
// status bar and anyone else who shows it.
import * as vscode from 'vscode';
import { summarizeAttention, type AttentionSummary } from '../fleet/attention';
import type { FleetSnapshotSource } from './fleetSource';
import { affectsAny, GlanceSettingKeys, readGlanceSettings } from './glanceSettings';

export class AttentionTracker implements vscode.Disposable {
  private summaryValue: AttentionSummary;
  private totalValue = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly source: FleetSnapshotSource) {
    this.summaryValue = summarizeAttention([]);
    this.recompute();
    this.disposables.push(
      source.onDidChange(() => {
        if (!source.isLoading()) this.recompute();
        else this.changed.fire(); // status only (e.g. a spinner)
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsAny(e, [GlanceSettingKeys.usageThreshold, GlanceSettingKeys.showAttention])) this.recompute();
      }),
    );
  }

  get summary(): AttentionSummary {
    return this.summaryValue;
  }

  /** SIMs in the summarized fleet. */
  get total(): number {
    return this.totalValue;
  }

  get threshold(): number {
    return readGlanceSettings().usageThreshold;
  }

  private recompute(): void {
    const sims = this.source.sims();
    this.summaryValue = summarizeAttention(sims, this.source.groupsById(), readGlanceSettings().usageThreshold);
    this.totalValue = sims.length;
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
