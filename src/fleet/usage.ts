// Data usage of a SIM against its limit (its own, else its group's), and its short text.
import type { DataAmount, SimCard, SimCardGroup } from '../telnyx/types';
import { amountToBytes, usagePercent } from '../telnyx/units';
import { formatUsage } from './dataAmount';

export type LimitSource = 'sim' | 'group' | 'none';

export interface SimUsage {
  usedBytes?: number;
  limitBytes?: number;
  limitSource: LimitSource;
  /** Used share of the limit in percent (may exceed 100); absent without both numbers. */
  percent?: number;
  /** True when usage is strictly above the limit (exactly at the limit is not "over"). */
  overLimit: boolean;
}

/** A positive limit in bytes, or undefined: zero, absent or unparsable limits mean "no limit". */
function positiveLimit(amount: DataAmount | null | undefined): number | undefined {
  const bytes = amountToBytes(amount);
  return bytes !== undefined && bytes > 0 ? bytes : undefined;
}

/**
 * Usage and the limit that applies: the SIM's own `data_limit` first, its group's when the
 * SIM has none. Without `group` the copy embedded in the record (if any) is used.
 */
export function simUsage(sim: SimCard, group?: SimCardGroup | null): SimUsage {
  const usedBytes = amountToBytes(sim.current_billing_period_consumed_data);
  let limitBytes = positiveLimit(sim.data_limit);
  let limitSource: LimitSource = limitBytes !== undefined ? 'sim' : 'none';
  if (limitBytes === undefined) {
    const g = group ?? sim.sim_card_group ?? undefined;
    limitBytes = positiveLimit(g?.data_limit);
    if (limitBytes !== undefined) limitSource = 'group';
  }
  const percent = usagePercent(usedBytes, limitBytes);
  const result: SimUsage = { limitSource, overLimit: false };
  if (usedBytes !== undefined) result.usedBytes = usedBytes;
  if (limitBytes !== undefined) result.limitBytes = limitBytes;
  if (percent !== undefined && usedBytes !== undefined && limitBytes !== undefined) {
    result.percent = percent;
    result.overLimit = usedBytes > limitBytes;
  }
  return result;
}

/**
 * Short usage text for a tree row: "7.34 GB / 10 GB" (each value in its own unit, see
 * formatDataAmount), "512 MB" without a limit, "— / 2 GB" when only the limit is known,
 * '' when nothing is.
 */
export function usageDescription(sim: SimCard, group?: SimCardGroup | null): string {
  const u = simUsage(sim, group);
  return formatUsage(u.usedBytes, u.limitBytes);
}
