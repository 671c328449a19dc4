// A bulk change's runner: the run in progress (Cancel), every run's report, and the summary
// with "Show Results" and "Retry Failed". The run itself (bulkRun.ts) is read on first use.
import * as vscode from 'vscode';
import type { FleetAccess } from '../commands/actions/fleetAccess';
import type { Prompts, SummaryChoice } from '../commands/actions/prompts';
import type { BulkChange, BulkPlan } from '../fleet/bulkPlan';
import { Emitter } from '../fleet/emitter';
import type { BulkOutcome } from '../telnyx/bulk';
import type { SimCard } from '../telnyx/types';
import type { ActionFollower } from './actionFollower';
import type { RunSeam } from './bulkRun';
import type { ClientProvider } from './clientProvider';
import type { ResultsDocuments } from './resultsDocument';

export interface RunReport {
  readonly plan: BulkPlan;
  /** One per SIM of `plan.willChange`, after its action settled (or was given up). */
  readonly outcomes: readonly BulkOutcome[];
  readonly cancelled: boolean;
  readonly requestsSent: number;
  readonly rateLimited: number;
  readonly summary: string;
  readonly resultsUri: vscode.Uri;
}

export interface BulkRunnerDeps {
  readonly clients: ClientProvider;
  readonly fleet: FleetAccess;
  readonly results: ResultsDocuments;
  readonly prompts: () => Prompts;
  readonly log: vscode.LogOutputChannel;
}

export class BulkRunner implements vscode.Disposable {
  #current: AbortController | undefined;
  readonly #finished = new Emitter<RunReport>();
  /** Fires after every run (the actions view refreshes). */
  readonly onDidFinishRun = this.#finished.event;
  /** Every run of this session, oldest first (the test API reads it). */
  readonly reports: RunReport[] = [];
  readonly #deps: BulkRunnerDeps;
  /** Follows the actions of every run until they settle; made by the first run (its code is read then). */
  #follower: ActionFollower | undefined;
  readonly #pendingChanged = new Emitter<void>();
  /** Fires when the actions being followed change (started or settled). */
  readonly onDidChangePending = this.#pendingChanged.event;

  constructor(deps: BulkRunnerDeps) {
    this.#deps = deps;
  }

  /** Cancels the run in progress, as its notification's Cancel button does. */
  cancelCurrent(): void {
    this.#current?.abort();
  }

  /**
   * Previews `change` over `sims` (as loaded), asks for confirmation, and runs it on
   * exactly the SIMs previewed. `scope` is a line for the dialog saying where they came from.
   */
  async run(change: BulkChange, sims: readonly SimCard[], scope?: string): Promise<RunReport | undefined> {
    const seam: RunSeam = {
      deps: this.#deps,
      follower: (make) => {
        if (!this.#follower) {
          const follower = make();
          follower.onDidChangePending(() => this.#pendingChanged.fire());
          this.#follower = follower;
        }
        return this.#follower;
      },
      started: (controller: AbortController) => {
        this.#current = controller;
      },
      ended: (controller: AbortController) => {
        if (this.#current === controller) this.#current = undefined;
      },
    };
    const done = await (await import('./bulkRun')).runChange(seam, change, sims, scope);
    if (!done) return undefined;
    this.reports.push(done);
    this.#finished.fire(done);
    // Not awaited: a notification stays until the user acts on it or closes it.
    this.#offerResults(done).catch((error: unknown) => this.#deps.log.error(`results notification: ${String(error)}`));
    return done;
  }

  async #offerResults(report: RunReport): Promise<void> {
    const failed = report.outcomes.filter((o) => o.outcome === 'failed').length;
    const choices: SummaryChoice[] = failed > 0 ? ['showResults', 'retryFailed'] : ['showResults'];
    const choice = await this.#deps.prompts().summary(report.summary, choices, failed > 0);
    if (choice === 'showResults') await this.#deps.results.show(report.resultsUri);
    if (choice === 'retryFailed') await this.retryFailed(report);
  }

  /** Runs the same change again on the SIMs that failed, as they are now. */
  async retryFailed(report: RunReport): Promise<RunReport | undefined> {
    const byId = new Map(report.plan.willChange.map((p) => [p.sim.id, p.sim]));
    const sims = report.outcomes
      .filter((o) => o.outcome === 'failed')
      .flatMap((o) => {
        const sim = this.#deps.fleet.sim(o.simId) ?? byId.get(o.simId);
        return sim ? [sim] : [];
      });
    return this.run(report.plan.change, sims, vscode.l10n.t('Retrying the SIM cards that failed.'));
  }

  dispose(): void {
    this.#current?.abort();
    this.#follower?.dispose();
    this.#finished.dispose();
    this.#pendingChanged.dispose();
  }
}
