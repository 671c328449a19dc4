import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import { EXTENSION_ID, openView, roots, useMockApi, waitFor } from './helpers';
import { bridgeAvailable, screenshot, text } from '../host/bridgeClient';

describe('Activation and the welcome view', () => {
  let mock: MockApi;

  before(async () => {
    mock = await useMockApi();
  });
  after(() => mock.close());

  it('is not active before its view is opened (activates on the view, not on start-up)', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed in the host');
    assert.equal(ext.isActive, false);
    assert.equal(process.env.TELNYX_API_KEY, undefined, 'the test host must start without TELNYX_API_KEY');
  });

  it('activates when the SIM Cards view opens and shows the welcome view without a key', async () => {
    const ext = await openView();
    await waitFor('the no-key state', () => ext.fleet.phase === 'noKey');
    assert.deepEqual(roots(ext), []);
    assert.equal(mock.requests.length, 0, 'no API call is made without a key');
    // The welcome content is rendered by the workbench from viewsWelcome (needs the browser bridge).
    if (!bridgeAvailable()) return;
    const welcome = await waitFor('the welcome view', async () => {
      const texts = (await text('.welcome-view-content')) as string[];
      return texts.find((t) => t.includes('Set API Key'));
    });
    assert.match(welcome, /Telnyx/);
    await screenshot('welcome-view');
  });
});
