import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import { amountToBytes } from '../../src/telnyx/units';
import { loadedWith, prepareScreenshot, waitFor } from './helpers';
import { bridgeAvailable, click, screenshot, webviewText } from '../host/bridgeClient';
import { at } from '../unit/helpers/at';

describe('SIM details panel', () => {
  let mock: MockApi;
  let ext: TestApi;
  let openedId = '';

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 60, seed: 4 }));
    await ext.fleet.setOptions({ groupBy: 'none' });
    await waitFor('a flat tree', () => ext.view.provider.getChildren()[0]?.kind === 'sim');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await ext.fleet.setOptions({ groupBy: 'status' });
    await mock.close();
  });

  it('clicking a SIM in the tree opens its panel with ICCID and usage', async function () {
    if (!bridgeAvailable()) this.skip(); // clicking needs the browser bridge (not on desktop runs)
    // An enabled SIM with its own data limit, so the usage gauge has something to show.
    const node = ext.view.provider
      .getChildren()
      .find((n) => n.kind === 'sim' && n.sim.status?.value === 'enabled' && n.sim.data_limit?.amount && n.sim.msisdn);
    assert.ok(node && node.kind === 'sim', 'the test fleet has an enabled SIM with a data limit');
    await prepareScreenshot();
    openedId = node.sim.id;
    const iccid = String(node.sim.iccid);
    // The row shows the end of the ICCID.
    await click('.monaco-list-row', iccid.slice(-12));
    await waitFor('the panel', () => ext.panels.openSimIds().includes(node.sim.id));
    const text = await waitFor('the panel content', async () => {
      const t = String(await webviewText());
      return t.includes(iccid) && /Usage/i.test(t) ? t : undefined;
    });
    const used = amountToBytes(node.sim.current_billing_period_consumed_data);
    assert.ok(used !== undefined);
    assert.ok(
      mock.requests.some((r) => r.path === `/v2/sim_cards/${node.sim.id}`),
      'the fuller record was fetched',
    );
    assert.ok(text.includes(String(node.sim.imsi)));
    assert.match(text, /MB|GB/);
    assert.match(text, /%/, 'the gauge shows a percentage of the limit');
    await vscode.commands.executeCommand('notifications.clearAll');
    await screenshot('sim-details-dark');
  });

  it('opening the same SIM again reuses its panel', async () => {
    if (!openedId) {
      const first = at(ext.view.provider.getChildren(), 0);
      assert.ok(first.kind === 'sim');
      openedId = first.sim.id;
      await ext.panels.show(openedId);
    }
    await ext.panels.show(openedId);
    assert.deepEqual(ext.panels.openSimIds(), [openedId]);
    // A kept panel (not the preview) stays when another SIM is shown: that one opens as the preview.
    await ext.panels.show(openedId, { pin: true });
    const other = ext.view.provider.getChildren().find((n) => n.kind === 'sim' && n.sim.id !== openedId);
    assert.ok(other && other.kind === 'sim');
    await vscode.commands.executeCommand('telnyxSims.showDetails', other);
    await waitFor('a second panel', () => ext.panels.openSimIds().length === 2);
  });
});
