import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startMockApi, type MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import { loadedWith, roots, setSetting, TEST_KEY, waitFor, messageOf } from './helpers';

describe('Failures keep the last good tree', () => {
  let mock: MockApi;
  let ext: TestApi;

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 600, seed: 9 }));
    await setSetting('pageSize', 50);
    await setSetting('maxConcurrentRequests', 2);
    await waitFor('the reload after the page-size change', () => ext.fleet.settled);
  });
  after(async () => {
    await setSetting('pageSize', undefined);
    await setSetting('maxConcurrentRequests', undefined);
    await mock.close();
  });

  it('a server error during refresh keeps the SIMs and says what happened', async () => {
    const before = roots(ext).map((n) => n.id);
    const count = ext.fleet.model.size;
    mock.addFault({ path: '/sim_cards', kind: 'status', status: 500, times: 50 });
    await vscode.commands.executeCommand('telnyxSims.refresh');
    await waitFor('the error state', () => ext.fleet.phase === 'error');
    assert.deepEqual(
      roots(ext).map((n) => n.id),
      before,
      'the tree is unchanged',
    );
    assert.equal(ext.fleet.model.size, count);
    assert.match(messageOf(ext), /server error \(5\d\d\)/);
    assert.match(messageOf(ext), /Showing the SIM cards loaded at/);
    mock.clearFaults();
    await vscode.commands.executeCommand('telnyxSims.refresh');
    await waitFor('recovery', () => ext.fleet.settled);
    assert.match(messageOf(ext), new RegExp(`^${mock.fleet.sims.length.toLocaleString('en-US')} SIMs · by status · ICCID order$`));
  });

  it('malformed JSON from the API is reported, not thrown at the user', async () => {
    mock.addFault({ path: '/sim_cards', kind: 'malformed', times: 50 });
    await vscode.commands.executeCommand('telnyxSims.refresh');
    await waitFor('the error state', () => ext.fleet.phase === 'error');
    assert.match(messageOf(ext), /not JSON/);
    assert.equal(ext.fleet.model.size, mock.fleet.sims.length);
    mock.clearFaults();
    await vscode.commands.executeCommand('telnyxSims.refresh');
    await waitFor('recovery', () => ext.fleet.settled);
  });

  it('a 401 keeps the tree and tells the user to set the API key; the key is not in the message', async () => {
    const other = await startMockApi({ port: 0, sims: 10, seed: 1, apiKey: 'a-different-key' });
    try {
      await setSetting('apiBaseUrl', other.url);
      await waitFor('the auth error', () => ext.fleet.phase === 'error' && /API key/.test(messageOf(ext)));
      assert.ok(other.requests.some((r) => r.status === 401));
      assert.equal(ext.fleet.model.size, mock.fleet.sims.length, 'the last good SIMs stay');
      const message = messageOf(ext);
      assert.match(message, /Set API Key/);
      assert.ok(!message.includes(TEST_KEY));
    } finally {
      await setSetting('apiBaseUrl', mock.url);
      await other.close();
    }
    await waitFor('recovery', () => ext.fleet.settled);
  });

  it('a new refresh cancels the one in flight', async () => {
    const slow = await startMockApi({ port: 0, sims: 600, seed: 9, apiKey: TEST_KEY, latencyMs: 250 });
    try {
      await setSetting('apiBaseUrl', slow.url);
      // The settings change starts load A; wait for its first page, then start load B.
      await waitFor('the first page of load A', () => ext.fleet.phase === 'loading' && ext.fleet.model.size > 0);
      const requestsAtCancel = slow.requests.length;
      await vscode.commands.executeCommand('telnyxSims.refresh');
      await waitFor('load B', () => ext.fleet.settled, 30000);
      assert.equal(ext.fleet.model.size, 600);
      const pages = Math.ceil(600 / 50);
      const listCalls = slow.requests.filter((r) => r.path === '/v2/sim_cards').length;
      assert.ok(requestsAtCancel < pages, 'load A was still running when B started');
      assert.ok(listCalls < 2 * pages, `load A stopped early (${listCalls} list calls for two loads of ${pages} pages)`);
    } finally {
      await setSetting('apiBaseUrl', mock.url);
      await slow.close();
    }
  });

  it('says so when a filter matches nothing, and when the account has no SIM cards', async () => {
    await ext.fleet.setOptions({ filter: { iccid: 'no-such-iccid' } });
    await waitFor('the empty filtered tree', () => ext.fleet.settled && ext.fleet.model.size === 0);
    assert.equal(roots(ext).length, 0);
    // The message names the filter that matched nothing (the ICCID typed above).
    assert.match(messageOf(ext), /^No SIM cards match .*no-such-iccid/);
    await vscode.commands.executeCommand('telnyxSims.clearFilter');

    const empty = await startMockApi({ port: 0, sims: 0, seed: 1, apiKey: TEST_KEY });
    try {
      await setSetting('apiBaseUrl', empty.url);
      await waitFor('the empty account', () => ext.fleet.settled && ext.fleet.model.size === 0);
      assert.equal(messageOf(ext), 'No SIM cards in this Telnyx account yet.');
    } finally {
      await setSetting('apiBaseUrl', mock.url);
      await empty.close();
    }
    await waitFor('recovery', () => ext.fleet.settled && ext.fleet.model.size === mock.fleet.sims.length);
  });
});
