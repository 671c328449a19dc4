// The tree as plain data, built from a fleet snapshot. Pure (no vscode import) so the
// shape of the tree (buckets, ranges, stable ids) is unit-tested without VS Code.
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { chunkRanges, groupSims, sortSims, type GroupBy, type SimBucket, type SortKey } from '../fleet';

export interface BucketNode {
  readonly kind: 'bucket';
  readonly id: string;
  readonly bucket: SimBucket;
  readonly groupBy: GroupBy;
  children: TreeNode[];
}

export interface RangeNode {
  readonly kind: 'range';
  readonly id: string;
  readonly label: string;
  readonly total: number;
  readonly parent: BucketNode | undefined;
  children: SimNode[];
}

export interface SimNode {
  readonly kind: 'sim';
  readonly id: string;
  readonly sim: SimCard;
  readonly parent: BucketNode | RangeNode | undefined;
}

export type TreeNode = BucketNode | RangeNode | SimNode;

export interface TreeModel {
  readonly roots: TreeNode[];
  /** First node of each SIM, for reveal (a tagged SIM can sit in several buckets). */
  readonly firstNodeBySimId: ReadonlyMap<string, SimNode>;
  readonly simCount: number;
}

/** Ranges keep buckets of thousands of SIMs responsive; below this a bucket is flat. */
export const RANGE_SIZE = 500;

export function buildTreeModel(
  sims: readonly SimCard[],
  groupBy: GroupBy,
  sortKey: SortKey,
  groupsById: ReadonlyMap<string, SimCardGroup>,
  rangeSize = RANGE_SIZE,
): TreeModel {
  const sorted = sortSims(sims, sortKey, groupsById);
  const firstNodeBySimId = new Map<string, SimNode>();

  const simNodes = (list: readonly SimCard[], scope: string, parent: BucketNode | RangeNode | undefined): SimNode[] =>
    list.map((sim) => {
      const node: SimNode = { kind: 'sim', id: `sim/${scope}/${sim.id}`, sim, parent };
      if (!firstNodeBySimId.has(sim.id)) firstNodeBySimId.set(sim.id, node);
      return node;
    });

  const withRanges = (list: readonly SimCard[], scope: string, parent: BucketNode | undefined): TreeNode[] => {
    const ranges = chunkRanges(list.length, rangeSize);
    if (ranges.length <= 1) return simNodes(list, scope, parent);
    return ranges.map((r) => {
      const range: RangeNode = {
        kind: 'range',
        id: `range/${scope}/${r.start}`,
        label: r.label,
        total: list.length,
        parent,
        children: [],
      };
      range.children = simNodes(list.slice(r.start - 1, r.end), scope, range);
      return range;
    });
  };

  let roots: TreeNode[];
  if (groupBy === 'none') {
    roots = withRanges(sorted, 'all', undefined);
  } else {
    roots = groupSims(sorted, groupBy, groupsById).map((bucket) => {
      const node: BucketNode = { kind: 'bucket', id: `bucket/${bucket.key}`, bucket, groupBy, children: [] };
      node.children = withRanges(bucket.sims, bucket.key, node);
      return node;
    });
  }
  return { roots, firstNodeBySimId, simCount: sims.length };
}

export function childrenOf(node: TreeNode): TreeNode[] {
  return node.kind === 'sim' ? [] : node.children;
}
