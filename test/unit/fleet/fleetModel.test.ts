import assert from 'node:assert/strict';
import { generateFleet } from '../../../mock-api/fleet';
import { FleetModel, type FleetModelChange, type FleetNode, type GroupBy, type LoadStatus, type SortKey } from '../../../src/fleet';
import type { SimCard } from '../../../src/telnyx/types';
import { sim } from './fixtures';
import { summarizeAttention, type AttentionSummary } from '../../../src/fleet/attention';
import { ALL_KEY } from '../../../src/fleet/grouping';

const fleet = generateFleet({ seed: 7, sims: 3000 });
/** List items as the API sends them (copies, so tests may not share objects). */
const SIMS: SimCard[] = fleet.sims.map((s) => ({ ...s }));

/** A small deterministic PRNG so random page orders repeat. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function shuffledPages(sims: readonly SimCard[], seed: number): SimCard[][] {
  const r = rng(seed);
  const pages: SimCard[][] = [];
  for (let i = 0; i < sims.length;) {
    const size = 1 + Math.floor(r() * 300);
    pages.push(sims.slice(i, i + size));
    i += size;
  }
  for (let i = pages.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [pages[i], pages[j]] = [pages[j] as SimCard[], pages[i] as SimCard[]];
  }
  return pages;
}

/** Bucket counts computed the plain way, independently of the model's bucketing code. */
function expectedCounts(sims: readonly SimCard[], by: GroupBy): Map<string, number> {
  const out = new Map<string, number>();
  const inc = (k: string): void => void out.set(k, (out.get(k) ?? 0) + 1);
  for (const s of sims) {
    if (by === 'status') inc(`status:${s.status?.value ?? 'unknown'}`);
    else if (by === 'tag') {
      const tags = [...new Set(s.tags ?? [])];
      if (tags.length === 0) inc('tag:');
      for (const t of tags) inc(`tag:${t}`);
    } else if (by === 'group') inc(`group:${s.sim_card_group_id ?? ''}`);
    else if (by === 'type') inc(`type:${s.type ?? ''}`);
    else inc('all');
  }
  return out;
}

