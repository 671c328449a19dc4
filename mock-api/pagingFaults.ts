// Paging faults of `GET /sim_cards`: the fleet changing while a client lists it, and servers
// whose pages or meta do not add up. Added like the other scripted faults (MockApi.addFault,
// POST /__mock/faults), they only ever touch the SIM list endpoint. JSON shapes:
//
//   { "kind": "mutate", "op": "insertFront" | "deleteFront" | "leaveFilter", "count": 10, "afterPage": 3, "times": 1 }
//     Right after page `afterPage` of a listing is served, `count` SIMs are inserted before the
//     oldest SIM (enabled ones), deleted from the front of that listing's own result, or moved out
//     of its filter (status changed to one outside filter[status], else the filter[tags] removed;
//     a listing without either filter is left alone). `times` (default 1): how many pages it fires on.
//   { "kind": "emptyPage", "page": 7, "times": 1 }
//     Page `page` answers `data: []` with its normal meta, `times` times (default 1).
//   { "kind": "meta", "mode": "missing" | "stuckPage" | "zeroBased" | "lowTotal" | "ignorePage", "by": 10, "times": 5 }
//     Bends every list answer while it lasts (`times` answers; default until cleared):
//     missing: no meta at all; stuckPage: page_number always 1; zeroBased: page_number n-1;
//     lowTotal: total_results (and total_pages) as if `by` (default 10) SIMs fewer;
//     ignorePage: page 1 (data and meta) whatever page[number] asks for.
import type { PageMeta, SimCardDetail } from '../src/telnyx/types';
import { FILTERABLE_STATUSES } from '../src/telnyx/types';
import { compareDefault, makeFrontSims } from './fleet';
import { paginate, type Query, type SimSelection } from './query';

export type MutateOp = 'insertFront' | 'deleteFront' | 'leaveFilter';
export type MetaMode = 'missing' | 'stuckPage' | 'zeroBased' | 'lowTotal' | 'ignorePage';

export type PagingFault =
  | { kind: 'mutate'; op: MutateOp; count: number; afterPage: number; times?: number }
  | { kind: 'emptyPage'; page: number; times?: number }
  | { kind: 'meta'; mode: MetaMode; by?: number; times?: number };

/** List items per part of a page's text (about 40 KB). */
const ITEMS_PER_PART = 64;

export const PAGING_FAULT_KINDS: readonly string[] = ['mutate', 'emptyPage', 'meta'];
const OPS: readonly string[] = ['insertFront', 'deleteFront', 'leaveFilter'];
const MODES: readonly string[] = ['missing', 'stuckPage', 'zeroBased', 'lowTotal', 'ignorePage'];

export function isPagingFault(value: unknown): value is PagingFault {
  return typeof value === 'object' && value !== null && PAGING_FAULT_KINDS.includes(String((value as { kind?: unknown }).kind));
}

/** Validates a paging fault that arrived as JSON; returns an error message or the fault. */
export function parsePagingFault(value: unknown): PagingFault | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The body must be a JSON object.';
  const v = value as Record<string, unknown>;
  const count = (k: string, min: number): number | string | undefined => {
    const x = v[k];
    if (x === undefined) return undefined;
    return typeof x === 'number' && Number.isInteger(x) && x >= min ? x : `${k} must be an integer of at least ${min}.`;
  };
  const times = count('times', 1);
  if (typeof times === 'string') return times;
  const withTimes = times === undefined ? {} : { times };
  switch (v.kind) {
    case 'mutate': {
      if (typeof v.op !== 'string' || !OPS.includes(v.op)) return `op must be one of ${OPS.join(', ')}.`;
      const n = count('count', 1);
      const after = count('afterPage', 1);
      if (typeof n !== 'number') return n ?? 'count is required.';
      if (typeof after !== 'number') return after ?? 'afterPage is required.';
      return { kind: 'mutate', op: v.op as MutateOp, count: n, afterPage: after, ...withTimes };
    }
    case 'emptyPage': {
      const page = count('page', 1);
      if (typeof page !== 'number') return page ?? 'page is required.';
      return { kind: 'emptyPage', page, ...withTimes };
    }
    case 'meta': {
      if (typeof v.mode !== 'string' || !MODES.includes(v.mode)) return `mode must be one of ${MODES.join(', ')}.`;
      const by = count('by', 0);
      if (typeof by === 'string') return by;
      return { kind: 'meta', mode: v.mode as MetaMode, ...(by === undefined ? {} : { by }), ...withTimes };
    }
    default:
      return `kind must be one of ${PAGING_FAULT_KINDS.join(', ')}.`;
  }
}

/** What serving a page needs from the server state. */
export interface PagingHost {
  sims: SimCardDetail[];
  groups: Parameters<typeof makeFrontSims>[1];
  seed: number;
  /** The list item for a SIM, as JSON text. */
  simpleJson(sim: SimCardDetail, includeGroup: boolean): string;
  /** The fleet changed (empties query caches). */
  touch(): void;
}

