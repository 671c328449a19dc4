import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import { openView, setKey, TEST_KEY, useMockApi, waitFor, waitForLoaded } from './helpers';
import { bridgeAvailable, pressKey, text, typeText, waitFor as waitForElement } from '../host/bridgeClient';
import { at } from '../unit/helpers/at';

/** Every settings.json VS Code could have written to in this host. */
function settingsFiles(): string[] {
  const files: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    files.push(path.join(folder.uri.fsPath, '.vscode', 'settings.json'));
  }
  const userDir = process.env.TELNYX_SIMS_USER_DATA_DIR;
  if (userDir) files.push(path.join(userDir, 'User', 'settings.json'), path.join(userDir, 'Machine', 'settings.json'));
  return files.filter((f) => fs.existsSync(f));
}

describe('API key', () => {
  let mock: MockApi;

  before(async () => {
    mock = await useMockApi();
  });
  after(() => mock.close());

  it('rejects a wrong key after checking it with the API and stores nothing', async () => {
    const ext = await openView();
    mock.requests.length = 0;
    assert.equal(await setKey('wrong-key-0000'), false);
    assert.equal(mock.requests.length, 1, 'one cheap API call checks the key');
    assert.equal(at(mock.requests, 0).query['page[size]'], '1');
    assert.equal(at(mock.requests, 0).authorized, false);
    assert.equal(ext.fleet.phase, 'noKey', 'the welcome view stays');
  });

  it('stores a valid key in secret storage, never in settings, and loads the SIM cards', async () => {
    const ext = await openView();
    assert.equal(await setKey('  secret-test-key-8c1f  '), true, 'the key is trimmed and accepted');
    await waitForLoaded(ext);
    assert.equal(ext.fleet.model.size, mock.fleet.sims.length);
    const last = at(mock.requests, -1);
    assert.equal(last.authorized, true);

    const config = vscode.workspace.getConfiguration('telnyxSims');
    assert.ok(!JSON.stringify(config).includes('secret-test-key-8c1f'), 'not in the settings model');
    const files = settingsFiles();
    assert.ok(files.length > 0, 'the user settings file exists (the tests wrote apiBaseUrl to it)');
    for (const file of files) {
      assert.ok(!fs.readFileSync(file, 'utf8').includes('secret-test-key-8c1f'), `not in ${file}`);
    }
    assert.equal(await ext.keySource(), 'secretStorage', 'the key is read back from secret storage');
  });

  it('clearing the key returns to the welcome view; setting it again reloads', async () => {
    const ext = await openView();
    await vscode.commands.executeCommand('telnyxSims.clearApiKey');
    await waitFor('the no-key state', () => ext.fleet.phase === 'noKey');
    assert.equal(ext.view.provider.getChildren().length, 0);
    assert.equal(await setKey('secret-test-key-8c1f'), true);
    await waitForLoaded(ext);
    assert.equal(ext.fleet.model.size, mock.fleet.sims.length);
  });

  it('asks for the key in a password input box and stores what the user types', async function () {
    if (!bridgeAvailable()) this.skip(); // typing needs the browser bridge (not on desktop runs)
    const ext = await openView();
    await vscode.commands.executeCommand('telnyxSims.clearApiKey');
    await waitFor('the no-key state', () => ext.fleet.phase === 'noKey');
    const done = vscode.commands.executeCommand('telnyxSims.setApiKey');
    await waitForElement('.quick-input-widget input[type="password"]');
    const titles = await text('.quick-input-widget .quick-input-title');
    assert.ok(
      titles.some((t) => t.includes('Telnyx API Key')),
      `input box title: ${titles.join(' | ')}`,
    );
    await typeText(TEST_KEY);
    await pressKey('Enter');
    await done;
    assert.equal(await ext.keySource(), 'secretStorage');
    await waitForLoaded(ext);
    assert.equal(ext.fleet.model.size, mock.fleet.sims.length);
  });
});
