// The action follower against the local Telnyx API over HTTP: settles, failures read back,
// the list read for many actions, the time bound, and that polling stops.
import * as assert from 'node:assert/strict';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import { ActionFollower, settledSim, transitionalSim } from '../../../src/services/actionFollower';
import { TelnyxClient } from '../../../src/telnyx/client';
import type { SimCardAction, SimCardDetail } from '../../../src/telnyx/types';

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('ActionFollower', function () {
  this.timeout(20_000);
  let api: MockApi;
  let client: TelnyxClient;
  let pool: SimCardDetail[];
  let follower: ActionFollower | undefined;

  before(async () => {
    api = await startMockApi({ sims: 300, seed: 4, actionSettleMs: 100 });
    client = new TelnyxClient({ apiKey: api.apiKey, baseUrl: api.url });
    pool = api.fleet.sims.filter((s) => s.status?.value === 'enabled' && s.sim_card_group_id);
  });
  afterEach(() => {
    follower?.dispose();
    follower = undefined;
    api.settings.actionFailRate = 0;
    api.settings.actionSettleMs = 100;
  });
  after(async () => api.close());

  const take = (n: number): SimCardDetail[] => pool.splice(0, n);
  const make = (opts = {}): ActionFollower => {
    follower = new ActionFollower(async () => client, { initialDelayMs: 50, maxDelayMs: 200, ...opts });
    return follower;
  };
  const reads = (): number => api.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v2/sim_card_actions')).length;

  it('resolves each action when it completes, then stops polling', async () => {
    const f = make();
    const sims = take(3);
    const actions = await Promise.all(sims.map((s) => client.disableSimCard(s.id)));
    const pending: number[] = [];
    f.onDidChangePending((n) => pending.push(n));
    const settled = await Promise.all(actions.map((a) => f.follow(a)));
    assert.deepEqual(
      settled.map((s) => s.action.status?.value),
      ['completed', 'completed', 'completed'],
    );
    assert.deepEqual(
      settled.map((s) => s.gaveUp),
      [false, false, false],
    );
    assert.equal(f.pending, 0);
    assert.equal(pending.at(-1), 0);
    // The server agrees (read independently of the follower).
    for (const s of sims) assert.equal(api.fleet.sims.find((x) => x.id === s.id)?.status?.value, 'disabled');
    const after = reads();
    await wait(600);
    assert.equal(reads(), after, 'no reads once nothing is unsettled');
  });

  it('reads the SIM back after a failed action', async () => {
    api.settings.actionFailRate = 1;
    const f = make();
    const [sim] = take(1);
    assert.ok(sim);
    const s = await f.follow(await client.disableSimCard(sim.id));
    assert.equal(s.action.status?.value, 'failed');
    assert.equal(s.sim?.id, sim.id);
    assert.equal(s.sim?.status?.value, 'enabled', 'a failed action leaves the SIM where it was');
  });

  it('reads many actions from the newest-first list instead of one by one', async () => {
    const f = make({ singleReadLimit: 5 });
    const sims = take(12);
    const actions = await Promise.all(sims.map((s) => client.disableSimCard(s.id)));
    const mark = api.requests.length;
    const settled = await Promise.all(actions.map((a) => f.follow(a)));
    assert.ok(settled.every((s) => s.action.status?.value === 'completed'));
    const seen = api.requests.slice(mark).filter((r) => r.path.startsWith('/v2/sim_card_actions'));
    assert.equal(seen[0]?.path, '/v2/sim_card_actions', 'the first round reads the list');
    // Once few are left they may be read one by one; never one read per action per round.
    assert.ok(seen.filter((r) => r.path !== '/v2/sim_card_actions').length < actions.length);
  });

  it('gives up an action after its time bound', async () => {
    api.settings.actionSettleMs = 5000;
    const f = make({ maxFollowMs: 300 });
    const [sim] = take(1);
    assert.ok(sim);
    const s = await f.follow(await client.disableSimCard(sim.id));
    assert.equal(s.gaveUp, true);
    assert.equal(s.action.status?.value, 'in-progress');
    assert.equal(f.pending, 0);
  });

  it('an action already settled resolves at once without a request', async () => {
    const f = make();
    const mark = api.requests.length;
    const done: SimCardAction = { id: 'x', action_type: 'disable', status: { value: 'completed' } };
    const s = await f.follow(done);
    assert.equal(s.action, done);
    assert.equal(api.requests.length, mark);
  });

  it('transitional and settled SIM records', () => {
    const sim = { id: 's', status: { value: 'enabled', reason: 'r' }, tags: ['a'] };
    const action: SimCardAction = { id: 'a', action_type: 'set_standby', status: { value: 'in-progress' } };
    const during = transitionalSim(sim, action);
    assert.equal(during.status?.value, 'setting_standby');
    assert.equal(during.actions_in_progress, true);
    assert.deepEqual(during.tags, ['a']);
    const completed = settledSim(during, sim, { action: { ...action, status: { value: 'completed' } }, gaveUp: false });
    assert.equal(completed.status?.value, 'standby');
    assert.equal(completed.actions_in_progress, false);
    const failed = settledSim(during, sim, { action: { ...action, status: { value: 'failed' } }, gaveUp: false });
    assert.equal(failed.status?.value, 'enabled');
    assert.equal(settledSim(during, sim, { action, gaveUp: true }), during, 'unknown: left as it is');
  });
});
