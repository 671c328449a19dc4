import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import type { SimNode } from '../../src/fleet';
import { loadedWith, TEST_KEY, waitFor } from './helpers';
import { at } from '../unit/helpers/at';

describe('SIM commands: copy, find, raw record', () => {
  let mock: MockApi;
  let ext: TestApi;

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 120, seed: 3 }));
    await ext.fleet.setOptions({ groupBy: 'none' });
    await waitFor('a flat tree', () => ext.view.provider.getChildren()[0]?.kind === 'sim');
  });
  after(async () => {
    await ext.fleet.setOptions({ groupBy: 'status' });
    await mock.close();
  });

  function simNodes(): SimNode[] {
    return ext.view.provider.getChildren().filter((n): n is SimNode => n.kind === 'sim');
  }

  it('copies the ICCID of the clicked SIM', async () => {
    const node = at(simNodes(), 0);
    await vscode.commands.executeCommand('telnyxSims.copyIccid', node);
    assert.equal(await vscode.env.clipboard.readText(), node.sim.iccid);
  });

  it('copies one value per line for several selected SIMs (IMSI, MSISDN, id)', async () => {
    const nodes = simNodes().slice(0, 3);
    await vscode.commands.executeCommand('telnyxSims.copyImsi', nodes[0], nodes);
    assert.equal(await vscode.env.clipboard.readText(), nodes.map((n) => n.sim.imsi).join('\n'));
    await vscode.commands.executeCommand('telnyxSims.copySimId', nodes[0], nodes);
    assert.equal(await vscode.env.clipboard.readText(), nodes.map((n) => n.sim.id).join('\n'));
    const withMsisdn = simNodes().find((n) => n.sim.msisdn);
    assert.ok(withMsisdn);
    await vscode.commands.executeCommand('telnyxSims.copyMsisdn', withMsisdn);
    assert.equal(await vscode.env.clipboard.readText(), withMsisdn.sim.msisdn);
  });

  it('finds a SIM by part of its MSISDN and reveals and selects it in the tree', async () => {
    const target = at(simNodes(), 57).sim;
    const digits = String(target.msisdn).replace(/\D/g, '').slice(-7);
    const found = await ext.findSim(digits);
    assert.deepEqual(found, { kind: 'revealed', simId: target.id });
    await waitFor('the selection', () => ext.view.treeView.selection.some((n) => n.kind === 'sim' && n.sim.id === target.id));
  });

  it('opens the full record from GET /sim_cards/{id} as a read-only JSON document', async () => {
    const node = at(simNodes(), 5);
    mock.requests.length = 0;
    await vscode.commands.executeCommand('telnyxSims.openRawRecord', node);
    const editor = await waitFor(
      'the JSON editor',
      () => vscode.window.activeTextEditor?.document.uri.scheme === 'telnyx-sim' && vscode.window.activeTextEditor,
    );
    const doc = editor.document;
    assert.equal(doc.languageId, 'json');
    assert.match(doc.uri.path, new RegExp(`SIM ${node.sim.iccid}\\.json$`));
    const record = JSON.parse(doc.getText()) as Record<string, unknown>;
    // Exactly what the API answers for that SIM (read here over HTTP, independently).
    const response = await fetch(`${mock.url}/sim_cards/${node.sim.id}?include_sim_card_group=true`, {
      headers: { Authorization: `Bearer ${TEST_KEY}` },
    });
    const expected = ((await response.json()) as { data: unknown }).data;
    assert.deepEqual(record, expected);
    assert.ok('current_imei' in record, 'the fuller SIMCard record, not the list item');
    assert.ok(mock.requests.some((r) => r.path === `/v2/sim_cards/${node.sim.id}`));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('keeps an open record as it shows when a re-read fails (the SIM gone since)', async () => {
    const node = at(simNodes(), 6);
    await vscode.commands.executeCommand('telnyxSims.openRawRecord', node);
    const editor = await waitFor(
      'the JSON editor',
      () => vscode.window.activeTextEditor?.document.uri.query === encodeURIComponent(node.sim.id) && vscode.window.activeTextEditor,
    );
    const doc = editor.document;
    const shown = doc.getText();
    assert.equal((JSON.parse(shown) as { id: string }).id, node.sim.id);
    // The SIM is gone from the API now; a completed load re-reads every open record.
    const path = `/v2/sim_cards/${node.sim.id}`;
    const reads = (): number => mock.requests.filter((r) => r.path === path).length;
    const before = reads();
    mock.addFault({ path: `/sim_cards/${node.sim.id}`, kind: 'status', status: 404, times: 1000 });
    try {
      await ext.fleet.refresh();
      await waitFor('the re-read', () => reads() > before && ext.rawRecords.failureFor(doc.uri));
      assert.equal(doc.getText(), shown, 'the editor keeps the record it showed');
      // Asked again as VS Code asks after onDidChange: the text it shows, not a failure.
      const again = await ext.rawRecords.provideTextDocumentContent(doc.uri, new vscode.CancellationTokenSource().token);
      assert.equal(again, shown);
      assert.ok(reads() > before + 1, 'asked the API again');
    } finally {
      mock.clearFaults();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
