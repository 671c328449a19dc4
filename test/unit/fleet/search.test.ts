import assert from 'node:assert/strict';
import { matchSims, simSearchText } from '../../../src/fleet/search';
import { hostile, ids, sim } from './fixtures';

describe('fleet/search', () => {
  const a = sim({ id: 'id-a', iccid: '8931000000000000001', imsi: '001010000000001', msisdn: '+1 310-997-6224', tags: ['Fleet-North'] });
  const b = sim({ id: 'id-b', iccid: '8931000000000000012', imsi: '001010000000012', msisdn: '+13109976225', tags: ['south'] });
  const c = sim({ id: 'id-c', iccid: '12', imsi: null, msisdn: null, tags: null });
  const all = [a, b, c];

  it('ranks exact, then prefix, then substring matches', () => {
    // c's ICCID is exactly "12"; b's ICCID ends with 12 (substring); a's IMSI does not contain 12.
    assert.deepEqual(ids(matchSims(all, '12')), ids([c, b]));
    // prefix on ICCID beats substring on IMSI
    const p = sim({ id: 'p', iccid: '555123', imsi: null, msisdn: null, tags: [] });
    const s = sim({ id: 's', iccid: null, imsi: '00555', msisdn: null, tags: [] });
    const e = sim({ id: 'e', iccid: '555', imsi: null, msisdn: null, tags: [] });
    assert.deepEqual(ids(matchSims([s, p, e], '555')), ['e', 'p', 's']);
  });

  it('matches MSISDN ignoring +, spaces and dashes on both sides', () => {
    assert.deepEqual(ids(matchSims(all, '3109976224')), ids([a]));
    assert.deepEqual(ids(matchSims(all, '+1 310 997 6224')), ids([a]));
    assert.deepEqual(ids(matchSims(all, '310-997-622')), ids([a, b]));
  });

  it('matches IMSI, id and tags case-insensitively', () => {
    assert.deepEqual(ids(matchSims(all, '001010000000012')), ids([b]));
    assert.deepEqual(ids(matchSims(all, 'ID-C')), ids([c]));
    assert.deepEqual(ids(matchSims(all, 'north')), ids([a]));
    assert.deepEqual(ids(matchSims(all, 'SOUTH')), ids([b]));
  });

  it('limits results, keeps input order within a rank, and matches nothing for blank queries', () => {
    const many = Array.from({ length: 300 }, (_, i) => sim({ id: `x-${i}`, tags: ['bulk'] }));
    const out = matchSims(many, 'bulk');
    assert.equal(out.length, 200);
    assert.deepEqual(ids(out), ids(many.slice(0, 200)));
    assert.equal(matchSims(many, 'bulk', 5).length, 5);
    assert.deepEqual(matchSims(many, '   '), []);
    assert.deepEqual(matchSims(many, ''), []);
    assert.deepEqual(matchSims(all, 'zzz-no-match'), []);
  });

  it('does not match "+" or "-" alone against every phone number', () => {
    assert.deepEqual(matchSims([sim({ id: 'q', iccid: '1', imsi: '2', msisdn: '+1', tags: [] })], '+'), []);
  });

  it('tolerates garbage records', () => {
    const junk = hostile({ iccid: 42, msisdn: { x: 1 }, imsi: null, tags: 'fleet' });
    assert.deepEqual(matchSims([junk], '42'), []);
    assert.deepEqual(ids(matchSims([junk], 'hostile')), ['hostile']);
  });

  it('simSearchText joins the searchable values on one line', () => {
    assert.equal(simSearchText(sim({ id: 'i', iccid: '89', msisdn: '+1\n2', imsi: null, tags: ['t1', 't1', 't2'] })), '89 +1 2 i t1 t2');
  });
});
