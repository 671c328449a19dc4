// The tree as the fleet model hands it out: plain objects with stable ids, so expansion
// survives refreshes and the view layer can reuse them as TreeView elements.
import type { SimCard } from '../telnyx/types';
import type { GroupBy } from './grouping';

export interface BucketNode {
  readonly kind: 'bucket';
  /** 'bucket/<key>' */
  readonly id: string;
  readonly key: string;
  readonly groupBy: GroupBy;
  /** Plain text. */
  label: string;
  /** Plain text telling apart two groups with the same name, else undefined. */
  description: string | undefined;
  count: number;
}

export interface RangeNode {
  readonly kind: 'range';
  /** 'range/<bucket key>/<start>' */
  readonly id: string;
  readonly bucketKey: string;
  /** 1-based, inclusive. */
  readonly start: number;
  end: number;
  /** SIMs in the whole bucket. */
  total: number;
  /** Plain text: "1–500", or under Group By None "1–500 of 100,000 (sorted by ICCID)". */
  label: string;
  /** Plain text: "of 64,012", or '' when the label says it all. */
  description: string;
}

export interface SimNode {
  readonly kind: 'sim';
  /** 'sim/<bucket key>/<sim id>': a SIM with several tags has one node per tag bucket. */
  readonly id: string;
  readonly bucketKey: string;
  readonly simId: string;
  /** Kept current by updateSim. */
  sim: SimCard;
}

export type FleetNode = BucketNode | RangeNode | SimNode;

/** The nodes from a root down to a SIM, for TreeView.reveal. */
export interface SimLocation {
  readonly bucketKey: string;
  /** Start of the range holding the SIM, when its bucket is split into ranges. */
  readonly rangeStart: number | undefined;
  /** Position of the SIM in its bucket (0-based). */
  readonly index: number;
  readonly path: readonly FleetNode[];
}

/** What one change of the model touched. */
export interface FleetModelChange {
  /** The roots changed (buckets added/removed/reordered, options, a swap): redraw everything. */
  readonly root: boolean;
  /** Keys of buckets whose count or children changed (when `root` is false). */
  readonly bucketKeys: readonly string[];
  /** Existing node objects to redraw (bucket nodes of `bucketKeys`, updated SIM nodes). */
  readonly nodes: readonly FleetNode[];
  /** The load status changed. */
  readonly status: boolean;
  /** The view options changed. */
  readonly options: boolean;
}

/** Merges two changes, e.g. to coalesce the events of a burst of pages into one redraw. */
export function mergeChanges(a: FleetModelChange, b: FleetModelChange): FleetModelChange {
  const root = a.root || b.root;
  return {
    root,
    bucketKeys: root ? [] : [...new Set([...a.bucketKeys, ...b.bucketKeys])],
    nodes: root ? [] : [...new Set([...a.nodes, ...b.nodes])],
    status: a.status || b.status,
    options: a.options || b.options,
  };
}
