import * as assert from 'node:assert/strict';
import { generateFleet } from '../../../mock-api/fleet';
import { eidValid, luhnValid } from '../../../mock-api/random';
import { SIM_STATUSES } from '../../../src/telnyx/types';
import { amountToBytes } from '../../../src/telnyx/units';

describe('mock-api fleet generator', () => {
  const fleet = generateFleet({ seed: 42, sims: 1000 });

  it('is deterministic per seed and differs between seeds', () => {
    const again = generateFleet({ seed: 42, sims: 1000 });
    assert.deepEqual(JSON.parse(JSON.stringify(again.sims)), JSON.parse(JSON.stringify(fleet.sims)));
    assert.deepEqual(again.groups, fleet.groups);
    for (const sim of fleet.sims.slice(0, 50)) assert.deepEqual(again.logsFor(sim.id), fleet.logsFor(sim.id));
    const other = generateFleet({ seed: 43, sims: 1000 });
    assert.notDeepEqual(
      other.sims.map((s) => s.iccid),
      fleet.sims.map((s) => s.iccid),
    );
  });

  it('has the requested size and unique ids, ICCIDs, IMSIs, MSISDNs', () => {
    assert.equal(fleet.sims.length, 1000);
    for (const key of ['id', 'iccid', 'imsi', 'msisdn'] as const) {
      assert.equal(new Set(fleet.sims.map((s) => s[key])).size, 1000, key);
    }
  });

  it('makes valid identifiers', () => {
    for (const s of fleet.sims) {
      assert.match(s.iccid ?? '', /^89\d{17,18}$/, `ICCID ${s.iccid}`);
      assert.ok(luhnValid(s.iccid ?? ''), `Luhn ICCID ${s.iccid}`);
      assert.match(s.imsi ?? '', /^\d{15}$/);
      assert.match(s.msisdn ?? '', /^\+[1-9]\d{7,14}$/, `E.164 ${s.msisdn}`);
      for (const imei of s.authorized_imeis ?? []) assert.ok(/^\d{15}$/.test(imei) && luhnValid(imei), `IMEI ${imei}`);
      if (s.current_imei) assert.ok(luhnValid(s.current_imei) && s.current_imei.length === 15);
      if (s.type === 'esim') {
        assert.ok(eidValid(s.eid ?? ''), `EID ${s.eid}`);
        assert.ok(s.esim_installation_status === 'released' || s.esim_installation_status === 'disabled');
      } else {
        assert.equal(s.type, 'physical');
        assert.equal(s.eid, null);
        assert.equal(s.esim_installation_status, undefined);
      }
      assert.ok(!Number.isNaN(Date.parse(s.created_at ?? '')));
    }
    const lengths = new Set(fleet.sims.map((s) => s.iccid?.length));
    assert.deepEqual([...lengths].sort(), [19, 20]);
    assert.ok(new Set(fleet.sims.map((s) => s.msisdn?.slice(0, 3))).size >= 4, 'several countries');
  });

  it('covers every status, with reasons, and mostly enabled', () => {
    const statuses = new Set(fleet.sims.map((s) => s.status?.value));
    for (const st of SIM_STATUSES) assert.ok(statuses.has(st), `status ${st} present`);
    for (const s of fleet.sims) assert.ok((s.status?.reason ?? '').length > 10);
    const enabled = fleet.sims.filter((s) => s.status?.value === 'enabled').length;
    assert.ok(enabled > 500, `mostly enabled (${enabled})`);
    // Even a small fleet has each status once.
    const small = new Set(generateFleet({ seed: 7, sims: 20 }).sims.map((s) => s.status?.value));
    assert.equal(small.size, SIM_STATUSES.length);
  });

  it('has 4-6 groups, one default, mixed limits, and SIMs without group', () => {
    assert.ok(fleet.groups.length >= 4 && fleet.groups.length <= 6);
    assert.equal(fleet.groups.filter((g) => g.default).length, 1);
    const units = new Set(fleet.groups.map((g) => g.data_limit?.unit));
    assert.ok(units.has('MB') && units.has('GB') && units.has(undefined));
    assert.ok(fleet.sims.some((s) => s.sim_card_group_id === null));
    for (const g of fleet.groups) {
      assert.equal(g.sim_card_count, fleet.sims.filter((s) => s.sim_card_group_id === g.id).length);
    }
  });

  it('has untagged SIMs, many-tag SIMs, own limits and usage over the limit', () => {
    const untagged = fleet.sims.filter((s) => (s.tags ?? []).length === 0).length;
    assert.ok(untagged > 80 && untagged < 250, `~15% untagged (${untagged})`);
    assert.ok(fleet.sims.some((s) => (s.tags ?? []).length >= 4));
    assert.ok(fleet.sims.some((s) => s.data_limit) && fleet.sims.some((s) => !s.data_limit));
    assert.ok(fleet.sims.some((s) => s.current_billing_period_consumed_data?.unit === 'GB'));
    const group = new Map(fleet.groups.map((g) => [g.id, g]));
    for (const s of fleet.sims.filter((x) => x.status?.value === 'data_limit_exceeded')) {
      const limit = amountToBytes(s.data_limit ?? group.get(s.sim_card_group_id ?? '')?.data_limit);
      const used = amountToBytes(s.current_billing_period_consumed_data);
      assert.ok(limit !== undefined && used !== undefined && used > limit, `over limit: ${s.id}`);
    }
    for (const s of fleet.sims) assert.match(s.current_billing_period_consumed_data?.amount ?? '', /^\d+\.\d+$/);
  });

  it('makes connectivity logs for most SIMs, some ongoing', () => {
    const all = fleet.sims.map((s) => fleet.logsFor(s.id));
    assert.ok(all.some((l) => l.length === 0));
    const flat = all.flat();
    assert.ok(flat.length > 1000);
    assert.ok(flat.some((l) => l.stop_time === undefined));
    assert.equal(new Set(flat.map((l) => l.id)).size, flat.length);
    const rats = new Set(flat.map((l) => l.radio_access_technology));
    for (const r of ['2G', '3G', '4G', '5G', 'LTE-M', 'NB-IoT']) assert.ok(rats.has(r));
    assert.deepEqual(fleet.logsFor('no-such-sim'), []);
  });
});
