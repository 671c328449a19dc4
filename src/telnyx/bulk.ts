// Fan-out of one change per SIM over a fixed list (the API has no bulk endpoint for these).
// Rules: at most `concurrency` requests in flight; a 429 was not carried out, so it is
// retried, after a wait every worker shares; a timeout, 5xx or garbled answer to a change is
// ambiguous, so the SIM is read back before anything is resent; cancelling sends nothing more.
import * as l10n from '@vscode/l10n';
import { TelnyxError } from './errors';
import { sleep } from './retry';
import type { Page, SimCardAction, SimCardActionQuery, SimCardDetail, SimCardPatch } from './types';

export type SimAction = 'enable' | 'disable' | 'set_standby';
export type BulkOutcomeKind = 'changed' | 'skipped' | 'failed';

export interface BulkOutcome {
  simId: string;
  outcome: BulkOutcomeKind;
  /** Plain text for people; may quote the API (untrusted). */
  reason: string;
  /** The action the API answered (actions only). */
  action?: SimCardAction;
  /** The SIM as the API answered a PATCH or a read-back. */
  sim?: SimCardDetail;
}

/** What the engine needs of the client (TelnyxClient fits). */
export interface BulkApi {
  enableSimCard(id: string, signal?: AbortSignal): Promise<SimCardAction>;
  disableSimCard(id: string, signal?: AbortSignal): Promise<SimCardAction>;
  setSimCardStandby(id: string, signal?: AbortSignal): Promise<SimCardAction>;
  updateSimCard(id: string, patch: SimCardPatch, signal?: AbortSignal): Promise<SimCardDetail>;
  getSimCard(id: string, signal?: AbortSignal): Promise<SimCardDetail>;
  listSimCardActions(query: SimCardActionQuery, signal?: AbortSignal): Promise<Page<SimCardAction>>;
}

export interface SendResult {
  action?: SimCardAction;
  sim?: SimCardDetail;
}

export interface VerifyResult extends SendResult {
  applied: boolean;
}

/** One SIM's change: the request that makes it, and how to tell afterwards whether it did. */
export interface BulkTask {
  simId: string;
  send(): Promise<SendResult>;
  /** Read-only check after an ambiguous answer; `startedAt` is when the run began (ms). */
  verify(startedAt: number): Promise<VerifyResult>;
}

export interface BulkOptions {
  /** Requests in flight, default 4 (1..16). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Each SIM's outcome as soon as it is known (for live state in the tree). */
  onOutcome?: (outcome: BulkOutcome) => void;
  /** Wait before reading a SIM back after an ambiguous answer, default 1000 ms. */
  verifyDelayMs?: number;
  /** Resends allowed per SIM after a read-back proved the change absent, default 1. */
  maxResends?: number;
  /** 429s per SIM before it is given up, default 20. */
  maxRateLimitWaits?: number;
  /** Cap of one shared wait, default 60000 ms; also the wait when a 429 names none (then 1000 ms). */
  maxRateLimitWaitMs?: number;
}

export interface BulkRunResult {
  /** In the order of the tasks. */
  outcomes: BulkOutcome[];
  cancelled: boolean;
  /** Change requests sent, including the ones answered 429. */
  requestsSent: number;
  rateLimited: number;
}

export const DEFAULT_BULK_CONCURRENCY = 4;
const MAX_BULK_CONCURRENCY = 16;

/** An action created this long before the run started still counts as the run's (clock skew). */
const CLOCK_SKEW_MS = 30_000;

const TARGET: Record<SimAction, { during: string; end: string }> = {
  enable: { during: 'enabling', end: 'enabled' },
  disable: { during: 'disabling', end: 'disabled' },
  set_standby: { during: 'setting_standby', end: 'standby' },
};

// --- tasks -------------------------------------------------------------------------------

