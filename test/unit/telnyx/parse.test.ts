import assert from 'node:assert/strict';
import {
  parseConnectivityLog,
  parseErrorItems,
  parseListEnvelope,
  parseObjectEnvelope,
  parsePageMeta,
  parseSimCard,
  parseSimCardAction,
  parseSimCardDetail,
  parseSimCardGroup,
  sharedStringCount,
} from '../../../src/telnyx/parse';
import { amountToBytes } from '../../../src/telnyx/units';
import { at, defined } from '../helpers/at';

const SPEC_EXAMPLE = {
  id: '6a09cdc3-8948-47f0-aa62-74ac943d6c58',
  record_type: 'sim_card',
  status: { value: 'enabled', reason: 'The SIM card is active.' },
  type: 'physical',
  iccid: '89310410106543789301',
  imsi: '081932214823362973',
  msisdn: '+13109976224',
  sim_card_group_id: '6a09cdc3-8948-47f0-aa62-74ac943d6c58',
  tags: ['personal', 'customers', 'active-customers'],
  data_limit: { amount: '2048.0', unit: 'MB' },
  current_billing_period_consumed_data: { amount: '2049.0', unit: 'MB' },
  actions_in_progress: true,
  created_at: '2018-02-02T22:25:27.521Z',
  updated_at: '2018-02-02T22:25:27.521Z',
  esim_installation_status: 'released',
  version: '4.3',
  resources_with_in_progress_actions: [],
  eid: null,
  authorized_imeis: ['106516771852751'],
};

describe('telnyx/parse records', () => {
  it('keeps a well-formed SIM as it is', () => {
    assert.deepEqual(parseSimCard(SPEC_EXAMPLE), SPEC_EXAMPLE);
  });

  it('drops items that are not objects or have no string id', () => {
    for (const bad of [null, 1, 'x', true, [], [SPEC_EXAMPLE], {}, { id: 5 }, { id: '' }, { id: '   ' }, { id: null }, { id: {} }]) {
      assert.equal(parseSimCard(bad), undefined, JSON.stringify(bad));
    }
  });

  it('tolerates null status, missing status value, unknown status and a bare string status', () => {
    assert.equal(parseSimCard({ id: 'a', status: null })!.status, null);
    assert.deepEqual(parseSimCard({ id: 'a', status: {} })!.status, {});
    assert.deepEqual(parseSimCard({ id: 'a', status: { value: 'teleporting' } })!.status, { value: 'teleporting' });
    assert.deepEqual(parseSimCard({ id: 'a', status: 'enabled' })!.status, { value: 'enabled' });
    assert.equal('status' in parseSimCard({ id: 'a', status: 42 })!, false);
    assert.deepEqual(parseSimCard({ id: 'a', status: { value: 7, reason: ['x'] } })!.status, { value: '7' });
  });

  it('coerces wrong types in known fields instead of passing them on', () => {
    const sim = parseSimCard({
      id: 'a',
      tags: ['ok', 3, null, { x: 1 }, 'fine'],
      authorized_imeis: 'not-an-array',
      iccid: 8931,
      msisdn: { evil: true },
      actions_in_progress: 'yes',
      data_limit: 'lots',
      current_billing_period_consumed_data: { amount: 12, unit: ['MB'] },
      resources_with_in_progress_actions: 'x',
      sim_card_group: { name: 'no id' },
    })!;
    assert.deepEqual(sim.tags, ['ok', 'fine']);
    assert.equal('authorized_imeis' in sim, false);
    assert.equal(sim.iccid, '8931');
    assert.equal('msisdn' in sim, false);
    assert.equal('actions_in_progress' in sim, false);
    assert.equal('data_limit' in sim, false);
    assert.deepEqual(sim.current_billing_period_consumed_data, { amount: '12' });
    assert.equal('resources_with_in_progress_actions' in sim, false);
    assert.equal('sim_card_group' in sim, false);
  });

  it('keeps nulls, tags null, weird units and non-numeric amounts (units.ts judges those)', () => {
    const sim = parseSimCard({
      id: 'a',
      tags: null,
      iccid: null,
      data_limit: { amount: 'abc', unit: 'MB' },
      current_billing_period_consumed_data: { amount: '2 GB', unit: 'parsecs' },
    })!;
    assert.equal(sim.tags, null);
    assert.equal(sim.iccid, null);
    assert.equal(amountToBytes(sim.data_limit), undefined);
    assert.equal(amountToBytes(sim.current_billing_period_consumed_data), 2 * 1024 ** 3);
  });

  it('passes unknown extra fields through and keeps __proto__ a plain property', () => {
    const raw = JSON.parse('{"id":"a","brand_new_field":{"x":[1,2]},"__proto__":{"polluted":true}}') as unknown;
    const sim = parseSimCard(raw) as unknown as Record<string, unknown>;
    assert.deepEqual(sim.brand_new_field, { x: [1, 2] });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((sim as { polluted?: unknown }).polluted, undefined);
  });

  it('parses the detail fields, the included group, groups, actions and logs', () => {
    const detail = parseSimCardDetail({
      ...SPEC_EXAMPLE,
      ipv4: '10.0.0.1',
      current_device_location: { latitude: '41.1', longitude: 2.5, accuracy: 'x', accuracy_unit: 'm' },
      live_data_session: 'connected',
      current_imei: 123,
      sim_card_group: { id: 'g1', name: 'Fleet', sim_card_count: '12', default: 'no' },
    })!;
    assert.equal(detail.ipv4, '10.0.0.1');
    assert.deepEqual(detail.current_device_location, { latitude: '41.1', longitude: 2.5, accuracy_unit: 'm' });
    assert.equal(detail.live_data_session, 'connected');
    assert.equal(detail.current_imei, '123');
    assert.deepEqual(detail.sim_card_group, { id: 'g1', name: 'Fleet', sim_card_count: 12 });

    assert.deepEqual(parseSimCardGroup({ id: 'g', name: null, data_limit: null, consumed_data: { amount: '1', unit: 'GB' } }), {
      id: 'g',
      name: null,
      data_limit: null,
      consumed_data: { amount: '1', unit: 'GB' },
    });
    assert.equal(parseSimCardGroup({ name: 'x' }), undefined);

    const action = parseSimCardAction({
      id: 'act',
      action_type: 'enable',
      status: { value: 'in-progress' },
      settings: 'bad',
      sim_card_id: null,
    })!;
    assert.deepEqual(action, { id: 'act', action_type: 'enable', status: { value: 'in-progress' } });

    assert.equal(parseConnectivityLog({ id: 'abc' }), undefined);
    assert.equal(parseConnectivityLog({ id: '17' })!.id, 17);
    assert.deepEqual(parseConnectivityLog({ id: 3, log_type: 'data', cell_id: 99, apn: [] }), { id: 3, log_type: 'data', cell_id: '99' });
  });
});

