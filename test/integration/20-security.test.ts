// Issue 10 in the real VS Code host: where the key may go, server text stays text, deep and
// hostile records open, and a canary key shows up on no surface the suite can reach.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startMockApi, type MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import { NESTED_TOO_DEEP } from '../../src/details/json';
import type { FleetNode, SimNode } from '../../src/fleet';
import { bridgeAvailable, pressKey, text, typeText, waitFor as waitForElement, webviewText } from '../host/bridgeClient';
import { HOSTILE_STRINGS, liveLinkIn } from '../unit/security/liveLinks';
import { loadedWith, messageOf, setSetting, TEST_KEY, useMockApi, setKey, waitFor, waitForLoaded, focusKeyInput } from './helpers';
import { isFleetNode } from '../../src/views/simTreeProvider';

const NOTIFICATION = '.notifications-toasts .notification-list-item-message';

/** The last load's error field (read by shape: the extension runs from its own bundle, so no instanceof). */
function loadError(ext: TestApi, field: 'reason' | 'kind'): string | undefined {
  const status = ext.fleet.model.status;
  if (status.kind !== 'error' || typeof status.error !== 'object' || status.error === null) return undefined;
  const value: unknown = (status.error as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

function reasonOfStatus(ext: TestApi): string | undefined {
  return loadError(ext, 'reason');
}

/** True when the last load ended with the whole list (not partial, not failed). */
function loadedComplete(ext: TestApi): boolean {
  return ext.fleet.phase === 'loaded' && ext.fleet.model.status.kind === 'complete';
}

function simNodes(ext: TestApi, node?: FleetNode): SimNode[] {
  const out: SimNode[] = [];
  for (const child of ext.view.provider.getChildren(node)) {
    if (!isFleetNode(child)) continue; // the Needs attention node lists the same SIMs again
    if (child.kind === 'sim') out.push(child);
    else out.push(...simNodes(ext, child));
  }
  return out;
}

async function clearNotifications(): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
}

/** The text of the toast holding `needle`, and the links rendered inside the toasts. */
async function notificationWith(needle: string): Promise<{ message: string; links: string[] }> {
  await waitForElement(NOTIFICATION, needle);
  const messages = await text(NOTIFICATION);
  const message = messages.find((m) => m.includes(needle));
  assert.ok(message !== undefined, `a notification holds ${needle}`);
  const links = await text(`${NOTIFICATION} a`);
  return { message, links };
}

const KEY_INPUT_MESSAGE = '.quick-input-widget .quick-input-message';

/**
 * Types `key` into the real Set API Key input and returns the rejection it shows under the box
 * (a rejected key keeps the input open), with the links rendered there; `whileChecking` runs
 * after Enter (e.g. to answer the host gate). The input is closed afterwards; nothing is stored.
 */
async function keyCheckRejection(key: string, whileChecking?: () => Promise<void>): Promise<{ message: string; links: string[] }> {
  const done = Promise.resolve(vscode.commands.executeCommand('telnyxSims.setApiKey'));
  await focusKeyInput();
  await typeText(key);
  await pressKey('Enter');
  await whileChecking?.();
  await waitForElement(KEY_INPUT_MESSAGE, 'The key was not saved');
  const message = (await text(KEY_INPUT_MESSAGE)).join(' ');
  const links = await text(`${KEY_INPUT_MESSAGE} a`);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await done;
  return { message, links };
}

/** Answers the host gate's question about `url` (VS Code shows no modal in test mode; the gate is the real one). */
async function answerHostQuestion(ext: TestApi, url: string, allow: boolean): Promise<void> {
  await waitFor(`the question about ${url}`, () => ext.hostQuestions.pending().includes(url));
  assert.equal(ext.hostQuestions.pending()[0], url);
  ext.hostQuestions.answer(allow);
}

describe('security (issue 10)', () => {
  let mock: MockApi;
  let ext: TestApi;

  before(async function () {
    if (!bridgeAvailable()) this.skip(); // dialogs and notifications are read in the browser
    ({ mock, ext } = await loadedWith({ sims: 40, seed: 21 }));
  });
  after(async () => {
    await setSetting('apiBaseUrl', mock.url);
    await mock.close();
  });

  it('a workspace setting of apiBaseUrl cannot change where the key goes', async () => {
    const other = await startMockApi({ port: 0, sims: 5, seed: 3, apiKey: TEST_KEY });
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host opens a folder');
    const file = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    try {
      // VS Code itself refuses to write an application-scoped setting into a workspace...
      const refused = await vscode.workspace
        .getConfiguration('telnyxSims')
        .update('apiBaseUrl', other.url, vscode.ConfigurationTarget.Workspace)
        .then(
          () => false,
          () => true,
        );
      assert.ok(refused, 'VS Code refuses apiBaseUrl as a workspace setting');
      // ...so write the file as a cloned repository would, with a workspace-scoped setting beside it.
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ 'telnyxSims.apiBaseUrl': other.url, 'telnyxSims.groupBy': 'none' }));
      await waitFor(
        'VS Code to read the workspace settings file',
        () => vscode.workspace.getConfiguration('telnyxSims').get('groupBy') === 'none',
      );
      mock.requests.length = 0;
      await vscode.commands.executeCommand('telnyxSims.refresh');
      await waitFor('a reload', () => loadedComplete(ext) && mock.requests.length > 0);
      assert.equal(vscode.workspace.getConfiguration('telnyxSims').get('apiBaseUrl'), mock.url, 'the user setting is in effect');
      assert.equal(other.requests.length, 0, 'the workspace host received no request (so never the key)');
      assert.ok(
        mock.requests.every((r) => r.authorized),
        'the key went to the user-configured API',
      );
    } finally {
      if (before === undefined) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, before);
      await waitFor(
        'the workspace settings to be restored',
        () => vscode.workspace.getConfiguration('telnyxSims').get('groupBy') !== 'none',
      );
      await other.close();
    }
  });

  it('http to a host other than this computer is refused with a message naming the setting', async () => {
    await setSetting('apiBaseUrl', 'http://telnyx-test.invalid/v2');
    await waitFor('the refusal', () => reasonOfStatus(ext) === 'badBaseUrl');
    assert.match(messageOf(ext), /telnyxSims\.apiBaseUrl/);
    assert.deepEqual(ext.hostQuestions.asked, [], 'nothing is asked: http to another computer is never allowed');
    await setSetting('apiBaseUrl', mock.url);
    await waitFor('the local API again', () => loadedComplete(ext));
  });

  it('a non-default https host asks before the key is first sent there; Cancel sends nothing', async () => {
    const url = 'https://telnyx-test.invalid/v2';
    await setSetting('apiBaseUrl', url);
    // The settings change reloads the tree, which needs the client: the gate asks first.
    await answerHostQuestion(ext, url, false);
    await waitFor('the refusal', () => reasonOfStatus(ext) === 'hostNotAllowed');
    assert.match(messageOf(ext), /not sent to telnyx-test\.invalid/);

    // The key check of "Set API Key" goes through the same gate.
    const { message } = await keyCheckRejection('another-key-0001', () => answerHostQuestion(ext, url, false));
    assert.match(message, /not sent to telnyx-test\.invalid/);
    assert.equal(await ext.keySource(), 'secretStorage', 'the stored key was not replaced');

    // Allow: now (and only now) a request is made; the .invalid name then fails to resolve.
    const refresh = vscode.commands.executeCommand('telnyxSims.refresh');
    await answerHostQuestion(ext, url, true);
    await refresh;
    await waitFor(
      'the request to fail as a connection error',
      () => {
        const reason = reasonOfStatus(ext);
        return reason !== undefined && reason !== 'hostNotAllowed' && ext.fleet.phase === 'error';
      },
      40_000,
    );
    assert.ok(['network', 'timeout'].includes(String(loadError(ext, 'kind'))), String(loadError(ext, 'kind')));
    // Remembered: the next refresh asks nothing.
    const asked = ext.hostQuestions.asked.length;
    await vscode.commands.executeCommand('telnyxSims.refresh');
    assert.equal(ext.hostQuestions.asked.length, asked, 'an allowed host is not asked about again');
    assert.deepEqual(ext.hostQuestions.pending(), []);
    await setSetting('apiBaseUrl', mock.url);
    await waitFor('the local API again', () => loadedComplete(ext));
  });

  it('a hostile 422 on the key check and a hostile raw-record error show as text, with no link', async () => {
    await clearNotifications();
    await waitForLoaded(ext);
    // Any request under /sim_cards takes the fault (the path is matched as a substring), also a
    // raw record VS Code re-reads after a load: enough uses that the key check surely gets one.
    mock.addFault({ path: '/sim_cards', kind: 'hostileDetail', times: 20 });
    const keyCheck = await keyCheckRejection('another-key-0002');
    mock.clearFaults();
    if (ext.fleet.phase === 'error') await ext.fleet.refresh(); // a load that took one of them
    assert.ok(keyCheck.message.includes('[Click]'), `the server's words are shown, as text: ${keyCheck.message}`);
    assert.deepEqual(keyCheck.links, [], 'no link under the key input');
    assert.equal(liveLinkIn(keyCheck.message), undefined, keyCheck.message);

    await clearNotifications();
    const node = simNodes(ext)[0];
    assert.ok(node);
    mock.addFault({ path: `/sim_cards/${node.sim.id}`, method: 'GET', kind: 'hostileDetail' });
    await vscode.commands.executeCommand('telnyxSims.openRawRecord', node);
    const raw = await notificationWith('[Click]');
    assert.deepEqual(raw.links, [], 'no link in the raw-record error');
    assert.equal(liveLinkIn(raw.message), undefined, raw.message);
    await clearNotifications();
  });

  it('deep and hostile records open in the panel and as raw records', async () => {
    const [deep, hostile] = simNodes(ext);
    assert.ok(deep && hostile);
    // A hostile record: every string field the tree and panel show carries link/icon syntax.
    const record = mock.fleet.sims.find((s) => s.id === hostile.sim.id) as unknown as Record<string, unknown>;
    Object.assign(record, {
      msisdn: HOSTILE_STRINGS[0],
      imsi: '$(alert) [x](command:telnyxSims.setApiKey)',
      tags: [...HOSTILE_STRINGS.slice(0, 5)],
    });
    await vscode.commands.executeCommand('telnyxSims.refresh');
    await waitFor(
      'the hostile record in the tree',
      () => ext.fleet.settled && ext.fleet.model.getSim(hostile.sim.id)?.msisdn === HOSTILE_STRINGS[0],
    );
    const node = simNodes(ext).find((n) => n.sim.id === hostile.sim.id);
    assert.ok(node);
    const item = ext.view.provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : String(item.label?.label);
    assert.equal(liveLinkIn(`${label} ${String(item.description)}`), undefined, String(item.description));
    const tooltip = (await ext.view.provider.resolveTreeItem(item, node)).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString && !tooltip.isTrusted && !tooltip.supportThemeIcons);

    for (const sim of [hostile.sim, deep.sim]) {
      if (sim === deep.sim) mock.addFault({ path: `/sim_cards/${sim.id}`, method: 'GET', kind: 'deepNesting', times: 20 });
      await ext.panels.show(sim);
      const iccid = String(sim.iccid);
      const shown = await waitFor(`the panel of ${iccid}`, async () => {
        const t = String(await webviewText());
        return t.includes(iccid) && !/Loading SIM details/.test(t) ? t : undefined;
      });
      assert.ok(!/Maximum call stack/.test(shown), 'no stack overflow shown');
      await vscode.commands.executeCommand(
        'telnyxSims.openRawRecord',
        simNodes(ext).find((n) => n.sim.id === sim.id),
      );
      const doc = await waitFor('the raw record', () =>
        vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'telnyx-sim' && decodeURIComponent(d.uri.query) === sim.id),
      );
      const content = doc.getText();
      assert.ok(content.includes(sim.id), 'the raw record shows the SIM');
      if (sim === deep.sim) assert.ok(content.includes(NESTED_TOO_DEEP), 'the deep value ends in the marker');
      else assert.ok(content.includes(JSON.stringify(HOSTILE_STRINGS[0]).slice(1, -1)), 'the hostile text is in the JSON, as data');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    mock.clearFaults();
  });

  it('a canary key is found on no surface: log at Trace, notifications, view, webview, raw record, request URLs', async () => {
    const canary = 'CANARY-KEY-7f3e9b1d-leak-probe';
    const api = await startMockApi({ port: 0, sims: 30, seed: 8, apiKey: canary });
    try {
      await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
      await setSetting('apiBaseUrl', api.url);
      assert.equal(await setKey(canary), true, 'the canary key is accepted and stored');
      await waitFor('the canary fleet', () => loadedComplete(ext) && ext.fleet.model.size === api.fleet.sims.length);
      const sim = api.fleet.sims[0];
      assert.ok(sim);
      // Reach every surface: panel, raw record, an error notification, an error view message.
      await ext.panels.show(sim.id);
      const panelText = await waitFor('the panel', async () => {
        const t = String(await webviewText());
        return t.includes(String(sim.iccid)) ? t : undefined;
      });
      const node = simNodes(ext).find((n) => n.sim.id === sim.id);
      await vscode.commands.executeCommand('telnyxSims.openRawRecord', node);
      const doc = await waitFor('the raw record', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'telnyx-sim'));
      await clearNotifications();
      const failing = simNodes(ext).find((n) => n.sim.id !== sim.id);
      assert.ok(failing);
      api.addFault({ path: `/sim_cards/${failing.sim.id}`, method: 'GET', kind: 'status', status: 400 });
      await vscode.commands.executeCommand('telnyxSims.openRawRecord', failing);
      const notifications = await waitFor('an error notification', async () => {
        const t = await text(NOTIFICATION);
        return t.length > 0 ? t : undefined;
      });
      api.addFault({ path: '/sim_cards', kind: 'status', status: 500, times: 20 });
      await vscode.commands.executeCommand('telnyxSims.refresh');
      await waitFor('the error view message', () => ext.fleet.phase === 'error');

      const userDir = process.env.TELNYX_SIMS_USER_DATA_DIR;
      assert.ok(userDir, 'the runner tells where the user data lives');
      const logs = findFiles(path.join(userDir, 'logs'), (f) => f.includes('Telnyx SIM Explorer'));
      assert.ok(logs.length > 0, 'the output channel log file exists');
      const logText = logs.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      assert.match(logText, /sim_cards/, 'the log holds the requests (so the scan can see them)');
      const settingsFiles = [path.join(userDir, 'User', 'settings.json'), path.join(userDir, 'Machine', 'settings.json')].filter((f) =>
        fs.existsSync(f),
      );

      const surfaces: Record<string, string> = {
        'output channel (Trace)': logText,
        notifications: notifications.join('\n'),
        'view message': messageOf(ext),
        'view title and description': `${String(ext.view.treeView.title)} ${String(ext.view.treeView.description)}`,
        'webview text': panelText,
        'raw record': doc.getText(),
        'raw record URI': doc.uri.toString(),
        'request URLs': api.requests.map((r) => `${r.path}?${r.rawQuery}`).join('\n'),
        'workbench page': (await text('body')).join('\n'),
        'user settings': settingsFiles.map((f) => fs.readFileSync(f, 'utf8')).join('\n'),
        'telnyxSims configuration': JSON.stringify(vscode.workspace.getConfiguration('telnyxSims')),
      };
      assert.ok(api.requests.filter((r) => r.authorized).length > 0, 'the canary was really sent to the local API');
      const leaks = Object.entries(surfaces).filter(([, v]) => v.includes(canary) || v.includes(canary.toLowerCase()));
      console.log(`key-leak canary: ${Object.keys(surfaces).length} surfaces, ${leaks.length} leaks`);
      assert.deepEqual(
        leaks.map(([k]) => k),
        [],
      );
    } finally {
      api.clearFaults();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
      // Leave the test key in place for the suites after this one.
      const restore = await useMockApi();
      await setKey(TEST_KEY);
      await restore.close();
      await api.close();
    }
  });
});

function findFiles(dir: string, keep: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => keep(f) && fs.statSync(f).isFile());
}
