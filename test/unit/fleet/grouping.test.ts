import assert from 'node:assert/strict';
import { GROUP_BY_VALUES, NO_GROUP_KEY, UNTAGGED_KEY, groupSims, isGroupBy } from '../../../src/fleet/grouping';
import { at } from '../helpers/at';
import { group, groupMap, hostile, ids, sim, st } from './fixtures';

const summary = (b: { key: string; label: string; sims: { id: string }[] }[]): [string, string, number][] =>
  b.map((x) => [x.key, x.label, x.sims.length]);

describe('fleet/grouping', () => {
  it('GROUP_BY_VALUES and isGroupBy agree with the setting enum', () => {
    assert.deepEqual([...GROUP_BY_VALUES], ['status', 'tag', 'group', 'type', 'none']);
    for (const v of GROUP_BY_VALUES) assert.equal(isGroupBy(v), true);
    for (const v of ['Status', '', 'tags', null, undefined, 3, {}]) assert.equal(isGroupBy(v), false);
  });

  describe('by status', () => {
    it('orders buckets by lifecycle, then unknown statuses alphabetically, then missing', () => {
      const sims = [
        sim({ status: st('zz_new') }),
        sim({ status: null }),
        sim({ status: st('disabled') }),
        sim({ status: st('aa_new') }),
        sim({ status: st('enabled') }),
        sim({ status: st('standby') }),
        sim({ status: st('enabled') }),
        sim({ status: st('registering') }),
      ];
      assert.deepEqual(summary(groupSims(sims, 'status', new Map())), [
        ['status:registering', 'Registering', 1],
        ['status:enabled', 'Enabled', 2],
        ['status:standby', 'Standby', 1],
        ['status:disabled', 'Disabled', 1],
        ['status:aa_new', 'Aa new', 1],
        ['status:zz_new', 'Zz new', 1],
        ['status:unknown', 'Unknown', 1],
      ]);
    });

    it('preserves input order inside a bucket and omits empty buckets', () => {
      const a = sim({ status: st('enabled') });
      const b = sim({ status: st('enabled') });
      const c = sim({ status: st('enabled') });
      const buckets = groupSims([c, a, b], 'status', new Map());
      assert.equal(buckets.length, 1);
      assert.deepEqual(ids(at(buckets, 0).sims), ids([c, a, b]));
      assert.deepEqual(groupSims([], 'status', new Map()), []);
    });
  });

  describe('by tag', () => {
    it('puts a SIM in each of its tags, once per tag, untagged last', () => {
      const multi = sim({ tags: ['fleet-b', 'Alpha', 'fleet-b', 'alpha'] });
      const none = sim({ tags: [] });
      const nullTags = sim({ tags: null });
      const one = sim({ tags: ['fleet-a'] });
      const buckets = groupSims([multi, none, one, nullTags], 'tag', new Map());
      assert.deepEqual(summary(buckets), [
        ['tag:alpha', 'alpha', 1],
        ['tag:Alpha', 'Alpha', 1],
        ['tag:fleet-a', 'fleet-a', 1],
        ['tag:fleet-b', 'fleet-b', 1],
        [UNTAGGED_KEY, 'Untagged', 2],
      ]);
      assert.deepEqual(ids(at(buckets, 4).sims), ids([none, nullTags]));
    });

    it('sorts tags case-insensitively and numeric-aware', () => {
      const sims = [sim({ tags: ['b', 'tag10', 'A', 'tag2'] })];
      assert.deepEqual(
        groupSims(sims, 'tag', new Map()).map((b) => b.label),
        ['A', 'b', 'tag2', 'tag10'],
      );
    });

    it('the untagged key cannot collide with a real tag; blank and non-string tags are ignored', () => {
      const s1 = sim({ tags: ['', '  '] });
      const s2 = hostile({ tags: [null, 5, {}, 'real'] });
      const s3 = hostile({ tags: 'not-an-array' });
      const buckets = groupSims([s1, s2, s3], 'tag', new Map());
      assert.deepEqual(summary(buckets), [
        ['tag:real', 'real', 1],
        [UNTAGGED_KEY, 'Untagged', 2],
      ]);
      assert.equal(new Set(buckets.map((b) => b.key)).size, buckets.length);
    });

    it('labels hostile tags as one line of plain text', () => {
      const buckets = groupSims([sim({ tags: ['evil\nline\u202e'] })], 'tag', new Map());
      assert.equal(at(buckets, 0).label, 'evil line');
      assert.equal(at(buckets, 0).key, 'tag:evil\nline\u202e');
    });
  });

  describe('by SIM card group', () => {
    it('sorts by group name, keeps same-named groups apart, unknown groups then "No group" last', () => {
      const meters = group({ id: 'g-meters', name: 'Meters EU' });
      const alpha1 = group({ id: 'g-alpha-1', name: 'alpha' });
      const alpha2 = group({ id: 'g-alpha-2', name: 'Alpha' });
      const unnamed = group({ id: '1234abcd-ffff-4000-8000-000000000000', name: null });
      const sims = [
        sim({ sim_card_group_id: 'g-meters' }),
        sim({ sim_card_group_id: null }),
        sim({ sim_card_group_id: 'g-alpha-2' }),
        sim({ sim_card_group_id: 'g-alpha-1' }),
        sim({ sim_card_group_id: '1234abcd-ffff-4000-8000-000000000000' }),
        sim({ sim_card_group_id: 'missing-group-id-xyz' }),
        sim({ sim_card_group_id: '' }),
        sim({ sim_card_group_id: 'g-meters' }),
      ];
      const buckets = groupSims(sims, 'group', groupMap(meters, alpha1, alpha2, unnamed));
      assert.deepEqual(summary(buckets), [
        ['group:g-alpha-1', 'alpha', 1],
        ['group:g-alpha-2', 'Alpha', 1],
        ['group:g-meters', 'Meters EU', 2],
        ['group:1234abcd-ffff-4000-8000-000000000000', 'Unknown group (1234abcd…)', 1],
        ['group:missing-group-id-xyz', 'Unknown group (missing-…)', 1],
        [NO_GROUP_KEY, 'No group', 2],
      ]);
    });

    it('gives same-named groups a short id description', () => {
      const g1 = group({ id: 'aaaaaaaa-1', name: 'Twins' });
      const g2 = group({ id: 'bbbbbbbb-2', name: 'Twins' });
      const g3 = group({ id: 'cccccccc-3', name: 'Solo' });
      const buckets = groupSims(
        [sim({ sim_card_group_id: g2.id }), sim({ sim_card_group_id: g1.id }), sim({ sim_card_group_id: g3.id })],
        'group',
        groupMap(g1, g2, g3),
      );
      assert.deepEqual(
        buckets.map((b) => [b.label, b.description]),
        [
          ['Solo', undefined],
          ['Twins', 'aaaaaaaa…'],
          ['Twins', 'bbbbbbbb…'],
        ],
      );
    });

    it('uses the group embedded in the record when the map lacks it', () => {
      const g = group({ id: 'emb-1', name: 'Embedded' });
      const buckets = groupSims([sim({ sim_card_group_id: 'emb-1', sim_card_group: g })], 'group', new Map());
      assert.equal(at(buckets, 0).label, 'Embedded');
    });
  });

  describe('by type', () => {
    it('orders Physical, eSIM, unknown types, then missing', () => {
      const sims = [
        sim({ type: 'esim' }),
        sim({ type: null }),
        sim({ type: 'satellite' }),
        sim({ type: 'PHYSICAL' }),
        sim({ type: 'physical' }),
        sim({ type: 'esim' }),
      ];
      assert.deepEqual(summary(groupSims(sims, 'type', new Map())), [
        ['type:physical', 'Physical', 2],
        ['type:esim', 'eSIM', 2],
        ['type:satellite', 'satellite', 1],
        ['type:', 'Unknown type', 1],
      ]);
    });
  });

  describe('none', () => {
    it('returns one bucket holding all SIMs in order, or nothing for no SIMs', () => {
      const sims = [sim(), sim(), sim()];
      const buckets = groupSims(sims, 'none', new Map());
      assert.equal(buckets.length, 1);
      assert.equal(at(buckets, 0).key, 'all');
      assert.deepEqual(ids(at(buckets, 0).sims), ids(sims));
      assert.notEqual(at(buckets, 0).sims, sims, 'a copy, not the caller array');
      assert.deepEqual(groupSims([], 'none', new Map()), []);
    });
  });

  it('keys are unique across all group-by modes', () => {
    const g = group({ name: 'G' });
    const sims = [
      sim({ tags: ['x', 'y'], sim_card_group_id: g.id, type: 'esim', status: st('enabled') }),
      sim({ tags: [], sim_card_group_id: null, type: null, status: null }),
      sim({ tags: ['y'], sim_card_group_id: 'zzz', type: 'odd', status: st('new_thing') }),
    ];
    for (const by of GROUP_BY_VALUES) {
      const keys = groupSims(sims, by, groupMap(g)).map((b) => b.key);
      assert.equal(new Set(keys).size, keys.length, by);
    }
  });
});
