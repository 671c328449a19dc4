import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import type { SimCard } from '../../src/telnyx/types';
import { bucketCounts, groupBy, loadedWith, prepareScreenshot, resetGroupBy, roots, simsUnder, waitFor } from './helpers';
import { isFleetNode } from '../../src/views/simTreeProvider';
import type { BucketNode, FleetNode } from '../../src/fleet';
import { screenshot } from '../host/bridgeClient';

/** Counts computed here from the local API's own data, independently of the extension's grouping code. */
function countBy(sims: readonly SimCard[], keysOf: (s: SimCard) => string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sims) for (const k of new Set(keysOf(s))) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

async function groupAndWait(ext: TestApi, by: string, firstLabel: (labels: string[]) => boolean): Promise<void> {
  await groupBy(ext, by);
  await waitFor(`grouping by ${by}`, () => firstLabel([...bucketCounts(ext).keys()]));
}

function bucketLabelled(ext: TestApi, label: string): BucketNode {
  const node = roots(ext).find((n): n is BucketNode => n.kind === 'bucket' && n.label === label);
  assert.ok(node, `a bucket labelled ${label}`);
  return node;
}

function children(ext: TestApi, node: FleetNode): FleetNode[] {
  return ext.view.provider.getChildren(node).filter(isFleetNode);
}

