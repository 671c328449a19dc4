import assert from 'node:assert/strict';
import { simUsage, usageDescription } from '../../../src/fleet/usage';
import { group, hostile, mb, sim } from './fixtures';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('fleet/usage', () => {
  describe('simUsage', () => {
    it("uses the SIM's own limit", () => {
      const u = simUsage(sim({ current_billing_period_consumed_data: mb('1024.0'), data_limit: mb('2048.0') }));
      assert.deepEqual(u, { usedBytes: 1024 * MiB, limitBytes: 2048 * MiB, limitSource: 'sim', percent: 50, overLimit: false });
    });

    it("prefers the SIM's limit over the group's", () => {
      const g = group({ data_limit: mb('10', 'GB') });
      const u = simUsage(sim({ data_limit: mb('1', 'GB') }), g);
      assert.equal(u.limitSource, 'sim');
      assert.equal(u.limitBytes, GiB);
    });

    it("falls back to the group's limit when the SIM has none, zero or garbage", () => {
      const g = group({ data_limit: mb('1', 'GB') });
      for (const limit of [null, undefined, mb('0'), mb('0.0', 'GB'), mb('lots'), mb('-5'), { amount: null, unit: 'MB' }]) {
        const s = sim({ current_billing_period_consumed_data: mb('512') });
        // undefined stands for a record without the field
        if (limit === undefined) delete s.data_limit;
        else s.data_limit = limit;
        const u = simUsage(s, g);
        assert.equal(u.limitSource, 'group', JSON.stringify(limit));
        assert.equal(u.limitBytes, GiB);
        assert.equal(u.percent, 50);
      }
    });

    it('uses the group embedded in the record when none is passed', () => {
      const g = group({ data_limit: mb('200') });
      const u = simUsage(sim({ sim_card_group_id: g.id, sim_card_group: g, current_billing_period_consumed_data: mb('300') }));
      assert.equal(u.limitSource, 'group');
      assert.equal(u.percent, 150);
      assert.equal(u.overLimit, true);
    });

    it('has no limit when neither SIM nor group has a usable one', () => {
      const u = simUsage(sim({ current_billing_period_consumed_data: mb('5') }), group({ data_limit: mb('0') }));
      assert.deepEqual(u, { usedBytes: 5 * MiB, limitSource: 'none', overLimit: false });
    });

    it('overLimit only when strictly above the limit', () => {
      assert.equal(simUsage(sim({ current_billing_period_consumed_data: mb('2048'), data_limit: mb('2', 'GB') })).overLimit, false);
      assert.equal(simUsage(sim({ current_billing_period_consumed_data: mb('2049'), data_limit: mb('2', 'GB') })).overLimit, true);
    });

    it('mixes units correctly (GB usage vs MB limit)', () => {
      const u = simUsage(sim({ current_billing_period_consumed_data: mb('1.5', 'GB'), data_limit: mb('1024', 'MB') }));
      assert.equal(u.percent, 150);
      assert.equal(u.overLimit, true);
    });

    it('survives nulls and garbage everywhere', () => {
      const u = simUsage(hostile({ current_billing_period_consumed_data: 'lots', data_limit: 7, sim_card_group: 'x' }));
      assert.deepEqual(u, { limitSource: 'none', overLimit: false });
      const v = simUsage(sim({ current_billing_period_consumed_data: null, data_limit: mb('100') }));
      assert.deepEqual(v, { limitBytes: 100 * MiB, limitSource: 'sim', overLimit: false });
    });
  });

  describe('usageDescription', () => {
    it('shows used / limit, each value in the unit its own magnitude picks', () => {
      assert.equal(usageDescription(sim({ current_billing_period_consumed_data: mb('2049.0'), data_limit: mb('2048.0') })), '2 GB / 2 GB');
      assert.equal(usageDescription(sim({ current_billing_period_consumed_data: mb('2049.0'), data_limit: mb('2', 'GB') })), '2 GB / 2 GB');
      assert.equal(
        usageDescription(sim({ current_billing_period_consumed_data: mb('1.5', 'GB'), data_limit: mb('4096', 'MB') })),
        '1.5 GB / 4 GB',
      );
      assert.equal(
        usageDescription(sim({ current_billing_period_consumed_data: mb('100', 'MB'), data_limit: mb('1', 'KB') })),
        '100 MB / <0.01 MB',
      );
    });

    it('keeps at most two decimals and drops trailing zeros', () => {
      assert.equal(usageDescription(sim({ current_billing_period_consumed_data: mb('12.3456'), data_limit: null })), '12.35 MB');
      assert.equal(usageDescription(sim({ current_billing_period_consumed_data: mb('12.50'), data_limit: null })), '12.5 MB');
      assert.equal(usageDescription(sim({ current_billing_period_consumed_data: mb('0.0'), data_limit: null })), '0 MB');
      assert.equal(
        usageDescription(sim({ current_billing_period_consumed_data: mb('1000', 'GB'), data_limit: mb('1', 'TB') })),
        '1000 GB / 1 TB',
      );
    });

    it('shows the group limit when the SIM has none', () => {
      const g = group({ data_limit: mb('1', 'GB') });
      assert.equal(usageDescription(sim({ current_billing_period_consumed_data: mb('512'), data_limit: null }), g), '512 MB / 1 GB');
    });

    it('shows only usage without a limit, only the limit without usage, nothing without either', () => {
      assert.equal(usageDescription(sim({ current_billing_period_consumed_data: mb('512'), data_limit: null })), '512 MB');
      assert.equal(usageDescription(sim({ current_billing_period_consumed_data: null, data_limit: mb('2', 'GB') })), '— / 2 GB');
      assert.equal(usageDescription(sim({ current_billing_period_consumed_data: null, data_limit: null })), '');
      assert.equal(usageDescription(hostile({ current_billing_period_consumed_data: { amount: 'NaN' } })), '');
    });
  });
});