describe('telnyx/parse shared strings', () => {
  it('keeps values as sent while sharing them, and a hostile list cannot grow the table past its bound', () => {
    const before = sharedStringCount();
    const sims = Array.from({ length: 10_000 }, (_, i) =>
      parseSimCard(
        JSON.parse(
          JSON.stringify({
            id: `sim-${i}`,
            sim_card_group_id: `group-${i}`,
            tags: [`tag-${i}`, 'shared'],
            status: { value: 'enabled', reason: `reason ${i}` },
          }),
        ),
      ),
    );
    sims.forEach((sim, i) => {
      assert.equal(sim?.sim_card_group_id, `group-${i}`);
      assert.deepEqual(sim?.tags, [`tag-${i}`, 'shared']);
      assert.deepEqual(sim?.status, { value: 'enabled', reason: `reason ${i}` });
    });
    assert.ok(before <= 4096 && sharedStringCount() <= 4096, `the table holds ${sharedStringCount()} strings (bound 4096)`);
    // Long texts are never kept in the table.
    const count = sharedStringCount();
    const long = 'x'.repeat(500);
    const sim = parseSimCard({ id: 'long', status: { value: 'enabled', reason: long } });
    assert.equal(sim?.status?.reason, long);
    assert.equal(sharedStringCount(), count);
  });
});

