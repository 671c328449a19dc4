// Cost of the fleet model at scale, without VS Code: pages of 250 added at 10,000 and
// 100,000 SIMs, time to first roots, sorting and showing a 500-SIM range of the largest
// bucket, Find, and retained heap per SIM. Figures, not a test.
// Usage: tsc -p ./ && node --expose-gc out/bench/fleetModel.js [--sims 10000,100000]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { generateFleet } from '../mock-api/fleet';
import { FleetModel, rowDescription, type FleetNode } from '../src/fleet';
import { buildOverviewModel } from '../src/fleet/overview';
import { defaultOverviewStrings } from '../src/fleet/overviewStrings';
import type { SimCard } from '../src/telnyx/types';

const PAGE = 250;
const LIST_FIELDS = [
  'id',
  'record_type',
  'status',
  'type',
  'iccid',
  'imsi',
  'msisdn',
  'sim_card_group_id',
  'tags',
  'data_limit',
  'current_billing_period_consumed_data',
  'actions_in_progress',
  'created_at',
  'updated_at',
  'esim_installation_status',
  'version',
  'resources_with_in_progress_actions',
  'eid',
  'authorized_imeis',
] as const;

/** List items as JSON from the wire (fresh objects, list fields only). */
function wireSims(count: number): SimCard[] {
  const sims = generateFleet({ seed: 42, sims: count }).sims.map((s) => {
    const o: Record<string, unknown> = {};
    for (const f of LIST_FIELDS) if (f in s) o[f] = (s as unknown as Record<string, unknown>)[f];
    return o;
  });
  return JSON.parse(JSON.stringify(sims)) as SimCard[];
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): number => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

function bench(count: number): Record<string, number | string> {
  const sims = wireSims(count);
  const pages: SimCard[][] = [];
  for (let i = 0; i < sims.length; i += PAGE) pages.push(sims.slice(i, i + PAGE));
  const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
  let firstRootsMs = 0;
  const perPage: number[] = [];
  const t0 = performance.now();
  const load = model.beginLoad();
  pages.forEach((page, i) => {
    const t = performance.now();
    load.addPage(page, { total: count });
    // The view redraws counts while loading: ask for the roots as the tree would.
    model.roots();
    perPage.push(performance.now() - t);
    if (i === 0) firstRootsMs = performance.now() - t0;
  });
  load.end({ kind: 'complete' });
  const totalMs = performance.now() - t0;

  const roots = model.roots();
  const largest = roots.reduce((a, b) => (b.kind === 'bucket' && a.kind === 'bucket' && b.count > a.count ? b : a));
  let t = performance.now();
  const ranges = model.childrenOf(largest);
  const first = ranges[0] as FleetNode;
  const rows = model.childrenOf(first);
  for (const n of rows) if (n.kind === 'sim') rowDescription(n.sim, 'iccid', model.groupsById);
  const expandMs = performance.now() - t;
  t = performance.now();
  model.childrenOf(ranges[ranges.length - 1] as FleetNode);
  const expandAgainMs = performance.now() - t;

  const probe = sims[Math.floor(count * 0.77)] as SimCard;
  const queries = [probe.iccid ?? '', (probe.iccid ?? '').slice(-7), probe.msisdn ?? '', probe.id.slice(0, 8), 'pilot', '89'];
  const findMs: number[] = [];
  for (const q of queries) {
    t = performance.now();
    model.findSims(q, 200);
    findMs.push(performance.now() - t);
  }
  t = performance.now();
  const at = model.locate(probe.id);
  const locateMs = performance.now() - t;
  t = performance.now();
  model.setOptions({ groupBy: 'tag' });
  model.roots();
  const regroupMs = performance.now() - t;
  // One flat list: the regroup, then its first range read at once (before the background merges).
  t = performance.now();
  model.setOptions({ groupBy: 'none' });
  const flatRoots = model.roots();
  const regroupFlatMs = performance.now() - t;
  t = performance.now();
  const flatFirst = flatRoots.find((n) => n.kind === 'range');
  if (flatFirst) model.childrenOf(flatFirst);
  const expandFlatMs = performance.now() - t;
  model.setOptions({ groupBy: 'status' });
  // The Fleet Overview's model: one pass over the loaded fleet.
  t = performance.now();
  buildOverviewModel({ sims: [...model.sims()], groups: [], strings: defaultOverviewStrings() });
  const overviewMs = performance.now() - t;

  const mean = perPage.reduce((a, b) => a + b, 0) / perPage.length;
  return {
    sims: count,
    pageMeanMs: +mean.toFixed(3),
    pageMaxMs: +Math.max(...perPage).toFixed(2),
    totalMs: +totalMs.toFixed(1),
    firstRootsMs: +firstRootsMs.toFixed(2),
    largestBucket: largest.kind === 'bucket' ? `${largest.label} (${largest.count})` : '',
    expandRange500Ms: +expandMs.toFixed(1),
    expandOtherRangeMs: +expandAgainMs.toFixed(2),
    findMaxMs: +Math.max(...findMs).toFixed(2),
    findMeanMs: +(findMs.reduce((a, b) => a + b, 0) / findMs.length).toFixed(2),
    locateMs: +locateMs.toFixed(2),
    locatedIn: at ? `${at.bucketKey} @${at.rangeStart ?? '-'}` : 'not found',
    regroupToTagMs: +regroupMs.toFixed(1),
    regroupToFlatMs: +regroupFlatMs.toFixed(1),
    expandFlatRangeAtOnceMs: +expandFlatMs.toFixed(1),
    overviewModelMs: +overviewMs.toFixed(1),
  };
}

/** Heap retained per SIM: the SIM objects alone, then with the model holding them. */
function retained(count: number): Record<string, number> {
  const base = heap();
  let sims: SimCard[] | undefined = wireSims(count);
  const withSims = heap();
  const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
  model.replaceAll(sims);
  sims = undefined;
  model.findSims('x');
  for (const r of model.roots()) model.childrenOf(r);
  const withModel = heap();
  const out = {
    sims: count,
    simObjectsBytesPerSim: Math.round((withSims - base) / count),
    modelBytesPerSim: Math.round((withModel - withSims) / count),
    totalBytesPerSim: Math.round((withModel - base) / count),
  };
  if (model.size !== count) throw new Error('model lost SIMs');
  return out;
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { sims: { type: 'string', default: '10000,100000' } },
    strict: true,
  });
  const sizes = values.sims
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  if (!gc) console.warn('Run with node --expose-gc for the heap figures.');
  for (const n of sizes) console.log(JSON.stringify(bench(n)));
  if (gc) for (const n of sizes) console.log(JSON.stringify(retained(n)));
}

main();
