// The fleet overview's view-model: plain JSON built from the loaded SIMs and groups, so it
// can cross postMessage, be persisted by the webview, and be checked in unit tests. Every
// string is final display text; the webview only places it with textContent.
import type { SimCard, SimCardGroup } from '../telnyx/types';
import {
  ATTENTION_REASONS,
  DEFAULT_USAGE_THRESHOLD,
  emptyRecord,
  normalizeThreshold,
  reasonsFrom,
  type AttentionReason,
} from './attention';
import { groupForSim, groupLabel, groupsByIdFrom, simGroupId } from './groups';
import { STATUS_ORDER, UNKNOWN_STATUS, compareStatus, simStatus, statusLabel } from './status';
import { formatCount, formatDataAmount } from './dataAmount';
import { formatNumber, plainText, shortId } from './text';
import { simUsage } from './usage';
import { fillTemplate, type OverviewStrings } from './overviewStrings';

/** CSS colour class of a status bar: the known status itself, or 'unknown'. */
export const OVERVIEW_STATUS_TONES = [...STATUS_ORDER, UNKNOWN_STATUS] as const;
export type OverviewStatusTone = (typeof OVERVIEW_STATUS_TONES)[number];

/** Histogram buckets: ten 10 % steps (the last one includes exactly 100 %), over the limit, no limit. */
export const USAGE_BUCKETS = ['p0', 'p10', 'p20', 'p30', 'p40', 'p50', 'p60', 'p70', 'p80', 'p90', 'over', 'none'] as const;
export type UsageBucket = (typeof USAGE_BUCKETS)[number];

/** Colour family of a usage figure. */
export const USAGE_TONES = ['ok', 'near', 'over', 'none'] as const;
export type UsageTone = (typeof USAGE_TONES)[number];

export const TOP_SIMS = 10;

export interface StatusCount {
  /** Status key as the API sent it (normalized); what a filterStatus message carries. */
  status: string;
  tone: OverviewStatusTone;
  label: string;
  count: number;
  countText: string;
  /** Share of all SIMs, "12.5%". */
  shareText: string;
  hint: string;
}

export interface BucketCount {
  bucket: UsageBucket;
  label: string;
  tone: UsageTone;
  count: number;
  countText: string;
}

export interface TopSim {
  simId: string;
  /** ICCID, else a short id. */
  label: string;
  statusLabel: string;
  statusTone: OverviewStatusTone;
  groupName: string;
  usedText: string;
  limitText: string;
  percentText: string;
  tone: UsageTone;
  hint: string;
}

export interface GroupRow {
  groupId: string;
  name: string;
  simCount: number;
  simCountText: string;
  /** Sum over the loaded SIMs of the group. */
  usedText: string;
  limitText: string;
  /** Members over the limit that applies to them / at or above the threshold. */
  overLimit: number;
  nearLimit: number;
  tone: UsageTone;
  hint: string;
}

export interface AttentionCount {
  reason: AttentionReason;
  label: string;
  count: number;
  countText: string;
}

export interface OverviewModel {
  title: string;
  total: number;
  totalText: string;
  attentionTotal: number;
  attentionText: string;
  /** "Loaded 2025-06-01 12:00 UTC", '' when unknown. */
  loadedText: string;
  statuses: StatusCount[];
  buckets: BucketCount[];
  top: TopSim[];
  groups: GroupRow[];
  attention: AttentionCount[];
  /** The static labels (headings, column names) the webview shows as they are. */
  labels: OverviewLabels;
}

/** The strings the webview shows as they are (headings, column names). */
export const OVERVIEW_LABEL_KEYS = [
  'title',
  'statusHeading',
  'statusChartLabel',
  'histogramHeading',
  'histogramChartLabel',
  'noLimit',
  'overLimit',
  'topHeading',
  'groupsHeading',
  'attentionHeading',
  'colStatus',
  'colSims',
  'colShare',
  'colUsage',
  'colSim',
  'colGroup',
  'colDataUsed',
  'colDataLimit',
  'colPercent',
  'colOverLimit',
  'colNearLimit',
  'colReason',
  'noGroup',
  'none',
  'empty',
  'refreshing',
] as const satisfies readonly (keyof OverviewStrings)[];
export type OverviewLabels = Record<(typeof OVERVIEW_LABEL_KEYS)[number], string>;

