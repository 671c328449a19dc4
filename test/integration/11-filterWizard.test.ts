// Issue 11 items 2 and 11: the Filter wizard in the real quick input, driven step by step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import { statusLabel } from '../../src/fleet/status';
import { loadedWith, setSetting, waitFor } from './helpers';
import { bridgeAvailable, pressKey, screenshot, text, typeText, waitFor as waitForElement } from '../host/bridgeClient';

const TITLE = '.quick-input-widget .quick-input-title';

async function atStep(step: number): Promise<void> {
  await waitForElement(TITLE, `Filter SIM Cards (${step}/5)`);
  // The step's items and value are set right after the title; give the widget a moment to render them.
  await new Promise((r) => setTimeout(r, 200));
}

async function accept(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

describe('Filter wizard (issue 11: items 2 and 11)', () => {
  let mock: MockApi;
  let ext: TestApi;

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 200, seed: 31 }));
    await setSetting('groupBy', 'none');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await ext.fleet.setOptions({ filter: {} });
    await setSetting('groupBy', undefined);
    await mock.close();
  });

  it('Enter through every step (with Back and a rejected MSISDN on the way) keeps the whole filter, group included', async function () {
    if (!bridgeAvailable()) this.skip(); // reading the quick input's title needs the browser bridge
    const sim = mock.fleet.sims.find((s) => s.sim_card_group_id && s.status?.value === 'enabled' && (s.tags ?? []).length > 0);
    assert.ok(sim, 'the test fleet has an enabled SIM in a group with a tag');
    const groupId = String(sim.sim_card_group_id);
    const tag = String(sim.tags?.[0]);
    const filter = { status: ['enabled'], tags: [tag], simCardGroupId: groupId };
    await ext.fleet.setOptions({ filter });
    await waitFor('the filtered load', () => ext.fleet.settled && ext.fleet.model.status.kind === 'complete');

    const done = vscode.commands.executeCommand('telnyxSims.filter');
    await atStep(1);
    await accept();
    await atStep(2);
    await accept();
    await atStep(3);
    // Back goes to the tags step, which opens as it was left.
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    await atStep(2);
    await accept();
    await atStep(3);
    await accept();
    await atStep(4);
    // A number without + and country code is explained and not accepted.
    await typeText('1310');
    await waitForElement('.quick-input-widget .quick-input-message', 'Start with + and the country code');
    await accept();
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(
      (await text(TITLE)).some((t) => t.includes('(4/5)')),
      'still on the MSISDN step',
    );
    for (let i = 0; i < 4; i++) await pressKey('Backspace');
    await accept();
    await atStep(5);
    await accept();
    await done;

    assert.deepEqual(ext.fleet.model.options.filter, filter, 'the filter is unchanged');
    // What reaches the API: refresh and read the query the local API received.
    mock.requests.length = 0;
    await vscode.commands.executeCommand('telnyxSims.refresh');
    await waitFor('a list request', () => mock.requests.some((r) => r.path === '/v2/sim_cards'));
    await waitFor('the load', () => ext.fleet.settled && ext.fleet.model.status.kind === 'complete');
    const list = mock.requests.filter((r) => r.path === '/v2/sim_cards');
    for (const call of list) {
      assert.equal(call.query['filter[sim_card_group_id]'], groupId, 'the SIM card group is still filtered');
      assert.equal(call.query['filter[status]'], 'enabled');
      assert.equal(call.query['filter[tags]'], tag);
    }
    const expected = mock.fleet.sims.filter(
      (s) => s.sim_card_group_id === groupId && s.status?.value === 'enabled' && (s.tags ?? []).includes(tag),
    );
    assert.equal(ext.fleet.model.size, expected.length);
  });

  it('offers exactly the statuses the API can filter and says where the others are', async function () {
    if (!bridgeAvailable()) this.skip();
    await ext.fleet.setOptions({ filter: {} });
    const done = vscode.commands.executeCommand('telnyxSims.filter');
    await atStep(1);
    const rows = await text('.quick-input-widget .monaco-list-row:visible');
    // A row's first line is its item; the note beside the first row follows it.
    const offered = rows.map((row) => row.split('\n')[0]?.trim());
    // From the OpenAPI spec's filter[status] enum, in the order the view lists statuses.
    const filterable = ['enabled', 'disabled', 'standby', 'data_limit_exceeded', 'unauthorized_imei'];
    assert.deepEqual(offered, filterable.map(statusLabel));
    const note = rows[0]?.split('\n').slice(1).join(' ') ?? '';
    for (const s of ['registering', 'enabling', 'disabling', 'setting_standby'])
      assert.ok(note.includes(statusLabel(s)), `the note names ${s}`);
    assert.match(note, /Group By Status/, 'the list says where the other statuses are');
    await screenshot('filter-status-step');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await done;
    assert.deepEqual(ext.fleet.model.options.filter, {}, 'Escape leaves the filter untouched');
  });
});
