// Splitting a (sorted) list of SIMs into the tree's top-level buckets.
import type { SimCard, SimCardGroup } from '../telnyx/types';
import {
  allSimsLabel,
  KNOWN_SIM_TYPES,
  knownTypeLabel,
  noGroupLabel,
  unknownTypeLabel,
  unprintableTagLabel,
  unprintableTypeLabel,
  untaggedLabel,
} from './bucketNames';
import { groupForSim, groupLabel, simGroupId } from './groups';
import { compareStatus, simStatus, statusLabel } from './status';
import { simTags } from './tags';
import { plainText, shortId } from './text';

export const GROUP_BY_VALUES = ['status', 'tag', 'group', 'type', 'none'] as const;
export type GroupBy = (typeof GROUP_BY_VALUES)[number];

export function isGroupBy(x: unknown): x is GroupBy {
  return typeof x === 'string' && (GROUP_BY_VALUES as readonly string[]).includes(x);
}

export interface SimBucket {
  /** Stable and unique per bucket: 'status:enabled', 'tag:fleet-a', 'group:<id>', 'type:esim', 'all'. */
  key: string;
  /** Plain text for the tree item label. */
  label: string;
  /** Extra plain text, e.g. a short id telling apart two groups with the same name. */
  description?: string;
  sims: SimCard[];
}

/** Real tags are never empty, so 'tag:' cannot collide with one. */
export const UNTAGGED_KEY = 'tag:';
/** Group ids are never empty, so 'group:' cannot collide with one. */
export const NO_GROUP_KEY = 'group:';
/** SIMs without a type. */
export const NO_TYPE_KEY = 'type:';
export const ALL_KEY = 'all';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const tieBreaker = new Intl.Collator('en', { sensitivity: 'variant', numeric: true });

/** Case-insensitive first, then case/accents, then code units, so distinct strings never tie. */
function compareText(a: string, b: string): number {
  return collator.compare(a, b) || tieBreaker.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Adds `sim` to the bucket for `key`, creating it on first use (Map keeps insertion order). */
function add(buckets: Map<string, SimBucket>, key: string, label: string, sim: SimCard): SimBucket {
  let b = buckets.get(key);
  if (!b) {
    b = { key, label, sims: [] };
    buckets.set(key, b);
  }
  b.sims.push(sim);
  return b;
}

function byStatus(sims: readonly SimCard[]): SimBucket[] {
  const buckets = new Map<string, SimBucket>();
  const statusOf = new Map<string, string>();
  for (const sim of sims) {
    const status = simStatus(sim);
    statusOf.set(`status:${status}`, status);
    add(buckets, `status:${status}`, statusLabel(status), sim);
  }
  return [...buckets.values()].sort((a, b) => compareStatus(statusOf.get(a.key), statusOf.get(b.key)));
}

function byTag(sims: readonly SimCard[]): SimBucket[] {
  const buckets = new Map<string, SimBucket>();
  let untagged: SimBucket | undefined;
  for (const sim of sims) {
    const tags = simTags(sim);
    if (tags.length === 0) {
      untagged ??= { key: UNTAGGED_KEY, label: untaggedLabel(), sims: [] };
      untagged.sims.push(sim);
    }
    for (const tag of tags) add(buckets, `tag:${tag}`, plainText(tag) || unprintableTagLabel(), sim);
  }
  const sorted = [...buckets.values()].sort((a, b) => compareText(a.key.slice(4), b.key.slice(4)));
  return untagged ? [...sorted, untagged] : sorted;
}

function byGroup(sims: readonly SimCard[], groupsById: ReadonlyMap<string, SimCardGroup>): SimBucket[] {
  const buckets = new Map<string, SimBucket>();
  const named = new Map<string, boolean>();
  let noGroup: SimBucket | undefined;
  for (const sim of sims) {
    const id = simGroupId(sim);
    if (id === undefined) {
      noGroup ??= { key: NO_GROUP_KEY, label: noGroupLabel(), sims: [] };
      noGroup.sims.push(sim);
      continue;
    }
    const key = `group:${id}`;
    const existing = buckets.get(key);
    if (existing) {
      existing.sims.push(sim);
      continue;
    }
    const group = groupForSim(sim, groupsById);
    named.set(key, plainText(group?.name) !== '');
    add(buckets, key, groupLabel(id, group), sim);
  }
  const list = [...buckets.values()];
  // Two groups may share a name; the short id tells them apart in the tree.
  const labelCount = new Map<string, number>();
  for (const b of list) labelCount.set(b.label, (labelCount.get(b.label) ?? 0) + 1);
  for (const b of list) {
    if (named.get(b.key) && (labelCount.get(b.label) ?? 0) > 1) b.description = shortId(b.key.slice(6));
  }
  // Named groups alphabetically, then groups we have no name for (by id), then "No group".
  list.sort((a, b) => {
    const na = named.get(a.key) ? 0 : 1;
    const nb = named.get(b.key) ? 0 : 1;
    return na - nb || compareText(a.label, b.label) || compareText(a.key, b.key);
  });
  return noGroup ? [...list, noGroup] : list;
}

function byType(sims: readonly SimCard[]): SimBucket[] {
  const buckets = new Map<string, SimBucket>();
  for (const sim of sims) {
    const raw: unknown = sim.type;
    const type = typeof raw === 'string' ? raw.trim() : '';
    const norm = type.toLowerCase();
    const known = knownTypeLabel(norm);
    if (known) add(buckets, `type:${norm}`, known, sim);
    else if (type === '') add(buckets, NO_TYPE_KEY, unknownTypeLabel(), sim);
    else add(buckets, `type:${type}`, plainText(type) || unprintableTypeLabel(), sim);
  }
  const rank = (key: string): number => {
    if (key === NO_TYPE_KEY) return KNOWN_SIM_TYPES.length + 1;
    const i = KNOWN_SIM_TYPES.indexOf(key.slice(5));
    return i >= 0 ? i : KNOWN_SIM_TYPES.length;
  };
  return [...buckets.values()].sort((a, b) => rank(a.key) - rank(b.key) || compareText(a.key, b.key));
}

/**
 * Buckets for the tree. SIM order inside a bucket is the input order (sort first); a SIM
 * with several tags is in each of its tag buckets; empty buckets are never returned.
 */
export function groupSims(sims: readonly SimCard[], by: GroupBy, groupsById: ReadonlyMap<string, SimCardGroup> = new Map()): SimBucket[] {
  switch (by) {
    case 'status':
      return byStatus(sims);
    case 'tag':
      return byTag(sims);
    case 'group':
      return byGroup(sims, groupsById);
    case 'type':
      return byType(sims);
    case 'none':
    default:
      return sims.length === 0 ? [] : [{ key: ALL_KEY, label: allSimsLabel(), sims: [...sims] }];
  }
}
