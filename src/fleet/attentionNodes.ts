// The "Needs attention (N)" part of the SIM Cards tree as plain nodes with stable ids, built
// from the attention summary and the loaded SIMs on demand. The SIM rows are ordinary
// SimNodes (bucket key 'attention:<reason>'), so they get the same items, menus and clicks.
import * as l10n from '@vscode/l10n';
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { ATTENTION_REASONS, type AttentionReason, type AttentionSummary } from './attention';
import { formatCount } from './dataAmount';
import type { SimNode } from './fleetNodes';
import { DEFAULT_RANGE_SIZE, chunkRanges } from './ranges';
import { compareSortValues, simSortValue, type SortKey } from './sorting';

export const ATTENTION_ROOT_ID = 'attention';
/** Bucket keys of attention SIM rows; no fleet bucket key starts with it. */
export const ATTENTION_BUCKET_PREFIX = 'attention:';

export interface AttentionRootNode {
  readonly kind: 'attentionRoot';
  readonly id: typeof ATTENTION_ROOT_ID;
  /** Distinct SIMs needing attention. */
  total: number;
  /** "Needs attention (N)". */
  label: string;
}

export interface AttentionReasonNode {
  readonly kind: 'attentionReason';
  /** 'attention/<reason>' */
  readonly id: string;
  readonly reason: AttentionReason;
  count: number;
  label: string;
}

export interface AttentionRangeNode {
  readonly kind: 'attentionRange';
  /** 'attention/<reason>/<start>' */
  readonly id: string;
  readonly reason: AttentionReason;
  /** 1-based, inclusive. */
  readonly start: number;
  end: number;
  total: number;
  /** "1–500" */
  label: string;
  /** "of 1,234" */
  description: string;
}

export type AttentionNode = AttentionRootNode | AttentionReasonNode | AttentionRangeNode;

/** What the nodes are built from, read at each call (the builder keeps no fleet state). */
export interface AttentionInput {
  readonly summary: AttentionSummary;
  /** False: the node is hidden (setting off, no key). */
  readonly shown: boolean;
  /** Percent of the limit for "near the limit". */
  readonly threshold: number;
  getSim(id: string): SimCard | undefined;
  readonly sort: SortKey;
  readonly groupsById: ReadonlyMap<string, SimCardGroup>;
}

export function isAttentionNode(x: { readonly kind: string }): x is AttentionNode {
  return x.kind === 'attentionRoot' || x.kind === 'attentionReason' || x.kind === 'attentionRange';
}

/** True for a SIM row under the attention node. */
export function isAttentionSim(node: SimNode): boolean {
  return node.bucketKey.startsWith(ATTENTION_BUCKET_PREFIX);
}

export function reasonLabel(reason: AttentionReason, threshold: number): string {
  switch (reason) {
    case 'limitExceeded':
      return l10n.t('Data limit exceeded');
    case 'unauthorizedImei':
      return l10n.t('Unauthorized IMEI');
    case 'nearLimit':
      return l10n.t('At or above {0}% of the data limit', String(threshold));
    case 'noGroup':
      return l10n.t('Not in a SIM card group');
    case 'actionInProgress':
      return l10n.t('Action in progress');
  }
}

interface SortedCache {
  readonly summary: AttentionSummary;
  readonly sort: SortKey;
  readonly groupsById: ReadonlyMap<string, SimCardGroup>;
  readonly byReason: Map<AttentionReason, SimCard[]>;
}

export class AttentionNodes {
  readonly #nodes = new Map<string, AttentionNode | SimNode>();
  #sorted: SortedCache | undefined;
  readonly #input: () => AttentionInput;
  readonly #rangeSize: number;

  constructor(input: () => AttentionInput, rangeSize = DEFAULT_RANGE_SIZE) {
    this.#input = input;
    this.#rangeSize = rangeSize;
  }