/** One action POST per SIM. */
export function actionTasks(api: BulkApi, action: SimAction, simIds: readonly string[]): BulkTask[] {
  const post = (id: string): Promise<SimCardAction> =>
    action === 'enable' ? api.enableSimCard(id) : action === 'disable' ? api.disableSimCard(id) : api.setSimCardStandby(id);
  return simIds.map((simId) => ({
    simId,
    send: async () => ({ action: await post(simId) }),
    verify: async (startedAt) => {
      const sim = await api.getSimCard(simId);
      const page = await api.listSimCardActions({ simCardId: simId, actionType: action, pageSize: 1 });
      const latest = page.data[0];
      const created = Date.parse(latest?.created_at ?? '');
      const ours = latest !== undefined && Number.isFinite(created) && created >= startedAt - CLOCK_SKEW_MS;
      const status = sim.status?.value ?? '';
      // In (or past) the target's transition, or an action of ours exists (even one that failed since).
      const applied = status === TARGET[action].during || status === TARGET[action].end || ours;
      return { applied, sim, ...(ours && latest ? { action: latest } : {}) };
    },
  }));
}

/** One PATCH per SIM, each with its own body (tag edits differ per SIM). */
export function patchTasks(api: BulkApi, items: readonly { simId: string; patch: SimCardPatch }[]): BulkTask[] {
  return items.map(({ simId, patch }) => ({
    simId,
    send: async () => ({ sim: await api.updateSimCard(simId, patch) }),
    verify: async () => {
      const sim = await api.getSimCard(simId);
      return { applied: patchApplied(sim, patch), sim };
    },
  }));
}

