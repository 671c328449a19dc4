import * as assert from 'node:assert/strict';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import type { Page, SimCard, SimCardAction, SimCardDetail, SimCardGroup, WirelessConnectivityLog } from '../../../src/telnyx/types';
import { amountToBytes } from '../../../src/telnyx/units';
import { call, type ErrorBody } from './helpers';
import { at } from '../helpers/at';

/** Every SIM the list returns for `query`, walking all pages of 250. */
async function listAll(api: MockApi, query: string): Promise<SimCard[]> {
  const out: SimCard[] = [];
  for (let n = 1; ; n++) {
    const r = await call<Page<SimCard>>(api, `/sim_cards?${query}${query ? '&' : ''}page[number]=${n}&page[size]=250`);
    assert.equal(r.status, 200, r.text);
    out.push(...r.body.data);
    if (n >= r.body.meta.total_pages) return out;
  }
}

const ids = (xs: { id: string }[]): string[] => xs.map((x) => x.id).sort();

describe('mock-api semantics', () => {
  let api: MockApi;
  before(async () => {
    api = await startMockApi({ port: 0, sims: 600, seed: 11, transitionMs: 30 });
  });
  after(async () => {
    await api.close();
  });

  it('filter[status] is any-of over a comma list (encoded and plain brackets)', async () => {
    const want = api.fleet.sims.filter((s) => ['disabled', 'standby'].includes(s.status?.value ?? ''));
    assert.ok(want.length > 0);
    assert.deepEqual(ids(await listAll(api, 'filter[status]=disabled,standby')), ids(want));
    assert.deepEqual(ids(await listAll(api, 'filter%5Bstatus%5D=disabled%2Cstandby')), ids(want));
    const r = await call<ErrorBody>(api, '/sim_cards?filter[status]=bogus');
    assert.equal(r.status, 422);
    assert.equal(at(r.body.errors, 0).source?.parameter, 'filter[status]');
  });

  it("accepts other clients' array styles: repeated [] keys and [n] indices", async () => {
    const want = api.fleet.sims.filter((s) => ['disabled', 'standby'].includes(s.status?.value ?? ''));
    assert.deepEqual(ids(await listAll(api, 'filter%5Bstatus%5D%5B%5D=disabled&filter[status][]=standby')), ids(want));
    assert.deepEqual(ids(await listAll(api, 'filter[status][0]=disabled&filter[status][1]=standby')), ids(want));
  });

  it('filter[tags] needs ALL tags', async () => {
    const pair = ['fleet-a', 'trackers'];
    const want = api.fleet.sims.filter((s) => pair.every((t) => s.tags?.includes(t)));
    const anyOf = api.fleet.sims.filter((s) => pair.some((t) => s.tags?.includes(t)));
    assert.ok(want.length > 0 && anyOf.length > want.length);
    assert.deepEqual(ids(await listAll(api, 'filter[tags]=fleet-a,trackers')), ids(want));
  });

  it('filter[iccid] is a substring match, filter[msisdn] exact with or without +', async () => {
    const sim = at(api.fleet.sims, 123);
    const part = (sim.iccid ?? '').slice(6, 13);
    const want = api.fleet.sims.filter((s) => (s.iccid ?? '').includes(part));
    const got = await listAll(api, `filter[iccid]=${part}`);
    assert.deepEqual(ids(got), ids(want));
    assert.ok(got.some((s) => s.id === sim.id));

    const msisdn = sim.msisdn ?? '';
    for (const q of [encodeURIComponent(msisdn), msisdn.slice(1)]) {
      assert.deepEqual(ids(await listAll(api, `filter[msisdn]=${q}`)), [sim.id]);
    }
    assert.deepEqual(await listAll(api, `filter[msisdn]=${msisdn.slice(1, -1)}`), []);
  });

  it('filter[sim_card_group_id] and include_sim_card_group', async () => {
    const g = at(api.fleet.groups, 1);
    const want = api.fleet.sims.filter((s) => s.sim_card_group_id === g.id);
    assert.deepEqual(ids(await listAll(api, `filter[sim_card_group_id]=${g.id}`)), ids(want));

    const withGroup = await listAll(api, 'include_sim_card_group=true');
    assert.equal(withGroup.length, api.fleet.sims.length);
    for (const s of withGroup) {
      if (s.sim_card_group_id) assert.equal(s.sim_card_group?.id, s.sim_card_group_id);
      else assert.equal(s.sim_card_group, undefined);
    }
    const plain = await listAll(api, '');
    assert.ok(plain.every((s) => s.sim_card_group === undefined));
    // List items are SimpleSIMCard: no live detail fields.
    assert.ok(plain.every((s) => !('current_imei' in s) && !('live_data_session' in s)));
  });

  it('combines filters', async () => {
    const want = api.fleet.sims.filter((s) => s.status?.value === 'enabled' && s.tags?.includes('meters'));
    assert.ok(want.length > 0);
    assert.deepEqual(ids(await listAll(api, 'filter[status]=enabled&filter[tags]=meters')), ids(want));
  });

  it('sorts by consumed data numerically across MB and GB, both ways', async () => {
    const bytes = (s: SimCard): number => amountToBytes(s.current_billing_period_consumed_data) ?? -1;
    const asc = await listAll(api, 'sort=current_billing_period_consumed_data.amount');
    const desc = await listAll(api, 'sort=-current_billing_period_consumed_data.amount');
    assert.equal(asc.length, api.fleet.sims.length);
    assert.ok(asc.some((s) => s.current_billing_period_consumed_data?.unit === 'GB'));
    for (let i = 1; i < asc.length; i++) assert.ok(bytes(at(asc, i - 1)) <= bytes(at(asc, i)), `asc at ${i}`);
    for (let i = 1; i < desc.length; i++) assert.ok(bytes(at(desc, i - 1)) >= bytes(at(desc, i)), `desc at ${i}`);
    // A string sort would put "9.0" MB after "10.0" GB; prove units matter.
    const top = at(desc, 0);
    assert.equal(bytes(top), Math.max(...api.fleet.sims.map(bytes)));

    const bad = await call<ErrorBody>(api, '/sim_cards?sort=iccid');
    assert.equal(bad.status, 422);
    assert.equal(at(bad.body.errors, 0).source?.parameter, 'sort');
  });

  it('pages: defaults, totals, every SIM exactly once, past-the-end is empty', async () => {
    const first = await call<Page<SimCard>>(api, '/sim_cards');
    assert.equal(first.body.data.length, 20);
    assert.deepEqual(first.body.meta, { page_number: 1, page_size: 20, total_pages: 30, total_results: 600 });

    const seen: string[] = [];
    for (let n = 1; n <= 7; n++) {
      const r = await call<Page<SimCard>>(api, `/sim_cards?page[number]=${n}&page[size]=97`);
      assert.deepEqual(r.body.meta, { page_number: n, page_size: 97, total_pages: 7, total_results: 600 });
      seen.push(...r.body.data.map((s) => s.id));
    }
    assert.equal(seen.length, 600);
    assert.deepEqual([...seen].sort(), ids(api.fleet.sims));
    // Default order is stable: created_at, then id.
    const created = seen.map((id) => api.fleet.sims.find((s) => s.id === id)?.created_at ?? '');
    assert.deepEqual(created, [...created].sort());

    const past = await call<Page<SimCard>>(api, '/sim_cards?page[number]=8&page[size]=97');
    assert.equal(past.status, 200);
    assert.deepEqual(past.body.data, []);
    assert.equal(past.body.meta.total_results, 600);
  });

  for (const size of ['0', '251', 'abc']) {
    it(`rejects page[size]=${size} with 422 and the envelope`, async () => {
      const r = await call<ErrorBody>(api, `/sim_cards?page%5Bsize%5D=${size}`);
      assert.equal(r.status, 422);
      const error = at(r.body.errors, 0);
      assert.equal(error.code, '10015');
      assert.equal(error.source?.parameter, 'page[size]');
      assert.ok(error.title && error.detail);
    });
  }

  it('rejects page[number]=0', async () => {
    const r = await call<ErrorBody>(api, '/sim_cards?page[number]=0');
    assert.equal(r.status, 422);
    assert.equal(at(r.body.errors, 0).source?.parameter, 'page[number]');
  });

  it('401 without or with a wrong key, never echoing the key', async () => {
    const none = await call<ErrorBody>(api, '/sim_cards', { key: null });
    assert.equal(none.status, 401);
    assert.equal(at(none.body.errors, 0).code, '10009');
    const wrongKey = 'KEYsecret-do-not-echo-123';
    const wrong = await call<ErrorBody>(api, '/sim_cards', { key: wrongKey });
    assert.equal(wrong.status, 401);
    assert.equal(at(wrong.body.errors, 0).title, 'Authentication failed');
    assert.ok(!wrong.text.includes(wrongKey) && !wrong.text.includes(api.apiKey));
    wrong.headers.forEach((v) => assert.ok(!v.includes(wrongKey)));
    assert.equal(api.requests.at(-1)?.authorized, false);
    assert.equal(api.requests.at(-1)?.status, 401);
  });

  it('404 envelopes for unknown ids and paths', async () => {
    for (const p of [
      '/sim_cards/00000000-0000-4000-8000-000000000000',
      '/sim_card_groups/nope',
      '/sim_cards/nope/wireless_connectivity_logs',
      '/nothing/here',
    ]) {
      const r = await call<ErrorBody>(api, p);
      assert.equal(r.status, 404, p);
      assert.equal(at(r.body.errors, 0).code, '10005');
    }
    const outside = await fetch(api.url.replace('/v2', '/v1/sim_cards'));
    assert.equal(outside.status, 404);
    assert.ok(Array.isArray(((await outside.json()) as ErrorBody).errors));
  });

  it('every answer carries rate-limit headers', async () => {
    for (const p of ['/sim_cards', '/sim_cards/nope']) {
      const r = await call(api, p);
      for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
        assert.match(r.headers.get(h) ?? '', /^\d+$/, `${h} on ${p}`);
      }
    }
  });

  it('single SIM, groups, connectivity logs', async () => {
    const sim = api.fleet.sims.find((s) => s.type === 'esim' && s.sim_card_group_id) as SimCardDetail;
    const one = await call<{ data: SimCardDetail }>(api, `/sim_cards/${sim.id}`);
    assert.equal(one.body.data.iccid, sim.iccid);
    assert.equal(one.body.data.eid, sim.eid);
    assert.ok(['connected', 'disconnected', 'unknown'].includes(String(one.body.data.live_data_session)));

    const groups = await call<Page<SimCardGroup>>(api, '/sim_card_groups?page[size]=2&page[number]=2');
    assert.equal(groups.body.meta.total_results, api.fleet.groups.length);
    assert.deepEqual(
      groups.body.data.map((g) => g.id),
      api.fleet.groups.slice(2, 4).map((g) => g.id),
    );
    for (const g of groups.body.data) {
      assert.equal(g.sim_card_count, api.fleet.sims.filter((s) => s.sim_card_group_id === g.id).length);
    }
    const g = await call<{ data: SimCardGroup }>(api, `/sim_card_groups/${sim.sim_card_group_id}`);
    assert.equal(g.body.data.id, sim.sim_card_group_id);

    const withLogs = api.fleet.sims.find((s) => api.fleet.logsFor(s.id).length >= 3) as SimCardDetail;
    const logs = await call<Page<WirelessConnectivityLog>>(api, `/sim_cards/${withLogs.id}/wireless_connectivity_logs?page[size]=2`);
    const all = api.fleet.logsFor(withLogs.id);
    assert.deepEqual(logs.body.meta, { page_number: 1, page_size: 2, total_pages: Math.ceil(all.length / 2), total_results: all.length });
    assert.deepEqual(logs.body.data, all.slice(0, 2));
  });

  it('actions answer 202 and move the SIM through the transitional status to the end state', async () => {
    const cases = [
      { action: 'disable', from: 'enabled', during: 'disabling', end: 'disabled' },
      { action: 'enable', from: 'disabled', during: 'enabling', end: 'enabled' },
      { action: 'set_standby', from: 'enabled', during: 'setting_standby', end: 'standby' },
    ];
    for (const c of cases) {
      const sim = api.fleet.sims.find((s) => s.status?.value === c.from && s.sim_card_group_id) as SimCardDetail;
      const r = await call<{ data: SimCardAction }>(api, `/sim_cards/${sim.id}/actions/${c.action}`, { method: 'POST' });
      assert.equal(r.status, 202, r.text);
      assert.equal(r.body.data.sim_card_id, sim.id);
      assert.equal(r.body.data.action_type, c.action);
      assert.equal(r.body.data.status?.value, 'in-progress');
      const during = await call<{ data: SimCardDetail }>(api, `/sim_cards/${sim.id}`);
      assert.equal(during.body.data.status?.value, c.during);
      assert.equal(during.body.data.actions_in_progress, true);
      // Poll (no timing assertion): the end state must arrive.
      let status: string | null | undefined;
      for (let i = 0; i < 200 && status !== c.end; i++) {
        await new Promise((res) => setTimeout(res, 10));
        status = (await call<{ data: SimCardDetail }>(api, `/sim_cards/${sim.id}`)).body.data.status?.value;
      }
      assert.equal(status, c.end);
      assert.equal(sim.actions_in_progress, false);
      const action = await call<{ data: SimCardAction }>(api, `/sim_card_actions/${r.body.data.id}`);
      assert.equal(action.body.data.status?.value, 'completed');
    }
  });

  it('enable and set_standby without a group answer 422; disable works', async () => {
    const sim = api.fleet.sims.find((s) => s.sim_card_group_id === null && s.status?.value !== 'enabled') as SimCardDetail;
    assert.ok(sim);
    const before = sim.status?.value;
    for (const action of ['enable', 'set_standby']) {
      const r = await call<ErrorBody>(api, `/sim_cards/${sim.id}/actions/${action}`, { method: 'POST' });
      assert.equal(r.status, 422);
      const error = at(r.body.errors, 0);
      assert.ok(error.code && /group/.test(error.detail ?? ''));
    }
    assert.equal(sim.status?.value, before);
    const d = await call(api, `/sim_cards/${sim.id}/actions/disable`, { method: 'POST' });
    assert.equal(d.status, 202);
    const unknown = await call<ErrorBody>(api, '/sim_cards/nope/actions/enable', { method: 'POST' });
    assert.equal(unknown.status, 404);
  });

  it('records every /v2 request with the raw query as sent', async () => {
    api.requests.length = 0;
    await call(api, '/sim_cards?filter%5Bstatus%5D=enabled&page[number]=2');
    assert.equal(api.requests.length, 1);
    const rec = at(api.requests, 0);
    assert.equal(rec.method, 'GET');
    assert.equal(rec.path, '/v2/sim_cards');
    assert.equal(rec.rawQuery, 'filter%5Bstatus%5D=enabled&page[number]=2');
    assert.deepEqual(rec.query, { 'filter[status]': 'enabled', 'page[number]': '2' });
    assert.equal(rec.authorized, true);
    assert.equal(rec.status, 200);
  });
});
