import assert from 'node:assert/strict';
import { generateFleet } from '../../../mock-api/fleet';
import { summarizeAttention } from '../../../src/fleet/attention';
import { buildOverviewModel, usageBucket } from '../../../src/fleet/overview';
import {
  isOverviewHostMessage,
  isOverviewModel,
  isOverviewPersistedState,
  isOverviewWebviewMessage,
} from '../../../src/fleet/overviewMessages';
import { defaultOverviewStrings, fillTemplate } from '../../../src/fleet/overviewStrings';
import { LIFECYCLE_ORDER } from '../helpers/lifecycle';
import { group, mb, sim } from './fixtures';

const MB = 1024 * 1024;
const bytes = (a: { amount?: string | null; unit?: string | null } | null | undefined): number | undefined =>
  a?.amount ? Number(a.amount) * (a.unit === 'GB' ? 1024 * MB : MB) : undefined;

describe('fleet overview model', () => {
  const fleet = generateFleet({ seed: 7, sims: 800 });
  const strings = defaultOverviewStrings();
  const model = buildOverviewModel({ sims: fleet.sims, groups: fleet.groups, strings, loadedText: '2025-06-01 12:00 UTC' });

  it('counts SIMs by status in lifecycle order', () => {
    const expected = LIFECYCLE_ORDER.map((status) => [status, fleet.sims.filter((s) => s.status?.value === status).length] as const).filter(
      ([, n]) => n > 0,
    );
    assert.deepEqual(
      model.statuses.map((s) => [s.status, s.count]),
      expected,
    );
    assert.equal(model.total, 800);
    assert.equal(model.totalText, '800 SIMs');
    assert.equal(model.statuses.find((s) => s.status === 'enabled')?.label, 'Enabled');
    assert.equal(model.statuses[0]?.hint, `Filter the SIM Cards view by status ${model.statuses[0]?.label}`);
    assert.equal(model.loadedText, 'Loaded 2025-06-01 12:00 UTC');
  });

  it('puts every SIM into exactly one usage bucket, counted independently', () => {
    const byId = new Map(fleet.groups.map((g) => [g.id, g]));
    const expected = new Map<string, number>();
    for (const s of fleet.sims) {
      const g = s.sim_card_group_id ? byId.get(s.sim_card_group_id) : undefined;
      const limit = bytes(s.data_limit) || bytes(g?.data_limit);
      const used = bytes(s.current_billing_period_consumed_data);
      let key = 'none';
      if (limit !== undefined && used !== undefined) {
        const p = (used / limit) * 100;
        key = p > 100 ? 'over' : `p${Math.min(90, Math.floor(p / 10) * 10)}`;
      }
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    for (const b of model.buckets) assert.equal(b.count, expected.get(b.bucket) ?? 0, b.bucket);
    assert.equal(
      model.buckets.reduce((n, b) => n + b.count, 0),
      800,
    );
    assert.deepEqual(model.buckets.map((b) => b.label).slice(0, 2), ['0–10%', '10–20%']);
    assert.deepEqual(model.buckets.map((b) => b.label).slice(-3), ['90–100%', '>100%', 'No limit']);
  });

  it('buckets the edges: 100 % is not over, just above is', () => {
    assert.equal(usageBucket(0), 'p0');
    assert.equal(usageBucket(9.99), 'p0');
    assert.equal(usageBucket(10), 'p10');
    assert.equal(usageBucket(100), 'p90');
    assert.equal(usageBucket(100.01), 'over');
    assert.equal(usageBucket(undefined), 'none');
  });

  it('lists the 10 SIMs that used the most data, largest first', () => {
    const expected = [...fleet.sims]
      .map((s) => ({ id: s.id, used: bytes(s.current_billing_period_consumed_data) ?? 0 }))
      .sort((a, b) => b.used - a.used)
      .slice(0, 10)
      .map((s) => s.id);
    assert.deepEqual(
      model.top.map((t) => t.simId),
      expected,
    );
    const first = fleet.sims.find((s) => s.id === expected[0]);
    assert.equal(model.top[0]?.label, first?.iccid);
  });

  it('counts the SIMs of each group and its members over or near the limit', () => {
    assert.equal(model.groups.length, fleet.groups.length);
    for (const row of model.groups) {
      const g = fleet.groups.find((x) => x.id === row.groupId);
      const members = fleet.sims.filter((s) => s.sim_card_group_id === row.groupId);
      assert.equal(row.simCount, members.length, row.name);
      assert.equal(row.name, g?.name);
      const over = members.filter((s) => {
        const limit = bytes(s.data_limit) || bytes(g?.data_limit);
        const used = bytes(s.current_billing_period_consumed_data) ?? 0;
        return s.status?.value === 'data_limit_exceeded' || (limit !== undefined && used > limit);
      });
      assert.equal(row.overLimit, over.length, row.name);
    }
    assert.deepEqual(
      model.groups.map((g) => g.name),
      [...model.groups.map((g) => g.name)].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });

  it('keeps the top SIMs while counting: ties by id, the same in any input order, fewer when fewer used data', () => {
    const used = ['5', '9', '9', '1', '9', '3', '0', '7', '9', '2', '8', '4', '6'];
    const sims = used.map((amount, i) => sim({ id: `sim-${String(100 - i)}`, current_billing_period_consumed_data: mb(amount) }));
    // Expected from a full sort: most data first, ties by id; SIMs that used nothing are not listed.
    const expected = sims
      .filter((s) => Number(s.current_billing_period_consumed_data?.amount) > 0)
      .sort(
        (a, b) =>
          Number(b.current_billing_period_consumed_data?.amount) - Number(a.current_billing_period_consumed_data?.amount) ||
          (a.id < b.id ? -1 : 1),
      )
      .slice(0, 10)
      .map((s) => s.id);
    assert.deepEqual(
      buildOverviewModel({ sims, groups: [], strings }).top.map((t) => t.simId),
      expected,
    );
    assert.deepEqual(
      buildOverviewModel({ sims: [...sims].reverse(), groups: [], strings }).top.map((t) => t.simId),
      expected,
    );
    // 5, 9, 9 and 1 MB: the two 9s by id ('sim-98' before 'sim-99'), then 5, then 1.
    const few = sims.slice(0, 4);
    assert.deepEqual(
      buildOverviewModel({ sims: few, groups: [], strings }).top.map((t) => t.simId),
      ['sim-98', 'sim-99', 'sim-100', 'sim-97'],
    );
  });

  it('counts the needs-attention reasons of a generated fleet like the whole-fleet summary', () => {
    const summary = summarizeAttention(fleet.sims, new Map(fleet.groups.map((g) => [g.id, g])));
    assert.equal(model.attentionTotal, summary.total);
    assert.deepEqual(Object.fromEntries(model.attention.map((a) => [a.reason, a.count])), summary.counts);
    assert.ok(summary.total > 0);
  });

  it('counts needs-attention reasons for a small handmade fleet', () => {
    const g = group({ data_limit: mb('100') });
    const sims = [
      sim({ sim_card_group_id: g.id, current_billing_period_consumed_data: mb('150') }),
      sim({ sim_card_group_id: g.id, current_billing_period_consumed_data: mb('90') }),
      sim({ sim_card_group_id: null }),
      sim({ sim_card_group_id: g.id, status: { value: 'enabling' }, current_billing_period_consumed_data: mb('1') }),
      sim({ sim_card_group_id: g.id, current_billing_period_consumed_data: mb('10') }),
    ];
    const m = buildOverviewModel({ sims, groups: [g], strings });
    assert.deepEqual(
      m.attention.map((a) => [a.reason, a.count]),
      [
        ['limitExceeded', 1],
        ['unauthorizedImei', 0],
        ['nearLimit', 1],
        ['noGroup', 1],
        ['actionInProgress', 1],
      ],
    );
    assert.equal(m.attentionTotal, 4);
    assert.equal(m.attentionText, '4 need attention');
    assert.equal(m.groups[0]?.tone, 'over');
    assert.deepEqual(
      m.buckets.filter((b) => b.count > 0).map((b) => [b.bucket, b.count]),
      [
        ['p0', 1],
        ['p10', 1],
        ['p90', 1],
        ['over', 1],
        ['none', 1],
      ],
    );
  });

  it('is plain JSON that passes its own validator, and hostile text stays data', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
    assert.ok(isOverviewModel(model));
    assert.ok(isOverviewHostMessage({ type: 'state', model }));
    assert.ok(isOverviewPersistedState({ model }));
    const evil = group({ name: '<img src=x onerror=alert(1)>' });
    const m = buildOverviewModel({ sims: [sim({ sim_card_group_id: evil.id, iccid: '=HYPERLINK("x")' })], groups: [evil], strings });
    assert.equal(m.groups[0]?.name, '<img src=x onerror=alert(1)>');
    assert.ok(isOverviewModel(m));
    assert.ok(!isOverviewModel({ ...model, statuses: [{ ...model.statuses[0], tone: 'evil' }] }));
    assert.ok(!isOverviewModel({ ...model, labels: { ...model.labels, title: 3 } }));
    assert.ok(!isOverviewHostMessage({ type: 'state', model, extra: 1 }));
    const empty = buildOverviewModel({ sims: [], groups: [], strings });
    assert.equal(empty.total, 0);
    assert.ok(isOverviewModel(empty));
  });

  it('accepts only well-formed webview messages', () => {
    assert.ok(isOverviewWebviewMessage({ type: 'ready' }));
    assert.ok(isOverviewWebviewMessage({ type: 'filterStatus', status: 'enabled' }));
    assert.ok(isOverviewWebviewMessage({ type: 'filterGroup', groupId: 'g-1' }));
    assert.ok(isOverviewWebviewMessage({ type: 'openSim', simId: 's-1' }));
    for (const bad of [
      null,
      'ready',
      { type: 'filterStatus' },
      { type: 'filterStatus', status: '' },
      { type: 'filterStatus', status: 'a\nb' },
      { type: 'filterGroup', groupId: 5 },
      { type: 'openSim', simId: 'x'.repeat(201) },
      { type: 'openSim', simId: 's', command: 'x' },
      { type: 'ready', extra: true },
      { type: 'runCommand', command: 'workbench.action.quit' },
    ]) {
      assert.equal(isOverviewWebviewMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('fills templates and leaves missing placeholders', () => {
    assert.equal(fillTemplate('{0} of {1}', 'a', 'b'), 'a of b');
    assert.equal(fillTemplate('{0} {2}', 'a'), 'a {2}');
  });
});