describe('telnyx/parse shared values', () => {
  it('gives SIMs with the same status, data limit or tags one frozen object each, with the values as sent', () => {
    const record = (id: string, tags: string[]): unknown =>
      JSON.parse(
        JSON.stringify({
          id,
          status: { value: 'disabled', reason: 'The SIM card is disabled.' },
          data_limit: { amount: '2048.0', unit: 'MB' },
          current_billing_period_consumed_data: { amount: `${id.length}.5`, unit: 'MB' },
          tags,
          resources_with_in_progress_actions: [],
        }),
      );
    const a = defined(parseSimCard(record('a', ['fleet', 'vip'])));
    const b = defined(parseSimCard(record('b', ['fleet', 'vip'])));
    const c = defined(parseSimCard(record('c', ['vip', 'fleet'])));
    assert.deepEqual(a.status, { value: 'disabled', reason: 'The SIM card is disabled.' });
    assert.deepEqual(a.data_limit, { amount: '2048.0', unit: 'MB' });
    assert.deepEqual(a.tags, ['fleet', 'vip']);
    assert.deepEqual(c.tags, ['vip', 'fleet'], 'order is kept: another list');
    assert.equal(a.status, b.status);
    assert.equal(a.data_limit, b.data_limit);
    assert.equal(a.tags, b.tags);
    assert.notEqual(a.tags, c.tags);
    assert.equal(a.resources_with_in_progress_actions, b.resources_with_in_progress_actions);
    for (const shared of [a.status, a.data_limit, a.tags, a.resources_with_in_progress_actions]) assert.ok(Object.isFrozen(shared));
    // Consumed data differs per SIM: never shared, never frozen.
    assert.equal(Object.isFrozen(a.current_billing_period_consumed_data), false);
  });
});

describe('telnyx/parse envelopes', () => {
  it('validates the list envelope and names what is wrong', () => {
    assert.deepEqual(parseListEnvelope('x', parseSimCard), { ok: false, reason: 'was not a JSON object' });
    assert.deepEqual(parseListEnvelope([], parseSimCard), { ok: false, reason: 'was not a JSON object' });
    assert.deepEqual(parseListEnvelope({ data: {} }, parseSimCard), { ok: false, reason: 'has no data array' });
    assert.deepEqual(parseListEnvelope({}, parseSimCard), { ok: false, reason: 'has no data array' });
  });

  it('drops hostile items without failing the page and counts them', () => {
    const r = parseListEnvelope(
      { data: [SPEC_EXAMPLE, null, 5, 'x', { id: 1 }, { id: 'b', status: null }], meta: { page_number: 1 } },
      parseSimCard,
    );
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.items.map((s) => s.id),
      [SPEC_EXAMPLE.id, 'b'],
    );
    assert.equal(r.value.rawCount, 6);
    assert.equal(r.value.dropped, 4);
  });

  it('keeps only usable meta numbers', () => {
    assert.equal(parsePageMeta(undefined), undefined);
    assert.equal(parsePageMeta([1]), undefined);
    assert.deepEqual(parsePageMeta({ page_number: 1, page_size: '250', total_pages: -1, total_results: 1.5 }), {
      page_number: 1,
      page_size: 250,
    });
    assert.deepEqual(parsePageMeta({ page_number: null, total_pages: 'lots', total_results: Infinity }), {});
  });

  it('validates the object envelope', () => {
    assert.deepEqual(parseObjectEnvelope({ data: [] }, parseSimCard), { ok: false, reason: 'has no data object' });
    assert.deepEqual(parseObjectEnvelope({ data: { name: 'x' } }, parseSimCard), {
      ok: false,
      reason: 'has a data object without a string id',
    });
    const ok = parseObjectEnvelope({ data: { id: 'a' } }, parseSimCard);
    assert.ok(ok.ok);
    assert.equal(ok.value.id, 'a');
  });

  it('sanitises the error envelope', () => {
    assert.deepEqual(parseErrorItems('nope'), []);
    assert.deepEqual(parseErrorItems({ errors: 'x' }), []);
    const items = parseErrorItems({
      errors: [
        { code: 10009, title: 'Auth\nfailed', detail: 'x'.repeat(1000), source: { pointer: '/x', bad: 1 }, meta: { url: 'u' } },
        null,
        'str',
        {},
      ],
    });
    assert.equal(items.length, 1);
    const item = at(items, 0);
    assert.equal(item.code, '10009');
    assert.equal(item.title, 'Auth failed');
    assert.ok(defined(item.detail, 'detail').length <= 300);
    assert.deepEqual(item.source, { pointer: '/x' });
    assert.deepEqual(item.meta, { url: 'u' });
  });
});
