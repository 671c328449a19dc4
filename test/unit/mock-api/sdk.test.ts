// The official Telnyx Node SDK (v7, Stainless) pointed at the local API must list,
// page and filter exactly like against the real one.
//
// What the SDK actually sends (read from api.requests, see the last test):
// - brackets AND commas percent-encoded: `filter%5Bstatus%5D=enabled%2Cstandby&filter%5Btags%5D=pilot`
//   (qs with arrayFormat 'comma'), so the server must decode keys, not just values;
// - no page[size] unless asked (server default 20 applies) and NO page[number] on the
//   first request; later pages add `page%5Bnumber%5D=N` at the end, one at a time;
// - `retrieve()` returns the raw `{ data }` envelope, not the record.
import * as assert from 'node:assert/strict';
import Telnyx from 'telnyx';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import { at } from '../helpers/at';

describe('mock-api with the official telnyx SDK', () => {
  let api: MockApi;
  let client: Telnyx;
  before(async () => {
    api = await startMockApi({ port: 0, sims: 130, seed: 5 });
    client = new Telnyx({ apiKey: api.apiKey, baseURL: api.url, maxRetries: 0 });
  });
  after(async () => {
    await api.close();
  });

  it('lists the first page with the default size of 20', async () => {
    const page = await client.simCards.list();
    assert.equal(page.data.length, 20);
    assert.deepEqual(
      page.data.map((s) => s.id),
      api.fleet.sims.slice(0, 20).map((s) => s.id),
    );
    assert.equal(page.meta.total_pages, 7); // the SDK's Meta type has no total_results
    assert.ok(page.hasNextPage());
    const next = await page.getNextPage();
    assert.deepEqual(
      next.data.map((s) => s.id),
      api.fleet.sims.slice(20, 40).map((s) => s.id),
    );
  });

  it('auto-paginates over every SIM exactly once', async () => {
    const seen: string[] = [];
    for await (const sim of client.simCards.list({ 'page[size]': 25 })) seen.push(sim.id ?? '');
    assert.deepEqual(
      seen,
      api.fleet.sims.map((s) => s.id),
    );
  });

  it('filters by status (any-of) and tags (all-of)', async () => {
    const status = ['enabled', 'standby'] as const;
    const tags = ['pilot'];
    const want = api.fleet.sims
      .filter((s) => (status as readonly string[]).includes(s.status?.value ?? '') && tags.every((t) => s.tags?.includes(t)))
      .map((s) => s.id);
    assert.ok(want.length > 0);
    const got: string[] = [];
    for await (const sim of client.simCards.list({ filter: { status: [...status], tags }, 'page[size]': 4 })) got.push(sim.id ?? '');
    assert.deepEqual(got, want);
  });

  it('retrieves one SIM, lists groups, and surfaces errors as SDK errors', async () => {
    const sim = at(api.fleet.sims, 7);
    const one = await client.simCards.retrieve(sim.id);
    assert.equal(one.data?.iccid, sim.iccid);
    const groups = await client.simCardGroups.list();
    assert.deepEqual(
      groups.data.map((g) => g.id),
      api.fleet.groups.map((g) => g.id),
    );

    const bad = new Telnyx({ apiKey: 'wrong', baseURL: api.url, maxRetries: 0 });
    await assert.rejects(bad.simCards.list(), (e: unknown) => e instanceof Telnyx.AuthenticationError);
    await assert.rejects(client.simCards.retrieve('nope'), (e: unknown) => e instanceof Telnyx.NotFoundError);
  });

  it('retries a scripted 429 (Retry-After) like it would against the real API', async () => {
    const retrying = new Telnyx({ apiKey: api.apiKey, baseURL: api.url, maxRetries: 2 });
    api.addFault({ kind: 'status', status: 429, retryAfterSeconds: 0, path: '/sim_card_groups' });
    const before = api.requests.length;
    const groups = await retrying.simCardGroups.list();
    assert.equal(groups.data.length, api.fleet.groups.length);
    assert.deepEqual(
      api.requests.slice(before).map((r) => r.status),
      [429, 200],
    );
  });

  it('sends bracket-encoded, comma-joined queries (documented above)', async () => {
    api.requests.length = 0;
    const all: string[] = [];
    for await (const sim of client.simCards.list({ filter: { status: ['enabled', 'standby'], tags: ['pilot'] }, 'page[size]': 4 })) {
      all.push(sim.id ?? '');
    }
    const raws = api.requests.map((r) => r.rawQuery);
    assert.equal(raws[0], 'filter%5Bstatus%5D=enabled%2Cstandby&filter%5Btags%5D=pilot&page%5Bsize%5D=4');
    assert.ok(raws.length >= 2, 'more than one page');
    assert.equal(raws[1], `${raws[0]}&page%5Bnumber%5D=2`);
    assert.deepEqual(at(api.requests, 1).query, {
      'filter[status]': 'enabled,standby',
      'filter[tags]': 'pilot',
      'page[size]': '4',
      'page[number]': '2',
    });
    assert.ok(api.requests.every((r) => r.authorized));
  });
});
