// Opt-in auto-refresh (`telnyxSims.autoRefreshMinutes`). The pure AutoRefreshPolicy decides;
// this adapter feeds it the clock, whether the SIM Cards view or the overview is visible,
// window focus and how each load ended, and keeps one timer. A refresh goes through the
// fleet source, so it keeps expansion and selection like the Refresh command.
import * as vscode from 'vscode';
import { AutoRefreshPolicy, type RefreshOutcome } from '../fleet/autoRefreshPolicy';
import { errorKind } from '../telnyx';
import type { FleetSnapshotSource } from './fleetSource';
import { GlanceSettingKeys, readGlanceSettings } from './glanceSettings';

/** Something that can be on screen: the tree view, the overview panel. */
export interface Visibility {
  readonly visible: boolean;
  readonly onDidChangeVisibility: vscode.Event<unknown>;
}

export interface AutoRefreshState {
  readonly intervalMs: number;
  readonly backoffLevel: number;
  /** Automatic refreshes started so far. */
  readonly runs: number;
  readonly lastRunAt: number | undefined;
  readonly timerArmed: boolean;
  /** The wait between refreshes now (the interval, doubled per consecutive failure). */
  readonly nextDelayMs: number;
}

export class AutoRefresh implements vscode.Disposable {
  readonly #policy = new AutoRefreshPolicy();
  #timer: NodeJS.Timeout | undefined;
  #wasLoading: boolean;
  #intervalMs: number;
  #runs = 0;
  /** An automatic refresh was asked for and has not ended yet. */
  #pending = false;
  #lastRunAt: number | undefined;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #ran = new vscode.EventEmitter<number>();
  /** Fires with the time of each automatic refresh that started. */
  readonly onDidRun = this.#ran.event;
  readonly #source: FleetSnapshotSource;
  readonly #surfaces: readonly Visibility[];
  readonly #allowFractions: boolean;

  constructor(
    source: FleetSnapshotSource,
    surfaces: readonly Visibility[],
    /** Test mode only: minutes below 1 are accepted so a test need not wait a minute. */
    allowFractions = false,
  ) {
    this.#source = source;
    this.#surfaces = surfaces;
    this.#allowFractions = allowFractions;
    this.#wasLoading = source.isLoading();
    this.#intervalMs = readGlanceSettings(allowFractions).autoRefreshMs;
    this.#disposables.push(
      this.#ran,
      source.onDidChange(() => this.#onFleetChanged()),
      vscode.window.onDidChangeWindowState(() => this.#schedule()),
      ...surfaces.map((s) => s.onDidChangeVisibility(() => this.#schedule())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(GlanceSettingKeys.autoRefreshMinutes)) return;
        this.#intervalMs = readGlanceSettings(this.#allowFractions).autoRefreshMs;
        this.#policy.reset();
        this.#schedule();
      }),
    );
    this.#schedule();
  }

  get state(): AutoRefreshState {
    return {
      intervalMs: this.#intervalMs,
      backoffLevel: this.#policy.backoffLevel,
      runs: this.#runs,
      lastRunAt: this.#lastRunAt,
      timerArmed: this.#timer !== undefined,
      nextDelayMs: this.#policy.delayMs(this.#intervalMs),
    };
  }

  #onFleetChanged(): void {
    const loading = this.#source.isLoading();
    // A load ended (ours or a manual one), or ours failed before it could start.
    if ((this.#wasLoading || this.#pending) && !loading) {
      this.#policy.finished(this.#outcome());
      this.#pending = false;
    }
    this.#wasLoading = loading;
    this.#schedule();
  }

  #outcome(): RefreshOutcome {
    const status = this.#source.status();
    if (status.kind === 'loaded') return 'ok';
    if (status.kind !== 'error') return 'cancelled';
    return errorKind(status.error) === 'rateLimited' ? 'rateLimited' : 'error';
  }

  /** Clears the timer and arms it again for what the policy says now. */
  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const status = this.#source.status();
    if (status.kind === 'noKey') return;
    const decision = this.#policy.decide(Date.now(), {
      intervalMs: this.#intervalMs,
      visible: this.#surfaces.some((s) => s.visible),
      focused: vscode.window.state.focused,
      loading: this.#source.isLoading(),
      lastLoadAt: status.loadedAt,
    });
    if (decision.kind === 'refresh') this.#run();
    else if (decision.kind === 'wait') this.#timer = setTimeout(() => this.#schedule(), decision.ms);
  }

  #run(): void {
    const now = Date.now();
    this.#policy.started(now);
    this.#runs++;
    this.#pending = true;
    this.#lastRunAt = now;
    this.#ran.fire(now);
    // The load's outcome arrives through onDidChange (the source reports its own errors).
    this.#source.refresh().catch(() => undefined);
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const d of this.#disposables) d.dispose();
  }
}
