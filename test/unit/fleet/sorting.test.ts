import assert from 'node:assert/strict';
import { DEFAULT_SORT_KEY, sortOptions, apiSortFor, isSortKey, sortSims, type SortKey } from '../../../src/fleet/sorting';
import { group, groupMap, hostile, ids, mb, sim } from './fixtures';

const used = (amount: string | null, unit = 'MB') =>
  sim({ current_billing_period_consumed_data: amount === null ? null : mb(amount, unit) });

describe('fleet/sorting', () => {
  it('sortOptions() covers every key once; only data-used sorts are API sorts', () => {
    const keys: SortKey[] = ['dataUsedDesc', 'dataUsedAsc', 'iccid', 'msisdn', 'updated', 'usagePercent'];
    assert.deepEqual(
      sortOptions()
        .map((o) => o.key)
        .sort(),
      [...keys].sort(),
    );
    for (const o of sortOptions()) {
      assert.equal(o.api, apiSortFor(o.key) !== undefined, o.key);
      assert.ok(o.label && o.detail && o.short);
    }
    assert.ok(isSortKey(DEFAULT_SORT_KEY));
    assert.equal(isSortKey('bogus'), false);
    assert.equal(isSortKey(undefined), false);
  });

  it('apiSortFor maps the data-used keys to the API sort parameter', () => {
    assert.equal(apiSortFor('dataUsedDesc'), '-current_billing_period_consumed_data.amount');
    assert.equal(apiSortFor('dataUsedAsc'), 'current_billing_period_consumed_data.amount');
    for (const k of ['iccid', 'msisdn', 'updated', 'usagePercent'] as const) assert.equal(apiSortFor(k), undefined);
  });

  it('dataUsedDesc: highest first across units, missing last, stable ties, new array', () => {
    const a = used('500');
    const b = used('1', 'GB');
    const c = used(null);
    const d = used('500');
    const e = hostile({ current_billing_period_consumed_data: { amount: 'garbage' } });
    const f = used('2048', 'KB');
    const input = [c, a, e, b, d, f];
    const out = sortSims(input, 'dataUsedDesc', new Map());
    assert.deepEqual(ids(out), ids([b, a, d, f, c, e]));
    assert.notEqual(out, input);
    assert.deepEqual(ids(input), ids([c, a, e, b, d, f]), 'input untouched');
  });

  it('dataUsedAsc: lowest first, missing still last', () => {
    const a = used('500');
    const b = used('1', 'GB');
    const c = used(null);
    const z = used('0');
    assert.deepEqual(ids(sortSims([c, b, a, z], 'dataUsedAsc', new Map())), ids([z, a, b, c]));
  });

  it('iccid: digit by digit as text, so 19- and 20-digit ICCIDs interleave by prefix; missing last', () => {
    const s19 = sim({ iccid: '8931089318104000001' });
    const s20 = sim({ iccid: '89310893181040000001' });
    const s19b = sim({ iccid: '8931089318104000002' });
    const s20b = sim({ iccid: '89440000000000000001' });
    const s19c = sim({ iccid: '8901260000000000001' });
    const none = sim({ iccid: null });
    const blank = sim({ iccid: '  ' });
    const out = sortSims([none, s20b, s20, blank, s19b, s19c, s19], 'iccid', new Map());
    // Written out by hand: compare the first differing digit, a prefix before its extensions.
    assert.deepEqual(ids(out), ids([s19c, s20, s19, s19b, s20b, none, blank]));
  });

  it('iccid: a prefix sorts before its extensions; letters compare case-insensitively', () => {
    const short = sim({ iccid: '8931' });
    const long = sim({ iccid: '89310' });
    const upper = sim({ iccid: '8931F' });
    const lower = sim({ iccid: '8931e' });
    assert.deepEqual(ids(sortSims([upper, long, lower, short], 'iccid', new Map())), ids([short, long, lower, upper]));
  });

  it('msisdn: by digits as text (ignoring + and spaces), so +882… follows +44…; missing last', () => {
    const a = sim({ msisdn: '+1 310 997 6224' });
    const b = sim({ msisdn: '13109976223' });
    const c = sim({ msisdn: '+4915112345678' });
    const d = sim({ msisdn: null });
    const e = sim({ msisdn: '+' });
    const uk = sim({ msisdn: '+447400123456' });
    const intl = sim({ msisdn: '+88234123456' });
    const nl = sim({ msisdn: '+31612345678' });
    assert.deepEqual(ids(sortSims([d, intl, c, e, uk, a, nl, b], 'msisdn', new Map())), ids([b, a, nl, uk, c, intl, d, e]));
  });

  it('updated: newest first, unparsable dates last', () => {
    const old = sim({ updated_at: '2023-01-01T00:00:00Z' });
    const mid = sim({ updated_at: '2024-06-01T00:00:00+02:00' });
    const fresh = sim({ updated_at: '2024-06-01T00:00:00Z' });
    const bad = sim({ updated_at: 'yesterday-ish' });
    const none = sim({ updated_at: null });
    assert.deepEqual(ids(sortSims([bad, old, none, mid, fresh], 'updated', new Map())), ids([fresh, mid, old, bad, none]));
  });

  it('usagePercent: highest first using the group limit as fallback; no limit last', () => {
    const g = group({ data_limit: mb('100') });
    const viaGroup = sim({ sim_card_group_id: g.id, data_limit: null, current_billing_period_consumed_data: mb('90') }); // 90%
    const own = sim({ data_limit: mb('1', 'GB'), current_billing_period_consumed_data: mb('512') }); // 50%
    const over = sim({ data_limit: mb('10'), current_billing_period_consumed_data: mb('20') }); // 200%
    const noLimit = sim({ data_limit: null, current_billing_period_consumed_data: mb('99999') });
    const unknownGroup = sim({ sim_card_group_id: 'nope', current_billing_period_consumed_data: mb('5') });
    const out = sortSims([noLimit, own, unknownGroup, viaGroup, over], 'usagePercent', groupMap(g));
    assert.deepEqual(ids(out), ids([over, viaGroup, own, noLimit, unknownGroup]));
    // Without the group map the group-limited SIM has no percentage and drops to the end.
    const out2 = sortSims([noLimit, own, viaGroup, over], 'usagePercent', new Map());
    assert.deepEqual(ids(out2), ids([over, own, noLimit, viaGroup]));
  });

  it('is stable for equal keys in every mode', () => {
    const sims = Array.from({ length: 50 }, () =>
      sim({
        iccid: '8900',
        msisdn: '+1',
        updated_at: '2024-01-01T00:00:00Z',
        current_billing_period_consumed_data: mb('1'),
        data_limit: mb('2'),
      }),
    );
    for (const o of sortOptions()) assert.deepEqual(ids(sortSims(sims, o.key, new Map())), ids(sims), o.key);
  });
});
