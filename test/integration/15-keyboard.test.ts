// Issue 11 item 19: Ctrl+C / Cmd+C on focused SIM rows copies their ICCIDs; Enter opens the
// details; "Focus Details Panel" moves the focus into the panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import type { SimNode } from '../../src/fleet';
import { EXTENSION_ID, flatTree, loadedWith, setSetting, waitFor } from './helpers';
import { bridgeAvailable, pressKey } from '../host/bridgeClient';

interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  when?: string;
}

describe('Keyboard (issue 11: item 19)', () => {
  let mock: MockApi;
  let ext: TestApi;
  let sims: SimNode[];

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 30, seed: 19 }));
    sims = await flatTree(ext);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('groupBy', undefined);
    await mock.close();
  });

  it('contributes Ctrl+C / Cmd+C on the focused SIM view for Copy ICCID', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { keybindings?: Keybinding[] } };
    const copy = (pkg.contributes.keybindings ?? []).find((k) => k.command === 'telnyxSims.copyIccid');
    assert.ok(copy);
    assert.equal(copy.key, 'ctrl+c');
    assert.equal(copy.mac, 'cmd+c');
    assert.match(String(copy.when), /focusedView == telnyxSims\.simCards/);
  });

  it('copies the ICCIDs of the focused selection', async () => {
    const [a] = sims;
    assert.ok(a);
    await ext.view.treeView.reveal(a, { select: true, focus: true });
    await waitFor('the selection', () => ext.view.treeView.selection.some((n) => n.kind === 'sim' && n.sim.id === a.sim.id));
    await vscode.env.clipboard.writeText('');
    if (bridgeAvailable()) await pressKey('Control+c');
    else await vscode.commands.executeCommand('telnyxSims.copyIccid');
    await waitFor('the ICCID on the clipboard', async () => (await vscode.env.clipboard.readText()) === a.sim.iccid);
  });

  it('Enter opens the details of the focused SIM; Focus Details Panel moves the focus into it', async function () {
    if (!bridgeAvailable()) this.skip(); // a real key press needs the browser bridge
    const b = sims[3];
    assert.ok(b);
    await ext.view.treeView.reveal(b, { select: true, focus: true });
    await pressKey('Enter');
    await waitFor('the panel', () => ext.panels.openSimIds().includes(b.sim.id));
    const panel = ext.panels.panel(b.sim.id);
    assert.ok(panel);
    await waitFor('the panel visible', () => panel.panel.visible);
    await vscode.commands.executeCommand('telnyxSims.focusDetails');
    await waitFor('the panel focused', () => panel.panel.active);
  });
});