interface Armed {
  fault: PagingFault;
  left: number;
}

export class PagingFaults {
  private armed: Armed[] = [];

  add(f: PagingFault): void {
    const left = f.times ?? (f.kind === 'meta' ? Number.POSITIVE_INFINITY : 1);
    this.armed.push({ fault: { ...f }, left });
  }

  clear(): void {
    this.armed = [];
  }

  pending(): PagingFault[] {
    return this.armed.map((a) => (Number.isFinite(a.left) ? { ...a.fault, times: a.left } : { ...a.fault }));
  }

  /** The body of one `GET /sim_cards` answer as JSON text in parts, with whatever faults are armed applied. */
  listPage(host: PagingHost, sel: SimSelection, query: Query): string[] {
    const asked = sel.paging.number;
    const meta = this.takeAll((f) => f.kind === 'meta') as Extract<PagingFault, { kind: 'meta' }>[];
    const ignorePage = meta.some((f) => f.mode === 'ignorePage');
    const page = paginate(sel.sims, ignorePage ? { ...sel.paging, number: 1 } : sel.paging);
    const empty = this.takeFirst((f) => f.kind === 'emptyPage' && f.page === asked) !== undefined;
    // Joined from each item's text: the same bytes as JSON.stringify of the whole answer, in parts
    // small enough for V8's ordinary heap (a string over 128 KB costs a fresh mapping each time).
    const items = empty ? [] : page.data.map((s) => host.simpleJson(s, sel.includeGroup));
    const parts = ['{"data":['];
    for (let i = 0; i < items.length; i += ITEMS_PER_PART) parts.push((i > 0 ? ',' : '') + items.slice(i, i + ITEMS_PER_PART).join(','));

    let outMeta: PageMeta | undefined = page.meta;
    for (const f of meta) {
      if (!outMeta) break;
      if (f.mode === 'missing') outMeta = undefined;
      else if (f.mode === 'stuckPage') outMeta = { ...outMeta, page_number: 1 };
      else if (f.mode === 'zeroBased') outMeta = { ...outMeta, page_number: outMeta.page_number - 1 };
      else if (f.mode === 'lowTotal') {
        const total = Math.max(0, outMeta.total_results - (f.by ?? 10));
        outMeta = { ...outMeta, total_results: total, total_pages: Math.ceil(total / outMeta.page_size) };
      }
    }

    // The answer is built: a mutation now only shows on later pages, as if it happened in between.
    for (const f of this.takeAll((x) => x.kind === 'mutate' && x.afterPage === asked)) {
      if (f.kind === 'mutate') mutate(host, f.op, f.count, sel.sims, query);
    }
    parts.push(outMeta ? `],"meta":${JSON.stringify(outMeta)}}` : ']}');
    return parts;
  }

  private takeFirst(match: (f: PagingFault) => boolean): PagingFault | undefined {
    return this.takeAll(match, 1)[0];
  }

  /** Consumes one use of every armed fault that matches (of the first `limit`). */
  private takeAll(match: (f: PagingFault) => boolean, limit = Number.POSITIVE_INFINITY): PagingFault[] {
    const out: PagingFault[] = [];
    for (const a of this.armed) {
      if (out.length >= limit) break;
      if (a.left <= 0 || !match(a.fault)) continue;
      a.left--;
      out.push(a.fault);
    }
    this.armed = this.armed.filter((a) => a.left > 0);
    return out;
  }
}

/** Applies one fleet change; `listed` is the (pre-change) result of the listing's own query. */
function mutate(host: PagingHost, op: MutateOp, count: number, listed: readonly SimCardDetail[], query: Query): void {
  if (op === 'insertFront') {
    host.sims.unshift(...makeFrontSims(host.sims, host.groups, count, host.seed));
    host.sims.sort(compareDefault);
  } else if (op === 'deleteFront') {
    const gone = new Set(listed.slice(0, count).map((s) => s.id));
    for (let i = host.sims.length - 1; i >= 0; i--) if (gone.has(host.sims[i]?.id ?? '')) host.sims.splice(i, 1);
  } else {
    const statuses = (query['filter[status]'] ?? '').split(',').filter((s) => s !== '');
    const tags = (query['filter[tags]'] ?? '').split(',').filter((s) => s !== '');
    const outside = FILTERABLE_STATUSES.find((s) => !statuses.includes(s));
    for (const sim of listed.slice(0, count)) {
      if (statuses.length && outside) sim.status = { value: outside, reason: 'Changed while listing (paging fault).' };
      else if (tags.length) sim.tags = (sim.tags ?? []).filter((t) => !tags.includes(t));
    }
  }
  host.touch();
}