/** Whether the SIM already carries everything the patch sets. */
export function patchApplied(sim: SimCardDetail, patch: SimCardPatch): boolean {
  if (patch.tags !== undefined && !sameSet(sim.tags ?? [], patch.tags)) return false;
  if (patch.sim_card_group_id !== undefined && sim.sim_card_group_id !== patch.sim_card_group_id) return false;
  if (patch.authorized_imeis !== undefined && !sameSet(sim.authorized_imeis ?? [], patch.authorized_imeis ?? [])) return false;
  if (patch.data_limit !== undefined) {
    const want = patch.data_limit;
    const have = sim.data_limit;
    const hasOwn = have?.amount !== undefined && have.amount !== null;
    if (want === null) return !hasOwn;
    if (!hasOwn || Number(have?.amount) !== Number(want.amount) || (have?.unit ?? '') !== want.unit) return false;
  }
  return true;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

// --- tags --------------------------------------------------------------------------------

export type TagEdit = { mode: 'add' | 'remove' | 'replace'; tags: readonly string[] };

/** A SIM's new tag list from its current one: order kept, new tags appended, no duplicates. */
export function nextTags(current: readonly string[] | null | undefined, edit: TagEdit): string[] {
  const given = [...new Set(edit.tags.map((t) => t.trim()).filter((t) => t !== ''))];
  const now = [...new Set(current ?? [])];
  switch (edit.mode) {
    case 'replace':
      return given;
    case 'add':
      return [...now, ...given.filter((t) => !now.includes(t))];
    case 'remove':
      return now.filter((t) => !given.includes(t));
  }
}

// --- engine ------------------------------------------------------------------------------

type Failure =
  { type: 'rateLimited'; waitMs: number } | { type: 'ambiguous'; message: string } | { type: 'refused'; message: string; fatal: boolean };

function classify(e: unknown, maxWaitMs: number): Failure {
  if (!(e instanceof TelnyxError)) return { type: 'ambiguous', message: e instanceof Error ? e.message : String(e) };
  switch (e.kind) {
    case 'rateLimited':
      return { type: 'rateLimited', waitMs: Math.min(maxWaitMs, e.retryAfterMs ?? 1000) };
    case 'timeout':
    case 'server':
    case 'network':
    case 'invalidResponse':
    case 'cancelled':
      // The request may have been carried out: read back before resending.
      return { type: 'ambiguous', message: e.message };
    case 'auth':
      return { type: 'refused', message: e.message, fatal: true };
    case 'notFound':
    case 'badRequest':
      return { type: 'refused', message: e.message, fatal: false };
  }
}

export async function runBulk(tasks: readonly BulkTask[], opts: BulkOptions = {}): Promise<BulkRunResult> {
  const total = tasks.length;
  const concurrency = Math.min(MAX_BULK_CONCURRENCY, Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_BULK_CONCURRENCY)));
  const verifyDelayMs = opts.verifyDelayMs ?? 1000;
  const maxResends = opts.maxResends ?? 1;
  const maxWaits = opts.maxRateLimitWaits ?? 20;
  const maxWaitMs = opts.maxRateLimitWaitMs ?? 60_000;
  const signal = opts.signal;
  const startedAt = Date.now();
  const outcomes: (BulkOutcome | undefined)[] = new Array<BulkOutcome | undefined>(total);
  let next = 0;
  let done = 0;
  let requestsSent = 0;
  let rateLimited = 0;
  /** Shared by every worker: no change request goes out before this time. */
  let pauseUntil = 0;
  let fatal: string | undefined;

  const stopped = (): boolean => signal?.aborted === true || fatal !== undefined;
  const notSentReason = (): string => (fatal !== undefined ? l10n.t('Not sent: {0}', fatal) : l10n.t('Not sent: the run was cancelled.'));

  const finish = (i: number, o: BulkOutcome): void => {
    outcomes[i] = o;
    done++;
    try {
      opts.onOutcome?.(o);
      opts.onProgress?.(done, total);
    } catch {
      // A failing listener must not break the run.
    }
  };

  /** Waits out the shared pause; false when the run was stopped meanwhile. */
  const passGate = async (): Promise<boolean> => {
    for (;;) {
      if (stopped()) return false;
      const wait = pauseUntil - Date.now();
      if (wait <= 0) return true;
      try {
        await sleep(wait, signal);
      } catch {
        return false;
      }
    }
  };

  const runOne = async (task: BulkTask): Promise<BulkOutcome> => {
    const simId = task.simId;
    let waits = 0;
    let resends = 0;
    for (;;) {
      if (!(await passGate())) return { simId, outcome: 'skipped', reason: notSentReason() };
      requestsSent++;
      let failure: Failure;
      try {
        const r = await task.send();
        return { simId, outcome: 'changed', reason: l10n.t('Accepted by Telnyx.'), ...r };
      } catch (e) {
        failure = classify(e, maxWaitMs);
      }
      if (failure.type === 'rateLimited') {
        rateLimited++;
        pauseUntil = Math.max(pauseUntil, Date.now() + failure.waitMs);
        if (++waits > maxWaits) {
          return { simId, outcome: 'failed', reason: l10n.t('Telnyx kept limiting the request rate (429); not sent.') };
        }
        continue;
      }
      if (failure.type === 'refused') {
        if (failure.fatal) fatal ??= failure.message;
        return { simId, outcome: 'failed', reason: failure.message };
      }
      // Ambiguous: the read-back decides. It runs even after Cancel, to report the truth.
      if (verifyDelayMs > 0) await sleep(verifyDelayMs).catch(() => undefined);
      let check: VerifyResult;
      try {
        check = await task.verify(startedAt);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        return {
          simId,
          outcome: 'failed',
          reason: l10n.t(
            'The answer was unclear ({0}) and the SIM could not be checked ({1}). Check it before retrying.',
            failure.message,
            why,
          ),
        };
      }
      const seen = { ...(check.action ? { action: check.action } : {}), ...(check.sim ? { sim: check.sim } : {}) };
      if (check.applied)
        return { simId, outcome: 'changed', reason: l10n.t('Confirmed by reading the SIM back after an unclear answer.'), ...seen };
      if (resends >= maxResends || stopped()) return { simId, outcome: 'failed', reason: failure.message, ...seen };
      resends++;
    }
  };

  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const task = tasks[i];
      if (!task) continue;
      if (stopped()) {
        finish(i, { simId: task.simId, outcome: 'skipped', reason: notSentReason() });
        continue;
      }
      finish(i, await runOne(task));
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, total)) }, () => worker()));
  return {
    outcomes: outcomes.map((o, i) => o ?? { simId: tasks[i]?.simId ?? '', outcome: 'skipped', reason: notSentReason() }),
    cancelled: signal?.aborted === true,
    requestsSent,
    rateLimited,
  };
}