export interface OverviewInput {
  sims: readonly SimCard[];
  groups: readonly SimCardGroup[];
  strings: OverviewStrings;
  /** Near-limit threshold in percent (default 80). */
  threshold?: number;
  /** When the SIMs were loaded, already formatted by the caller; omitted means unknown. */
  loadedText?: string;
}

function percentText(p: number | undefined): string {
  if (p === undefined || !Number.isFinite(p)) return '';
  return `${formatNumber(p, p < 10 ? 1 : 0)}%`;
}

/** The histogram bucket of a usage percentage (undefined: no limit or no usage data). */
export function usageBucket(percent: number | undefined): UsageBucket {
  if (percent === undefined || !Number.isFinite(percent)) return 'none';
  if (percent > 100) return 'over';
  return USAGE_BUCKETS[Math.min(9, Math.max(0, Math.floor(percent / 10)))] ?? 'none';
}

function usageTone(percent: number | undefined, threshold: number): UsageTone {
  if (percent === undefined) return 'none';
  if (percent > 100) return 'over';
  return percent >= threshold ? 'near' : 'ok';
}

function bucketLabel(bucket: UsageBucket, s: OverviewStrings): string {
  if (bucket === 'none') return s.noLimit;
  if (bucket === 'over') return s.overLimit;
  const from = Number(bucket.slice(1));
  return `${from}–${from + 10}%`;
}

function bucketTone(bucket: UsageBucket, threshold: number): UsageTone {
  if (bucket === 'none' || bucket === 'over') return bucket;
  // A bucket is "near" when any of it reaches the threshold.
  return Number(bucket.slice(1)) + 10 > threshold ? 'near' : 'ok';
}

function toneOf(status: string): OverviewStatusTone {
  return (OVERVIEW_STATUS_TONES as readonly string[]).includes(status) ? (status as OverviewStatusTone) : UNKNOWN_STATUS;
}

function labels(s: OverviewStrings): OverviewLabels {
  const out = {} as OverviewLabels;
  for (const k of OVERVIEW_LABEL_KEYS) out[k] = s[k];
  return out;
}

interface GroupAcc {
  count: number;
  used: number;
  over: number;
  near: number;
}

interface UsedSim {
  sim: SimCard;
  bytes: number;
  percent: number | undefined;
  limit: number | undefined;
}

/** Most data first, ties by id. */
function usedBefore(bytes: number, id: string, other: UsedSim): boolean {
  return bytes > other.bytes || (bytes === other.bytes && id < other.sim.id);
}

/** Inserts the SIM into `top` (sorted, at most TOP_SIMS long) if it belongs there. */
function keepTop(top: UsedSim[], sim: SimCard, bytes: number, percent: number | undefined, limit: number | undefined): void {
  const last = top[top.length - 1];
  if (top.length === TOP_SIMS && last && !usedBefore(bytes, sim.id, last)) return;
  let i = top.length;
  while (i > 0 && usedBefore(bytes, sim.id, top[i - 1] as UsedSim)) i--;
  top.splice(i, 0, { sim, bytes, percent, limit });
  if (top.length > TOP_SIMS) top.pop();
}

