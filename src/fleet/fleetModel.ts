// The one owner of the fleet in the view: options (filter, sort, grouping), the loaded SIMs,
// their SIM card groups and the load status. Pages are bucketed as they arrive (O(page));
// each bucket keeps its SIMs as a few sorted runs (each page sorted on its own, runs merged like a
// binary counter: sortedRuns.ts), so showing a bucket merges a handful of runs instead of sorting it.
// During a refresh of the same filter the previous list stays visible and the new one is
// staged, then swapped in when it is complete or clearly partial.
import * as l10n from '@vscode/l10n';
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { IdMap } from '../telnyx/idMap';
import { AttentionIndex, DEFAULT_USAGE_THRESHOLD, normalizeThreshold, type AttentionSummary } from './attention';
import { bucketKeysOf, orderBuckets, type RootBucket } from './bucketKeys';
import { formatCount } from './dataAmount';
import { Emitter } from './emitter';
import { isFilterActive, matchesFilter, normalizeFilter, type SimFilter } from './filters';
import type { BucketNode, FleetModelChange, FleetNode, RangeNode, SimLocation, SimNode } from './fleetNodes';
import { ALL_KEY } from './grouping';
import { groupsByIdFrom } from './groups';
import type { LoadResult, LoadStatus, RetryInfo } from './loadStatus';
import { DEFAULT_RANGE_SIZE, chunkRanges } from './ranges';
import { sameRecord } from './sameRecord';
import { SearchIndex } from './searchIndex';
import { collapseRuns, mergeSlice, pushRun, type Compare, type PartialMerge } from './sortedRuns';
import { simStatus } from './status';
import { apiSortFor, compareSortValues, simSortValue, sortOption, type SimSortValue } from './sorting';
import { DEFAULT_VIEW_OPTIONS, compareOptions, filterKey, type OptionsChange, type ViewOptions } from './viewOptions';
import { onIdleTurn } from '../telnyx/eventLoopTurns';

/** SIMs sorted (after a new sort order) or merged per background turn: a few milliseconds. */
const SETTLE_SLICE = 4096;

/** One SIM in a dataset; replaced by a new entry when the SIM changes, so sorted runs can tell stale copies. */
interface Entry {
  readonly sim: SimCard;
  /** Arrival order: ties of the sort keep it. */
  readonly seq: number;
  value: SimSortValue;
  valueVersion: number;
  /** Left the dataset or replaced by a newer entry of the same SIM: sorted runs drop it when read. */
  dead: boolean;
}

interface Bucket {
  /** SIMs in the bucket (live entries in runs and pending). */
  count: number;
  /** Sorted runs holding every live entry of the bucket (and, when `stale`, dead ones). */
  runs: Entry[][];
  /** Added since the last page ended; sorted into a run at the end of the page or when shown. */
  pending: Entry[];
  /** An entry left the bucket: `runs` and `pending` may hold it; filtered out when the bucket is shown. */
  stale: boolean;
  /** A group copy embedded in a SIM record, to name a group before the groups arrive. */
  embedded: SimCardGroup | undefined;
  /** The background merge of two of `runs` in progress (it checks that they are still there). */
  merging: PartialMerge<Entry> | undefined;
}

/** One loaded list: the SIMs of one query with their buckets and search index. */
class Dataset {
  readonly byId = new IdMap<Entry>();
  readonly buckets = new Map<string, Bucket>();
  readonly search = new SearchIndex();
  /** SIMs per status key, kept as SIMs come and go (the status bar reads it on every page). */
  readonly statusCounts = new Map<string, number>();
  seq = 0;
  received = 0;
  /** Bumped whenever `attention` changes (the summary is cached per version). */
  attentionVersion = 0;
  readonly #filterActive: boolean;

  constructor(
    readonly filter: SimFilter,
    readonly apiSort: string | undefined,
    public groupBy: GroupByValue,
    /** Why each SIM needs attention, kept as SIMs come, change and go: O(1) per SIM, no pass after a load. */
    readonly attention: AttentionIndex,
  ) {
    this.#filterActive = isFilterActive(filter);
  }

