// One bulk change end to end, read when the first run starts (a chunk of the bundle): preview
// and confirmation, the fan-out with a cancellable progress notification, live state in the
// tree while actions settle, and the report. The rules live in the pure code (planBulk, runBulk).
import * as vscode from 'vscode';
import { readActionSettings } from '../commands/actions/settings';
import { planBulk, resultsReport, resultsSummary, type BulkChange } from '../fleet/bulkPlan';
import { actionTasks, patchTasks, runBulk, type BulkOutcome } from '../telnyx/bulk';
import { NoApiKeyError } from '../telnyx/describeError';
import { plainText } from '../telnyx/plainText';
import type { SimCard } from '../telnyx/types';
import { ActionFollower, settledSim, transitionalSim, type SettledAction } from './actionFollower';
import type { BulkRunnerDeps, RunReport } from './bulkRunner';

/** What a run needs from its runner: the services, and where the Cancel of the run in progress goes. */
export interface RunSeam {
  readonly deps: BulkRunnerDeps;
  /** The runner's follower, made with `make` the first time. */
  follower(make: () => ActionFollower): ActionFollower;
  started(controller: AbortController): void;
  ended(controller: AbortController): void;
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

/**
 * Previews `change` over `sims` (as loaded), asks for confirmation, and runs it on
 * exactly the SIMs previewed. `scope` is a line for the dialog saying where they came from.
 */
export async function runChange(
  run: RunSeam,
  change: BulkChange,
  sims: readonly SimCard[],
  scope?: string,
): Promise<RunReport | undefined> {
  const settings = readActionSettings();
  const plan = planBulk(change, sims, settings.feeRates);
  if (scope) plan.detail.unshift(scope);
  if (plan.willChange.length === 0) {
    // The first detail line would say "0 SIM cards will change"; the skip reasons follow it.
    const detail = plan.detail.filter((_, i) => i !== (scope ? 1 : 0)).join('\n');
    await vscode.window.showInformationMessage(vscode.l10n.t('Nothing to change.'), { modal: true, detail });
    return undefined;
  }
  const client = await run.deps.clients.get();
  if (!client) throw new NoApiKeyError();
  if (!(await run.deps.prompts().confirm(plan))) return undefined;

  const { fleet, clients } = run.deps;
  const follower = run.follower(() => new ActionFollower(() => clients.get()));
  // Copies: the fleet's records change while the run goes on; a failed action puts these back.
  const before = new Map(plan.willChange.map((p) => [p.sim.id, structuredClone(p.sim)]));
  const settledById = new Map<string, SettledAction>();
  const controller = new AbortController();
  run.started(controller);

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
  run.ended(controller);

  const outcomes = report.outcomes.map((o) => finalOutcome(o, settledById.get(o.simId)));
  let summary = resultsSummary(plan, outcomes);
  if (report.cancelled) summary = vscode.l10n.t('{0} (cancelled)', summary);
  const resultsUri = run.deps.results.add(plan.title.replace(/\?$/, ''), resultsReport(plan, outcomes));
  const done: RunReport = {
    plan,
    outcomes,
    cancelled: report.cancelled,
    requestsSent: report.requestsSent,
    rateLimited: report.rateLimited,
    summary,
    resultsUri,
  };
  run.deps.log.info(`${plan.title} ${summary}; ${report.requestsSent} requests, ${report.rateLimited} answered 429`);
  return done;
}
