// The local Telnyx API caches each query's filtered and sorted SIM list: answers must still
// follow every change to the fleet (actions, their completion, paging-fault mutations).
import * as assert from 'node:assert/strict';
import { generateFleet } from '../../../mock-api/fleet';
import { SelectionCache, selectSims } from '../../../mock-api/query';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import type { Page, SimCard, SimCardDetail } from '../../../src/telnyx/types';
import { call } from './helpers';

async function listAll(api: MockApi, query: string): Promise<string[]> {
  const out: string[] = [];
  for (let n = 1; ; n++) {
    const r = await call<Page<SimCard>>(api, `/sim_cards?${query}&page[number]=${n}&page[size]=100`);
    assert.equal(r.status, 200, r.text);
    out.push(...r.body.data.map((s) => s.id));
    if (n >= r.body.meta.total_pages) return out;
  }
}

const idsWhere = (api: MockApi, pred: (s: SimCardDetail) => boolean): string[] => api.fleet.sims.filter(pred).map((s) => s.id);

describe('mock-api query cache', () => {
  it('shares one list per normalised filter and sort, and drops it when the version changes', () => {
    const fleet = generateFleet({ seed: 3, sims: 300 });
    const cache = new SelectionCache();
    const a = selectSims(fleet.sims, { 'filter[status]': 'enabled,disabled', 'page[number]': '1' }, { cache, version: 1 });
    const b = selectSims(fleet.sims, { 'filter[status]': 'disabled,enabled', 'page[number]': '2' }, { cache, version: 1 });
    assert.equal(a.sims, b.sims, 'same filter in another order, another page: one cached list');
    assert.deepEqual({ hits: cache.hits, misses: cache.misses }, { hits: 1, misses: 1 });
    const c = selectSims(fleet.sims, { 'filter[status]': 'enabled,disabled' }, { cache, version: 2 });
    assert.notEqual(c.sims, a.sims);
    assert.equal(cache.misses, 2);
    const want = fleet.sims.filter((s) => ['enabled', 'disabled'].includes(s.status?.value ?? '')).map((s) => s.id);
    assert.deepEqual(
      c.sims.map((s) => s.id),
      want,
    );
  });

  describe('over HTTP', () => {
    let api: MockApi;
    before(async () => {
      api = await startMockApi({ sims: 400, seed: 21, transitionMs: 20 });
    });
    after(async () => {
      await api.close();
    });
    afterEach(() => api.clearFaults());

    it('an action, and its completion, change the cached filtered list', async () => {
      const enabled = (s: SimCardDetail): boolean => s.status?.value === 'enabled';
      const before = await listAll(api, 'filter[status]=enabled');
      assert.deepEqual(before, idsWhere(api, enabled));
      const target = api.fleet.sims.find((s) => enabled(s) && s.sim_card_group_id);
      assert.ok(target);
      const r = await call(api, `/sim_cards/${target.id}/actions/disable`, { method: 'POST' });
      assert.equal(r.status, 202, r.text);
      const during = await listAll(api, 'filter[status]=enabled');
      assert.ok(!during.includes(target.id), 'the disabling SIM left the enabled list');
      assert.deepEqual(during, idsWhere(api, enabled));
      // The transition ends on a timer (no request): the disabled list must pick it up.
      let disabled: string[] = [];
      for (let i = 0; i < 300 && !disabled.includes(target.id); i++) {
        await new Promise((res) => setTimeout(res, 10));
        disabled = await listAll(api, 'filter[status]=disabled');
      }
      assert.ok(disabled.includes(target.id));
      assert.deepEqual(
        disabled,
        idsWhere(api, (s) => s.status?.value === 'disabled'),
      );
    });

    it('a usage sort stays cached per direction and follows a paging-fault mutation', async () => {
      const sort = 'sort=-current_billing_period_consumed_data.amount';
      const first = await listAll(api, sort);
      assert.equal(first.length, api.fleet.sims.length);
      api.addFault({ kind: 'mutate', op: 'deleteFront', count: 5, afterPage: 1 });
      const gone = first.slice(0, 5);
      await listAll(api, sort); // the mutation lands after its page 1
      const second = await listAll(api, sort);
      assert.equal(second.length, first.length - 5);
      assert.ok(gone.every((id) => !second.includes(id)));
      assert.deepEqual(new Set(second), new Set(api.fleet.sims.map((s) => s.id)));
    });

    it('a page is the canonical JSON of its answer, and the list items follow direct changes to a SIM', async () => {
      const page = async (): Promise<{ text: string; body: Page<SimCard> }> => {
        const r = await call<Page<SimCard>>(api, '/sim_cards?page[number]=1&page[size]=250');
        assert.equal(r.status, 200, r.text);
        return r;
      };
      const first = await page();
      // Joined from cached item texts, yet the same bytes JSON.stringify gives for the whole answer.
      assert.equal(first.text, JSON.stringify(first.body));
      assert.equal(first.body.data.length, 250);
      const total = api.fleet.sims.length;
      assert.deepEqual(first.body.meta, { page_number: 1, page_size: 250, total_pages: Math.ceil(total / 250), total_results: total });
      const listed = first.body.data[3];
      const sim = api.fleet.sims.find((s) => s.id === listed?.id);
      assert.ok(sim);
      // Tests (and the demo) change the fleet by assigning fields, without telling the server.
      sim.tags = ['changed-by-test'];
      const hadLimit = sim.data_limit !== undefined;
      if (hadLimit) delete sim.data_limit;
      else sim.data_limit = { amount: '7', unit: 'MB' };
      const second = await page();
      assert.equal(second.text, JSON.stringify(second.body));
      const item = second.body.data.find((s) => s.id === sim.id);
      assert.deepEqual(item?.tags, ['changed-by-test']);
      assert.deepEqual(item?.data_limit, hadLimit ? undefined : { amount: '7', unit: 'MB' });
      // Every other item is unchanged.
      assert.deepEqual(
        second.body.data.filter((s) => s.id !== sim.id),
        first.body.data.filter((s) => s.id !== sim.id),
      );
    });
  });
});