  matches(sim: SimCard): boolean {
    return !this.#filterActive || matchesFilter(sim, this.filter);
  }

  countStatus(sim: SimCard, delta: 1 | -1): void {
    const status = simStatus(sim);
    const n = (this.statusCounts.get(status) ?? 0) + delta;
    if (n > 0) this.statusCounts.set(status, n);
    else this.statusCounts.delete(status);
  }
}

type GroupByValue = ViewOptions['groupBy'];

/** A dataset's SIMs, read without a copy. */
function* simsOf(ds: Dataset): IterableIterator<SimCard> {
  for (const e of ds.byId.values()) yield e.sim;
}

/** What the needs-attention reasons read of the groups: each group's data limit. */
function groupLimitsKey(groupsById: ReadonlyMap<string, SimCardGroup>): string {
  const limits = [...groupsById.values()].map((g) => [String(g.id), g.data_limit ?? null] as const);
  limits.sort((a, b) => a[0].localeCompare(b[0]));
  return JSON.stringify(limits);
}

/** What a dataset operation touched. */
interface Touched {
  keys: Set<string>;
  rootChanged: boolean;
}

export interface LoadProgress {
  /** `total_results` of the latest page. */
  readonly total?: number;
  readonly retry?: RetryInfo;
}

/** A load in progress; calls on a load that a newer one replaced are ignored. */
export interface FleetLoad {
  readonly active: boolean;
  /** Adds one page of SIMs (O(page)). */
  addPage(sims: readonly SimCard[], progress?: LoadProgress): void;
  /** Progress without SIMs, e.g. a retry wait. */
  progress(progress: LoadProgress): void;
  end(result: LoadResult): void;
}

export class FleetModel {
  #optionsValue: ViewOptions;
  #groupsByIdValue: ReadonlyMap<string, SimCardGroup> = new Map();
  #visible: Dataset;
  #staging: Dataset | undefined;
  #statusValue: LoadStatus = { kind: 'idle' };
  #statusBeforeLoad: LoadStatus = { kind: 'idle' };
  #hasLoaded = false;
  #generation = 0;
  #loadTotal: number | undefined;
  /** Bumped when sort values must be recomputed (sort key or groups changed). */
  #valueVersion = 0;
  #rootOrder: RootBucket[] | undefined;
  #attentionThreshold = DEFAULT_USAGE_THRESHOLD;
  #attentionGroupLimits = '';
  #attentionCache: { ds: Dataset; version: number; summary: AttentionSummary } | undefined;
  readonly #bucketNodes = new Map<string, BucketNode>();
  readonly #rangeNodes = new Map<string, RangeNode>();
  readonly #simNodes = new Map<string, SimNode>();
  readonly #changed = new Emitter<FleetModelChange>();
  /** One event per change, saying what changed (see FleetModelChange). */
  readonly onDidChange = this.#changed.event;
  readonly #simUpdated = new Emitter<SimCard>();
  /** A single SIM was put in place by `updateSim` (an action's progress), not by a load. */
  readonly onDidUpdateSim = this.#simUpdated.event;
  readonly #rangeSize: number;

  constructor(options: ViewOptions = DEFAULT_VIEW_OPTIONS, rangeSize = DEFAULT_RANGE_SIZE) {
    this.#rangeSize = rangeSize;
    this.#optionsValue = { ...options, filter: normalizeFilter(options.filter) };
    this.#visible = this.#newDataset();
  }

  get options(): ViewOptions {
    return this.#optionsValue;
  }

  get status(): LoadStatus {
    return this.#statusValue;
  }

  get groupsById(): ReadonlyMap<string, SimCardGroup> {
    return this.#groupsByIdValue;
  }

  /** SIMs shown (after the client-side part of the filter). */
  get size(): number {
    return this.#visible.byId.size;
  }

  getSim(id: string): SimCard | undefined {
    return this.#visible.byId.get(id)?.sim;
  }

