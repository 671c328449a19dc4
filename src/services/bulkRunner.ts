// Runs one bulk change end to end: preview and confirmation, the fan-out with a cancellable
// progress notification, live state in the tree while actions settle, the summary with
// "Show Results" and "Retry Failed". The rules live in the pure code (planBulk, runBulk).
import * as vscode from 'vscode';
import type { FleetAccess } from '../commands/actions/fleetAccess';
import type { Prompts, SummaryChoice } from '../commands/actions/prompts';
import { readActionSettings } from '../commands/actions/settings';
import { planBulk, resultsReport, resultsSummary, type BulkChange, type BulkPlan } from '../fleet/bulkPlan';
import { Emitter } from '../fleet/emitter';
import { actionTasks, patchTasks, runBulk, type BulkOutcome } from '../telnyx/bulk';
import { NoApiKeyError } from '../telnyx/describeError';
import { plainText } from '../telnyx/plainText';
import type { SimCard } from '../telnyx/types';
import { settledSim, transitionalSim, type ActionFollower, type SettledAction } from './actionFollower';
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
  readonly follower: ActionFollower;
  readonly results: ResultsDocuments;
  readonly prompts: () => Prompts;
  readonly log: vscode.LogOutputChannel;
}

const PROGRESS_TITLES: Readonly<Record<BulkChange['kind'], () => string>> = {
  enable: () => vscode.l10n.t('Enabling SIM cards'),
  disable: () => vscode.l10n.t('Disabling SIM cards'),
  standby: () => vscode.l10n.t('Setting SIM cards to standby'),
  tags: () => vscode.l10n.t('Editing tags'),
  group: () => vscode.l10n.t('Moving SIM cards'),
  dataLimit: () => vscode.l10n.t('Setting data limits'),
};

function progressTitle(change: BulkChange): string {
  return PROGRESS_TITLES[change.kind]();
}

/** The engine's outcome corrected by what the action did afterwards. */
function finalOutcome(o: BulkOutcome, settled: SettledAction | undefined): BulkOutcome {
  if (o.outcome !== 'changed' || !o.action) return o;
  if (!settled || settled.gaveUp) {
    return { ...o, reason: vscode.l10n.t('Accepted by Telnyx; still in progress when this run stopped following it.') };
  }
  const status = settled.action.status?.value;
  if (status === 'completed') return { ...o, action: settled.action, reason: vscode.l10n.t('Completed.') };
  const why = plainText(settled.action.status?.reason);
  return {
    ...o,
    outcome: 'failed',
    action: settled.action,
    reason: why ? vscode.l10n.t('The action {0}: {1}', plainText(status), why) : vscode.l10n.t('The action {0}.', plainText(status)),
  };
}

export class BulkRunner implements vscode.Disposable {
  #current: AbortController | undefined;
  readonly #finished = new Emitter<RunReport>();
  /** Fires after every run (the actions view refreshes). */
  readonly onDidFinishRun = this.#finished.event;
  /** Every run of this session, oldest first (the test API reads it). */
  readonly reports: RunReport[] = [];
  readonly #deps: BulkRunnerDeps;

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
    const settings = readActionSettings();
    const plan = planBulk(change, sims, settings.feeRates);
    if (scope) plan.detail.unshift(scope);
    if (plan.willChange.length === 0) {
      // The first detail line would say "0 SIM cards will change"; the skip reasons follow it.
      const detail = plan.detail.filter((_, i) => i !== (scope ? 1 : 0)).join('\n');
      await vscode.window.showInformationMessage(vscode.l10n.t('Nothing to change.'), { modal: true, detail });
      return undefined;
    }
    const client = await this.#deps.clients.get();
    if (!client) throw new NoApiKeyError();
    if (!(await this.#deps.prompts().confirm(plan))) return undefined;

    const { fleet, follower } = this.#deps;
    // Copies: the fleet's records change while the run goes on; a failed action puts these back.
    const before = new Map(plan.willChange.map((p) => [p.sim.id, structuredClone(p.sim)]));
    const settledById = new Map<string, SettledAction>();
    const controller = new AbortController();
    this.#current = controller;

    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: progressTitle(change), cancellable: true },
      async (progress, token) => {
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          const ids = plan.willChange.map((p) => p.sim.id);
          const tasks = plan.action
            ? actionTasks(client, plan.action, ids)
            : patchTasks(
                client,
                plan.willChange.map((p) => ({ simId: p.sim.id, patch: p.patch ?? {} })),
              );
          const total = tasks.length;
          const settling: Promise<void>[] = [];
          let settledCount = 0;
          progress.report({ message: vscode.l10n.t('{0} of {1}', 0, total) });
          const result = await runBulk(tasks, {
            concurrency: settings.concurrency,
            signal: controller.signal,
            onProgress: (done) => progress.report({ message: vscode.l10n.t('{0} of {1}', done, total), increment: 100 / total }),
            onOutcome: (o) => {
              if (o.outcome !== 'changed') return;
              const now = fleet.sim(o.simId);
              if (o.action) {
                if (now) fleet.updateSim(transitionalSim(now, o.action));
                settling.push(
                  follower.follow(o.action).then((s) => {
                    settledById.set(o.simId, s);
                    settledCount++;
                    const cur = fleet.sim(o.simId);
                    const was = before.get(o.simId);
                    if (cur && was) fleet.updateSim(settledSim(cur, was, s));
                  }),
                );
              } else if (o.sim) {
                fleet.updateSim(o.sim);
              }
            },
          });
          if (settling.length > 0 && !controller.signal.aborted) {
            // "Disabled" in the summary means disabled: wait (cancellable, bounded by the follower) for the actions.
            const wait = vscode.l10n.t('waiting for Telnyx to finish, {0} of {1} done', settledCount, settling.length);
            progress.report({ message: wait });
            const timer = setInterval(() => {
              progress.report({ message: vscode.l10n.t('waiting for Telnyx to finish, {0} of {1} done', settledCount, settling.length) });
            }, 500);
            const aborted = new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
            await Promise.race([Promise.all(settling), aborted]).finally(() => clearInterval(timer));
          }
          return result;
        } finally {
          sub.dispose();
        }
      },
    );
    if (this.#current === controller) this.#current = undefined;

    const outcomes = report.outcomes.map((o) => finalOutcome(o, settledById.get(o.simId)));
    let summary = resultsSummary(plan, outcomes);
    if (report.cancelled) summary = vscode.l10n.t('{0} (cancelled)', summary);
    const resultsUri = this.#deps.results.add(plan.title.replace(/\?$/, ''), resultsReport(plan, outcomes));
    const done: RunReport = {
      plan,
      outcomes,
      cancelled: report.cancelled,
      requestsSent: report.requestsSent,
      rateLimited: report.rateLimited,
      summary,
      resultsUri,
    };
    this.#deps.log.info(`${plan.title} ${summary}; ${report.requestsSent} requests, ${report.rateLimited} answered 429`);
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
    this.#finished.dispose();
  }
}
