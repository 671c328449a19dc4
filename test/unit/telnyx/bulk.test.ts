// The fan-out engine against the local Telnyx API over real HTTP, with faults injected:
// whatever happens, the server must have carried out at most one change per SIM.
import * as assert from 'node:assert/strict';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import { actionTasks, nextTags, patchTasks, runBulk, type BulkOptions, type BulkRunResult } from '../../../src/telnyx/bulk';
import { TelnyxClient } from '../../../src/telnyx/client';
import type { SimCardDetail } from '../../../src/telnyx/types';

describe('bulk fan-out engine (local API, fault injection)', function () {
  let api: MockApi;
  let client: TelnyxClient;
  /** SIMs no earlier test touched. */
  let pool: SimCardDetail[];

  before(async () => {
    api = await startMockApi({ sims: 600, seed: 23, actionSettleMs: 30 });
    client = new TelnyxClient({ apiKey: api.apiKey, baseUrl: api.url, timeoutMs: 400, retryBaseDelayMs: 10 });
    pool = api.fleet.sims.filter((s) => s.status?.value === 'enabled' && s.sim_card_group_id);
  });
  after(async () => {
    await api?.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
    api.clearFaults();
    api.settings.rateLimitPerSecond = 0;
  });

  const take = (n: number): SimCardDetail[] => {
    assert.ok(pool.length >= n, 'enough untouched SIMs');
    return pool.splice(0, n);
  };
  const postsTo = (id: string): typeof api.requests =>
    api.requests.filter((r) => r.method === 'POST' && r.path.includes(`/sim_cards/${id}/`));

  /** Counts the actions the server holds for a SIM, read through its own list endpoint. */
  async function serverActions(id: string): Promise<number> {
    const res = await fetch(`${api.url}/sim_card_actions?filter[sim_card_id]=${id}&page[size]=250`, {
      headers: { authorization: `Bearer ${api.apiKey}` },
    });
    const body = (await res.json()) as { data: unknown[] };
    return body.data.length;
  }

  /** Disables `sims` through the engine with `client` (the one under test unless another is given). */
  function disable(sims: readonly SimCardDetail[], opts: BulkOptions, through = client): Promise<BulkRunResult> {
    const ids = sims.map((s) => s.id);
    return runBulk(actionTasks(through, 'disable', ids), opts);
  }
  function assertAllChanged(r: BulkRunResult): void {
    const kinds = r.outcomes.map((o) => o.outcome);
    assert.ok(
      kinds.every((k) => k === 'changed'),
      JSON.stringify(r.outcomes),
    );
  }

  async function assertOneActionEach(sims: readonly SimCardDetail[]): Promise<void> {
    for (const s of sims) assert.equal(await serverActions(s.id), 1, `exactly one action for ${s.id}`);
  }

  it('disables every SIM once under a tight rate limit, reporting progress up to the total', async () => {
    const sims = take(30);
    api.settings.rateLimitPerSecond = 8;
    const progress: [number, number][] = [];
    const r = await disable(sims, { onProgress: (d, t) => progress.push([d, t]) });
    assert.deepEqual(
      r.outcomes.map((o) => o.outcome),
      sims.map(() => 'changed'),
    );
    assert.deepEqual(
      r.outcomes.map((o) => o.simId),
      sims.map((s) => s.id),
    );
    assert.ok(r.outcomes.every((o) => o.action?.action_type === 'disable'));
    assert.ok(
      api.requests.some((q) => q.status === 429),
      'the limit was hit',
    );
    assert.equal(r.rateLimited, api.requests.filter((q) => q.status === 429).length);
    assert.deepEqual(progress.at(-1), [30, 30]);
    assert.deepEqual(
      progress.map((p) => p[0]),
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    await assertOneActionEach(sims);
    for (const s of sims) assert.equal(postsTo(s.id).filter((q) => q.status === 202).length, 1);
  });

  it('waits out a burst of 429s with Retry-After and sends no duplicate', async () => {
    const sims = take(8);
    api.addFault({ kind: 'status', status: 429, retryAfterSeconds: 1, path: '/actions/', times: 5 });
    const r = await disable(sims, { concurrency: 4 });
    assertAllChanged(r);
    assert.equal(r.rateLimited, 5);
    assert.equal(api.requests.filter((q) => q.method === 'POST').length, 8 + 5);
    await assertOneActionEach(sims);
  });

  it('a 5xx after the server acted is read back, not resent', async () => {
    const sims = take(6);
    api.addFault({ kind: 'status', status: 500, after: true, path: '/actions/disable', times: 3 });
    const r = await disable(sims, { verifyDelayMs: 0 });
    assertAllChanged(r);
    assert.equal(api.requests.filter((q) => q.method === 'POST').length, 6);
    assert.equal(api.requests.filter((q) => q.status === 500).length, 3);
    await assertOneActionEach(sims);
  });

  it('a timeout after the server acted is read back, not resent', async () => {
    const sims = take(4);
    api.addFault({ kind: 'delay', delayMs: 1500, after: true, path: '/actions/disable', times: 2 });
    const r = await disable(sims, { verifyDelayMs: 0 });
    assertAllChanged(r);
    assert.equal(api.requests.filter((q) => q.method === 'POST').length, 4);
    await assertOneActionEach(sims);
  });

  it('a 5xx before the server acted is resent once after the read-back shows nothing happened', async () => {
    const sims = take(4);
    api.addFault({ kind: 'status', status: 503, path: '/actions/disable', times: 2 });
    const r = await disable(sims, { verifyDelayMs: 0 });
    assertAllChanged(r);
    assert.equal(api.requests.filter((q) => q.method === 'POST').length, 4 + 2);
    await assertOneActionEach(sims);
  });

  it('cancel mid-run sends nothing more: skipped SIMs got no request', async () => {
    const sims = take(40);
    api.settings.rateLimitPerSecond = 20;
    const ctl = new AbortController();
    const r = await disable(sims, {
      concurrency: 2,
      signal: ctl.signal,
      onProgress: (done) => {
        if (done === 5) ctl.abort();
      },
    });
    assert.equal(r.cancelled, true);
    const skipped = r.outcomes.filter((o) => o.outcome === 'skipped');
    assert.ok(skipped.length >= 30, `skipped ${skipped.length}`);
    for (const o of skipped) {
      assert.equal(postsTo(o.simId).length, 0, `no POST for skipped ${o.simId}`);
      assert.equal(await serverActions(o.simId), 0);
    }
    for (const o of r.outcomes.filter((x) => x.outcome === 'changed')) assert.equal(await serverActions(o.simId), 1);
  });

  it('the API refusing a SIM (no group) fails that SIM with the reason and is not retried', async () => {
    const lone = api.fleet.sims.find((s) => !s.sim_card_group_id && s.status?.value === 'disabled') as SimCardDetail;
    const ok = pool.find((s) => s.status?.value === 'enabled') as SimCardDetail;
    pool.splice(pool.indexOf(ok), 1);
    const r = await runBulk(actionTasks(client, 'set_standby', [lone.id, ok.id]), {});
    assert.equal(r.outcomes[0]?.outcome, 'failed');
    assert.match(r.outcomes[0]?.reason ?? '', /group/);
    assert.equal(r.outcomes[1]?.outcome, 'changed');
    assert.equal(postsTo(lone.id).length, 1);
  });

  it('a rejected API key stops the run after the first answers', async () => {
    const bad = new TelnyxClient({ apiKey: 'not-the-key', baseUrl: api.url });
    const sims = take(20);
    const r = await disable(sims, { concurrency: 2 }, bad);
    assert.ok(r.outcomes.every((o) => o.outcome !== 'changed'));
    assert.ok(api.requests.length <= 2, `sent ${api.requests.length}`);
    assert.ok(r.outcomes.filter((o) => o.outcome === 'skipped').length >= 18);
  });

  it('PATCH edits go through the engine: tags added from each SIM own list, once per SIM even after a 500', async () => {
    const sims = take(5);
    const before = new Map(sims.map((s) => [s.id, [...(s.tags ?? [])]]));
    api.addFault({ kind: 'status', status: 500, after: true, method: 'PATCH', times: 2 });
    const items = sims.map((s) => ({ simId: s.id, patch: { tags: nextTags(s.tags, { mode: 'add', tags: ['bulk-x'] }) } }));
    const r = await runBulk(patchTasks(client, items), { verifyDelayMs: 0 });
    assertAllChanged(r);
    assert.equal(api.requests.filter((q) => q.method === 'PATCH').length, 5);
    for (const s of sims) {
      const old = before.get(s.id) ?? [];
      // Independent expectation: the old list with the new tag appended once.
      assert.deepEqual(s.tags, old.includes('bulk-x') ? old : [...old, 'bulk-x']);
    }
  });

  it('group moves and data limits change the server records', async () => {
    const [a, b] = take(2) as [SimCardDetail, SimCardDetail];
    const target = api.fleet.groups.find((g) => g.id !== a.sim_card_group_id) ?? api.fleet.groups[0];
    const r = await runBulk(
      patchTasks(client, [
        { simId: a.id, patch: { sim_card_group_id: target!.id } },
        { simId: b.id, patch: { data_limit: { amount: '750', unit: 'MB' } } },
      ]),
    );
    assert.ok(r.outcomes.every((o) => o.outcome === 'changed'));
    assert.equal(a.sim_card_group_id, target!.id);
    assert.deepEqual(b.data_limit, { amount: '750', unit: 'MB' });
    const r2 = await runBulk(patchTasks(client, [{ simId: b.id, patch: { data_limit: null } }]));
    assert.equal(r2.outcomes[0]?.outcome, 'changed');
    assert.equal(b.data_limit, undefined);
  });
});

describe('nextTags', () => {
  it('adds, removes and replaces, keeping order and dropping duplicates and blanks', () => {
    assert.deepEqual(nextTags(['a', 'b'], { mode: 'add', tags: ['b', 'c', ' ', 'c'] }), ['a', 'b', 'c']);
    assert.deepEqual(nextTags(['a', 'b', 'c'], { mode: 'remove', tags: ['b', 'x'] }), ['a', 'c']);
    assert.deepEqual(nextTags(['a'], { mode: 'replace', tags: ['z', ' y '] }), ['z', 'y']);
    assert.deepEqual(nextTags(null, { mode: 'add', tags: ['n'] }), ['n']);
    assert.deepEqual(nextTags(['a', 'a'], { mode: 'remove', tags: [] }), ['a']);
  });
});
