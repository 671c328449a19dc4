// Which SIMs need an operator's attention, and why. Reasons are computed per SIM so a
// caller can keep the summary current one SIM at a time (AttentionIndex) after an
// action or a partial reload, instead of rescanning the whole fleet.
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { IdMap } from '../telnyx/idMap';
import { groupForSim, simGroupId } from './groups';
import { isTransitional, simStatus } from './status';
import { nonEmpty } from './text';
import { simUsage, type SimUsage } from './usage';

/** Reasons in the order they are shown. */
export const ATTENTION_REASONS = ['limitExceeded', 'unauthorizedImei', 'nearLimit', 'noGroup', 'actionInProgress'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** Default "near the limit" threshold, in percent of the limit. */
export const DEFAULT_USAGE_THRESHOLD = 80;

/** A usable threshold: finite and within 1..100, else the default. */
export function normalizeThreshold(threshold: unknown): number {
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) return DEFAULT_USAGE_THRESHOLD;
  return Math.min(100, Math.max(1, threshold));
}

/**
 * True when the SIM is flagged for its device: the API's `unauthorized_imei` status, or
 * (on a detail record) a current IMEI missing from a non-empty authorized list. An empty
 * or absent list authorizes any device.
 */
function hasUnauthorizedImei(sim: SimCard & { current_imei?: unknown }): boolean {
  if (simStatus(sim) === 'unauthorized_imei') return true;
  const current = nonEmpty(sim.current_imei);
  const allowed = sim.authorized_imeis;
  if (current === undefined || !Array.isArray(allowed) || allowed.length === 0) return false;
  return !allowed.some((imei) => nonEmpty(imei) === current);
}

/**
 * The reasons one SIM needs attention, in ATTENTION_REASONS order (empty when it needs none).
 * - limitExceeded: status `data_limit_exceeded`, or usage strictly above the limit that
 *   applies (the SIM's own, else its group's).
 * - nearLimit: at or above `threshold` % of that limit but not exceeded (so a SIM is never
 *   counted as both).
 * - noGroup: not in any SIM card group (it cannot be enabled).
 * - actionInProgress: `actions_in_progress` is true or the status is transitional.
 */
export function attentionReasons(
  sim: SimCard,
  groupsById?: ReadonlyMap<string, SimCardGroup>,
  threshold: number = DEFAULT_USAGE_THRESHOLD,
): AttentionReason[] {
  return reasonsFrom(sim, simStatus(sim), simUsage(sim, groupForSim(sim, groupsById)), threshold);
}

/** `attentionReasons` for a caller that has the SIM's status and usage already. */
export function reasonsFrom(sim: SimCard, status: string, usage: SimUsage, threshold: number = DEFAULT_USAGE_THRESHOLD): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  const exceeded = status === 'data_limit_exceeded' || usage.overLimit;
  if (exceeded) reasons.push('limitExceeded');
  if (hasUnauthorizedImei(sim)) reasons.push('unauthorizedImei');
  if (!exceeded && usage.percent !== undefined && usage.percent >= normalizeThreshold(threshold)) reasons.push('nearLimit');
  if (simGroupId(sim) === undefined) reasons.push('noGroup');
  if (sim.actions_in_progress === true || isTransitional(status)) reasons.push('actionInProgress');
  return reasons;
}

export interface AttentionSummary {
  /** Distinct SIMs with at least one reason. */
  total: number;
  counts: Record<AttentionReason, number>;
  /** SIM ids per reason, in the order they were added (a SIM set again moves to the end). */
  simIds: Record<AttentionReason, string[]>;
}

/** One value per reason, each made by `make`. */
export function emptyRecord<T>(make: () => T): Record<AttentionReason, T> {
  const out = {} as Record<AttentionReason, T>;
  for (const r of ATTENTION_REASONS) out[r] = make();
  return out;
}

/** The whole-fleet summary in one pass. */
export function summarizeAttention(
  sims: Iterable<SimCard>,
  groupsById?: ReadonlyMap<string, SimCardGroup>,
  threshold: number = DEFAULT_USAGE_THRESHOLD,
): AttentionSummary {
  const index = new AttentionIndex(groupsById, threshold);
  for (const sim of sims) index.set(sim);
  return index.summary();
}

/**
 * The summary kept up to date SIM by SIM: `set` after a SIM changed, `delete` when it is
 * gone, `reset` when groups or the threshold change (reasons depend on both).
 */
export class AttentionIndex {
  readonly #bySim = new IdMap<readonly AttentionReason[]>();
  readonly #byReason: Record<AttentionReason, Set<string>> = emptyRecord(() => new Set<string>());
  #groupsById: ReadonlyMap<string, SimCardGroup> | undefined;
  #threshold: number;

  constructor(groupsById: ReadonlyMap<string, SimCardGroup> | undefined, threshold: number = DEFAULT_USAGE_THRESHOLD) {
    this.#groupsById = groupsById;
    this.#threshold = threshold;
  }

  /** Recomputes one SIM; returns its reasons. */
  set(sim: SimCard): readonly AttentionReason[] {
    this.delete(sim.id);
    return this.add(sim);
  }

  /**
   * Adds a SIM the index does not hold (e.g. each SIM of a list of distinct ids, into a new index):
   * `set` without the look-up, which is most of the cost when few SIMs need attention.
   */
  add(sim: SimCard): readonly AttentionReason[] {
    const reasons = attentionReasons(sim, this.#groupsById, this.#threshold);
    if (reasons.length > 0) {
      this.#bySim.set(sim.id, reasons);
      for (const r of reasons) this.#byReason[r].add(sim.id);
    }
    return reasons;
  }

  delete(simId: string): void {
    const old = this.#bySim.get(simId);
    if (!old) return;
    for (const r of old) this.#byReason[r].delete(simId);
    this.#bySim.delete(simId);
  }

  /** Starts over with new groups/threshold and the given SIMs. */
  reset(sims: Iterable<SimCard>, groupsById?: ReadonlyMap<string, SimCardGroup>, threshold?: number): void {
    this.#bySim.clear();
    for (const r of ATTENTION_REASONS) this.#byReason[r].clear();
    this.#groupsById = groupsById;
    if (threshold !== undefined) this.#threshold = threshold;
    for (const sim of sims) this.set(sim);
  }

  reasonsOf(simId: string): readonly AttentionReason[] {
    return this.#bySim.get(simId) ?? [];
  }

  get total(): number {
    return this.#bySim.size;
  }

  summary(): AttentionSummary {
    const counts = emptyRecord(() => 0);
    const simIds = emptyRecord(() => [] as string[]);
    for (const r of ATTENTION_REASONS) {
      simIds[r] = [...this.#byReason[r]];
      counts[r] = simIds[r].length;
    }
    return { total: this.#bySim.size, counts, simIds };
  }
}
