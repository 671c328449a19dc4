import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import type { ExtensionApi } from '../../src/extension';
import { amountToBytes } from '../../src/telnyx/units';
import { loadedWith, setSetting, waitFor } from './helpers';
import { click, screenshot, webviewText } from '../host/bridgeClient';

describe('SIM details panel', () => {
  let mock: MockApi;
  let ext: ExtensionApi;

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 60, seed: 4 }));
    await setSetting('groupBy', 'none');
    await waitFor('a flat tree', () => ext.view.provider.getChildren()[0]?.kind === 'sim');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('groupBy', undefined);
    await mock.close();
  });

  it('clicking a SIM in the tree opens its panel with ICCID and usage', async () => {
    const node = ext.view.provider.getChildren()[2];
    assert.equal(node.kind, 'sim');
    if (node.kind !== 'sim') return;
    const iccid = String(node.sim.iccid);
    await click('.monaco-list-row', iccid);
    await waitFor('the panel', () => ext.panels.openSimIds().includes(node.sim.id));
    const text = await waitFor('the panel content', async () => {
      const t = String(await webviewText());
      return t.includes(iccid) && /Usage/i.test(t) ? t : undefined;
    });
    const used = amountToBytes(node.sim.current_billing_period_consumed_data);
    assert.ok(used !== undefined);
    assert.ok(mock.requests.some((r) => r.path === `/v2/sim_cards/${node.sim.id}`), 'the fuller record was fetched');
    assert.ok(text.includes(String(node.sim.imsi)));
    assert.match(text, /MB|GB/);
    await screenshot('sim-details-dark');
  });

  it('opening the same SIM again reuses its panel', async () => {
    const node = ext.view.provider.getChildren()[2];
    if (node.kind !== 'sim') return;
    await vscode.commands.executeCommand('telnyxSims.showDetails', node);
    assert.equal(ext.panels.openSimIds().filter((id: string) => id === node.sim.id).length, 1);
    const other = ext.view.provider.getChildren()[4];
    if (other.kind !== 'sim') return;
    await vscode.commands.executeCommand('telnyxSims.showDetails', other);
    await waitFor('a second panel', () => ext.panels.openSimIds().length === 2);
  });
});
