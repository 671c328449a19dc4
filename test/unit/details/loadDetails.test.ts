import assert from 'node:assert/strict';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import { DETAILS_LOG_COUNT, loadDetails } from '../../../src/details/loadDetails';
import { TelnyxClient } from '../../../src/telnyx/client';
import { errorKind } from '../../../src/telnyx/describeError';

const KEY = 'details-test-key';

describe('loadDetails (over HTTP against the local Telnyx API)', () => {
  let api: MockApi;
  let client: TelnyxClient;

  before(async () => {
    api = await startMockApi({ port: 0, sims: 30, seed: 7, apiKey: KEY });
    client = new TelnyxClient({ apiKey: KEY, baseUrl: api.url, maxRetries: 0 });
  });
  after(() => api.close());
  afterEach(() => api.clearFaults());

  function grouped() {
    const sim = api.fleet.sims.find((s) => s.sim_card_group_id);
    assert.ok(sim, 'the test fleet has a SIM in a group');
    const group = api.fleet.groups.find((g) => g.id === sim.sim_card_group_id);
    assert.ok(group);
    return { sim, group };
  }

  it('returns the detail record, the sessions and the group from the known fleet, without fetching the group', async () => {
    const { sim, group } = grouped();
    api.requests.length = 0;
    const input = await loadDetails(client, sim.id, { sim, groupsById: new Map([[group.id, group]]) });
    assert.equal(input.sim, sim, 'the list item stays the base');
    assert.equal(input.detail?.id, sim.id);
    assert.equal(input.detail?.iccid, sim.iccid);
    assert.equal(input.group, group);
    const expectedLogs = api.fleet
      .logsFor(sim.id)
      .slice(0, DETAILS_LOG_COUNT)
      .map((l) => l.id);
    assert.deepEqual(
      input.logs?.map((l) => l.id),
      expectedLogs,
    );
    assert.equal(input.logsError, undefined);
    const paths = api.requests.map((r) => r.path).sort();
    assert.deepEqual(paths, [`/v2/sim_cards/${sim.id}`, `/v2/sim_cards/${sim.id}/wireless_connectivity_logs`].sort());
  });

  it('opened by id only: the detail record is the base and no group is invented', async () => {
    const { sim } = grouped();
    const input = await loadDetails(client, sim.id, { groupsById: new Map() });
    assert.equal(input.sim.id, sim.id);
    assert.equal(input.group, undefined);
  });

  it('a failure of the sessions only fills logsError', async () => {
    const { sim } = grouped();
    api.addFault({ path: '/wireless_connectivity_logs', kind: 'status', status: 500, times: 5 });
    const input = await loadDetails(client, sim.id, { sim, groupsById: new Map() });
    assert.equal(input.detail?.id, sim.id);
    assert.equal(input.logs, undefined);
    assert.match(String(input.logsError), /server error \(500\)/);
  });

  it('rejects with the typed error when the SIM does not exist or the key is wrong', async () => {
    await assert.rejects(loadDetails(client, 'no-such-sim', { groupsById: new Map() }), (e) => errorKind(e) === 'notFound');
    const wrong = new TelnyxClient({ apiKey: 'wrong', baseUrl: api.url, maxRetries: 0 });
    const { sim } = grouped();
    await assert.rejects(loadDetails(wrong, sim.id, { groupsById: new Map() }), (e) => errorKind(e) === 'auth');
  });

  it('stops when the signal fires', async () => {
    const { sim } = grouped();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(loadDetails(client, sim.id, { groupsById: new Map() }, controller.signal), (e) => errorKind(e) === 'cancelled');
  });
});