describe('SIM Cards tree', () => {
  let mock: MockApi;
  let ext: TestApi;

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 1200, seed: 5 }));
  });
  after(async () => {
    await resetGroupBy(ext);
    await mock.close();
  });

  it('groups by status by default, in lifecycle order, with counts matching the API', async () => {
    const counts = bucketCounts(ext);
    const expected = countBy(mock.fleet.sims, (s) => [String(s.status?.value)]);
    assert.equal(counts.size, expected.size);
    const lifecycle: [string, string][] = [
      ['registering', 'Registering'],
      ['enabling', 'Enabling'],
      ['enabled', 'Enabled'],
      ['setting_standby', 'Setting standby'],
      ['standby', 'Standby'],
      ['disabling', 'Disabling'],
      ['disabled', 'Disabled'],
      ['data_limit_exceeded', 'Data limit exceeded'],
      ['unauthorized_imei', 'Unauthorized IMEI'],
    ];
    const expectedOrder = lifecycle.filter(([status]) => expected.has(status)).map(([, label]) => label);
    assert.deepEqual([...counts.keys()], expectedOrder);
    for (const [status, label] of lifecycle) assert.equal(counts.get(label), expected.get(status), label);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    assert.equal(total, mock.fleet.sims.length);
    // Show the SIM rows of the largest group, as a user would after one click.
    const firstRange = children(ext, bucketLabelled(ext, 'Enabled'))[0];
    assert.ok(firstRange);
    const firstSim = children(ext, firstRange)[0];
    assert.ok(firstSim);
    await ext.view.treeView.reveal(firstSim, { expand: true, select: false, focus: false });
    await prepareScreenshot();
    await screenshot('sim-cards-by-status');
  });

  it('splits large groups into ranges and shows SIM rows with ICCID, MSISDN and usage', async () => {
    const enabled = bucketLabelled(ext, 'Enabled');
    const ranges = children(ext, enabled);
    const enabledCount = mock.fleet.sims.filter((s) => s.status?.value === 'enabled').length;
    assert.ok(enabledCount > 500, 'the test fleet has a bucket large enough to split');
    const range = ranges[0];
    assert.ok(range && range.kind === 'range');
    assert.equal(String(ext.view.provider.getTreeItem(range).label), '1–500');
    assert.equal(simsUnder(ext, enabled).length, enabledCount);

    const simNode = children(ext, range)[0];
    assert.ok(simNode && simNode.kind === 'sim');
    const item = ext.view.provider.getTreeItem(simNode);
    const record = mock.fleet.sims.find((s) => s.id === simNode.sim.id);
    assert.ok(record);
    // The row shows the end of the ICCID (where SIMs differ); the tooltip has all of it.
    const label = String(item.label);
    assert.match(label, /^…\d{12}$/);
    assert.ok(String(record.iccid).endsWith(label.slice(1)), `${label} ends ${record.iccid}`);
    if (record.msisdn) assert.match(String(item.description), new RegExp(`\\${record.msisdn}`));
    assert.match(String(item.description), /MB|GB/);
    // The tooltip is filled in on hover (resolveTreeItem), as VS Code asks for it.
    assert.equal(item.tooltip, undefined);
    const resolved = await ext.view.provider.resolveTreeItem(item, simNode);
    assert.ok(resolved.tooltip instanceof vscode.MarkdownString);
    assert.match(resolved.tooltip.value, /ICCID/);
    assert.ok(resolved.tooltip.value.includes(String(record.iccid)));
    assert.equal(resolved.tooltip.isTrusted, false);
    assert.match(String(item.contextValue), /^sim/);
    assert.equal(ext.view.provider.getParent(simNode), range, 'parents are known, so reveal works');
  });

  it('groups by tag: a SIM under each of its tags, untagged SIMs under "Untagged"', async () => {
    await groupAndWait(ext, 'tag', (labels) => labels.includes('Untagged'));
    const counts = bucketCounts(ext);
    const expected = countBy(mock.fleet.sims, (s) => (s.tags?.length ? s.tags : ['Untagged']));
    assert.deepEqual(new Map([...counts].sort()), new Map([...expected].sort()));
    const labels = [...counts.keys()];
    assert.equal(labels[labels.length - 1], 'Untagged');
    const tagLabels = labels.slice(0, -1);
    assert.deepEqual(
      tagLabels,
      [...tagLabels].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })),
    );
  });

  it('groups by SIM card group name, alphabetically', async () => {
    await groupAndWait(ext, 'group', (labels) => labels.some((l) => mock.fleet.groups.some((g) => g.name === l)));
    const counts = bucketCounts(ext);
    const nameOf = new Map(mock.fleet.groups.map((g) => [g.id, String(g.name)]));
    for (const group of mock.fleet.groups) {
      const n = mock.fleet.sims.filter((s) => s.sim_card_group_id === group.id).length;
      if (n > 0) assert.equal(counts.get(String(group.name)), n, `count of ${group.name}`);
    }
    const named = [...counts.keys()].filter((l) => [...nameOf.values()].includes(l));
    assert.deepEqual(
      named,
      [...named].sort((a, b) => a.localeCompare(b)),
    );
    const ungrouped = mock.fleet.sims.filter((s) => !s.sim_card_group_id).length;
    if (ungrouped > 0) assert.equal(counts.get('No group'), ungrouped);
  });

  it('groups by type (physical / eSIM)', async () => {
    await groupAndWait(ext, 'type', (labels) => labels.includes('Physical'));
    const counts = bucketCounts(ext);
    assert.equal(counts.get('Physical'), mock.fleet.sims.filter((s) => s.type === 'physical').length);
    assert.equal(counts.get('eSIM'), mock.fleet.sims.filter((s) => s.type === 'esim').length);
  });

  it('shows a flat list in labelled parts with grouping "none", kept in workspace state, never in settings (issue 11 items 5, 15)', async () => {
    const settingsBefore = vscode.workspace.getConfiguration('telnyxSims').inspect('groupBy');
    await groupBy(ext, 'none');
    await waitFor('a flat tree', () => roots(ext)[0]?.kind === 'range');
    const labels = roots(ext).map((n) => String(ext.view.provider.getTreeItem(n).label));
    // The label says why the list is cut: how long it is and in which order.
    assert.deepEqual(labels, [
      '1–500 of 1,200 (sorted by ICCID)',
      '501–1,000 of 1,200 (sorted by ICCID)',
      '1,001–1,200 of 1,200 (sorted by ICCID)',
    ]);
    assert.equal(simsUnder(ext).length, 1200);
    const settingsAfter = vscode.workspace.getConfiguration('telnyxSims').inspect('groupBy');
    assert.equal(settingsAfter?.workspaceValue, settingsBefore?.workspaceValue, 'no workspace setting written');
    assert.equal(settingsAfter?.workspaceFolderValue, settingsBefore?.workspaceFolderValue);
    assert.equal(settingsAfter?.globalValue, settingsBefore?.globalValue, 'no user setting written');
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
      const text = await vscode.workspace.fs.readFile(file).then(
        (b) => Buffer.from(b).toString('utf8'),
        () => '',
      );
      assert.ok(!text.includes('telnyxSims.groupBy'), '.vscode/settings.json has no groupBy');
    }
  });

  it('keeps a bucket and a range expanded across a refresh', async () => {
    await groupAndWait(ext, 'status', (labels) => labels.includes('Enabled'));
    // VS Code fetches the regrouped roots first; a reveal racing that fetch is dropped.
    const regrouped = ext.view.provider.generation;
    await waitFor('VS Code to read the regrouped tree', () => ext.view.provider.shownExpandedAfter('', regrouped - 1));
    const bucket = bucketLabelled(ext, 'Enabled');
    const range = children(ext, bucket)[1];
    assert.ok(range && range.kind === 'range', 'the Enabled bucket is split into ranges');
    const sim = children(ext, range)[0];
    assert.ok(sim);
    // Revealing the second range with expand opens the bucket and that range in the real tree.
    await ext.view.treeView.reveal(range, { expand: true, select: false, focus: false });
    await ext.view.treeView.reveal(sim, { select: true, focus: false });
    await waitFor('the expand events', () => ext.view.expandedIds.has(bucket.id) && ext.view.expandedIds.has(range.id));

    const before = ext.view.provider.generation;
    await vscode.commands.executeCommand('telnyxSims.refresh');
    await waitFor('the refreshed tree', () => ext.fleet.settled);
    ext.view.flush();
    assert.ok(ext.view.provider.generation > before, 'the tree was redrawn');
    // VS Code asks for the children of the nodes it shows expanded. With unstable ids the
    // rebuilt nodes would have new ids, start collapsed, and the old ids would never be asked again.
    await waitFor(
      'VS Code to show the bucket and the range expanded again',
      () => ext.view.provider.shownExpandedAfter(bucket.id, before) && ext.view.provider.shownExpandedAfter(range.id, before),
    );
    assert.equal(ext.view.expandedIds.has(range.id), true, 'no collapse event');
  });
});
