// Every body of the SIM-card and group endpoints must validate against the response
// schemas in Telnyx's OpenAPI document (read from ../shared, never copied into the repo).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import type { Page, SimCard, SimCardDetail } from '../../../src/telnyx/types';
import { call } from './helpers';
import { repoRoot } from './helpers';
import { defined } from '../helpers/at';

const SPEC_PATH = path.resolve(repoRoot(), '..', 'shared', 'telnyx-openapi', 'telnyx-wireless.json');

interface SpecNode {
  [key: string]: SpecNode | string | unknown;
}

/** JSON pointer escaping for one path segment. */
const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The spec documents two things the API does that its schemas reject; we loosen exactly
 * those, so a wrong shape anywhere else still fails:
 * - `sim_card_group_id` is typed string, but its own description says it "can be null"
 *   (SIMs outside any group), and the mock sends null for those;
 * - `status.value` lacks `unauthorized_imei`, a status the `filter[status]` enum (and
 *   the API) uses.
 */
function patchKnownSpecGaps(spec: SpecNode): void {
  const schemas = (spec.components as SpecNode).schemas as Record<string, SpecNode>;
  for (const name of ['SimpleSIMCard', 'SIMCard']) {
    const props = defined(schemas[name], name).properties as Record<string, SpecNode>;
    defined(props.sim_card_group_id, `${name}.sim_card_group_id`).type = ['string', 'null'];
  }
  const status = defined(schemas.SIMCardStatus, 'SIMCardStatus').properties as Record<string, SpecNode>;
  (defined(status.value, 'SIMCardStatus.value').enum as string[]).push('unauthorized_imei');
}

describe('mock-api answers validate against the Telnyx OpenAPI schemas', function () {
  let api: MockApi;
  let ajv: Ajv2020;
  let spec: SpecNode;

  before(async function () {
    if (!fs.existsSync(SPEC_PATH)) {
      console.warn(`  (skipped: Telnyx OpenAPI spec missing at ${SPEC_PATH})`);
      this.skip();
    }
    spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) as SpecNode;
    patchKnownSpecGaps(spec);
    ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajv.addSchema({ ...spec, $id: 'spec' });
    api = await startMockApi({ port: 0, sims: 1000, seed: 42, transitionMs: 20 });
  });
  after(async () => {
    await api?.close();
  });

  /** The response schema the spec declares for `method path` and `status`, following its $ref. */
  function responseValidator(specPath: string, method: string, status: string): ValidateFunction {
    const op = ((spec.paths as SpecNode)[specPath] as SpecNode)[method] as SpecNode;
    const resp = (op.responses as Record<string, SpecNode>)[status];
    assert.ok(resp, `spec declares ${status} for ${method} ${specPath}`);
    const pointer = typeof resp.$ref === 'string' ? resp.$ref.slice(1) : `/paths/${esc(specPath)}/${method}/responses/${status}`;
    const v = ajv.getSchema(`spec#${pointer}/content/application~1json/schema`);
    assert.ok(v, `schema for ${method} ${specPath} ${status}`);
    return v;
  }

  const schema = (name: string): ValidateFunction => {
    const v = ajv.getSchema(`spec#/components/schemas/${name}`);
    assert.ok(v, name);
    return v;
  };

  function check(v: ValidateFunction, body: unknown, what: string): void {
    const ok = v(body);
    assert.ok(ok, `${what}: ${ajv.errorsText(v.errors, { separator: '\n' })}`);
  }

  it('GET /sim_cards: every SIM on every page of 250 (all statuses, eSIMs, no-group SIMs)', async () => {
    const v = responseValidator('/sim_cards', 'get', '200');
    let seen = 0;
    for (let n = 1; n <= 4; n++) {
      const r = await call<Page<SimCard>>(api, `/sim_cards?page[number]=${n}&page[size]=250`);
      assert.equal(r.body.data.length, 250);
      check(v, r.body, `page ${n}`);
      seen += r.body.data.length;
    }
    assert.equal(seen, 1000);
  });

  it('GET /sim_cards?include_sim_card_group=true, and the embedded groups', async () => {
    const v = responseValidator('/sim_cards', 'get', '200');
    const group = schema('SIMCardGroup');
    const r = await call<Page<SimCard>>(
      api,
      '/sim_cards?include_sim_card_group=true&page[size]=250&sort=-current_billing_period_consumed_data.amount',
    );
    check(v, r.body, 'list with groups');
    const embedded = r.body.data.filter((s) => s.sim_card_group);
    assert.ok(embedded.length > 100);
    for (const s of embedded) check(group, s.sim_card_group, `group of ${s.id}`);
  });

  it('GET /sim_cards/{id} for physical, eSIM, grouped and ungrouped SIMs', async () => {
    const v = responseValidator('/sim_cards/{id}', 'get', '200');
    const picks = [
      api.fleet.sims.find((s) => s.type === 'physical'),
      api.fleet.sims.find((s) => s.type === 'esim'),
      api.fleet.sims.find((s) => s.sim_card_group_id === null),
      api.fleet.sims.find((s) => s.status?.value === 'registering'),
      api.fleet.sims.find((s) => s.live_data_session === 'connected'),
    ] as SimCardDetail[];
    for (const sim of picks) {
      const r = await call(api, `/sim_cards/${sim.id}`);
      check(v, r.body, `SIM ${sim.id}`);
    }
  });

  it('GET /sim_card_groups and /sim_card_groups/{id}', async () => {
    const list = await call(api, '/sim_card_groups?page[size]=250');
    check(responseValidator('/sim_card_groups', 'get', '200'), list.body, 'group list');
    const one = responseValidator('/sim_card_groups/{id}', 'get', '200');
    for (const g of api.fleet.groups) check(one, (await call(api, `/sim_card_groups/${g.id}`)).body, `group ${g.name}`);
  });

  it('POST /sim_cards/{id}/actions/enable|disable|set_standby (202)', async () => {
    // One SIM per action: a second action while the first is in progress is refused.
    const sims = api.fleet.sims.filter((s) => s.sim_card_group_id && s.status?.value === 'enabled');
    for (const [i, action] of ['disable', 'enable', 'set_standby'].entries()) {
      const sim = sims[i] as SimCardDetail;
      const r = await call(api, `/sim_cards/${sim.id}/actions/${action}`, { method: 'POST' });
      assert.equal(r.status, 202);
      check(responseValidator(`/sim_cards/{id}/actions/${action}`, 'post', '202'), r.body, action);
    }
  });

  it('GET /sim_cards/{id}/wireless_connectivity_logs', async () => {
    const v = responseValidator('/sim_cards/{id}/wireless_connectivity_logs', 'get', '200');
    let nonEmpty = 0;
    for (const sim of api.fleet.sims.slice(0, 40)) {
      const r = await call<Page<unknown>>(api, `/sim_cards/${sim.id}/wireless_connectivity_logs?page[size]=250`);
      if (r.body.data.length) nonEmpty++;
      check(v, r.body, `logs of ${sim.id}`);
    }
    assert.ok(nonEmpty > 10);
  });

  it('error envelopes (401, 404, 422) match wireless_Errors', async () => {
    const v = responseValidator('/sim_cards', 'get', 'default');
    for (const [p, key] of [
      ['/sim_cards', 'wrong'],
      ['/sim_cards/nope', undefined],
      ['/sim_cards?page[size]=0', undefined],
      ['/sim_cards?sort=name', undefined],
    ] as const) {
      const r = await call(api, p, key === undefined ? {} : { key });
      assert.ok(r.status >= 400);
      check(v, r.body, p);
    }
  });
});
