// A large fleet, a hanging optional request, refreshes and Find SIM at scale (issue 9, issue 11 items 1 and 16).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startMockApi, type MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import type { FleetNode } from '../../src/fleet';
import { DEFAULT_CONCURRENCY } from '../../src/telnyx/client';
import type { SimCard } from '../../src/telnyx/types';
import { bucketCounts, messageOf, openView, resetExtensionState, setKey, setSetting, TEST_KEY, waitFor } from './helpers';

const STATUS_LABELS: Record<string, string> = {
  registering: 'Registering',
  enabling: 'Enabling',
  enabled: 'Enabled',
  setting_standby: 'Setting standby',
  standby: 'Standby',
  disabling: 'Disabling',
  disabled: 'Disabled',
  data_limit_exceeded: 'Data limit exceeded',
  unauthorized_imei: 'Unauthorized IMEI',
};

/** Label -> count computed here from the local API's own records. */
function statusCounts(sims: readonly SimCard[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sims) {
    const label = STATUS_LABELS[String(s.status?.value)] ?? String(s.status?.value);
    out.set(label, (out.get(label) ?? 0) + 1);
  }
  return out;
}

function sorted(m: Map<string, number>): [string, number][] {
  return [...m].sort((a, b) => a[0].localeCompare(b[0]));
}

/** Starts a local API (with faults added before the extension's first request) and points the extension at it. */
async function fleetOf(
  sims: number,
  seed: number,
  before: (mock: MockApi) => void = () => undefined,
): Promise<{ mock: MockApi; ext: TestApi }> {
  const ext = await openView();
  await resetExtensionState(ext);
  const mock = await startMockApi({ port: 0, sims, seed, apiKey: TEST_KEY });
  before(mock);
  await setSetting('apiBaseUrl', mock.url);
  if (ext.fleet.phase === 'noKey') await setKey(TEST_KEY);
  // The list of an earlier suite's API stays on screen until the new load begins (it may have as many SIMs).
  await waitFor('the list requested from the new local API', () => mock.requests.some((r) => r.path.endsWith('/sim_cards')));
  return { mock, ext };
}

describe('A large fleet in the view', function () {
  this.timeout(180_000);

  it('shows every SIM although the SIM card groups request hangs', async () => {
    const { mock, ext } = await fleetOf(600, 31, (m) =>
      m.addFault({ path: '/sim_card_groups', kind: 'delay', delayMs: 600_000, times: 20 }),
    );
    try {
      await waitFor('every SIM while groups hang', () => ext.fleet.settled && ext.fleet.model.size === mock.fleet.sims.length, 30_000);
      const names = mock.fleet.groups.filter((g) => ext.fleet.model.groupsById.has(g.id));
      assert.deepEqual(names, [], 'the groups request is still hanging');
      assert.deepEqual(sorted(bucketCounts(ext)), sorted(statusCounts(mock.fleet.sims)));
      assert.match(messageOf(ext), /^600 SIMs · by status/);
    } finally {
      await mock.close();
    }
  });

  describe('20,000 SIM cards', () => {
    let mock: MockApi;
    let ext: TestApi;

    before(async () => {
      ({ mock, ext } = await fleetOf(20_000, 44));
      await waitFor('the 20,000-SIM fleet', () => ext.fleet.settled && ext.fleet.model.size === mock.fleet.sims.length, 120_000);
    });
    after(async () => {
      await ext.fleet.setOptions({ filter: {} });
      await mock.close();
    });

    it('loads with bucket counts equal to the local API data', () => {
      assert.deepEqual(sorted(bucketCounts(ext)), sorted(statusCounts(mock.fleet.sims)));
      assert.match(messageOf(ext), /^20,000 SIMs · by status · ICCID order$/);
    });

    it('lists its 80 pages over a few reused connections, not one connection per page', () => {
      // VS Code's proxy support gives every request an agent without keep-alive: without the
      // explicit keep-alive header each page came on a new connection (a TLS handshake each on Telnyx).
      const pages = mock.requests.filter((r) => r.path === '/v2/sim_cards' && r.query['page[size]'] === '250');
      assert.ok(pages.length >= 80, `the load asked for ${pages.length} pages`);
      const connections = new Set(pages.map((r) => r.connection));
      assert.ok(connections.size <= 2 * DEFAULT_CONCURRENCY, `${pages.length} pages came on ${connections.size} connections`);
    });

    it('keeps the previous counts during a refresh until the new list is complete (issue 11 item 16)', async () => {
      const expected = sorted(statusCounts(mock.fleet.sims));
      // Slow pages, so the refresh is observed while it runs.
      mock.addFault({ path: '/sim_cards', kind: 'delay', delayMs: 150, times: 200 });
      const refresh = vscode.commands.executeCommand('telnyxSims.refresh');
      let observed = 0;
      await waitFor('the refresh to start', () => ext.fleet.phase === 'loading');
      while (ext.fleet.phase === 'loading') {
        assert.deepEqual(sorted(bucketCounts(ext)), expected, 'counts during the refresh');
        if (/^Loading [\d,]+ of 20,000 SIM cards…$/.test(messageOf(ext))) observed++;
        await new Promise((r) => setTimeout(r, 100));
      }
      await refresh;
      mock.clearFaults();
      assert.ok(observed > 0, 'the view said "Loading N of 20,000" while the old counts stayed');
      assert.deepEqual(sorted(bucketCounts(ext)), expected);
    });

    it('Find reveals a SIM inside a range of a large bucket', async () => {
      const enabled = mock.fleet.sims.filter((s) => s.status?.value === 'enabled');
      assert.ok(enabled.length > 500, 'the Enabled bucket is split into ranges');
      const target = enabled[enabled.length - 1];
      assert.ok(target?.iccid);
      const result = await ext.findSim(target.iccid);
      assert.deepEqual(result, { kind: 'revealed', simId: target.id });
      const selected = ext.view.treeView.selection.find((n): n is Extract<FleetNode, { kind: 'sim' }> => n.kind === 'sim');
      assert.equal(selected?.simId, target.id);
      const parent = ext.view.provider.getParent(selected);
      assert.equal(parent?.kind, 'range', 'the SIM sits in a range');
    });

    it('Find looks up a SIM outside the filter through the API and opens its details', async () => {
      await ext.fleet.setOptions({ filter: { status: ['disabled'] } });
      await waitFor('the filtered list', () => ext.fleet.settled);
      const outside = mock.fleet.sims.find((s) => s.status?.value === 'enabled' && s.iccid);
      assert.ok(outside?.iccid);
      assert.equal(ext.fleet.model.getSim(outside.id), undefined, 'not loaded: the filter hides it');
      mock.requests.length = 0;
      const result = await ext.findSim(outside.iccid);
      assert.deepEqual(result, { kind: 'opened', simId: outside.id });
      assert.ok(
        mock.requests.some((r) => r.path === '/v2/sim_cards' && r.query['filter[iccid]'] === outside.iccid),
        'looked up by filter[iccid]',
      );
      await waitFor('its details panel', () => ext.panels.openSimIds().includes(outside.id));
    });
  });
});