export function buildOverviewModel(input: OverviewInput): OverviewModel {
  const s = input.strings;
  const threshold = normalizeThreshold(input.threshold ?? DEFAULT_USAGE_THRESHOLD);
  const groupsById = groupsByIdFrom(input.groups);
  const total = input.sims.length;
  const attentionCounts = emptyRecord(() => 0);
  let attentionTotal = 0;
  const statusCounts = new Map<string, number>();
  const bucketCounts = new Map<UsageBucket, number>();
  const perGroup = new Map<string, GroupAcc>();
  // The top SIMs by data used, kept while counting (at 100,000 SIMs, listing and sorting every
  // SIM with usage took most of the time and memory of a rebuild).
  const used: UsedSim[] = [];

  for (const sim of input.sims) {
    const status = simStatus(sim);
    statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
    const usage = simUsage(sim, groupForSim(sim, groupsById));
    const bucket = usageBucket(usage.percent);
    bucketCounts.set(bucket, (bucketCounts.get(bucket) ?? 0) + 1);
    const reasons = reasonsFrom(sim, status, usage, threshold);
    if (reasons.length > 0) attentionTotal++;
    for (const r of reasons) attentionCounts[r]++;
    const gid = simGroupId(sim);
    if (gid !== undefined) {
      const acc = perGroup.get(gid) ?? { count: 0, used: 0, over: 0, near: 0 };
      acc.count++;
      acc.used += usage.usedBytes ?? 0;
      if (reasons.includes('limitExceeded')) acc.over++;
      if (reasons.includes('nearLimit')) acc.near++;
      perGroup.set(gid, acc);
    }
    if (usage.usedBytes !== undefined && usage.usedBytes > 0) keepTop(used, sim, usage.usedBytes, usage.percent, usage.limitBytes);
  }

  const share = (n: number): string => (total === 0 ? '' : percentText((n / total) * 100));
  const statuses: StatusCount[] = [...statusCounts.keys()].sort(compareStatus).map((status) => {
    const count = statusCounts.get(status) ?? 0;
    const label = statusLabel(status);
    return {
      status,
      tone: toneOf(status),
      label,
      count,
      countText: formatCount(count),
      shareText: share(count),
      hint: fillTemplate(s.filterStatusHint, label),
    };
  });

  const buckets: BucketCount[] = USAGE_BUCKETS.map((bucket) => {
    const count = bucketCounts.get(bucket) ?? 0;
    return { bucket, label: bucketLabel(bucket, s), tone: bucketTone(bucket, threshold), count, countText: formatCount(count) };
  });

  const top: TopSim[] = used.map(({ sim, bytes, percent, limit }) => {
    const label = plainText(sim.iccid, 40) || shortId(sim.id);
    const status = simStatus(sim);
    const gid = simGroupId(sim);
    return {
      simId: sim.id,
      label,
      statusLabel: statusLabel(status),
      statusTone: toneOf(status),
      groupName: gid === undefined ? s.noGroup : groupLabel(gid, groupForSim(sim, groupsById)),
      usedText: formatDataAmount(bytes),
      limitText: limit === undefined ? s.noLimit : formatDataAmount(limit),
      percentText: percentText(percent),
      tone: usageTone(percent, threshold),
      hint: fillTemplate(s.openSimHint, label),
    };
  });

  // Loaded groups first (by name), then ids that SIMs reference but the group list lacks.
  const groupIds = [...groupsById.keys()];
  for (const id of perGroup.keys()) if (!groupsById.has(id)) groupIds.push(id);
  const groups: GroupRow[] = groupIds
    .map((groupId) => {
      const acc = perGroup.get(groupId) ?? { count: 0, used: 0, over: 0, near: 0 };
      const group = groupsById.get(groupId);
      const limit = simUsage({ id: '' }, group ?? null).limitBytes;
      const name = groupLabel(groupId, group);
      const tone: UsageTone = limit === undefined ? 'none' : acc.over > 0 ? 'over' : acc.near > 0 ? 'near' : 'ok';
      return {
        groupId,
        name,
        simCount: acc.count,
        simCountText: formatCount(acc.count),
        usedText: formatDataAmount(acc.used),
        limitText: limit === undefined ? s.noLimit : formatDataAmount(limit),
        overLimit: acc.over,
        nearLimit: acc.near,
        tone,
        hint: fillTemplate(s.filterGroupHint, name),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.groupId < b.groupId ? -1 : 1));

  return {
    title: s.title,
    total,
    totalText: fillTemplate(s.simCount, formatCount(total)),
    attentionTotal,
    attentionText: fillTemplate(s.needAttention, formatCount(attentionTotal)),
    loadedText: input.loadedText ? fillTemplate(s.loadedAt, input.loadedText) : '',
    statuses,
    buckets,
    top,
    groups,
    attention: ATTENTION_REASONS.map((reason) => ({
      reason,
      label: s.reasons[reason],
      count: attentionCounts[reason],
      countText: formatCount(attentionCounts[reason]),
    })),
    labels: labels(s),
  };
}
