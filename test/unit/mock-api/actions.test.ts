// The local API's action list, PATCH and rate limit: the rules, and the answers against
// the response schemas of Telnyx's OpenAPI document (read from ../shared, never copied).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import type { Page, SimCardAction, SimCardDetail } from '../../../src/telnyx/types';
import { call, repoRoot, type ErrorBody } from './helpers';

const SPEC_PATH = path.resolve(repoRoot(), '..', 'shared', 'telnyx-openapi', 'telnyx-wireless.json');

async function send<T = unknown>(
  api: MockApi,
  p: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: T }> {
  const res = await fetch(api.url + p, {
    method,
    headers: { authorization: `Bearer ${api.apiKey}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

const settle = async (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('mock-api: SIM card actions, PATCH and rate limit', function () {
  let api: MockApi;
  let pool: SimCardDetail[];
  before(async () => {
    api = await startMockApi({ sims: 400, seed: 9, actionSettleMs: 40 });
    pool = api.fleet.sims.filter((s) => s.status?.value === 'enabled' && s.sim_card_group_id);
  });
  after(async () => {
    await api?.close();
  });
  const take = (): SimCardDetail => pool.shift() as SimCardDetail;

  it('refuses a second action while one is in progress, then allows it once settled', async () => {
    const sim = take();
    // Long enough that the second request surely arrives before the first action settles.
    api.settings.actionSettleMs = 1000;
    assert.equal((await send(api, `/sim_cards/${sim.id}/actions/disable`, 'POST')).status, 202);
    api.settings.actionSettleMs = 40;
    const again = await send<ErrorBody>(api, `/sim_cards/${sim.id}/actions/enable`, 'POST');
    assert.equal(again.status, 422);
    assert.match(again.body.errors[0]?.detail ?? '', /in progress/);
    for (let i = 0; i < 300 && sim.actions_in_progress; i++) await settle(10);
    assert.equal((await send(api, `/sim_cards/${sim.id}/actions/enable`, 'POST')).status, 202);
  });

  it('lists actions newest first with filters and paging; gets one by id', async () => {
    const a = take();
    const b = take();
    const first = await send<{ data: SimCardAction }>(api, `/sim_cards/${a.id}/actions/disable`, 'POST');
    await send(api, `/sim_cards/${b.id}/actions/set_standby`, 'POST');
    const mine = await call<Page<SimCardAction>>(api, `/sim_card_actions?filter[sim_card_id]=${a.id}`);
    assert.deepEqual(
      mine.body.data.map((x) => x.id),
      [first.body.data.id],
    );
    const standby = await call<Page<SimCardAction>>(api, '/sim_card_actions?filter[action_type]=set_standby&page[size]=250');
    assert.ok(standby.body.data.some((x) => x.sim_card_id === b.id));
    assert.ok(standby.body.data.every((x) => x.action_type === 'set_standby'));
    const all = await call<Page<SimCardAction>>(api, '/sim_card_actions?page[size]=1&page[number]=1');
    assert.equal(all.body.data[0]?.sim_card_id, b.id, 'newest first');
    assert.equal(all.body.meta.total_results, api.requests.filter((r) => r.method === 'POST' && r.status === 202).length);
    const one = await call<{ data: SimCardAction }>(api, `/sim_card_actions/${first.body.data.id}`);
    assert.equal(one.body.data.sim_card_id, a.id);
    assert.equal((await call(api, '/sim_card_actions?filter[status]=done')).status, 422);
    assert.equal((await call(api, '/sim_card_actions/nope')).status, 404);
  });

  it('a share of actions fail, the same ones for the same seed, and the SIM keeps its status', async () => {
    const runOnce = async (): Promise<string[]> => {
      const other = await startMockApi({ sims: 400, seed: 9, actionSettleMs: 20, actionFailRate: 0.3 });
      try {
        const sims = other.fleet.sims.filter((s) => s.status?.value === 'enabled' && s.sim_card_group_id).slice(0, 30);
        for (const s of sims) await send(other, `/sim_cards/${s.id}/actions/disable`, 'POST');
        for (let i = 0; i < 100 && sims.some((s) => s.actions_in_progress); i++) await settle(10);
        const failed = await call<Page<SimCardAction>>(other, '/sim_card_actions?filter[status]=failed&page[size]=250');
        const ids = failed.body.data.map((x) => x.sim_card_id ?? '').sort();
        for (const id of ids) assert.equal(sims.find((s) => s.id === id)?.status?.value, 'enabled');
        assert.equal(sims.filter((s) => s.status?.value === 'disabled').length, 30 - ids.length);
        return ids;
      } finally {
        await other.close();
      }
    };
    const a = await runOnce();
    assert.ok(a.length > 0 && a.length < 30, `failed ${a.length}`);
    assert.deepEqual(await runOnce(), a);
  });

  it('PATCH changes tags, group, data limit and IMEIs, and answers 422 for bad input without changing anything', async () => {
    const sim = take();
    const group = api.fleet.groups.find((g) => g.id !== sim.sim_card_group_id);
    const ok = await send<{ data: SimCardDetail }>(api, `/sim_cards/${sim.id}`, 'PATCH', {
      tags: ['a', 'b', 'a'],
      sim_card_group_id: group!.id,
      data_limit: { amount: '2.5', unit: 'GB' },
      authorized_imeis: ['490154203237518'],
    });
    assert.equal(ok.status, 200);
    assert.deepEqual(sim.tags, ['a', 'b']);
    assert.equal(sim.sim_card_group_id, group!.id);
    assert.deepEqual(sim.data_limit, { amount: '2.5', unit: 'GB' });
    assert.deepEqual(sim.authorized_imeis, ['490154203237518']);
    const snapshot = JSON.stringify(sim);
    for (const bad of [
      { tags: 'a' },
      { tags: [''] },
      { sim_card_group_id: 'nope' },
      { data_limit: { amount: '-1', unit: 'MB' } },
      { data_limit: { amount: '1', unit: 'TB' } },
      { authorized_imeis: ['123'] },
      { tags: ['ok'], data_limit: { amount: 'x', unit: 'MB' } },
      [],
    ]) {
      const r = await send<ErrorBody>(api, `/sim_cards/${sim.id}`, 'PATCH', bad);
      assert.equal(r.status, 422, JSON.stringify(bad));
    }
    assert.equal((await send(api, `/sim_cards/${sim.id}`, 'PATCH', '{not json')).status, 400);
    assert.equal(JSON.stringify(sim), snapshot);
    assert.equal((await send(api, `/sim_cards/${sim.id}`, 'PATCH', { data_limit: null })).status, 200);
    assert.equal('data_limit' in sim, false);
  });

  it('rate-limits actions and PATCH (not reads) with 429, Retry-After and x-ratelimit-reset', async () => {
    api.settings.rateLimitPerSecond = 2;
    try {
      const sims = [take(), take(), take(), take()];
      const answers = [];
      for (const s of sims) answers.push(await send(api, `/sim_cards/${s.id}/actions/disable`, 'POST'));
      const limited = answers.filter((a) => a.status === 429);
      assert.ok(limited.length >= 1);
      for (const a of limited) {
        assert.ok(Number(a.headers.get('retry-after')) >= 1);
        assert.ok(Number(a.headers.get('x-ratelimit-reset')) >= 1);
      }
      // Refused requests changed nothing.
      for (const [i, s] of sims.entries()) assert.equal(s.actions_in_progress === true, answers[i]!.status === 202);
      assert.equal((await call(api, '/sim_cards?page[size]=5')).status, 200);
    } finally {
      api.settings.rateLimitPerSecond = 0;
    }
  });

  describe('answers validate against the spec', function () {
    it('GET /sim_card_actions, GET /sim_card_actions/{id}, PATCH /sim_cards/{id}', async function () {
      if (!fs.existsSync(SPEC_PATH)) {
        console.warn(`  (skipped: Telnyx OpenAPI spec missing at ${SPEC_PATH})`);
        this.skip();
      }
      const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as {
        components: { schemas: Record<string, { properties: Record<string, { type?: unknown; enum?: string[] }> }> };
      };
      // The same two documented gaps the main schema test loosens (null group id, unauthorized_imei).
      for (const name of ['SimpleSIMCard', 'SIMCard'])
        spec.components.schemas[name]!.properties.sim_card_group_id!.type = ['string', 'null'];
      spec.components.schemas.SIMCardStatus!.properties.value!.enum!.push('unauthorized_imei');
      const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
      addFormats(ajv);
      ajv.addSchema({ ...spec, $id: 'spec' });
      const v = (ref: string): ((b: unknown) => void) => {
        const f = ajv.getSchema(`spec#/components/responses/${ref}/content/application~1json/schema`);
        assert.ok(f, ref);
        return (b) => assert.ok(f(b), `${ref}: ${ajv.errorsText(f.errors)}`);
      };
      const sim = take();
      const started = await send<{ data: SimCardAction }>(api, `/sim_cards/${sim.id}/actions/disable`, 'POST');
      v('SimCardActionCollectionResponse')((await call(api, '/sim_card_actions?page[size]=250')).body);
      v('SimCardActionCollectionResponse')((await call(api, `/sim_card_actions?filter[sim_card_id]=${sim.id}`)).body);
      v('SIMCardActionResponse')((await call(api, `/sim_card_actions/${started.body.data.id}`)).body);
      for (let i = 0; i < 100 && sim.actions_in_progress; i++) await settle(10);
      v('SIMCardActionResponse')((await call(api, `/sim_card_actions/${started.body.data.id}`)).body);
      const patched = await send(api, `/sim_cards/${sim.id}`, 'PATCH', { tags: ['x'], data_limit: { amount: '100', unit: 'MB' } });
      v('UpdateSimCardResponse')(patched.body);
      v('UpdateSimCardResponse')((await send(api, `/sim_cards/${sim.id}`, 'PATCH', { data_limit: null, authorized_imeis: null })).body);
      v('wireless_GenericErrorResponse')((await send(api, `/sim_cards/${sim.id}`, 'PATCH', { tags: 5 })).body);
    });
  });
});
