import assert from 'node:assert/strict';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import { BadRequestError, DEFAULT_USER_AGENT, encodeSimCardQuery, TelnyxClient, type SimCard } from '../../../src/telnyx';
import { startLocalServer } from './helpers';
import { at } from '../helpers/at';

describe('telnyx/client against the local Telnyx API', () => {
  let api: MockApi;
  let client: TelnyxClient;

  before(async () => {
    api = await startMockApi({ sims: 1000, seed: 7, transitionMs: 50 });
    client = new TelnyxClient({ apiKey: api.apiKey, baseUrl: api.url, retryBaseDelayMs: 10 });
  });
  after(() => api.close());
  beforeEach(() => {
    api.requests.length = 0;
    api.clearFaults();
  });

  it('listAllSimCards returns the whole fleet, in server order, in 4 pages of 250 (and a probe past the end)', async () => {
    const listing = await client.listAllSimCards();
    const sims = listing.items;
    assert.equal(listing.complete, true);
    assert.deepEqual(
      sims.map((s) => s.id),
      api.fleet.sims.map((s) => s.id),
    );
    const pages = api.requests.filter((r) => r.path === '/v2/sim_cards').map((r) => r.query['page[number]']);
    // The last page is full, so page 5 is asked for too, in case total_results is low.
    assert.deepEqual([...pages].sort(), ['1', '2', '3', '4', '5']);
    assert.ok(api.requests.every((r) => r.query['page[size]'] === '250' && r.authorized));
  });

  it('onPage gets page 1 first, every SIM exactly once, with running totals', async () => {
    const calls: Array<{ ids: string[]; loadedPages: number; totalPages: number; totalResults: number; pass: number }> = [];
    const { items: sims } = await client.listAllSimCards(
      { pageSize: 100 },
      {
        concurrency: 3,
        onPage: (page, p) => calls.push({ ids: page.map((s) => s.id), ...p }),
      },
    );
    assert.equal(calls.length, 10);
    assert.deepEqual(
      at(calls, 0).ids,
      api.fleet.sims.slice(0, 100).map((s) => s.id),
    );
    assert.deepEqual(
      calls.map((c) => c.loadedPages),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.ok(calls.every((c) => c.totalPages === 10 && c.totalResults === 1000));
    const fromPages = calls.flatMap((c) => c.ids);
    assert.equal(new Set(fromPages).size, 1000);
    assert.deepEqual(new Set(fromPages), new Set(sims.map((s) => s.id)));
  });

  it('sends the filters to the server in the SDK wire format', async () => {
    const tag = at(api.fleet.sims, 0).tags?.[0] ?? 'x';
    const query = {
      status: ['enabled', 'standby'],
      tags: [tag],
      includeSimCardGroup: true,
      sort: '-current_billing_period_consumed_data.amount' as const,
    };
    const { items: sims } = await client.listAllSimCards(query);
    const first = at(api.requests, 0);
    assert.equal(first.rawQuery, encodeSimCardQuery({ ...query, pageNumber: 1, pageSize: 250 }));
    assert.equal(first.query['filter[status]'], 'enabled,standby');
    assert.equal(first.query['filter[tags]'], tag);
    assert.equal(first.query.include_sim_card_group, 'true');
    assert.equal(first.query.sort, '-current_billing_period_consumed_data.amount');
    assert.ok(sims.length > 0);
    for (const s of sims) {
      assert.ok(['enabled', 'standby'].includes(s.status?.value ?? ''), s.status?.value ?? 'no status');
      assert.ok(s.tags?.includes(tag));
    }
  });

  it('sends iccid, msisdn and group filters', async () => {
    const sim = at(api.fleet.sims, 5);
    await client.listSimCards({ iccid: sim.iccid ?? '', msisdn: sim.msisdn ?? '', simCardGroupId: sim.sim_card_group_id ?? '' });
    const q = at(api.requests, 0).query;
    assert.equal(q['filter[iccid]'], sim.iccid ?? undefined);
    assert.equal(q['filter[msisdn]'], sim.msisdn ?? undefined);
    assert.equal(q['filter[sim_card_group_id]'], sim.sim_card_group_id ?? undefined);
  });

  it('listSimCards returns one page with its meta', async () => {
    const page = await client.listSimCards({ pageNumber: 2, pageSize: 30 });
    assert.equal(page.data.length, 30);
    assert.deepEqual(page.meta, { page_number: 2, page_size: 30, total_pages: 34, total_results: 1000 });
    assert.deepEqual(
      page.data.map((s) => s.id),
      api.fleet.sims.slice(30, 60).map((s) => s.id),
    );
  });

  it('tolerates a trailing slash on the base URL', async () => {
    const c = new TelnyxClient({ apiKey: api.apiKey, baseUrl: `${api.url}//` });
    await c.listSimCards({ pageSize: 1 });
    assert.equal(at(api.requests, 0).path, '/v2/sim_cards');
  });

  it('gets a SIM with its group, groups, and connectivity logs', async () => {
    const target = api.fleet.sims.find((s) => s.sim_card_group_id)!;
    const detail = await client.getSimCard(target.id);
    assert.equal(detail.id, target.id);
    assert.equal(detail.iccid, target.iccid);
    assert.equal(at(api.requests, 0).query.include_sim_card_group, 'true');

    const groups = await client.listAllSimCardGroups();
    assert.deepEqual(groups.map((g) => g.id).sort(), api.fleet.groups.map((g) => g.id).sort());
    const page = await client.listSimCardGroups({ number: 1, size: 2 });
    assert.equal(page.data.length, Math.min(2, api.fleet.groups.length));
    const group = await client.getSimCardGroup(target.sim_card_group_id!);
    assert.equal(group.id, target.sim_card_group_id);

    const logs = await client.listConnectivityLogs(target.id, { size: 5 });
    assert.deepEqual(
      logs.data.map((l) => l.id),
      api.fleet
        .logsFor(target.id)
        .slice(0, 5)
        .map((l) => l.id),
    );
    assert.equal(api.requests.at(-1)!.query['page[size]'], '5');
  });

  it('enable / disable / standby POST to the action endpoints and return the action', async () => {
    // One SIM per action: a second action while the first is in progress is refused.
    const [sim, other, third] = api.fleet.sims.filter((s) => s.sim_card_group_id && s.status?.value === 'enabled');
    const disabled = await client.disableSimCard(sim!.id);
    assert.equal(disabled.sim_card_id ?? sim!.id, sim!.id);
    assert.equal(disabled.action_type, 'disable');
    const last = api.requests.at(-1)!;
    assert.equal(last.method, 'POST');
    assert.equal(last.path, `/v2/sim_cards/${sim!.id}/actions/disable`);
    assert.equal(last.status, 202);
    const enabled = await client.enableSimCard(other!.id);
    assert.equal(enabled.action_type, 'enable');
    await client.setSimCardStandby(third!.id);
    assert.equal(api.requests.at(-1)!.path, `/v2/sim_cards/${third!.id}/actions/set_standby`);
  });

  it('refuses an empty id without a request', async () => {
    await assert.rejects(client.getSimCard(''), BadRequestError);
    await assert.rejects(client.enableSimCard('  '), BadRequestError);
    assert.equal(api.requests.length, 0);
  });

  it('logs method, path+query, status and ms, never headers or the key', async () => {
    const lines: string[] = [];
    const c = new TelnyxClient({ apiKey: api.apiKey, baseUrl: api.url, retryBaseDelayMs: 1, log: (l) => lines.push(l) });
    api.addFault({ kind: 'status', status: 503 });
    await c.listSimCards({ pageSize: 5 });
    assert.equal(lines.length, 2);
    assert.match(at(lines, 0), /^GET \/sim_cards\?page%5Bnumber%5D=1&page%5Bsize%5D=5 503 \d+ ms, retry 1\/3 in \d+ ms$/);
    assert.match(at(lines, 1), /^GET \/sim_cards\?page%5Bnumber%5D=1&page%5Bsize%5D=5 200 \d+ ms \(after 1 retry\)$/);
    for (const l of lines) {
      assert.ok(!l.includes(api.apiKey));
      assert.ok(!/bearer|authorization/i.test(l));
    }
  });
});

describe('telnyx/client request headers', () => {
  it('sends Bearer auth, Accept JSON and the User-Agent', async () => {
    const server = await startLocalServer(() => ({
      body: { data: [], meta: { page_number: 1, page_size: 250, total_pages: 0, total_results: 0 } },
    }));
    try {
      await new TelnyxClient({ apiKey: 'KEY123', baseUrl: server.url }).listSimCards();
      await new TelnyxClient({ apiKey: 'KEY123', baseUrl: server.url, userAgent: 'custom/9' }).listSimCards();
      const a = at(server.seen, 0);
      const b = at(server.seen, 1);
      assert.equal(a.headers.authorization, 'Bearer KEY123');
      assert.equal(a.headers.accept, 'application/json');
      assert.equal(a.headers['user-agent'], DEFAULT_USER_AGENT);
      assert.equal(b.headers['user-agent'], 'custom/9');
    } finally {
      await server.close();
    }
  });

  it('rejects a missing key and a bad base URL up front', () => {
    assert.throws(() => new TelnyxClient({ apiKey: '' }), { kind: 'auth' });
    assert.throws(() => new TelnyxClient({ apiKey: 'k', baseUrl: 'ftp://x' }), { kind: 'badRequest' });
    assert.throws(() => new TelnyxClient({ apiKey: 'k', baseUrl: 'not a url' }), { kind: 'badRequest' });
  });

  it('drops hostile records without failing the list', async () => {
    const hostile: unknown[] = [
      { id: 'ok-1', status: null, tags: null, data_limit: { amount: 'abc', unit: 'MB' } },
      null,
      42,
      'sim',
      [],
      { id: 7 },
      { no: 'id' },
      {
        id: 'ok-2',
        status: { reason: 'no value' },
        current_billing_period_consumed_data: { amount: '2', unit: 'furlongs' },
        extra: { deep: [1] },
      },
      { id: 'ok-3', status: 'enabled', tags: 'not-an-array', iccid: { x: 1 } },
    ];
    const server = await startLocalServer(() => ({
      body: { data: hostile, meta: { page_number: 1, page_size: 250, total_pages: 1, total_results: 9 } },
    }));
    try {
      const listing = await new TelnyxClient({ apiKey: 'k', baseUrl: server.url }).listAllSimCards();
      const sims: SimCard[] = listing.items;
      assert.equal(listing.complete, true, 'the dropped records count towards total_results');
      assert.deepEqual(
        sims.map((s) => s.id),
        ['ok-1', 'ok-2', 'ok-3'],
      );
      assert.equal(at(sims, 0).status, null);
      assert.deepEqual(at(sims, 2).status, { value: 'enabled' });
      assert.equal('tags' in at(sims, 2), false);
      assert.equal('iccid' in at(sims, 2), false);
      assert.deepEqual((at(sims, 1) as unknown as { extra: unknown }).extra, { deep: [1] });
    } finally {
      await server.close();
    }
  });
});
