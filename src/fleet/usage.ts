// Data usage of a SIM against its limit (its own, else its group's), and its short text.
import type { DataAmount, SimCard, SimCardGroup } from '../telnyx/types';
import { amountToBytes, bytesTo, unitBytes, usagePercent } from '../telnyx/units';
import { formatNumber } from './text';

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

const CANONICAL_UNIT: Record<string, string> = {
  B: 'B', KB: 'KB', KIB: 'KB', MB: 'MB', MIB: 'MB', GB: 'GB', GIB: 'GB', TB: 'TB', TIB: 'TB',
};

/**
 * The unit an amount is written in ("MB" when unspecified, as the API defaults), in the
 * project's canonical spelling, or undefined when the unit is unknown.
 */
export function amountUnit(value: DataAmount | null | undefined): string | undefined {
  if (value == null || typeof value !== 'object') return undefined;
  let unit: unknown = value.unit;
  const raw: unknown = value.amount;
  if (typeof raw === 'string') {
    const inline = /([a-zA-Z]+)\s*$/.exec(raw);
    if (inline) unit = inline[1];
  }
  if (unit != null && typeof unit !== 'string') return undefined;
  if (unitBytes(unit) === undefined) return undefined;
  return unit == null || unit.trim() === '' ? 'MB' : CANONICAL_UNIT[unit.trim().toUpperCase()];
}

/** "2048 MB", formatting bytes in `unit`. */
export function formatAmountIn(bytes: number, unit: string): string {
  const n = bytesTo(bytes, unit);
  return n === undefined ? '—' : `${formatNumber(n)} ${unit}`;
}

/**
 * Short usage text for a tree row: "2049 / 2048 MB" (the limit converted to the unit the
 * API used for consumed data), "512 MB" without a limit, "— / 2 GB" when only the limit
 * is known, '' when nothing is.
 */
export function usageDescription(sim: SimCard, group?: SimCardGroup | null): string {
  const u = simUsage(sim, group);
  if (u.usedBytes !== undefined) {
    const unit = amountUnit(sim.current_billing_period_consumed_data) ?? 'MB';
    const used = formatNumber(bytesTo(u.usedBytes, unit) ?? NaN);
    if (u.limitBytes === undefined) return `${used} ${unit}`;
    return `${used} / ${formatAmountIn(u.limitBytes, unit)}`;
  }
  if (u.limitBytes !== undefined) {
    const limitAmount = u.limitSource === 'sim' ? sim.data_limit : (group ?? sim.sim_card_group)?.data_limit;
    const unit = amountUnit(limitAmount) ?? 'MB';
    return `— / ${formatAmountIn(u.limitBytes, unit)}`;
  }
  return '';
}
