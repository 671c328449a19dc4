import assert from 'node:assert/strict';
import { generateFleet } from '../../../mock-api/fleet';
import { AttentionIndex, attentionReasons, normalizeThreshold, summarizeAttention } from '../../../src/fleet/attention';
import type { SimCard, SimCardDetail } from '../../../src/telnyx/types';
import { group, groupMap, mb, sim } from './fixtures';

describe('attention', () => {
  const capped = group({ data_limit: mb('1000') });
  const open = group({ data_limit: null });
  const groups = groupMap(capped, open);

  it('flags a SIM over its own limit, or with the data_limit_exceeded status, as limitExceeded only', () => {
    const over = sim({ sim_card_group_id: open.id, data_limit: mb('100'), current_billing_period_consumed_data: mb('101') });
    assert.deepEqual(attentionReasons(over, groups), ['limitExceeded']);
    const byStatus = sim({
      sim_card_group_id: open.id,
      status: { value: 'data_limit_exceeded' },
      current_billing_period_consumed_data: mb('1'),
    });
    assert.deepEqual(attentionReasons(byStatus, groups), ['limitExceeded']);
  });

  it('uses the group limit when the SIM has none, and the threshold is inclusive', () => {
    // 800 of 1000 MB = 80 %: at the default threshold.
    const at = sim({ sim_card_group_id: capped.id, current_billing_period_consumed_data: mb('800') });
    assert.deepEqual(attentionReasons(at, groups), ['nearLimit']);
    const below = sim({ sim_card_group_id: capped.id, current_billing_period_consumed_data: mb('799') });
    assert.deepEqual(attentionReasons(below, groups), []);
    assert.deepEqual(attentionReasons(below, groups, 79), ['nearLimit']);
    // Exactly at the limit is not exceeded, but is near it.
    const full = sim({ sim_card_group_id: capped.id, current_billing_period_consumed_data: mb('1000') });
    assert.deepEqual(attentionReasons(full, groups), ['nearLimit']);
    const beyond = sim({ sim_card_group_id: capped.id, current_billing_period_consumed_data: mb('1.5', 'GB') });
    assert.deepEqual(attentionReasons(beyond, groups), ['limitExceeded']);
  });

  it('flags unauthorized IMEIs from the status or from the current IMEI missing in the authorized list', () => {
    assert.deepEqual(attentionReasons(sim({ sim_card_group_id: open.id, status: { value: 'unauthorized_imei' } }), groups), [
      'unauthorizedImei',
    ]);
    const base = { sim_card_group_id: open.id, authorized_imeis: ['356938035643809'] };
    const stranger: SimCardDetail = { ...sim(base), current_imei: '490154203237518' };
    assert.deepEqual(attentionReasons(stranger, groups), ['unauthorizedImei']);
    const known: SimCardDetail = { ...sim(base), current_imei: '356938035643809' };
    assert.deepEqual(attentionReasons(known, groups), []);
    const anyDevice: SimCardDetail = { ...sim({ ...base, authorized_imeis: [] }), current_imei: '490154203237518' };
    assert.deepEqual(attentionReasons(anyDevice, groups), []);
  });

  it('flags SIMs without a group and SIMs with an action in progress, several reasons at once', () => {
    assert.deepEqual(attentionReasons(sim({ sim_card_group_id: '' }), groups), ['noGroup']);
    assert.deepEqual(attentionReasons(sim({ sim_card_group_id: open.id, actions_in_progress: true }), groups), ['actionInProgress']);
    assert.deepEqual(attentionReasons(sim({ sim_card_group_id: open.id, status: { value: 'enabling' } }), groups), ['actionInProgress']);
    const many = sim({
      sim_card_group_id: null,
      status: { value: 'unauthorized_imei' },
      data_limit: mb('10'),
      current_billing_period_consumed_data: mb('20'),
    });
    assert.deepEqual(attentionReasons(many, groups), ['limitExceeded', 'unauthorizedImei', 'noGroup']);
  });

  it('tolerates garbage records', () => {
    const junk = { id: 'x', status: 'weird', data_limit: { amount: 'lots' }, sim_card_group_id: 7 } as unknown as SimCard;
    assert.deepEqual(attentionReasons(junk, groups), ['noGroup']);
    assert.equal(normalizeThreshold(Number.NaN), 80);
    assert.equal(normalizeThreshold(0), 1);
    assert.equal(normalizeThreshold(250), 100);
  });

  it('summarizes a generated fleet the same as an independent count of its records', () => {
    const fleet = generateFleet({ seed: 13, sims: 600 });
    const byId = new Map(fleet.groups.map((g) => [g.id, g]));
    const MB = 1024 * 1024;
    const bytes = (a: { amount?: string | null; unit?: string | null } | null | undefined): number | undefined => {
      if (!a?.amount) return undefined;
      return Number(a.amount) * (a.unit === 'GB' ? 1024 * MB : MB);
    };
    const expected = {
      limitExceeded: new Set<string>(),
      unauthorizedImei: new Set<string>(),
      nearLimit: new Set<string>(),
      noGroup: new Set<string>(),
      actionInProgress: new Set<string>(),
    };
    for (const s of fleet.sims) {
      const g = s.sim_card_group_id ? byId.get(s.sim_card_group_id) : undefined;
      const limit = bytes(s.data_limit) || bytes(g?.data_limit);
      const used = bytes(s.current_billing_period_consumed_data) ?? 0;
      const over = s.status?.value === 'data_limit_exceeded' || (limit !== undefined && used > limit);
      if (over) expected.limitExceeded.add(s.id);
      else if (limit !== undefined && used * 100 >= limit * 80) expected.nearLimit.add(s.id);
      const imeiList = s.authorized_imeis ?? [];
      if (s.status?.value === 'unauthorized_imei' || (s.current_imei && imeiList.length > 0 && !imeiList.includes(s.current_imei))) {
        expected.unauthorizedImei.add(s.id);
      }
      if (!s.sim_card_group_id) expected.noGroup.add(s.id);
      if (s.actions_in_progress || ['registering', 'enabling', 'disabling', 'setting_standby'].includes(s.status?.value ?? '')) {
        expected.actionInProgress.add(s.id);
      }
    }
    const all = new Set(Object.values(expected).flatMap((set) => [...set]));
    const summary = summarizeAttention(fleet.sims, byId);
    assert.ok(all.size > 50 && expected.nearLimit.size > 0 && expected.noGroup.size > 0, 'the fleet exercises every reason');
    assert.equal(summary.total, all.size);
    for (const [reason, set] of Object.entries(expected)) {
      const key = reason as keyof typeof expected;
      assert.equal(summary.counts[key], set.size, reason);
      assert.deepEqual(new Set(summary.simIds[key]), set, reason);
    }
  });

  it('keeps the summary current one SIM at a time', () => {
    const a = sim({ sim_card_group_id: null });
    const b = sim({ sim_card_group_id: capped.id, current_billing_period_consumed_data: mb('900') });
    const index = new AttentionIndex(groups);
    index.set(a);
    index.set(b);
    assert.equal(index.total, 2);
    assert.deepEqual(index.summary().counts, { limitExceeded: 0, unauthorizedImei: 0, nearLimit: 1, noGroup: 1, actionInProgress: 0 });
    index.set({ ...b, current_billing_period_consumed_data: mb('2000') });
    assert.deepEqual(index.summary().simIds.limitExceeded, [b.id]);
    assert.deepEqual(index.summary().simIds.nearLimit, []);
    index.set({ ...a, sim_card_group_id: open.id });
    assert.equal(index.total, 1);
    assert.deepEqual(index.reasonsOf(a.id), []);
    index.delete(b.id);
    assert.equal(index.summary().total, 0);
    index.reset([b], groups, 95);
    assert.deepEqual(index.reasonsOf(b.id), []);
  });
});
