import assert from 'node:assert/strict';
import { EMPTY_SNAPSHOT, createSnapshot, findSim, replaceSim } from '../../../src/fleet/fleetState';
import { groupForSim, groupsByIdFrom, simGroupId } from '../../../src/fleet/groups';
import { group, groupMap, sim, st } from './fixtures';

describe('fleet/fleetState and groups', () => {
  it('createSnapshot copies inputs, indexes groups and freezes', () => {
    const sims = [sim(), sim()];
    const g = group();
    const snap = createSnapshot({ sims, groups: [g], loadedAt: 5, complete: true, totalResults: 2 });
    assert.notEqual(snap.sims, sims);
    assert.equal(snap.groupsById.get(g.id), g);
    assert.equal(snap.totalResults, 2);
    assert.ok(Object.isFrozen(snap));
    sims.push(sim());
    assert.equal(snap.sims.length, 2);
    const fromMap = createSnapshot({ sims: [], groups: groupMap(g), loadedAt: 1, complete: false });
    assert.equal(fromMap.groupsById.get(g.id), g);
    assert.equal('totalResults' in fromMap, false);
    assert.equal(EMPTY_SNAPSHOT.sims.length, 0);
  });

  it('replaceSim swaps one SIM by id without touching the old snapshot', () => {
    const a = sim({ status: st('enabled') });
    const b = sim();
    const snap = createSnapshot({ sims: [a, b], loadedAt: 1, complete: true });
    const a2 = { ...a, status: st('disabling') };
    const next = replaceSim(snap, a2);
    assert.equal(next.sims[0], a2);
    assert.equal(next.sims[1], b);
    assert.equal(snap.sims[0], a);
    assert.equal(findSim(next, a.id), a2);
    assert.equal(replaceSim(snap, sim()), snap, 'unknown id: unchanged');
    assert.equal(findSim(snap, 'nope'), undefined);
  });

  it('groupForSim prefers loaded groups, then the embedded matching group', () => {
    const loaded = group({ id: 'g1', name: 'Loaded' });
    const embedded = group({ id: 'g1', name: 'Embedded' });
    const other = group({ id: 'g2', name: 'Other' });
    assert.equal(groupForSim(sim({ sim_card_group_id: 'g1', sim_card_group: embedded }), groupMap(loaded)), loaded);
    assert.equal(groupForSim(sim({ sim_card_group_id: 'g1', sim_card_group: embedded }), new Map()), embedded);
    assert.equal(groupForSim(sim({ sim_card_group_id: 'g1', sim_card_group: other }), new Map()), undefined);
    assert.equal(groupForSim(sim({ sim_card_group_id: null }), groupMap(loaded)), undefined);
    assert.equal(simGroupId(sim({ sim_card_group_id: '  ' })), undefined);
  });

  it('groupsByIdFrom skips records without an id', () => {
    const g = group({ id: 'ok' });
    const map = groupsByIdFrom([g, { id: '' }, null as unknown as typeof g]);
    assert.deepEqual([...map.keys()], ['ok']);
  });
});
