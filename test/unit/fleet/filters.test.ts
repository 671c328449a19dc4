import assert from 'node:assert/strict';
import {
  describeFilter,
  filterSummaryItems,
  isFilterActive,
  matchesFilter,
  normalizeFilter,
  parseStoredFilter,
  toSimCardQuery,
} from '../../../src/fleet/filters';
import { group, groupMap, sim, st } from './fixtures';

describe('fleet/filters', () => {
  describe('normalizeFilter', () => {
    it('trims, drops empties and duplicates, keeps case', () => {
      assert.deepEqual(
        normalizeFilter({
          status: [' enabled ', 'enabled', '', 'standby'],
          tags: ['Fleet-A', 'fleet-a', ' Fleet-A ', '  '],
          iccid: ' 8931 0893 ',
          msisdn: ' +1 (310) 997-6224 ',
          simCardGroupId: '  ',
        }),
        { status: ['enabled', 'standby'], tags: ['Fleet-A', 'fleet-a'], iccid: '89310893', msisdn: '+13109976224' },
      );
    });

    it('drops fields that become empty, and survives null', () => {
      assert.deepEqual(normalizeFilter({ status: [], tags: [''], iccid: ' ', msisdn: '+ -' }), {});
      assert.deepEqual(normalizeFilter(null), {});
      assert.deepEqual(normalizeFilter(undefined), {});
    });

    it('MSISDN keeps only + and digits and adds nothing', () => {
      assert.equal(normalizeFilter({ msisdn: '310-997' }).msisdn, '310997');
      assert.equal(normalizeFilter({ msisdn: 'abc+49x' }).msisdn, '+49');
    });
  });

  it('isFilterActive is false for empty or blank filters', () => {
    assert.equal(isFilterActive({}), false);
    assert.equal(isFilterActive({ tags: [' '], iccid: '' }), false);
    assert.equal(isFilterActive(undefined), false);
    assert.equal(isFilterActive({ iccid: '89' }), true);
    assert.equal(isFilterActive({ simCardGroupId: 'g' }), true);
  });

  describe('toSimCardQuery', () => {
    it('maps every field, the API sort and the page size', () => {
      assert.deepEqual(
        toSimCardQuery(
          { status: ['enabled', 'standby'], tags: ['a', 'b'], iccid: '8931', msisdn: '+1310', simCardGroupId: 'g1' },
          'dataUsedDesc',
          100,
        ),
        {
          status: ['enabled', 'standby'],
          tags: ['a', 'b'],
          iccid: '8931',
          msisdn: '+1310',
          simCardGroupId: 'g1',
          sort: '-current_billing_period_consumed_data.amount',
          pageSize: 100,
        },
      );
    });

    it('sends no sort for client-only sorts and clamps the page size', () => {
      assert.deepEqual(toSimCardQuery({}, 'iccid', 1000), { pageSize: 250 });
      assert.deepEqual(toSimCardQuery({}, 'usagePercent', 0), { pageSize: 1 });
      assert.deepEqual(toSimCardQuery({}, 'dataUsedAsc', NaN), { sort: 'current_billing_period_consumed_data.amount', pageSize: 250 });
    });

    it('sends only filterable statuses, and none when some wanted ones are not filterable', () => {
      assert.deepEqual(toSimCardQuery({ status: ['data_limit_exceeded', 'unauthorized_imei'] }, 'iccid', 250).status, [
        'data_limit_exceeded',
        'unauthorized_imei',
      ]);
      // Only enabling: the API cannot filter it, so no status filter at all (done locally).
      assert.equal(toSimCardQuery({ status: ['enabling'] }, 'iccid', 250).status, undefined);
      // Mixed: narrowing to 'enabled' would lose the 'enabling' SIMs the user asked for.
      assert.equal(toSimCardQuery({ status: ['enabled', 'enabling'] }, 'iccid', 250).status, undefined);
    });
  });

  describe('matchesFilter', () => {
    const s = sim({
      status: st('enabling'),
      tags: ['a', 'b'],
      iccid: '8931089318104000123',
      msisdn: '+1 310-997-6224',
      sim_card_group_id: 'g1',
    });
    it('applies each field like the API', () => {
      assert.equal(matchesFilter(s, {}), true);
      assert.equal(matchesFilter(s, { status: ['enabled', 'enabling'] }), true);
      assert.equal(matchesFilter(s, { status: ['enabled'] }), false);
      assert.equal(matchesFilter(s, { tags: ['a', 'b'] }), true);
      assert.equal(matchesFilter(s, { tags: ['a', 'c'] }), false, 'tags are all-of');
      assert.equal(matchesFilter(s, { tags: ['A'] }), false, 'tags are case-sensitive');
      assert.equal(matchesFilter(s, { iccid: '0001' }), true);
      assert.equal(matchesFilter(s, { iccid: '9999' }), false);
      assert.equal(matchesFilter(s, { msisdn: '+13109976' }), true);
      assert.equal(matchesFilter(s, { msisdn: '999' }), false);
      assert.equal(matchesFilter(s, { simCardGroupId: 'g1' }), true);
      assert.equal(matchesFilter(s, { simCardGroupId: 'g2' }), false);
    });
    it('a SIM with missing fields fails field filters instead of throwing', () => {
      const bare = sim({ status: null, tags: null, iccid: null, msisdn: null, sim_card_group_id: null });
      assert.equal(matchesFilter(bare, { iccid: '1' }), false);
      assert.equal(matchesFilter(bare, { msisdn: '1' }), false);
      assert.equal(matchesFilter(bare, { tags: ['a'] }), false);
      assert.equal(matchesFilter(bare, { status: ['unknown'] }), true);
    });
  });

  describe('describeFilter', () => {
    it('lists the active parts, the non-default sort and the count', () => {
      const g = group({ id: 'g-1', name: 'Meters EU' });
      assert.equal(
        describeFilter(
          { status: ['enabled', 'standby'], tags: ['fleet-a'], iccid: '8931', simCardGroupId: 'g-1' },
          'dataUsedDesc',
          132,
          groupMap(g),
        ),
        'status: enabled, standby · tags: fleet-a · iccid: 8931 · group: Meters EU · sorted by data used ↓ · 132 SIMs',
      );
    });

    it('omits the default sort and handles singular, zero and large counts', () => {
      assert.equal(describeFilter({}, 'iccid', 1), '1 SIM');
      assert.equal(describeFilter({}, 'iccid', 0), '0 SIMs');
      assert.equal(describeFilter({}, 'iccid', 2), '2 SIMs');
      assert.equal(describeFilter({}, 'iccid', 12345), '12,345 SIMs');
      assert.equal(describeFilter({}, 'iccid'), '');
      assert.equal(describeFilter({}, 'updated'), 'sorted by updated ↓');
      assert.equal(describeFilter({ msisdn: '+49' }, 'iccid', 1), 'msisdn: +49 · 1 SIM');
    });

    it('shows an unknown group by short id and sanitizes hostile names', () => {
      assert.equal(describeFilter({ simCardGroupId: '1234abcd-5678' }, 'iccid'), 'group: Unknown group (1234abcd…)');
      const g = group({ id: 'g', name: 'Evil\nName\u202e' });
      assert.equal(describeFilter({ simCardGroupId: 'g' }, 'iccid', undefined, groupMap(g)), 'group: Evil Name');
    });
  });

  it('filterSummaryItems names the field of each part', () => {
    assert.deepEqual(filterSummaryItems({ tags: ['x'], iccid: '1' }), [
      { field: 'tags', text: 'tags: x' },
      { field: 'iccid', text: 'iccid: 1' },
    ]);
  });

  describe('parseStoredFilter', () => {
    it('keeps valid fields (normalized) and drops invalid ones', () => {
      assert.deepEqual(parseStoredFilter({ status: ['enabled', 3, null], tags: 'a', iccid: 89, msisdn: ' +1 ', extra: true }), {
        status: ['enabled'],
        msisdn: '+1',
      });
      assert.deepEqual(parseStoredFilter(JSON.parse(JSON.stringify({ tags: ['x', 'x'], simCardGroupId: 'g' }))), {
        tags: ['x'],
        simCardGroupId: 'g',
      });
    });
    it('turns garbage into {}', () => {
      for (const x of [undefined, null, 'status', 42, [], ['enabled'], true, () => 1]) {
        assert.deepEqual(parseStoredFilter(x), {}, String(x));
      }
    });
  });
});
