// The needs-attention summary of the shown fleet, shared by the badge, the status bar and the
// tree's "Needs attention" node. The fleet model keeps it as SIMs arrive, change and go (no pass
// over the fleet after a load, so it is ready with the load's last page); this class follows the
// threshold setting and tells listeners. While a load runs they hear at the source's pace (the
// count grows with the pages); other changes (a SIM updated by an action, groups arriving) are
// coalesced, so a bulk action over many SIMs costs listeners one update per burst, not one per SIM.
import * as vscode from 'vscode';
import type { AttentionSummary } from '../fleet/attention';
import type { FleetSnapshotSource } from './fleetSource';
import { affectsAny, GlanceSettingKeys, readGlanceSettings } from './glanceSettings';

/** How long changes outside a load are gathered before listeners hear of them. */
const COALESCE_MS = 150;

export class AttentionTracker implements vscode.Disposable {
  #timer: NodeJS.Timeout | undefined;
  #wasLoading: boolean;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#changed.event;
  readonly #disposables: vscode.Disposable[] = [this.#changed];
  readonly #source: FleetSnapshotSource;

  constructor(source: FleetSnapshotSource) {
    this.#source = source;
    this.#wasLoading = source.isLoading();
    source.setAttentionThreshold(readGlanceSettings().usageThreshold);
    this.#disposables.push(
      source.onDidChange(() => {
        const loading = source.isLoading();
        const ended = this.#wasLoading && !loading;
        this.#wasLoading = loading;
        // A load's pages come paced by the source, and its end must show at once (the spinner stops).
        if (loading || ended) this.#fireNow();
        else this.#schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affectsAny(e, [GlanceSettingKeys.usageThreshold, GlanceSettingKeys.showAttention])) return;
        source.setAttentionThreshold(readGlanceSettings().usageThreshold);
        this.#fireNow();
      }),
      { dispose: () => clearTimeout(this.#timer) },
    );
  }

  get summary(): AttentionSummary {
    return this.#source.attentionSummary();
  }

  /** SIMs in the summarized fleet (the shown ones). */
  get total(): number {
    let n = 0;
    for (const count of this.#source.statusCounts().values()) n += count;
    return n;
  }

  get threshold(): number {
    return readGlanceSettings().usageThreshold;
  }

  /** Whether the attention node and badge may show (the setting is on and a key is set); the count is checked by each. */
  get shown(): boolean {
    return readGlanceSettings().showAttention && this.#source.status().kind !== 'noKey';
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#changed.fire();
    }, COALESCE_MS);
  }

  #fireNow(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#changed.fire();
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}
