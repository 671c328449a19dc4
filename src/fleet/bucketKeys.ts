// Which top-level buckets a SIM belongs to, what they are called and in which order they
// show. Keys are stable ids ('status:enabled', 'tag:fleet-a', 'group:<id>', 'type:esim', 'all').
import type { SimCard, SimCardGroup } from '../telnyx/types';
import {
  ALL_KEY,
  allSimsLabel,
  KNOWN_SIM_TYPES,
  knownTypeLabel,
  NO_GROUP_KEY,
  NO_TYPE_KEY,
  noGroupLabel,
  unknownTypeLabel,
  unprintableTagLabel,
  unprintableTypeLabel,
  UNTAGGED_KEY,
  untaggedLabel,
} from './bucketNames';
import type { GroupBy } from './grouping';
import { groupLabel, groupName, simGroupId } from './groups';
import { compareStatus, simStatus, statusLabel } from './status';
import { simTags } from './tags';
import { plainText, shortId } from './text';

/** 'type:esim' for a known type whatever its case, 'type:<as sent>' for another, NO_TYPE_KEY for none. */
export function typeKey(sim: SimCard): string {
  const raw: unknown = sim.type;
  const type = typeof raw === 'string' ? raw.trim() : '';
  const norm = type.toLowerCase();
  if (knownTypeLabel(norm) !== undefined) return `type:${norm}`;
  return type === '' ? NO_TYPE_KEY : `type:${type}`;
}

/** The bucket keys of a SIM under a grouping (several for a SIM with several tags, never none). */
export function bucketKeysOf(sim: SimCard, by: GroupBy): string[] {
  switch (by) {
    case 'status':
      return [`status:${simStatus(sim)}`];
    case 'tag': {
      const tags = simTags(sim);
      return tags.length === 0 ? [UNTAGGED_KEY] : tags.map((t) => `tag:${t}`);
    }
    case 'group': {
      const id = simGroupId(sim);
      return [id === undefined ? NO_GROUP_KEY : `group:${id}`];
    }
    case 'type':
      return [typeKey(sim)];
    case 'none':
    default:
      return [ALL_KEY];
  }
}

export interface BucketLabel {
  label: string;
  /** Tells apart two groups with the same name (a short id), else undefined. */
  description: string | undefined;
}

/** Plain-text label of a bucket key; `embedded` is a group copy seen in a SIM record, if any. */
export function bucketLabel(key: string, groupsById: ReadonlyMap<string, SimCardGroup>, embedded?: SimCardGroup): string {
  if (key === ALL_KEY) return allSimsLabel();
  if (key === UNTAGGED_KEY) return untaggedLabel();
  if (key === NO_GROUP_KEY) return noGroupLabel();
  if (key === NO_TYPE_KEY) return unknownTypeLabel();
  if (key.startsWith('status:')) return statusLabel(key.slice(7));
  if (key.startsWith('tag:')) return plainText(key.slice(4)) || unprintableTagLabel();
  if (key.startsWith('group:')) {
    const id = key.slice(6);
    return groupLabel(id, groupsById.get(id) ?? embedded);
  }
  const type = key.slice(5);
  return knownTypeLabel(type) ?? (plainText(type) || unprintableTypeLabel());
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const tieBreaker = new Intl.Collator('en', { sensitivity: 'variant', numeric: true });

/** Names compare case-insensitively first, then exactly, so distinct names never tie. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || tieBreaker.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Type buckets: known types in KNOWN_SIM_TYPES order, then others, then no type. */
export function typeRank(key: string): number {
  if (key === NO_TYPE_KEY) return KNOWN_SIM_TYPES.length + 1;
  const i = KNOWN_SIM_TYPES.indexOf(key.slice(5));
  return i >= 0 ? i : KNOWN_SIM_TYPES.length;
}

export interface RootBucket extends BucketLabel {
  key: string;
}

/**
 * Labels and orders buckets as the tree shows them: statuses in lifecycle order, tags and
 * named groups alphabetically (unnamed groups, then "Untagged"/"No group" last), types
 * physical, eSIM, others, unknown. Same order as groupSims.
 */
export function orderBuckets(
  keys: Iterable<string>,
  by: GroupBy,
  groupsById: ReadonlyMap<string, SimCardGroup>,
  embeddedGroup: (key: string) => SimCardGroup | undefined,
): RootBucket[] {
  const list: RootBucket[] = [];
  for (const key of keys) list.push({ key, label: bucketLabel(key, groupsById, embeddedGroup(key)), description: undefined });
  switch (by) {
    case 'status':
      return list.sort((a, b) => compareStatus(a.key.slice(7), b.key.slice(7)));
    case 'tag':
      return list.sort((a, b) => {
        if (a.key === UNTAGGED_KEY || b.key === UNTAGGED_KEY) return a.key === b.key ? 0 : a.key === UNTAGGED_KEY ? 1 : -1;
        return compareNames(a.key.slice(4), b.key.slice(4));
      });
    case 'group': {
      const named = (b: RootBucket): boolean =>
        b.key !== NO_GROUP_KEY && groupName(groupsById.get(b.key.slice(6)) ?? embeddedGroup(b.key)) !== undefined;
      const labelCount = new Map<string, number>();
      for (const b of list) if (named(b)) labelCount.set(b.label, (labelCount.get(b.label) ?? 0) + 1);
      for (const b of list) if (named(b) && (labelCount.get(b.label) ?? 0) > 1) b.description = shortId(b.key.slice(6));
      const rank = (b: RootBucket): number => (b.key === NO_GROUP_KEY ? 2 : named(b) ? 0 : 1);
      return list.sort((a, b) => rank(a) - rank(b) || compareNames(a.label, b.label) || compareNames(a.key, b.key));
    }
    case 'type':
      return list.sort((a, b) => typeRank(a.key) - typeRank(b.key) || compareNames(a.key, b.key));
    case 'none':
    default:
      return list;
  }
}
