// The needs-attention summary of the loaded fleet, shared by the badge, the status bar and the
// tree's "Needs attention" node. Recomputed when a load ends (in slices, so 100,000 SIMs never
// hold the extension host for long; readers keep the previous summary until the pass is done) or
// the settings change (not on every page of a load in progress); other changes (a SIM updated by
// an action, groups arriving) are coalesced, so a bulk action over many SIMs costs one pass per
// burst, not one per SIM.
import * as vscode from 'vscode';
import { AttentionIndex, summarizeAttention, type AttentionSummary } from '../fleet/attention';
import type { FleetSnapshotSource } from './fleetSource';
import { onIdleTurn } from '../telnyx/eventLoopTurns';
import { affectsAny, GlanceSettingKeys, readGlanceSettings } from './glanceSettings';

/** How long changes outside a load are gathered before listeners hear of them. */
const COALESCE_MS = 150;
/** SIMs per slice of the pass after a load (a few milliseconds each). */
const SLICE = 2000;

export class AttentionTracker implements vscode.Disposable {
  private summaryValue: AttentionSummary;
  private totalValue = 0;
  /** The fleet changed since the last pass: readers get a fresh summary on demand. */
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  /** The sliced pass running after a load, if any; bumped to drop it (its next slice then does nothing). */
  private pass = 0;
  private wasLoading: boolean;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly source: FleetSnapshotSource) {
    this.summaryValue = summarizeAttention([]);
    this.wasLoading = source.isLoading();
    this.recompute();
    this.disposables.push(
      source.onDidChange(() => {
        const loading = source.isLoading();
        const ended = this.wasLoading && !loading;
        this.wasLoading = loading;
        if (loading) {
          this.changed.fire(); // status only (e.g. a spinner)
        } else if (ended) {
          // Listeners hear of the end at once (the spinner stops) with the previous summary; again when the pass is done.
          this.changed.fire();
          this.recomputeInSlices();
        } else {
          this.schedule();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsAny(e, [GlanceSettingKeys.usageThreshold, GlanceSettingKeys.showAttention])) this.recompute();
      }),
      {
        dispose: () => {
          clearTimeout(this.timer);
          this.stopPass();
        },
      },
    );
  }

  get summary(): AttentionSummary {
    if (this.dirty) this.compute();
    return this.summaryValue;
  }

  /** SIMs in the summarized fleet. */
  get total(): number {
    if (this.dirty) this.compute();
    return this.totalValue;
  }

  get threshold(): number {
    return readGlanceSettings().usageThreshold;
  }

  /** Whether the attention node and badge may show (the setting is on and a key is set); the count is checked by each. */
  get shown(): boolean {
    return readGlanceSettings().showAttention && this.source.status().kind !== 'noKey';
  }

  private schedule(): void {
    this.stopPass();
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      // A reader may have computed it already; listeners still need to hear of the change.
      if (this.dirty) this.compute();
      this.changed.fire();
    }, COALESCE_MS);
  }

  private recompute(): void {
    this.compute();
    this.changed.fire();
  }

  /** The same summary as compute(), built a slice per turn of the event loop; listeners hear when it is done. */
  private recomputeInSlices(): void {
    this.stopPass();
    const pass = this.pass;
    // Read a slice at a time, not copied first: a copy of 100,000 SIMs alone held the host for tens of ms.
    // A Map's iterator tolerates updates made meanwhile; a load that starts gets a list of its own, and
    // its end starts a new pass.
    const sims = this.source.simIterator();
    const index = new AttentionIndex(this.source.groupsById(), readGlanceSettings().usageThreshold);
    let count = 0;
    const step = (): void => {
      if (pass !== this.pass) return;
      for (let i = 0; i < SLICE; i++) {
        const next = sims.next();
        if (next.done) {
          this.pass++;
          this.dirty = false;
          this.summaryValue = index.summary();
          this.totalValue = count;
          this.changed.fire();
          return;
        }
        index.add(next.value); // the model's SIMs have distinct ids
        count++;
      }
      // Background work: slices wait for the load's steps and for the tree's requests (an expand).
      onIdleTurn(step);
    };
    // Not in the turn that ended the load: that one already redraws the tree and the status bar.
    onIdleTurn(step);
  }

  private stopPass(): void {
    this.pass++;
  }

  private compute(): void {
    this.stopPass();
    this.dirty = false;
    const sims = this.source.sims();
    this.summaryValue = summarizeAttention(sims, this.source.groupsById(), readGlanceSettings().usageThreshold);
    this.totalValue = sims.length;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
