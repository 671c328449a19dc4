import * as assert from 'node:assert/strict';
import { startMockApi, type MockApi, type RecordedRequest } from '../../../mock-api/server';
import type { Page, SimCard } from '../../../src/telnyx/types';
import { call, type ErrorBody } from './helpers';
import { at } from '../helpers/at';

describe('mock-api fault injection', () => {
  let api: MockApi;
  before(async () => {
    api = await startMockApi({ port: 0, sims: 60, seed: 3 });
  });
  afterEach(() => api.clearFaults());
  after(async () => {
    await api.close();
  });

  it('scripted 429 carries code 10011, Retry-After and x-ratelimit-reset, then clears', async () => {
    api.addFault({ kind: 'status', status: 429, retryAfterSeconds: 3, rateLimitResetSeconds: 7, path: '/sim_cards' });
    const r = await call<ErrorBody>(api, '/sim_cards');
    assert.equal(r.status, 429);
    assert.equal(at(r.body.errors, 0).code, '10011');
    assert.equal(r.headers.get('retry-after'), '3');
    assert.equal(r.headers.get('x-ratelimit-reset'), '7');
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
    assert.equal((await call(api, '/sim_cards')).status, 200, 'times defaults to 1');
  });

  it('scripted 500 and 503 (times, path and method matching)', async () => {
    api.addFault({ kind: 'status', status: 500, times: 2, path: '/sim_card_groups' });
    api.addFault({ kind: 'status', status: 503, retryAfterSeconds: 1, method: 'POST' });
    assert.equal((await call(api, '/sim_cards')).status, 200, 'path does not match');
    const a = await call<ErrorBody>(api, '/sim_card_groups');
    const b = await call<ErrorBody>(api, '/sim_card_groups');
    assert.deepEqual([a.status, b.status], [500, 500]);
    assert.ok(at(a.body.errors, 0).code);
    assert.equal((await call(api, '/sim_card_groups')).status, 200);
    const sim = api.fleet.sims.find((s) => s.sim_card_group_id) as SimCard;
    const p = await call<ErrorBody>(api, `/sim_cards/${sim.id}/actions/disable`, { method: 'POST' });
    assert.equal(p.status, 503);
    assert.equal(p.headers.get('retry-after'), '1');
  });

  it('faults come before auth (like a gateway)', async () => {
    api.addFault({ kind: 'status', status: 503 });
    assert.equal((await call(api, '/sim_cards', { key: 'wrong' })).status, 503);
  });

  it('drop destroys the connection: fetch rejects', async () => {
    api.addFault({ kind: 'drop' });
    await assert.rejects(fetch(`${api.url}/sim_cards`, { headers: { authorization: `Bearer ${api.apiKey}` } }));
    assert.equal(api.requests.at(-1)?.status, 0);
    assert.equal((await call(api, '/sim_cards')).status, 200);
  });

  it('malformed answers 200 with JSON that does not parse', async () => {
    api.addFault({ kind: 'malformed', path: '/sim_cards' });
    const res = await fetch(`${api.url}/sim_cards`, { headers: { authorization: `Bearer ${api.apiKey}` } });
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(text.startsWith('{"data": ['));
    assert.throws(() => JSON.parse(text));
  });

  it('delay answers normally afterwards', async () => {
    api.addFault({ kind: 'delay', delayMs: 50 });
    const r = await call<Page<SimCard>>(api, '/sim_cards');
    assert.equal(r.status, 200);
    assert.equal(r.body.data.length, 20);
  });

  it('fault rates: 100% 500 hits /v2 but never /__mock', async () => {
    const flaky = await startMockApi({ port: 0, sims: 5, faultRates: { rate500: 1 } });
    try {
      assert.equal((await call(flaky, '/sim_cards')).status, 500);
      const ctl = await fetch(flaky.url.replace('/v2', '/__mock/requests'));
      assert.equal(ctl.status, 200);
      // Scripted faults take precedence over rates.
      flaky.addFault({ kind: 'status', status: 429 });
      assert.equal((await call(flaky, '/sim_cards')).status, 429);
    } finally {
      await flaky.close();
    }
    const dropping = await startMockApi({ port: 0, sims: 5, faultRates: { dropRate: 1 } });
    try {
      await assert.rejects(fetch(`${dropping.url}/sim_cards`));
    } finally {
      await dropping.close();
    }
  });

  it('latencyMs still answers normally', async () => {
    const slow = await startMockApi({ port: 0, sims: 5, latencyMs: 40 });
    try {
      const r = await call<Page<SimCard>>(slow, '/sim_cards');
      assert.equal(r.status, 200);
      assert.equal(r.body.data.length, 5);
    } finally {
      await slow.close();
    }
  });

  it('close() does not wait for a long scripted delay', async () => {
    const held = await startMockApi({ port: 0, sims: 5 });
    held.addFault({ kind: 'delay', delayMs: 600_000 });
    const pending = fetch(`${held.url}/sim_cards`, { headers: { authorization: `Bearer ${held.apiKey}` } });
    // Wait until the server has the request, then close under it.
    while (held.requests.length === 0) await new Promise((res) => setTimeout(res, 5));
    await held.close();
    await assert.rejects(pending);
  });

  it('control endpoints: faults, requests, fleet', async () => {
    const base = api.url.replace(/\/v2$/, '/__mock');
    const post = await fetch(`${base}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'status', status: 429, retryAfterSeconds: 2, path: '/sim_cards', times: 2 }),
    });
    assert.equal(post.status, 201);
    assert.equal((await call(api, '/sim_cards')).status, 429);
    assert.equal((await fetch(`${base}/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await call(api, '/sim_cards')).status, 200, 'cleared before its second use');

    const bad = await fetch(`${base}/faults`, { method: 'POST', body: '{"kind":"explode"}' });
    assert.equal(bad.status, 400);

    await call(api, '/sim_cards?filter[tags]=pilot');
    const reqs = (await (await fetch(`${base}/requests`)).json()) as RecordedRequest[];
    assert.equal(reqs.at(-1)?.rawQuery, 'filter[tags]=pilot');
    assert.ok(!reqs.some((r) => r.path.startsWith('/__mock')), '/__mock calls are not recorded');
    assert.equal((await fetch(`${base}/requests`, { method: 'DELETE' })).status, 204);
    assert.equal(api.requests.length, 0);

    const fleet = (await (await fetch(`${base}/fleet`)).json()) as { sims: SimCard[]; groups: unknown[] };
    assert.equal(fleet.sims.length, 60);
    assert.deepEqual(
      fleet.sims.map((s) => s.id),
      api.fleet.sims.map((s) => s.id),
    );
    assert.equal(fleet.groups.length, api.fleet.groups.length);
  });
});