function sortedMap(m: Map<string, number>): [string, number][] {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function load(model: FleetModel, pages: readonly (readonly SimCard[])[], touch = false): void {
  const l = model.beginLoad();
  for (const p of pages) {
    l.addPage(p, { total: SIMS.length });
    // Showing the tree while pages arrive exercises the merge-into-sorted path.
    if (touch) for (const root of model.roots()) model.childrenOf(root);
  }
  l.end({ kind: 'complete' });
}

describe('fleet/FleetModel', () => {
  it('counts per bucket equal a plain count over the same SIMs, for every grouping', () => {
    for (const by of ['status', 'tag', 'group', 'type', 'none'] as const) {
      const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: by });
      load(model, shuffledPages(SIMS, 1));
      assert.deepEqual(sortedMap(model.bucketCounts()), sortedMap(expectedCounts(SIMS, by)), by);
      if (by !== 'none') {
        const roots = model.roots();
        assert.equal(
          roots.reduce((n, r) => n + (r.kind === 'bucket' ? r.count : 0), 0),
          [...expectedCounts(SIMS, by).values()].reduce((a, b) => a + b, 0),
        );
      }
    }
  });

  it('incremental pages in random orders give the same buckets and order as one rebuild', () => {
    for (const sort of ['iccid', 'msisdn'] as SortKey[]) {
      const rebuilt = new FleetModel({ filter: {}, sort, groupBy: 'tag' });
      rebuilt.replaceAll(SIMS);
      for (const seed of [2, 3, 4]) {
        const model = new FleetModel({ filter: {}, sort, groupBy: 'tag' });
        load(model, shuffledPages(SIMS, seed), seed !== 2);
        assert.deepEqual(sortedMap(model.bucketCounts()), sortedMap(rebuilt.bucketCounts()));
        for (const key of rebuilt.bucketCounts().keys()) {
          assert.deepEqual(
            model.bucketSims(key).map((s) => s.id),
            rebuilt.bucketSims(key).map((s) => s.id),
            `${sort} ${key}`,
          );
        }
      }
    }
  });

  it('sorts a bucket by ICCID as text, checked against a plain comparison', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    load(model, shuffledPages(SIMS, 5), true);
    const enabled = SIMS.filter((s) => s.status?.value === 'enabled').map((s) => s.iccid ?? '');
    enabled.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(
      model.bucketSims('status:enabled').map((s) => s.iccid),
      enabled,
    );
  });

  it('updateSim moves a SIM between buckets, counts follow, and the event names both buckets', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    model.replaceAll(SIMS);
    const target = SIMS.find((s) => s.status?.value === 'enabled') as SimCard;
    const before = model.bucketCounts();
    const events: FleetModelChange[] = [];
    model.onDidChange((e) => events.push(e));
    model.updateSim({ ...target, status: { value: 'disabled', reason: null } });
    const after = model.bucketCounts();
    assert.equal(after.get('status:enabled'), (before.get('status:enabled') ?? 0) - 1);
    assert.equal(after.get('status:disabled'), (before.get('status:disabled') ?? 0) + 1);
    assert.equal(events.length, 1);
    assert.deepEqual([...(events[0]?.bucketKeys ?? [])].sort(), ['status:disabled', 'status:enabled']);
    assert.equal(model.getSim(target.id)?.status?.value, 'disabled');
  });

  it('onDidUpdateSim names each SIM updateSim put in place, and nothing a load brought', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    const updated: SimCard[] = [];
    model.onDidUpdateSim((s) => updated.push(s));
    load(model, shuffledPages(SIMS.slice(0, 600), 3));
    model.replaceAll(SIMS);
    assert.deepEqual(updated, [], 'loads are reported by onDidChange only');
    const [a, b] = SIMS.filter((s) => s.status?.value === 'enabled');
    assert.ok(a && b);
    const disabling = { ...a, status: { value: 'disabling', reason: null } };
    const disabled = { ...a, status: { value: 'disabled', reason: null } };
    const tagged = { ...b, tags: ['moved'] };
    model.updateSim(disabling);
    model.updateSim(tagged);
    model.updateSim(disabled);
    assert.deepEqual(updated, [disabling, tagged, disabled]);
  });

  it('statusCounts follow pages, updates and removals, equal to a plain count of the shown SIMs', () => {
    const plain = (sims: Iterable<SimCard>): [string, number][] => {
      const out = new Map<string, number>();
      for (const s of sims) {
        const v = typeof s.status?.value === 'string' && s.status.value.trim() !== '' ? s.status.value.trim() : 'unknown';
        out.set(v, (out.get(v) ?? 0) + 1);
      }
      return sortedMap(out);
    };
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'tag' });
    const l = model.beginLoad();
    const pages = shuffledPages(SIMS, 9);
    const seen: SimCard[] = [];
    for (const p of pages.slice(0, 3)) {
      l.addPage(p, { total: SIMS.length });
      seen.push(...p);
      assert.deepEqual(sortedMap(new Map(model.statusCounts())), plain(seen));
    }
    for (const p of pages.slice(3)) l.addPage(p, { total: SIMS.length });
    l.end({ kind: 'complete' });
    const a = SIMS.find((s) => s.status?.value === 'enabled') as SimCard;
    const b = SIMS.find((s) => s.status?.value === 'standby') as SimCard;
    model.updateSim({ ...a, status: { value: 'disabled', reason: null } });
    model.updateSim({ ...b, status: null });
    model.removeSim((SIMS[10] as SimCard).id);
    assert.deepEqual(sortedMap(new Map(model.statusCounts())), plain(model.sims()));
    assert.equal(model.statusCounts().get('unknown'), 1);
  });

  it('keeps each bucket in order through pages, updates that move a SIM, and removals (checked against a plain sort)', () => {
    const bytes = (s: SimCard): number => {
      const amount = Number(s.current_billing_period_consumed_data?.amount);
      const unit = s.current_billing_period_consumed_data?.unit;
      const scale: Record<string, number> = { B: 1, KB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 }; // Telnyx bills in binary multiples
      return amount * (scale[unit ?? ''] ?? NaN);
    };
    const model = new FleetModel({ filter: {}, sort: 'dataUsedDesc', groupBy: 'none' });
    const l = model.beginLoad();
    const pages = shuffledPages(SIMS, 11);
    const loaded: SimCard[] = [];
    pages.forEach((p, i) => {
      l.addPage(p, { total: SIMS.length });
      loaded.push(...p);
      if (i % 4 === 0) model.childrenOf(); // shown while loading, as the tree does
    });
    l.end({ kind: 'complete' });
    const current = new Map(loaded.map((s, i) => [s.id, { sim: s, seq: i }]));
    // Move some SIMs to the top and the bottom, and drop some.
    const r = rng(12);
    for (let i = 0; i < 40; i++) {
      const s = loaded[Math.floor(r() * loaded.length)] as SimCard;
      const amount = i % 2 === 0 ? '999999.0' : '0.0';
      const changed = { ...s, current_billing_period_consumed_data: { amount, unit: 'GB' } };
      model.updateSim(changed);
      const seq = current.get(s.id)?.seq ?? -1;
      current.set(s.id, { sim: changed, seq });
      if (i % 10 === 0) model.childrenOf();
    }
    for (let i = 0; i < 25; i++) {
      const s = loaded[Math.floor(r() * loaded.length)] as SimCard;
      model.removeSim(s.id);
      current.delete(s.id);
    }
    const expected = [...current.values()]
      .filter((x) => Number.isFinite(bytes(x.sim)))
      .sort((a, b) => bytes(b.sim) - bytes(a.sim) || a.seq - b.seq)
      .map((x) => x.sim.id);
    const shown = model.bucketSims('all').map((s) => s.id);
    assert.equal(shown.length, current.size);
    assert.deepEqual(shown.slice(0, expected.length), expected, 'SIMs with usage, most first, ties in arrival order');
  });

  it('updateSim drops a SIM that leaves the filter; an emptied bucket leaves the roots', () => {
    const a = sim({ status: { value: 'standby' } });
    const b = sim({ status: { value: 'enabled' } });
    const model = new FleetModel({ filter: { status: ['standby', 'enabled'] }, sort: 'iccid', groupBy: 'status' });
    model.replaceAll([a, b, sim({ status: { value: 'disabled' } })]);
    assert.equal(model.size, 2, 'the client applies the filter too');
    model.updateSim({ ...a, status: { value: 'disabled' } });
    assert.equal(model.size, 1);
    assert.deepEqual(
      model.roots().map((r) => r.id),
      ['bucket/status:enabled'],
    );
  });

  it('keeps the previous list (and its counts) during a refresh until the new load ends', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    model.replaceAll(SIMS);
    const full = model.bucketCounts();
    const l = model.beginLoad();
    l.addPage(SIMS.slice(0, 250), { total: SIMS.length });
    assert.deepEqual(model.bucketCounts(), full);
    assert.deepEqual(model.status, { kind: 'loading', loaded: 250, total: SIMS.length, retry: undefined, showingPrevious: true });
    l.addPage(SIMS.slice(250, 2900));
    l.end({ kind: 'partial', expected: SIMS.length, reason: 'the fleet changed while loading' });
    assert.equal(model.size, 2900);
    assert.equal(model.status.kind, 'partial');
    // An error during a refresh keeps the last list.
    const l2 = model.beginLoad();
    l2.addPage(SIMS.slice(0, 10));
    l2.end({ kind: 'error', error: new Error('boom') });
    assert.equal(model.size, 2900);
    const st = model.status as LoadStatus;
    assert.equal(st.kind === 'error' && st.hasData, true);
    // A superseded load is ignored.
    const stale = model.beginLoad();
    const fresh = model.beginLoad();
    stale.addPage(SIMS.slice(0, 5));
    stale.end({ kind: 'complete' });
    assert.equal((model.status as LoadStatus).kind, 'loading');
    fresh.end({ kind: 'complete' });
    assert.equal(model.size, 0);
  });

  it('a new filter drops the old list and shows pages as they arrive', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    model.replaceAll(SIMS);
    const change = model.setOptions({ filter: { tags: ['pilot'] } });
    assert.equal(change.request, true);
    const l = model.beginLoad();
    const pilots = SIMS.filter((s) => (s.tags ?? []).includes('pilot'));
    l.addPage(pilots.slice(0, 3));
    assert.equal(model.size, 3);
  });

  it('a new sort after a paged load (bucket already shown) keeps every SIM, in the new order', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    load(model, shuffledPages(SIMS, 9), true);
    model.bucketSims('status:enabled'); // merged into one run while sorted by ICCID
    model.setOptions({ sort: 'msisdn' });
    const digits = (s: SimCard): string => (s.msisdn ?? '').replace(/\D/g, '');
    const shown = model.bucketSims('status:enabled');
    const enabled = SIMS.filter((s) => s.status?.value === 'enabled');
    assert.equal(shown.length, enabled.length, 'no SIM lost by the new sort');
    assert.deepEqual(shown.map((s) => s.id).sort(), enabled.map((s) => s.id).sort());
    const withNumber = shown.filter((s) => digits(s) !== '').map(digits);
    assert.deepEqual(
      withNumber,
      [...withNumber].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      'in MSISDN order',
    );
    // And back, and through a regroup: counts and contents still equal a plain count.
    model.setOptions({ sort: 'iccid' });
    model.setOptions({ groupBy: 'tag' });
    for (const [key, count] of expectedCounts(SIMS, 'tag')) assert.equal(model.bucketSims(key).length, count, key);
  });

  it('regrouping under the same sort gives every bucket the SIMs and order of a model built in that grouping', () => {
    const groupings = ['status', 'tag', 'group', 'none'] as const;
    const rebuilt = new Map(
      groupings.map((by) => {
        const m = new FleetModel({ filter: {}, sort: 'iccid', groupBy: by });
        m.replaceAll(SIMS);
        return [by, m] as const;
      }),
    );
    for (const from of groupings) {
      for (const to of groupings) {
        if (from === to) continue;
        const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: from });
        load(model, shuffledPages(SIMS, 17), true);
        model.setOptions({ groupBy: to });
        const reference = rebuilt.get(to) as FleetModel;
        assert.deepEqual(sortedMap(model.bucketCounts()), sortedMap(reference.bucketCounts()), `${from} → ${to}`);
        for (const key of reference.bucketCounts().keys()) {
          const iccids = model.bucketSims(key).map((s) => s.iccid ?? '');
          assert.deepEqual(
            iccids,
            [...iccids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
            `${from} → ${to}: ${key} in ICCID order`,
          );
          assert.deepEqual(
            model.bucketSims(key).map((s) => s.id),
            reference.bucketSims(key).map((s) => s.id),
            `${from} → ${to}: ${key}`,
          );
        }
      }
    }
  });

  it('after a new sort order the background sorts large buckets a slice at a time; reads meanwhile and after are in the new order', async () => {
    const big = generateFleet({ seed: 23, sims: 12_000 }).sims;
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'none' });
    load(model, shuffledPages(big, 3));
    model.setOptions({ sort: 'msisdn' });
    const digits = (s: SimCard): string => (s.msisdn ?? '').replace(/\D/g, '');
    const want = big
      .filter((s) => digits(s) !== '')
      .map(digits)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const shownNumbers = (): string[] =>
      model
        .bucketSims(ALL_KEY)
        .map(digits)
        .filter((d) => d !== '');
    // Let a few background turns run, read in the middle, then let it finish and read again.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(shownNumbers(), want);
    model.setOptions({ sort: 'iccid' });
    model.setOptions({ sort: 'msisdn' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(shownNumbers(), want);
    assert.equal(model.bucketSims(ALL_KEY).length, big.length);
  });

  it('a refresh keeps the record it holds for a SIM that did not change, and takes the new one for a SIM that did', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    model.replaceAll(SIMS);
    const held = new Map(SIMS.map((s) => [s.id, model.getSim(s.id)]));
    const fresh: SimCard[] = SIMS.map((s) => structuredClone(s));
    const statusChanged = { ...(fresh[5] as SimCard), status: { value: 'standby', reason: 'refresh-test' } };
    const limitChanged = { ...(fresh[9] as SimCard), data_limit: { amount: '12345', unit: 'MB' } };
    fresh[5] = statusChanged;
    fresh[9] = limitChanged;
    const changedIds = new Set([statusChanged.id, limitChanged.id]);
    for (const s of [statusChanged, limitChanged]) {
      assert.notEqual(JSON.stringify(s), JSON.stringify(SIMS.find((o) => o.id === s.id)));
    }
    const load = model.beginLoad();
    load.addPage(fresh, { total: fresh.length });
    load.end({ kind: 'complete' });
    for (const s of fresh) {
      const now = model.getSim(s.id);
      assert.equal(JSON.stringify(now), JSON.stringify(s), s.id);
      if (changedIds.has(s.id)) assert.notEqual(now, held.get(s.id), `${s.id} changed: the new record`);
      else assert.equal(now, held.get(s.id), `${s.id} unchanged: the record already held`);
    }
    assert.equal(
      model.bucketSims('status:standby').some((s) => s.id === statusChanged.id),
      true,
    );
  });

  it('merges buckets in the background after a load; updates meanwhile still read back in order', async () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    load(model, shuffledPages(SIMS, 13));
    // While the background merge runs, a SIM changes status and another changes ICCID order.
    const moved = SIMS.find((s) => s.status?.value === 'enabled') as SimCard;
    model.updateSim({ ...moved, status: { value: 'disabled' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const expected = SIMS.map((s) => (s.id === moved.id ? { ...s, status: { value: 'disabled' } } : s));
    for (const status of ['enabled', 'disabled']) {
      const want = expected
        .filter((s) => s.status?.value === status)
        .map((s) => s.iccid ?? '')
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      assert.deepEqual(
        model.bucketSims(`status:${status}`).map((s) => s.iccid ?? ''),
        want,
        status,
      );
    }
  });

  it('setOptions: client sorts and regrouping need no request; a filter or a new API sort does', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    model.replaceAll(SIMS);
    assert.equal(model.setOptions({ sort: 'msisdn' }).request, false);
    assert.equal(model.setOptions({ groupBy: 'tag' }).request, false);
    assert.deepEqual(sortedMap(model.bucketCounts()), sortedMap(expectedCounts(SIMS, 'tag')));
    assert.equal(model.setOptions({ sort: 'dataUsedDesc' }).request, true);
    assert.equal(model.setOptions({ filter: { iccid: '89' } }).request, true);
    assert.equal(model.setOptions({ filter: { iccid: '89' } }).request, false, 'same filter');
  });

  it('gives stable ids and the same bucket objects across a refresh', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' }, 500);
    model.replaceAll(SIMS);
    const ids = (nodes: FleetNode[]): string[] => nodes.map((n) => n.id);
    const roots1 = model.roots();
    const enabled1 = roots1.find((r) => r.id === 'bucket/status:enabled') as FleetNode;
    const kids1 = ids(model.childrenOf(enabled1));
    assert.ok(kids1.length > 1 && kids1.every((id) => id.startsWith('range/status:enabled/')));
    load(model, shuffledPages(SIMS, 9));
    const roots2 = model.roots();
    assert.deepEqual(ids(roots2), ids(roots1));
    assert.equal(
      roots2.find((r) => r.id === 'bucket/status:enabled'),
      enabled1,
    );
    assert.deepEqual(ids(model.childrenOf(enabled1)), kids1);
  });

  it('locate gives the path through the range, and parentOf walks it back', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'none' }, 500);
    model.replaceAll(SIMS);
    const byIccid = [...SIMS].sort((a, b) => ((a.iccid ?? '') < (b.iccid ?? '') ? -1 : 1));
    const target = byIccid[1234] as SimCard;
    const at = model.locate(target.id);
    assert.ok(at);
    assert.equal(at.index, 1234);
    assert.equal(at.rangeStart, 1001);
    assert.deepEqual(
      at.path.map((n) => n.id),
      ['range/all/1001', `sim/all/${target.id}`],
    );
    const [range, simNode] = at.path;
    assert.ok(range && simNode);
    assert.equal(model.parentOf(simNode), range);
    assert.equal(model.parentOf(range), undefined);
    assert.ok(model.childrenOf(range).some((n) => n.id === simNode.id));
    assert.equal(range.kind === 'range' && range.label, `1,001–1,500 of 3,000 (sorted by ICCID)`);
  });

  it('findSims matches ICCID parts, MSISDN typed with spaces or dashes, ids and tags', () => {
    const model = new FleetModel({ filter: {}, sort: 'iccid', groupBy: 'status' });
    model.replaceAll(SIMS);
    const t = SIMS[1500] as SimCard;
    const msisdn = t.msisdn ?? '';
    const spaced = `${msisdn.slice(0, 3)} ${msisdn.slice(3, 6)}-${msisdn.slice(6)}`;
    assert.equal(model.findSims(spaced)[0]?.id, t.id);
    assert.equal(model.findSims(t.id)[0]?.id, t.id);
    assert.equal(model.findSims(t.id.toUpperCase())[0]?.id, t.id);
    assert.equal(model.findSims(t.iccid ?? '')[0]?.id, t.id, 'exact match first');
    const tail = (t.iccid ?? '').slice(-8);
    const expected = SIMS.filter(
      (s) => [s.iccid, s.imsi, s.id].some((v) => (v ?? '').includes(tail)) || (s.msisdn ?? '').replace(/\D/g, '').includes(tail),
    );
    assert.deepEqual(
      model
        .findSims(tail, 1000)
        .map((s) => s.id)
        .sort(),
      expected.map((s) => s.id).sort(),
    );
    const pilots = SIMS.filter((s) => (s.tags ?? []).includes('pilot')).length;
    assert.equal(model.findSims('PILOT', 100000).length, pilots);
    assert.deepEqual(model.findSims('no-such-thing'), []);
    assert.deepEqual(model.findSims('   '), []);
    model.updateSim({ ...t, tags: ['renamed-tag'] });
    assert.equal(model.findSims('renamed-tag')[0]?.id, t.id);
  });

  it('findSims forgets a SIM that leaves the filtered list, and finds it once when it comes back', () => {
    const model = new FleetModel({ filter: { status: ['enabled'] }, sort: 'iccid', groupBy: 'status' });
    const enabled = SIMS.filter((s) => s.status?.value === 'enabled');
    model.replaceAll(enabled);
    const t = enabled[100] as SimCard;
    const iccid = t.iccid ?? '';
    assert.deepEqual(
      model.findSims(iccid).map((s) => s.id),
      [t.id],
    );
    model.updateSim({ ...t, status: { value: 'disabled' } });
    assert.deepEqual(model.findSims(iccid), [], 'a disabled SIM left the enabled-only list');
    model.updateSim({ ...t, tags: ['back-again'] });
    assert.deepEqual(
      model.findSims(iccid).map((s) => s.id),
      [t.id],
      'found once after coming back',
    );
    assert.deepEqual(
      model.findSims('back-again').map((s) => s.id),
      [t.id],
    );
    // Every other enabled SIM is still found by its ICCID after the index was rebuilt around the change.
    const other = enabled[101] as SimCard;
    assert.deepEqual(
      model.findSims(other.iccid ?? '').map((s) => s.id),
      [other.id],
    );
  });

  describe('needs attention, kept as SIMs arrive', () => {
    const groupsById = new Map(fleet.groups.map((g) => [g.id, g]));
    /** A model with the groups and every SIM loaded. */
    const loadedModel = (): FleetModel => {
      const model = new FleetModel();
      model.setGroups(fleet.groups);
      model.replaceAll(SIMS);
      return model;
    };
    /** Reason -> set of SIM ids: the summary without its order. */
    const asSets = (summary: AttentionSummary): Record<string, Set<string>> =>
      Object.fromEntries(Object.entries(summary.simIds).map(([reason, ids]) => [reason, new Set(ids)]));

    it('equals a summary of the loaded SIMs after every page, with groups arriving mid-load', () => {
      const model = new FleetModel();
      const l = model.beginLoad();
      const pages = shuffledPages(SIMS, 5);
      const loaded: SimCard[] = [];
      pages.forEach((page, i) => {
        if (i === Math.floor(pages.length / 3)) model.setGroups(fleet.groups);
        l.addPage(page);
        loaded.push(...page);
        if (i % 5 === 0 || i === pages.length - 1) {
          const groups = i >= Math.floor(pages.length / 3) ? groupsById : new Map();
          assert.deepEqual(asSets(model.attentionSummary()), asSets(summarizeAttention(loaded, groups)), `after page ${i}`);
        }
      });
      l.end({ kind: 'complete' });
      const summary = model.attentionSummary();
      assert.ok(summary.total > 100 && summary.counts.nearLimit > 0, 'the fleet exercises the reasons');
      assert.equal(model.attentionSummary(), summary, 'read again without a change: the same summary');
    });

    it('follows updates, removals and the threshold', () => {
      const model = loadedModel();
      const fine = SIMS.find((s) => model.attentionSummary().simIds.limitExceeded.indexOf(s.id) < 0 && s.sim_card_group_id);
      assert.ok(fine);
      const exceeded = { ...fine, status: { value: 'data_limit_exceeded', reason: null } };
      model.updateSim(exceeded);
      assert.ok(model.attentionSummary().simIds.limitExceeded.includes(fine.id));
      const current = SIMS.map((s) => (s.id === fine.id ? exceeded : s));
      assert.deepEqual(asSets(model.attentionSummary()), asSets(summarizeAttention(current, groupsById)));
      model.removeSim(fine.id);
      const remaining = current.filter((s) => s.id !== fine.id);
      assert.deepEqual(asSets(model.attentionSummary()), asSets(summarizeAttention(remaining, groupsById)));
      model.setAttentionThreshold(50);
      const at50 = summarizeAttention(remaining, groupsById, 50);
      assert.ok(at50.counts.nearLimit > summarizeAttention(remaining, groupsById).counts.nearLimit, 'a lower threshold flags more');
      assert.deepEqual(asSets(model.attentionSummary()), asSets(at50));
    });

    it('works the reasons out again when a group limit changes, not when the same groups come again', () => {
      const model = loadedModel();
      const before = model.attentionSummary();
      // Every load fetches the groups again: the same limits keep the index (and the summary) as it is.
      model.setGroups(fleet.groups.map((g) => ({ ...g, name: `${String(g.name)} (renamed)` })));
      assert.equal(model.attentionSummary(), before);
      // A group whose limit is now tiny puts its SIMs without a limit of their own over it.
      const target = fleet.groups.find((g) => SIMS.some((s) => s.sim_card_group_id === g.id && !s.data_limit));
      assert.ok(target);
      const lowered = fleet.groups.map((g) => (g.id === target.id ? { ...g, data_limit: { amount: '0.001', unit: 'MB' } } : g));
      model.setGroups(lowered);
      const expected = summarizeAttention(SIMS, new Map(lowered.map((g) => [g.id, g])));
      assert.ok(expected.counts.limitExceeded > before.counts.limitExceeded, 'the lowered limit flags more SIMs');
      assert.deepEqual(asSets(model.attentionSummary()), asSets(expected));
    });

    it('keeps the shown summary while a refresh loads, and swaps it when the load ends', () => {
      const model = loadedModel();
      const before = model.attentionSummary();
      const half = SIMS.slice(0, 1500);
      const l = model.beginLoad();
      l.addPage(half);
      assert.equal(model.attentionSummary(), before, 'the previous list is still shown');
      l.end({ kind: 'complete' });
      assert.deepEqual(asSets(model.attentionSummary()), asSets(summarizeAttention(half, groupsById)));
    });
  });
});
