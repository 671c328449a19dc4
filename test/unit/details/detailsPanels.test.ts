// The extension side of the details panel with a recording stand-in for `vscode`, the real
// API client and the local Telnyx API over HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import type { HostMessage } from '../../../src/details/messages';
import { TelnyxClient } from '../../../src/telnyx/client';
import type { SimCard, SimCardDetail, SimCardGroup } from '../../../src/telnyx/types';
import type * as Panels from '../../../src/webview/detailsPanels';
import { CSP_SOURCE, FakePanel, Uri, fake, withFakeVscode } from './fakeVscode';

async function until<T>(what: string, check: () => T | undefined | false): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const lastState = (p: FakePanel): Extract<HostMessage, { type: 'state' }> | undefined =>
  (p.webview.posted as HostMessage[]).filter((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state').at(-1);
const lastMessage = (p: FakePanel): HostMessage | undefined => p.webview.posted.at(-1) as HostMessage | undefined;

describe('SimDetailsPanels (host side, fake vscode, local API)', () => {
  let restore: () => void;
  let mod: typeof Panels;
  let mock: MockApi;
  let client: TelnyxClient | undefined;
  let authErrors: number;
  let panels: Panels.SimDetailsPanels;
  let treeGroups: Map<string, SimCardGroup>;

  before(async () => {
    restore = withFakeVscode();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('../../../src/webview/detailsPanels') as typeof Panels;
    mock = await startMockApi({ sims: 12, seed: 7 });
  });
  after(async () => {
    restore();
    await mock.close();
  });
  beforeEach(() => {
    fake.reset();
    mock.requests.length = 0;
    mock.clearFaults();
    authErrors = 0;
    treeGroups = new Map();
    client = new TelnyxClient({ apiKey: mock.apiKey, baseUrl: mock.url, maxRetries: 0 });
    panels = new mod.SimDetailsPanels(Uri.file('/ext') as unknown as vscode.Uri, {
      getClient: () => Promise.resolve(client),
      groupsById: () => treeGroups,
      onAuthError: () => authErrors++,
    });
  });
  afterEach(() => panels.dispose());

  /** A SIM of the local fleet as the tree has it (list item shape). */
  function listItem(pick: (s: SimCardDetail) => boolean = (s) => !!s.sim_card_group_id && !!s.iccid): SimCard {
    const s = mock.fleet.sims.find(pick);
    assert.ok(s, 'fleet has a matching SIM');
    const copy = JSON.parse(JSON.stringify(s)) as SimCardDetail;
    delete copy.current_imei;
    delete copy.ipv4;
    delete copy.ipv6;
    return copy;
  }

  it('opens one secured panel per SIM with the fetched detail, group and sessions', async () => {
    const sim = listItem();
    await panels.show(sim);
    assert.equal(fake.panels.length, 1);
    const p = fake.panels[0];
    assert.equal(p.viewType, 'telnyxSims.simDetails');
    assert.equal(p.title, `SIM ${String(sim.iccid).slice(-6)}`);
    assert.deepEqual(p.webview.options.enableScripts, true);
    assert.deepEqual(p.webview.options.localResourceRoots?.map((u) => u.path), ['/ext/media', '/ext/dist']);
    assert.deepEqual(p.iconPath, { light: Uri.file('/ext/media/sim-light.svg'), dark: Uri.file('/ext/media/sim-dark.svg') });
    assert.match(p.webview.html, new RegExp(`script-src 'nonce-([A-Za-z0-9_-]+)'`.replace(/'/g, '&#39;')));
    assert.ok(p.webview.html.includes(`${CSP_SOURCE}/ext/dist/webview/details.js`));
    assert.ok(p.webview.html.includes(`${CSP_SOURCE}/ext/dist/codicons/codicon.css`));
    assert.ok(p.webview.html.includes(`${CSP_SOURCE}/ext/media/details.css`));

    const paths = mock.requests.map((r) => r.path);
    assert.ok(paths.includes(`/v2/sim_cards/${sim.id}`));
    assert.ok(paths.includes(`/v2/sim_card_groups/${sim.sim_card_group_id}`));
    const logs = mock.requests.find((r) => r.path === `/v2/sim_cards/${sim.id}/wireless_connectivity_logs`);
    assert.equal(logs?.query['page[size]'], '20');

    const state = lastState(p);
    assert.ok(state && lastMessage(p)?.type === 'state', 'ends on a state message');
    const full = mock.fleet.sims.find((s) => s.id === sim.id);
    assert.ok(state.model.network, 'live fields present');
    assert.equal(state.model.network.find((r) => r.label === 'IPv4')?.value, full?.ipv4 ?? '');
    assert.equal(state.model.sessions.status, 'loaded');
    assert.equal(state.model.sessions.rows.length, Math.min(20, mock.fleet.logsFor(sim.id).length));
    const groupName = mock.fleet.groups.find((g) => g.id === sim.sim_card_group_id)?.name ?? '';
    assert.equal(state.model.summary.find((r) => r.label === 'Group')?.value, groupName);
  });

  it('reveals the existing panel when the same SIM is opened again', async () => {
    const sim = listItem();
    await panels.show(sim);
    await panels.show(sim.id);
    await panels.show(sim);
    assert.equal(fake.panels.length, 1);
    assert.equal(fake.panels[0].reveals, 2);
    assert.deepEqual(panels.openSimIds(), [sim.id]);
    const other = listItem((s) => s.id !== sim.id);
    await panels.show(other.id);
    assert.deepEqual(panels.openSimIds().sort(), [sim.id, other.id].sort());
    fake.panels[0].dispose();
    assert.deepEqual(panels.openSimIds(), [other.id], 'closing a panel forgets it');
  });

  it('copies values the host looks up itself, and ignores invalid messages', async () => {
    const sim = listItem((s) => !!s.iccid && !!s.imsi);
    await panels.show(sim);
    const w = fake.panels[0].webview;
    w.receive({ type: 'copy', field: 'iccid' });
    await until('clipboard', () => fake.clipboard);
    assert.equal(fake.clipboard, sim.iccid);
    assert.deepEqual(fake.statusMessages, ['Copied ICCID']);

    w.receive({ type: 'copy', field: 'imsi', value: 'attacker' });
    w.receive({ type: 'copy', field: 'apiKey' });
    w.receive({ type: 'openDocument', simId: 'someone-else' });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(fake.clipboard, sim.iccid, 'invalid messages do nothing');
    assert.deepEqual(fake.commands, []);

    w.receive({ type: 'copy', field: 'imsi' });
    await until('IMSI copied', () => fake.clipboard === sim.imsi);
    w.receive({ type: 'copyJson' });
    await until('JSON copied', () => fake.clipboard.startsWith('{'));
    const copied = JSON.parse(fake.clipboard) as SimCardDetail;
    assert.equal(copied.id, sim.id);
    assert.equal(copied.ipv4 ?? null, mock.fleet.sims.find((s) => s.id === sim.id)?.ipv4 ?? null, 'detail merged in');
    w.receive({ type: 'openDocument' });
    w.receive({ type: 'setApiKey' });
    await until('commands', () => fake.commands.length === 2);
    assert.deepEqual(fake.commands, [['telnyxSims.openRawRecord', sim.id], ['telnyxSims.setApiKey']]);
  });

  it('replays its state to a webview that (re)loads, and refreshes on request', async () => {
    const sim = listItem();
    await panels.show(sim);
    const w = fake.panels[0].webview;
    w.posted.length = 0;
    w.receive({ type: 'ready' });
    assert.equal((w.posted[0] as HostMessage).type, 'state');
    mock.requests.length = 0;
    w.receive({ type: 'refresh' });
    await until('refetch', () => lastMessage(fake.panels[0])?.type === 'state' && mock.requests.some((r) => r.path === `/v2/sim_cards/${sim.id}`));
  });

  it('updates an open panel when the tree refreshes its SIM', async () => {
    const sim = listItem();
    await panels.show(sim);
    const live = mock.fleet.sims.find((s) => s.id === sim.id);
    assert.ok(live);
    live.tags = ['refreshed-tag'];
    panels.simsRefreshed([{ ...sim, tags: ['refreshed-tag'] }, listItem((s) => s.id !== sim.id)]);
    await until('new tags', () => lastState(fake.panels[0])?.model.summary.find((r) => r.label === 'Tags')?.items?.includes('refreshed-tag'));
    assert.deepEqual(panels.openSimIds(), [sim.id], 'SIMs without a panel are not opened');
  });

  it('shows "no longer exists" for a deleted SIM', async () => {
    await panels.show('00000000-0000-4000-8000-000000000000');
    const msg = lastMessage(fake.panels[0]);
    assert.deepEqual(msg, {
      type: 'error',
      kind: 'notFound',
      message: 'This SIM no longer exists. It may have been deleted or moved to another account.',
    });
  });

  it('asks for an API key when there is none, and reports a rejected key once', async () => {
    client = undefined;
    await panels.show(listItem());
    assert.equal((lastMessage(fake.panels[0]) as { kind?: string }).kind, 'noKey');

    client = new TelnyxClient({ apiKey: 'wrong-key', baseUrl: mock.url, maxRetries: 0 });
    const sim = listItem();
    panels.dispose();
    fake.reset();
    await panels.show(sim);
    const msg = lastMessage(fake.panels[0]);
    assert.equal((msg as { kind?: string }).kind, 'auth');
    assert.ok(authErrors >= 1);
    assert.ok(!JSON.stringify(fake.panels[0].webview.posted).includes('wrong-key'), 'the key never reaches the webview');
    // A refresh from the tree must not report it again (the handler refreshes the tree).
    const before = authErrors;
    panels.simsRefreshed([sim]);
    await until('quiet reload', () => mock.requests.filter((r) => r.path === `/v2/sim_cards/${sim.id}`).length >= 2 && lastMessage(fake.panels[0])?.type === 'error');
    assert.equal(authErrors, before);
  });

  it('keeps the list data under a network error banner and offers retry', async () => {
    const sim = listItem();
    mock.addFault({ path: `/sim_cards/${sim.id}`, kind: 'drop', times: 10 });
    await panels.show(sim);
    const p = fake.panels[0];
    const state = lastState(p);
    assert.ok(state, 'the list item was rendered');
    assert.equal(state.model.network, undefined);
    const msg = lastMessage(p) as { type: string; kind?: string };
    assert.equal(msg.type, 'error');
    assert.ok(msg.kind === 'network' || msg.kind === 'invalidResponse' || msg.kind === 'timeout', String(msg.kind));
    mock.clearFaults();
    p.webview.receive({ type: 'refresh' });
    await until('recovered', () => lastMessage(p)?.type === 'state' && lastState(p)?.model.network);
  });

  it('restores panels from the serializer state and drops invalid state', async () => {
    const disposable = mod.registerDetailsSerializer(panels);
    const serializer = fake.serializers.get('telnyxSims.simDetails');
    assert.ok(serializer);
    const sim = listItem();
    const revived = new FakePanel('telnyxSims.simDetails', 'SIM old', {});
    await serializer.deserializeWebviewPanel(revived, { simId: sim.id });
    assert.deepEqual(panels.openSimIds(), [sim.id]);
    assert.equal(revived.webview.options.enableScripts, true);
    assert.match(revived.webview.html, /Content-Security-Policy/);
    assert.equal(lastState(revived)?.model.simId, sim.id);

    const junk = new FakePanel('telnyxSims.simDetails', 'SIM junk', {});
    await serializer.deserializeWebviewPanel(junk, { simId: 42 });
    assert.equal(junk.disposed, true);
    const dup = new FakePanel('telnyxSims.simDetails', 'SIM dup', {});
    await serializer.deserializeWebviewPanel(dup, { simId: sim.id });
    assert.equal(dup.disposed, true, 'a second panel for the same SIM is not kept');
    disposable.dispose();
  });
});