  /** The shown SIMs, in no particular order. */
  sims(): IterableIterator<SimCard> {
    return simsOf(this.#visible);
  }

  dispose(): void {
    this.#generation++;
    this.#changed.dispose();
    this.#simUpdated.dispose();
  }

  // ---- options and groups -------------------------------------------------------------

  /**
   * Applies new options. Regrouping and resorting happen here (no request needed); the
   * result says whether the caller must load the list again (`request`).
   */
  setOptions(partial: Partial<ViewOptions>): OptionsChange {
    const next: ViewOptions = {
      filter: normalizeFilter(partial.filter ?? this.#optionsValue.filter),
      sort: partial.sort ?? this.#optionsValue.sort,
      groupBy: partial.groupBy ?? this.#optionsValue.groupBy,
    };
    const change = compareOptions(this.#optionsValue, next, this.#visible.apiSort);
    this.#optionsValue = next;
    if (!change.filter && !change.sort && !change.groupBy) return change;
    if (change.groupBy) {
      this.#regroup(this.#visible);
      if (this.#staging) this.#regroup(this.#staging);
      this.#bucketNodes.clear();
    }
    if (change.sort || change.groupBy) {
      this.#invalidateOrder();
      // Sorted in the background, a slice per turn, so an expand a moment later finds it ready.
      this.#scheduleCompaction();
    }
    this.#fire({ root: true, options: true });
    return change;
  }

  /** The SIM card groups (names, data limits); names fill in without a reload. */
  setGroups(groups: readonly SimCardGroup[]): void {
    this.#groupsByIdValue = groupsByIdFrom(groups);
    this.#rootOrder = undefined;
    // A SIM without a limit of its own is near or over its group's limit. Every load fetches the
    // groups again: work the reasons out again (O(fleet)) only when a group's limit changed.
    const limits = groupLimitsKey(this.#groupsByIdValue);
    if (limits !== this.#attentionGroupLimits) {
      this.#attentionGroupLimits = limits;
      this.#resetAttention();
    }
    // Usage of limit depends on group limits.
    if (this.#optionsValue.sort === 'usagePercent') this.#invalidateOrder();
    this.#fire({ root: true });
  }

  // ---- loading --------------------------------------------------------------------------

  /**
   * Starts a load for the current options. A refresh of the same filter keeps the previous
   * list on screen (status `loading` with `showingPrevious`) until `end`; otherwise the old
   * list goes and SIMs show as their pages arrive. A newer `beginLoad` supersedes this one.
   */
  beginLoad(): FleetLoad {
    const generation = ++this.#generation;
    const keep = this.#hasLoaded && this.#visible.byId.size > 0 && filterKey(this.#visible.filter) === filterKey(this.#optionsValue.filter);
    this.#statusBeforeLoad = this.#statusValue.kind === 'loading' ? this.#statusBeforeLoad : this.#statusValue;
    this.#loadTotal = undefined;
    let root = false;
    if (keep) {
      this.#staging = this.#newDataset();
    } else {
      this.#staging = undefined;
      this.#visible = this.#newDataset();
      this.#hasLoaded = false;
      this.#resetNodes();
      root = true;
    }
    this.#setLoading(undefined);
    this.#fire({ root, status: true });
    const isCurrent = (): boolean => generation === this.#generation;
    return {
      get active() {
        return isCurrent();
      },
      addPage: (sims, progress) => {
        if (isCurrent()) this.#addPage(sims, progress);
      },
      progress: (progress) => {
        if (!isCurrent()) return;
        if (progress.total !== undefined) this.#loadTotal = progress.total;
        this.#setLoading(progress.retry);
        this.#fire({ status: true });
      },
      end: (result) => {
        if (isCurrent()) this.#endLoad(result);
      },
    };
  }

  /** Replaces the list in one go (a load of one page). */
  replaceAll(sims: readonly SimCard[], result: LoadResult = { kind: 'complete' }): void {
    const load = this.beginLoad();
    load.addPage(sims);
    load.end(result);
  }

  #addPage(sims: readonly SimCard[], progress: LoadProgress | undefined): void {
    if (progress?.total !== undefined) this.#loadTotal = progress.total;
    const target = this.#staging ?? this.#visible;
    target.received += sims.length;
    const touched: Touched = { keys: new Set(), rootChanged: false };
    // A refresh beside the list on screen: a SIM that did not change keeps the record the shown
    // list holds, so the two lists share it (the new copy is dropped at once, not kept twice).
    const shown = this.#staging ? this.#visible : undefined;
    for (const sim of sims) {
      if (sim == null || typeof sim.id !== 'string') continue;
      const held = shown?.byId.get(sim.id)?.sim;
      this.#upsert(target, held !== undefined && sameRecord(held, sim) ? held : sim, touched);
    }
    // O(page log n) amortized: the page's SIMs become a sorted run in each bucket they joined.
    const cmp = this.#compareEntries();
    for (const key of touched.keys) {
      const bucket = target.buckets.get(key);
      if (bucket) this.#settle(bucket, cmp);
    }
    this.#setLoading(progress?.retry);
    if (target === this.#visible) this.#fireTouched(touched, true);
    else this.#fire({ status: true });
  }

  #endLoad(result: LoadResult): void {
    const staged = this.#staging;
    this.#staging = undefined;
    const received = (staged ?? this.#visible).received;
    const now = Date.now();
    let root = false;
    const swap = (): void => {
      if (!staged) return;
      this.#visible = staged;
      this.#resetNodes();
      root = true;
    };
    switch (result.kind) {
      case 'complete':
        swap();
        this.#hasLoaded = true;
        this.#statusValue = { kind: 'complete', count: this.#visible.byId.size, loadedAt: now };
        break;
      case 'partial':
        swap();
        this.#hasLoaded = true;
        this.#statusValue = { kind: 'partial', loaded: received, expected: result.expected, reason: result.reason, loadedAt: now };
        break;
      case 'error':
        this.#statusValue = { kind: 'error', error: result.error, hasData: this.#visible.byId.size > 0 };
        break;
      case 'cancelled':
        if (staged) this.#statusValue = this.#statusBeforeLoad;
        else {
          this.#hasLoaded = true;
          const expected = this.#loadTotal ?? received;
          this.#statusValue =
            received < expected
              ? { kind: 'partial', loaded: received, expected, reason: l10n.t('loading was cancelled'), loadedAt: now }
              : { kind: 'complete', count: this.#visible.byId.size, loadedAt: now };
        }
        break;
    }
    this.#fire({ root, status: true });
    this.#scheduleCompaction();
  }

  /**
   * After a load, merges each bucket's sorted runs into one in the background, one merge per
   * turn of the event loop (a few milliseconds each), so the first expand of a large bucket
   * finds it ready instead of merging tens of thousands of SIMs then. After a new sort or
   * grouping every SIM is pending: it sorts them a slice per turn first (a flat list of
   * 100,000 took 300 ms to sort at the first expand). Reading a bucket before this is done
   * sorts and merges what is left, with the same result.
   */
  #scheduleCompaction(): void {
    const generation = this.#generation;
    const order = this.#valueVersion;
    const step = (): void => {
      // A new load or a new sort order takes over (the next read sorts what it shows).
      if (generation !== this.#generation || order !== this.#valueVersion) return;
      const cmp = this.#compareEntries();
      for (const bucket of this.#visible.buckets.values()) {
        // After a new sort order a bucket's SIMs are all pending: sorted a slice per turn.
        if (bucket.pending.length > SETTLE_SLICE) {
          const slice = bucket.pending.splice(bucket.pending.length - SETTLE_SLICE, SETTLE_SLICE);
          for (const e of slice) this.#valueOf(e);
          pushRun(bucket.runs, slice.sort(cmp), cmp);
          onIdleTurn(step);
          return;
        }
        this.#settle(bucket, cmp);
        // A slice per turn: the last merges of a large bucket (two runs of 32,000) took 20-50 ms in one go.
        const merged = mergeSlice(bucket.runs, cmp, SETTLE_SLICE, bucket.merging);
        bucket.merging = typeof merged === 'object' ? merged : undefined;
        if (merged !== 'nothing') {
          onIdleTurn(step);
          return;
        }
      }
    };
    // Background work: it waits while a tree view asks for children (an expand reads what is left).
    onIdleTurn(step);
  }

  #setLoading(retry: RetryInfo | undefined): void {
    this.#statusValue = {
      kind: 'loading',
      loaded: (this.#staging ?? this.#visible).received,
      total: this.#loadTotal,
      retry,
      showingPrevious: this.#staging !== undefined,
    };
  }

  // ---- single SIMs ----------------------------------------------------------------------

  /**
   * Puts a changed SIM in place (e.g. after an action): it moves between buckets, leaves the
   * list when it no longer matches the filter, and counts follow. Unknown SIMs matching the
   * filter are added.
   */
  updateSim(sim: SimCard): void {
    const touched: Touched = { keys: new Set(), rootChanged: false };
    if (this.#staging) this.#upsert(this.#staging, sim, { keys: new Set(), rootChanged: false });
    const nodes = this.#upsert(this.#visible, sim, touched);
    this.#fireTouched(touched, false, nodes);
    this.#simUpdated.fire(sim);
  }

  /** Drops a SIM (e.g. deleted). */
  removeSim(id: string): void {
    const touched: Touched = { keys: new Set(), rootChanged: false };
    if (this.#staging) this.#remove(this.#staging, id, { keys: new Set(), rootChanged: false });
    this.#remove(this.#visible, id, touched);
    this.#fireTouched(touched, false);
  }

  /** Loaded SIMs matching `text` (ICCID, IMSI, MSISDN with or without spaces/dashes, id, tag). */
  findSims(text: string, limit = 200): SimCard[] {
    return this.#visible.search.find(text, limit);
  }

  // ---- tree shape -----------------------------------------------------------------------

  /** Top-level nodes: buckets, or under Group By None the ranges (or SIMs) of the whole list. */
  roots(): FleetNode[] {
    if (this.#optionsValue.groupBy === 'none') return this.#bucketChildren(ALL_KEY);
    this.#rootOrder ??= orderBuckets(
      this.#visible.buckets.keys(),
      this.#optionsValue.groupBy,
      this.#groupsByIdValue,
      (key) => this.#visible.buckets.get(key)?.embedded,
    );
    const out: BucketNode[] = [];
    for (const r of this.#rootOrder) {
      const bucket = this.#visible.buckets.get(r.key);
      if (!bucket) continue;
      const node = this.#bucketNode(r.key);
      node.label = r.label;
      node.description = r.description;
      node.count = bucket.count;
      out.push(node);
    }
    return out;
  }

  /** Children of a node (roots for undefined), created on demand. */
  childrenOf(node?: FleetNode): FleetNode[] {
    if (node === undefined) return this.roots();
    if (node.kind === 'bucket') return this.#bucketChildren(node.key);
    if (node.kind === 'range') {
      const bucket = this.#visible.buckets.get(node.bucketKey);
      if (!bucket) return [];
      return this.#sortedEntries(bucket)
        .slice(node.start - 1, node.end)
        .map((e) => this.#simNode(node.bucketKey, e.sim));
    }
    return [];
  }

  /** Parent of a node (for TreeView.getParent); works for node objects of earlier refreshes too. */
  parentOf(node: FleetNode): FleetNode | undefined {
    if (node.kind === 'bucket') return undefined;
    const inBucket = this.#optionsValue.groupBy === 'none' ? undefined : this.#existingBucketNode(node.bucketKey);
    if (node.kind === 'range') return inBucket;
    const location = this.#locateIn(node.bucketKey, node.simId);
    if (location?.rangeStart !== undefined) return this.#rangeNode(node.bucketKey, location.rangeStart, location.total);
    return inBucket;
  }

  /** Where a SIM sits (first bucket in tree order when it is in several), or undefined. */
  locate(simId: string): SimLocation | undefined {
    const entry = this.#visible.byId.get(simId);
    if (!entry) return undefined;
    const keys = bucketKeysOf(entry.sim, this.#visible.groupBy);
    let bucketKey = keys[0];
    if (keys.length > 1) {
      const order = this.roots().map((n) => (n.kind === 'bucket' ? n.key : ''));
      bucketKey = keys.slice().sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
    }
    if (bucketKey === undefined) return undefined;
    const at = this.#locateIn(bucketKey, simId);
    if (!at) return undefined;
    const path: FleetNode[] = [];
    if (this.#optionsValue.groupBy !== 'none') path.push(this.#bucketNode(bucketKey));
    if (at.rangeStart !== undefined) path.push(this.#rangeNode(bucketKey, at.rangeStart, at.total));
    path.push(this.#simNode(bucketKey, entry.sim));
    return { bucketKey, rangeStart: at.rangeStart, index: at.index, path };
  }

  /** Sorted SIMs of a bucket (sorting it now if needed). */
  bucketSims(bucketKey: string): SimCard[] {
    const bucket = this.#visible.buckets.get(bucketKey);
    return bucket ? this.#sortedEntries(bucket).map((e) => e.sim) : [];
  }

  /** Which shown SIMs need attention, and why; kept current as pages arrive (cached until the next change). */
  attentionSummary(): AttentionSummary {
    const ds = this.#visible;
    const cache = this.#attentionCache;
    if (cache?.ds === ds && cache.version === ds.attentionVersion) return cache.summary;
    const summary = ds.attention.summary();
    this.#attentionCache = { ds, version: ds.attentionVersion, summary };
    return summary;
  }

  /** The "near the limit" threshold, in percent of the limit (a setting); reasons are worked out again when it changes. */
  setAttentionThreshold(threshold: number): void {
    const t = normalizeThreshold(threshold);
    if (t === this.#attentionThreshold) return;
    this.#attentionThreshold = t;
    this.#resetAttention();
  }

  #resetAttention(): void {
    for (const ds of [this.#visible, this.#staging]) {
      if (!ds) continue;
      ds.attention.reset(simsOf(ds), this.#groupsByIdValue, this.#attentionThreshold);
      ds.attentionVersion++;
    }
  }

  /** Shown SIMs per status key (simStatus), kept current as pages arrive: O(statuses) to read. */
  statusCounts(): ReadonlyMap<string, number> {
    return this.#visible.statusCounts;
  }

  /** Bucket counts by key (what the roots show), for summaries and tests. */
  bucketCounts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, b] of this.#visible.buckets) out.set(key, b.count);
    return out;
  }

  // ---- internals ------------------------------------------------------------------------

  #newDataset(): Dataset {
    const o = this.#optionsValue;
    return new Dataset(o.filter, apiSortFor(o.sort), o.groupBy, new AttentionIndex(this.#groupsByIdValue, this.#attentionThreshold));
  }

  #locateIn(bucketKey: string, simId: string): { index: number; rangeStart: number | undefined; total: number } | undefined {
    const bucket = this.#visible.buckets.get(bucketKey);
    const entry = this.#visible.byId.get(simId);
    if (!bucket || !entry) return undefined;
    const index = this.#sortedEntries(bucket).indexOf(entry);
    if (index < 0) return undefined;
    const total = bucket.count;
    const rangeStart = total > this.#rangeSize ? Math.floor(index / this.#rangeSize) * this.#rangeSize + 1 : undefined;
    return { index, rangeStart, total };
  }

  #bucketChildren(key: string): FleetNode[] {
    const bucket = this.#visible.buckets.get(key);
    if (!bucket) return [];
    const total = bucket.count;
    const ranges = chunkRanges(total, this.#rangeSize);
    if (ranges.length === 0) return this.#sortedEntries(bucket).map((e) => this.#simNode(key, e.sim));
    return ranges.map((r) => this.#rangeNode(key, r.start, total));
  }

  #bucketNode(key: string): BucketNode {
    let node = this.#bucketNodes.get(key);
    if (!node) {
      node = {
        kind: 'bucket',
        id: `bucket/${key}`,
        key,
        groupBy: this.#optionsValue.groupBy,
        label: key,
        description: undefined,
        count: 0,
      };
      this.#bucketNodes.set(key, node);
    }
    node.count = this.#visible.buckets.get(key)?.count ?? 0;
    return node;
  }

  #existingBucketNode(key: string): BucketNode | undefined {
    if (!this.#visible.buckets.has(key)) return undefined;
    return this.roots().find((n): n is BucketNode => n.kind === 'bucket' && n.key === key);
  }

  #rangeNode(bucketKey: string, start: number, total: number): RangeNode {
    const id = `range/${bucketKey}/${start}`;
    let node = this.#rangeNodes.get(id);
    if (!node) {
      node = { kind: 'range', id, bucketKey, start, end: start, total, label: '', description: '' };
      this.#rangeNodes.set(id, node);
    }
    node.end = Math.min(total, start + this.#rangeSize - 1);
    node.total = total;
    const span = `${formatCount(node.start)}–${formatCount(node.end)}`;
    if (this.#optionsValue.groupBy === 'none') {
      // Say why a flat list comes in folders: the list is long, and in which order it is cut.
      node.label = l10n.t('{0} of {1} (sorted by {2})', span, formatCount(total), sortOption(this.#optionsValue.sort).short);
      node.description = '';
    } else {
      node.label = span;
      node.description = l10n.t('of {0}', formatCount(total));
    }
    return node;
  }

  #simNode(bucketKey: string, sim: SimCard): SimNode {
    const id = `sim/${bucketKey}/${sim.id}`;
    let node = this.#simNodes.get(id);
    if (!node) {
      node = { kind: 'sim', id, bucketKey, simId: sim.id, sim };
      this.#simNodes.set(id, node);
    }
    node.sim = sim;
    return node;
  }

  #resetNodes(): void {
    this.#rootOrder = undefined;
    this.#rangeNodes.clear();
    this.#simNodes.clear();
  }

  #invalidateOrder(): void {
    this.#valueVersion++;
    for (const ds of [this.#visible, this.#staging]) {
      if (!ds) continue;
      for (const b of ds.buckets.values()) {
        // Every live entry goes back to pending (sorted again under the new order when shown).
        b.pending = [...b.runs.flat(), ...b.pending].filter((e) => !e.dead);
        b.runs = [];
        b.stale = false;
      }
    }
  }

  #regroup(ds: Dataset): void {
    ds.groupBy = this.#optionsValue.groupBy;
    ds.buckets.clear();
    const ignore: Touched = { keys: new Set(), rootChanged: false };
    for (const entry of ds.byId.values()) this.#addToBuckets(ds, entry, ignore);
    if (ds === this.#visible) this.#resetNodes();
  }

  #valueOf(entry: Entry): SimSortValue {
    if (entry.valueVersion !== this.#valueVersion) {
      entry.value = simSortValue(entry.sim, this.#optionsValue.sort, this.#groupsByIdValue);
      entry.valueVersion = this.#valueVersion;
    }
    return entry.value;
  }

  /**
   * Sort order of entries: the sort key's values, ties in arrival order (so never 0 for two entries).
   * Reads `value` as stored: settle() brings it up to date before an entry joins a run, and a new
   * sort key (or new groups under usage of limit) empties the runs (invalidateOrder).
   */
  #compareEntries(): Compare<Entry> {
    const cmp = compareSortValues(this.#optionsValue.sort);
    return (a, b) => cmp(a.value, b.value) || a.seq - b.seq;
  }

  /** Sorts what was added since the last call into a run of the bucket. */
  #settle(bucket: Bucket, cmp: Compare<Entry>): void {
    if (bucket.pending.length === 0) return;
    const run = bucket.pending;
    bucket.pending = [];
    for (const e of run) this.#valueOf(e);
    pushRun(bucket.runs, run.sort(cmp), cmp);
  }

  /** The bucket's entries in sort order: its runs merged into one (kept for the next call). */
  #sortedEntries(bucket: Bucket): Entry[] {
    const cmp = this.#compareEntries();
    if (bucket.stale) {
      const current = (e: Entry): boolean => !e.dead;
      bucket.runs = bucket.runs.map((r) => r.filter(current)).filter((r) => r.length > 0);
      bucket.pending = bucket.pending.filter(current);
      bucket.stale = false;
    }
    this.#settle(bucket, cmp);
    return collapseRuns(bucket.runs, cmp);
  }

  #addToBuckets(ds: Dataset, entry: Entry, touched: Touched): void {
    for (const key of bucketKeysOf(entry.sim, ds.groupBy)) {
      let bucket = ds.buckets.get(key);
      if (!bucket) {
        bucket = { count: 0, runs: [], pending: [], stale: false, embedded: undefined, merging: undefined };
        ds.buckets.set(key, bucket);
        touched.rootChanged = true;
      }
      if (bucket.embedded === undefined && entry.sim.sim_card_group != null && typeof entry.sim.sim_card_group === 'object') {
        bucket.embedded = entry.sim.sim_card_group;
      }
      bucket.count++;
      bucket.pending.push(entry);
      touched.keys.add(key);
    }
  }

  /** Takes a live entry out of its buckets (the ones bucketKeysOf gave when it was added: same SIM, same grouping). */
  #removeFromBuckets(ds: Dataset, entry: Entry, touched: Touched): void {
    if (entry.dead) return;
    entry.dead = true;
    for (const key of bucketKeysOf(entry.sim, ds.groupBy)) {
      const bucket = ds.buckets.get(key);
      if (!bucket) continue;
      bucket.count--;
      // Dropped from the runs when the bucket is shown next (one pass for a burst of updates).
      bucket.stale = true;
      touched.keys.add(key);
      if (bucket.count === 0) {
        ds.buckets.delete(key);
        touched.rootChanged = true;
      }
    }
  }

  /** Adds, replaces or (when it no longer matches the filter) removes a SIM; returns its updated nodes. */
  #upsert(ds: Dataset, sim: SimCard, touched: Touched): SimNode[] {
    const existing = ds.byId.get(sim.id);
    if (!ds.matches(sim)) {
      if (existing) this.#remove(ds, sim.id, touched);
      return [];
    }
    if (existing) {
      this.#removeFromBuckets(ds, existing, touched);
      ds.countStatus(existing.sim, -1);
      ds.countStatus(sim, 1);
      // A new entry (same arrival order): the old one may still sit in sorted runs until they are filtered.
      const entry: Entry = { sim, seq: existing.seq, value: undefined, valueVersion: -1, dead: false };
      ds.byId.set(sim.id, entry);
      this.#addToBuckets(ds, entry, touched);
      ds.search.set(sim, entry.seq);
      ds.attention.set(sim);
      ds.attentionVersion++;
      if (ds !== this.#visible) return [];
      const nodes: SimNode[] = [];
      for (const key of touched.keys) {
        const node = this.#simNodes.get(`sim/${key}/${sim.id}`);
        if (node) {
          node.sim = sim;
          nodes.push(node);
        }
      }
      return nodes;
    }
    const entry: Entry = { sim, seq: ds.seq++, value: undefined, valueVersion: -1, dead: false };
    ds.byId.set(sim.id, entry);
    ds.countStatus(sim, 1);
    this.#addToBuckets(ds, entry, touched);
    ds.search.set(sim, entry.seq);
    ds.attention.add(sim);
    ds.attentionVersion++;
    return [];
  }

  #remove(ds: Dataset, id: string, touched: Touched): void {
    const existing = ds.byId.get(id);
    if (!existing) return;
    this.#removeFromBuckets(ds, existing, touched);
    ds.countStatus(existing.sim, -1);
    ds.byId.delete(id);
    ds.search.delete(existing.seq);
    ds.attention.delete(id);
    ds.attentionVersion++;
  }

  #fireTouched(touched: Touched, status: boolean, simNodes: readonly SimNode[] = []): void {
    if (touched.rootChanged) this.#rootOrder = undefined;
    const root = touched.rootChanged || (this.#optionsValue.groupBy === 'none' && touched.keys.size > 0);
    const keys = [...touched.keys];
    const nodes: FleetNode[] = root ? [] : [...keys.map((k) => this.#bucketNode(k)), ...simNodes];
    this.#fire({ root, bucketKeys: root ? [] : keys, nodes, status });
  }

  #fire(change: Partial<FleetModelChange>): void {
    this.#changed.fire({
      root: change.root ?? false,
      bucketKeys: change.bucketKeys ?? [],
      nodes: change.nodes ?? [],
      status: change.status ?? false,
      options: change.options ?? false,
    });
  }
}