  /** The top node, or undefined when hidden (setting off, or nothing needs attention). */
  root(): AttentionRootNode | undefined {
    const { summary, shown } = this.#input();
    if (!shown || summary.total === 0) return undefined;
    const node = this.#node<AttentionRootNode>(ATTENTION_ROOT_ID, () => ({
      kind: 'attentionRoot',
      id: ATTENTION_ROOT_ID,
      total: 0,
      label: '',
    }));
    node.total = summary.total;
    node.label = l10n.t('Needs attention ({0})', formatCount(summary.total));
    return node;
  }

  childrenOf(node: AttentionNode): Array<AttentionNode | SimNode> {
    const input = this.#input();
    switch (node.kind) {
      case 'attentionRoot':
        return ATTENTION_REASONS.filter((r) => input.summary.counts[r] > 0).map((r) => this.#reasonNode(r, input));
      case 'attentionReason': {
        const sims = this.#simsOf(node.reason, input);
        const ranges = chunkRanges(sims.length, this.#rangeSize);
        if (ranges.length === 0) return sims.map((sim) => this.#simNode(node.reason, sim));
        return ranges.map((r) => this.#rangeNode(node.reason, r.start, sims.length));
      }
      case 'attentionRange':
        return this.#simsOf(node.reason, input)
          .slice(node.start - 1, node.end)
          .map((sim) => this.#simNode(node.reason, sim));
    }
  }

  /** Parent of an attention node or attention SIM row (undefined for the root and for other nodes). */
  parentOf(node: AttentionNode | SimNode): AttentionNode | undefined {
    const input = this.#input();
    switch (node.kind) {
      case 'attentionRoot':
        return undefined;
      case 'attentionReason':
        return this.root();
      case 'attentionRange':
        return this.#reasonNode(node.reason, input);
      case 'sim': {
        const reason = reasonOfKey(node.bucketKey);
        if (reason === undefined) return undefined;
        const sims = this.#simsOf(reason, input);
        if (sims.length <= this.#rangeSize) return this.#reasonNode(reason, input);
        const index = sims.findIndex((s) => s.id === node.simId);
        if (index < 0) return this.#reasonNode(reason, input);
        return this.#rangeNode(reason, Math.floor(index / this.#rangeSize) * this.#rangeSize + 1, sims.length);
      }
    }
  }

  #node<T extends AttentionNode | SimNode>(id: string, make: () => T): T {
    let node = this.#nodes.get(id) as T | undefined;
    if (!node) {
      node = make();
      this.#nodes.set(id, node);
    }
    return node;
  }

  #reasonNode(reason: AttentionReason, input: AttentionInput): AttentionReasonNode {
    const node = this.#node<AttentionReasonNode>(`${ATTENTION_ROOT_ID}/${reason}`, () => ({
      kind: 'attentionReason',
      id: `${ATTENTION_ROOT_ID}/${reason}`,
      reason,
      count: 0,
      label: '',
    }));
    node.count = input.summary.counts[reason];
    node.label = reasonLabel(reason, input.threshold);
    return node;
  }

  #rangeNode(reason: AttentionReason, start: number, total: number): AttentionRangeNode {
    const id = `${ATTENTION_ROOT_ID}/${reason}/${start}`;
    const node = this.#node<AttentionRangeNode>(id, () => ({
      kind: 'attentionRange',
      id,
      reason,
      start,
      end: start,
      total,
      label: '',
      description: '',
    }));
    node.end = Math.min(total, start + this.#rangeSize - 1);
    node.total = total;
    node.label = `${formatCount(node.start)}–${formatCount(node.end)}`;
    node.description = l10n.t('of {0}', formatCount(total));
    return node;
  }

  #simNode(reason: AttentionReason, sim: SimCard): SimNode {
    const bucketKey = `${ATTENTION_BUCKET_PREFIX}${reason}`;
    const id = `sim/${bucketKey}/${sim.id}`;
    const node = this.#node<SimNode>(id, () => ({ kind: 'sim', id, bucketKey, simId: sim.id, sim }));
    node.sim = sim;
    return node;
  }

  /** The loaded SIMs of a reason in the view's sort order (sorted once per summary, sort and groups). */
  #simsOf(reason: AttentionReason, input: AttentionInput): SimCard[] {
    const c = this.#sorted;
    if (!c || c.summary !== input.summary || c.sort !== input.sort || c.groupsById !== input.groupsById) {
      this.#sorted = { summary: input.summary, sort: input.sort, groupsById: input.groupsById, byReason: new Map() };
    }
    const cache = this.#sorted as SortedCache;
    let sims = cache.byReason.get(reason);
    if (!sims) {
      const cmp = compareSortValues(input.sort);
      const rows: { sim: SimCard; value: ReturnType<typeof simSortValue>; seq: number }[] = [];
      for (const id of input.summary.simIds[reason]) {
        const sim = input.getSim(id);
        if (sim) rows.push({ sim, value: simSortValue(sim, input.sort, input.groupsById), seq: rows.length });
      }
      rows.sort((a, b) => cmp(a.value, b.value) || a.seq - b.seq);
      sims = rows.map((r) => r.sim);
      cache.byReason.set(reason, sims);
    }
    return sims;
  }
}

function reasonOfKey(bucketKey: string): AttentionReason | undefined {
  if (!bucketKey.startsWith(ATTENTION_BUCKET_PREFIX)) return undefined;
  const rest = bucketKey.slice(ATTENTION_BUCKET_PREFIX.length);
  return ATTENTION_REASONS.find((r) => r === rest);
}
