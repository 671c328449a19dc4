// Splitting a (sorted) list of SIMs into the tree's top-level buckets.
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { ALL_KEY, NO_GROUP_KEY, NO_TYPE_KEY, UNTAGGED_KEY } from './bucketNames';
import { bucketLabel, compareNames, typeKey, typeRank } from './bucketKeys';
import { groupForSim, groupLabel, simGroupId } from './groups';
import { compareStatus, simStatus } from './status';
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

export { ALL_KEY, NO_GROUP_KEY, NO_TYPE_KEY, UNTAGGED_KEY };

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

type Bucketer = (sims: readonly SimCard[], groupsById: ReadonlyMap<string, SimCardGroup>) => SimBucket[];

const byStatus: Bucketer = (sims, groupsById) => {
  const buckets = new Map<string, SimBucket>();
  const statusOf = new Map<string, string>();
  for (const sim of sims) {
    const status = simStatus(sim);
    const key = `status:${status}`;
    statusOf.set(key, status);
    add(buckets, key, bucketLabel(key, groupsById), sim);
  }
  return [...buckets.values()].sort((a, b) => compareStatus(statusOf.get(a.key), statusOf.get(b.key)));
};

const byTag: Bucketer = (sims, groupsById) => {
  const buckets = new Map<string, SimBucket>();
  let untagged: SimBucket | undefined;
  for (const sim of sims) {
    const tags = simTags(sim);
    if (tags.length === 0) {
      untagged ??= { key: UNTAGGED_KEY, label: bucketLabel(UNTAGGED_KEY, groupsById), sims: [] };
      untagged.sims.push(sim);
    }
    for (const key of tags.map((t) => `tag:${t}`)) add(buckets, key, bucketLabel(key, groupsById), sim);
  }
  const sorted = [...buckets.values()].sort((a, b) => compareNames(a.key.slice(4), b.key.slice(4)));
  return untagged ? [...sorted, untagged] : sorted;
};

const byGroup: Bucketer = (sims, groupsById) => {
  const buckets = new Map<string, SimBucket>();
  const named = new Map<string, boolean>();
  let noGroup: SimBucket | undefined;
  for (const sim of sims) {
    const id = simGroupId(sim);
    if (id === undefined) {
      noGroup ??= { key: NO_GROUP_KEY, label: bucketLabel(NO_GROUP_KEY, groupsById), sims: [] };
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
    return na - nb || compareNames(a.label, b.label) || compareNames(a.key, b.key);
  });
  return noGroup ? [...list, noGroup] : list;
};

const byType: Bucketer = (sims, groupsById) => {
  const buckets = new Map<string, SimBucket>();
  for (const sim of sims) {
    const key = typeKey(sim);
    add(buckets, key, bucketLabel(key, groupsById), sim);
  }
  return [...buckets.values()].sort((a, b) => typeRank(a.key) - typeRank(b.key) || compareNames(a.key, b.key));
};

const BUCKETERS: Readonly<Record<GroupBy, Bucketer>> = {
  status: byStatus,
  tag: byTag,
  group: byGroup,
  type: byType,
  none: (sims, groupsById) => (sims.length === 0 ? [] : [{ key: ALL_KEY, label: bucketLabel(ALL_KEY, groupsById), sims: [...sims] }]),
};

/**
 * Buckets for the tree. SIM order inside a bucket is the input order (sort first); a SIM
 * with several tags is in each of its tag buckets; empty buckets are never returned.
 */
export function groupSims(sims: readonly SimCard[], by: GroupBy, groupsById: ReadonlyMap<string, SimCardGroup> = new Map()): SimBucket[] {
  // A value from an older saved state that is no longer a grouping shows the SIMs ungrouped.
  return (isGroupBy(by) ? BUCKETERS[by] : BUCKETERS.none)(sims, groupsById);
}
