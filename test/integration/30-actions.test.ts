// SIM actions in the real VS Code host against the local Telnyx API over HTTP. The modal
// preview and the pickers are answered through the test API's `prompts` (the production
// code calls the same interface; only its implementation is swapped in ExtensionMode.Test).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import type { Prompts, SummaryChoice } from '../../src/commands/actions/prompts';
import type { BulkPlan } from '../../src/fleet/bulkPlan';
import type { RunReport } from '../../src/services/bulkRunner';
import type { SimCardDetail } from '../../src/telnyx/types';
import type { BucketNode, SimNode } from '../../src/fleet';
import { loadedWith, setSetting, TEST_KEY, waitFor } from './helpers';

const ACTION_POST = /^\/v2\/sim_cards\/([^/]+)\/actions\/[a-z_]+$/;
const BUSY = new Set(['enabling', 'disabling', 'setting_standby', 'registering']);

describe('SIM actions: preview, run, live state, results, actions view', function () {
  this.timeout(120_000);
  let mock: MockApi;
  let ext: TestApi;
  let original: Prompts;
  /** Every preview the dialog was asked to show, and what it answers. */
  const previews: BulkPlan[] = [];
  let confirmAnswer = true;
  let summaryAnswers: (SummaryChoice | undefined)[] = [];
  let answers: Partial<Prompts> = {};

  before(async () => {
    ({ mock, ext } = await loadedWith({ sims: 150, seed: 21, actionSettleMs: 700 }));
    await setSetting('groupBy', 'none');
    await waitFor('a flat tree', () => ext.view.provider.getChildren()[0]?.kind === 'sim');
    original = ext.actions.prompts;
    ext.actions.prompts = {
      confirm: async (plan) => {
        previews.push(plan);
        return confirmAnswer;
      },
      summary: async () => summaryAnswers.shift(),
      tagEdit: (known) => answers.tagEdit?.(known) ?? Promise.resolve(undefined),
      group: (groups) => answers.group?.(groups) ?? Promise.resolve(undefined),
      dataLimit: () => answers.dataLimit?.() ?? Promise.resolve(undefined),
    };
  });
  beforeEach(() => {
    previews.length = 0;
    confirmAnswer = true;
    summaryAnswers = [];
    answers = {};
    mock.settings.rateLimitPerSecond = 0;
    mock.settings.actionFailRate = 0;
    mock.settings.actionSettleMs = 700;
  });
  after(async () => {
    ext.actions.prompts = original;
    await setSetting('groupBy', undefined);
    await setSetting('bulkConcurrency', undefined);
    await mock.close();
  });

  const serverSim = (id: string): SimCardDetail => {
    const sim = mock.fleet.sims.find((s) => s.id === id);
    assert.ok(sim, `server has SIM ${id}`);
    return sim;
  };
  const actionPosts = (since = 0): { simId: string; status: number }[] =>
    mock.requests.slice(since).flatMap((r) => {
      const m = r.method === 'POST' ? ACTION_POST.exec(r.path) : null;
      return m?.[1] ? [{ simId: m[1], status: r.status }] : [];
    });
  const simNodes = (): SimNode[] => ext.view.provider.getChildren().filter((n): n is SimNode => n.kind === 'sim');
  /** SIMs the server has in `status`, in a group, with nothing in progress, not used by an earlier test. */
  const used = new Set<string>();
  function pick(n: number, status: string, withGroup = true): SimNode[] {
    const nodes = simNodes().filter((node) => {
      const s = serverSim(node.sim.id);
      return !used.has(s.id) && s.status?.value === status && !s.actions_in_progress && Boolean(s.sim_card_group_id) === withGroup;
    });
    assert.ok(nodes.length >= n, `the fleet has ${n} ${status} SIMs (withGroup=${withGroup})`);
    const out = nodes.slice(0, n);
    for (const node of out) used.add(node.sim.id);
    return out;
  }
  const lastReport = (): RunReport => {
    const r = ext.actions.runner.reports.at(-1);
    assert.ok(r, 'a run report');
    return r;
  };
  const treeStatus = (id: string): string | undefined => simNodes().find((n) => n.sim.id === id)?.sim.status?.value ?? undefined;
  const treeIcon = (id: string): string => {
    const node = simNodes().find((n) => n.sim.id === id);
    assert.ok(node);
    const icon = ext.view.provider.getTreeItem(node).iconPath;
    return icon instanceof vscode.ThemeIcon ? icon.id : '';
  };

  it('disables 3 selected SIMs: exactly 3 POSTs, the tree shows them disabling, then disabled', async () => {
    const nodes = pick(3, 'enabled');
    const ids = nodes.map((n) => n.sim.id);
    const mark = mock.requests.length;
    const run = vscode.commands.executeCommand('telnyxSims.disableSims', nodes[0], nodes);
    await waitFor('the tree to show the 3 SIMs disabling (spinning)', () =>
      ids.every((id) => treeStatus(id) === 'disabling' && treeIcon(id).endsWith('~spin')),
    );
    await run;
    assert.equal(previews.length, 1);
    assert.equal(previews[0]?.willChange.length, 3);
    assert.match(previews[0]?.primaryButton ?? '', /^Disable 3 SIM Cards$/);
    const posts = actionPosts(mark);
    assert.deepEqual(posts.map((p) => p.simId).sort(), [...ids].sort());
    assert.ok(posts.every((p) => p.status === 202));
    await waitFor('the tree to show them disabled', () => ids.every((id) => treeStatus(id) === 'disabled'));
    for (const id of ids) assert.equal(serverSim(id).status?.value, 'disabled');
    assert.equal(lastReport().summary, '3 disabled, 0 skipped, 0 failed');
  });

  it('an open details panel follows an action on its SIM to the status the server ends in', async () => {
    const [node] = pick(1, 'enabled');
    assert.ok(node);
    const id = node.sim.id;
    const shownStatus = (): string | undefined => {
      const state = ext.panels.panel(id)?.current;
      return state?.kind === 'ready' ? state.model.status.value : undefined;
    };
    await ext.panels.show(id);
    await waitFor('the panel to show the SIM enabled', () => shownStatus() === 'enabled');
    await vscode.commands.executeCommand('telnyxSims.disableSims', node, [node]);
    await waitFor('the server to finish disabling the SIM', () => serverSim(id).status?.value === 'disabled', 30_000);
    await waitFor('the panel to show what the server has', () => shownStatus() === 'disabled', 30_000);
    assert.equal(lastReport().summary, '1 disabled, 0 skipped, 0 failed');
    ext.panels.panel(id)?.dispose();
  });

  it('acts on a group row: the dialog counts every SIM of that group as the server has it', async () => {
    await setSetting('groupBy', 'group');
    const group = mock.fleet.groups[1];
    assert.ok(group);
    const bucket = await waitFor('the group bucket', () =>
      ext.view.provider
        .getChildren()
        .find(
          (n): n is BucketNode => n.kind === 'bucket' && ext.fleet.model.bucketSims(n.key).some((s) => s.sim_card_group_id === group.id),
        ),
    );
    const members = mock.fleet.sims.filter((s) => s.sim_card_group_id === group.id);
    const changeable = members.filter((s) => s.status?.value !== 'disabled' && !BUSY.has(s.status?.value ?? '') && !s.actions_in_progress);
    confirmAnswer = false;
    const mark = mock.requests.length;
    await vscode.commands.executeCommand('telnyxSims.disableSims', bucket);
    assert.equal(previews.length, 1);
    assert.equal((previews[0]?.willChange.length ?? 0) + (previews[0]?.skipped.length ?? 0), members.length);
    assert.equal(previews[0]?.willChange.length, changeable.length);
    assert.equal(previews[0]?.title, `Disable ${changeable.length} SIM cards?`);
    assert.equal(actionPosts(mark).length, 0, 'a declined preview sends nothing');
    await setSetting('groupBy', 'none');
    await waitFor('a flat tree', () => ext.view.provider.getChildren()[0]?.kind === 'sim');
  });

  it('acts on every SIM matching the filter: the count is the server’s', async () => {
    await ext.fleet.setOptions({ filter: { status: ['standby'] } });
    await waitFor('the filtered fleet', () => ext.fleet.settled && [...ext.fleet.model.sims()].every((s) => s.status?.value === 'standby'));
    const expected = mock.fleet.sims.filter((s) => s.status?.value === 'standby');
    confirmAnswer = false;
    await vscode.commands.executeCommand('telnyxSims.allMatching.disable');
    assert.equal(previews.length, 1);
    assert.equal(previews[0]?.willChange.length, expected.length);
    assert.equal(previews[0]?.title, `Disable ${expected.length} SIM cards?`);
    assert.ok(previews[0]?.detail.some((line) => line.includes(`(${expected.length}, read just now)`)));
    await ext.fleet.setOptions({ filter: {} });
    await waitFor('the whole fleet', () => ext.fleet.model.status.kind === 'complete' && ext.fleet.model.size === mock.fleet.sims.length);
  });

  it('skips a SIM without a SIM card group when enabling, with its reason, and sends only the other', async () => {
    const [grouped] = pick(1, 'disabled');
    const [groupless] = pick(1, 'standby', false);
    assert.ok(grouped && groupless);
    const mark = mock.requests.length;
    await vscode.commands.executeCommand('telnyxSims.enableSims', grouped, [grouped, groupless]);
    const plan = previews[0];
    assert.ok(plan);
    assert.deepEqual(
      plan.willChange.map((p) => p.sim.id),
      [grouped.sim.id],
    );
    assert.deepEqual(
      plan.skipped.map((s) => [s.sim.id, s.reason]),
      [[groupless.sim.id, 'needsGroup']],
    );
    assert.ok(plan.detail.some((l) => l.includes('Not in a SIM card group (needed to enable): 1')));
    assert.deepEqual(
      actionPosts(mark).map((p) => p.simId),
      [grouped.sim.id],
    );
    assert.equal(serverSim(groupless.sim.id).status?.value, 'standby');
    // The results document lists both, with the reason.
    const editor = ext.actions.runner.reports.at(-1)?.resultsUri;
    assert.ok(editor);
    const doc = await vscode.workspace.openTextDocument(editor);
    assert.equal(doc.languageId, 'plaintext');
    assert.match(doc.getText(), new RegExp(`${groupless.sim.iccid} \\(${groupless.sim.id}\\)  skipped  Not in a SIM card group`));
    assert.match(doc.getText(), new RegExp(`${grouped.sim.iccid} \\(${grouped.sim.id}\\)  changed`));
  });

  it('waits out 429s without sending any SIM twice', async () => {
    mock.settings.rateLimitPerSecond = 3;
    await setSetting('bulkConcurrency', 6);
    const nodes = pick(12, 'enabled');
    const mark = mock.requests.length;
    await vscode.commands.executeCommand('telnyxSims.disableSims', nodes[0], nodes);
    const posts = actionPosts(mark);
    assert.ok(
      posts.some((p) => p.status === 429),
      'the server limited the rate',
    );
    const accepted = posts.filter((p) => p.status === 202).map((p) => p.simId);
    assert.deepEqual([...accepted].sort(), nodes.map((n) => n.sim.id).sort(), 'each SIM accepted exactly once');
    assert.equal(lastReport().summary, '12 disabled, 0 skipped, 0 failed');
    await setSetting('bulkConcurrency', undefined);
  });

  it('Cancel stops further requests', async () => {
    mock.settings.rateLimitPerSecond = 2;
    const nodes = pick(20, 'enabled');
    const mark = mock.requests.length;
    const run = vscode.commands.executeCommand('telnyxSims.disableSims', nodes[0], nodes);
    await waitFor('a few accepted POSTs', () => actionPosts(mark).filter((p) => p.status === 202).length >= 3);
    ext.actions.runner.cancelCurrent();
    await run;
    const report = lastReport();
    assert.ok(report.cancelled);
    const sent = actionPosts(mark).length;
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(actionPosts(mark).length, sent, 'nothing sent after the run ended');
    const accepted = new Set(
      actionPosts(mark)
        .filter((p) => p.status === 202)
        .map((p) => p.simId),
    );
    assert.ok(accepted.size < nodes.length, 'not every SIM was sent');
    const notSent = report.outcomes.filter((o) => o.outcome === 'skipped');
    assert.equal(notSent.length + accepted.size, nodes.length);
    for (const o of notSent) assert.equal(accepted.has(o.simId), false);
  });

  it('Retry Failed retries only the SIMs whose action failed', async () => {
    mock.settings.actionFailRate = 0.5;
    const nodes = pick(10, 'enabled');
    const before = ext.actions.runner.reports.length;
    summaryAnswers = ['retryFailed', undefined];
    const mark = mock.requests.length;
    await vscode.commands.executeCommand('telnyxSims.disableSims', nodes[0], nodes);
    const first = lastReport();
    // The server's own record of which actions failed.
    const res = await fetch(`${mock.url}/sim_card_actions?filter[status]=failed&page[size]=250`, {
      headers: { Authorization: `Bearer ${TEST_KEY}` },
    });
    const failedOnServer = ((await res.json()) as { data: { sim_card_id: string }[] }).data.map((a) => a.sim_card_id);
    const failedIds = nodes.map((n) => n.sim.id).filter((id) => failedOnServer.includes(id));
    assert.ok(failedIds.length > 0 && failedIds.length < nodes.length, 'some actions failed at the server');
    assert.deepEqual(
      first.outcomes
        .filter((o) => o.outcome === 'failed')
        .map((o) => o.simId)
        .sort(),
      [...failedIds].sort(),
    );
    const afterFirst = mock.requests.length;
    await waitFor('the retry run', () => ext.actions.runner.reports.length === before + 2, 30_000);
    const retry = lastReport();
    assert.deepEqual(retry.plan.willChange.map((p) => p.sim.id).sort(), [...failedIds].sort());
    assert.deepEqual(
      actionPosts(afterFirst)
        .filter((p) => p.status === 202)
        .map((p) => p.simId)
        .sort(),
      [...failedIds].sort(),
    );
    assert.ok(actionPosts(mark).length >= nodes.length);
  });

  it('edits tags (add, remove), moves to a group and sets a data limit on the server', async () => {
    const nodes = pick(2, 'enabled');
    const ids = nodes.map((n) => n.sim.id);
    const tag = 'w-act-batch';
    answers.tagEdit = async () => ({ mode: 'add', tags: [tag] });
    await vscode.commands.executeCommand('telnyxSims.editTags', nodes[0], nodes);
    for (const id of ids) assert.ok(serverSim(id).tags?.includes(tag), 'tag added on the server');
    await waitFor('the tree to carry the tag', () => ids.every((id) => ext.fleet.model.getSim(id)?.tags?.includes(tag)));

    const kept = serverSim(ids[0] ?? '').tags?.filter((t) => t !== tag) ?? [];
    answers.tagEdit = async () => ({ mode: 'remove', tags: [tag] });
    await vscode.commands.executeCommand('telnyxSims.editTags', nodes[0], nodes);
    for (const id of ids) assert.equal(serverSim(id).tags?.includes(tag), false, 'tag removed on the server');
    assert.deepEqual(serverSim(ids[0] ?? '').tags, kept, 'other tags kept');

    const target = mock.fleet.groups.find((g) => ids.every((id) => serverSim(id).sim_card_group_id !== g.id));
    assert.ok(target);
    answers.group = async () => target;
    await vscode.commands.executeCommand('telnyxSims.moveToGroup', nodes[0], nodes);
    assert.ok(previews.at(-1)?.detail.some((l) => l.includes('briefly interrupt')));
    for (const id of ids) assert.equal(serverSim(id).sim_card_group_id, target.id);

    answers.dataLimit = async () => ({ amount: '750', unit: 'MB' });
    await vscode.commands.executeCommand('telnyxSims.setDataLimit', nodes[0], nodes);
    for (const id of ids) {
      const limit = serverSim(id).data_limit;
      assert.equal(Number(limit?.amount), 750);
      assert.equal(limit?.unit, 'MB');
    }
  });

  it('the actions view lists the runs, in-progress first, and its badge counts actions in flight', async () => {
    mock.settings.actionSettleMs = 6000;
    const nodes = pick(3, 'enabled');
    const run = vscode.commands.executeCommand('telnyxSims.disableSims', nodes[0], nodes);
    const view = ext.actions.actionsView;
    const inProgressOnServer = async (): Promise<number> => {
      const res = await fetch(`${mock.url}/sim_card_actions?filter[status]=in-progress&page[size]=1`, {
        headers: { Authorization: `Bearer ${TEST_KEY}` },
      });
      return ((await res.json()) as { meta: { total_results: number } }).meta.total_results;
    };
    await waitFor('the badge to count the 3 in flight', async () => {
      const n = await inProgressOnServer();
      return n === 3 && view.inFlight === 3 && view.treeView.badge?.value === 3;
    });
    const ids = new Set(nodes.map((n) => n.sim.id));
    const listed = view.actions.filter((a) => a.sim_card_id && ids.has(a.sim_card_id));
    assert.equal(listed.length, 3);
    assert.ok(
      view.actions.slice(0, 3).every((a) => a.status?.value === 'in-progress'),
      'in-progress first',
    );
    await run;
    await waitFor('the badge to clear', () => view.inFlight === 0 && view.treeView.badge === undefined, 30_000);
    const runs = view.actions.filter((a) => a.sim_card_id && ids.has(a.sim_card_id));
    assert.ok(runs.every((a) => a.status?.value === 'completed'));
    await view.setStatusFilter('failed');
    assert.ok(view.actions.length > 0 && view.actions.every((a) => a.status?.value === 'failed'));
    await view.setStatusFilter(undefined);
  });

  it('an action listed before its SIM was loaded names the SIM by ICCID once a load brings it', async () => {
    const view = ext.actions.actionsView;
    const [node] = pick(1, 'enabled');
    assert.ok(node);
    const simId = node.sim.id;
    await vscode.commands.executeCommand('telnyxSims.disableSims', node, [node]);
    const action = await waitFor(
      'the action listed, completed',
      () => view.actions.find((a) => a.sim_card_id === simId && a.status?.value === 'completed'),
      30_000,
    );
    const label = (): string => {
      const item = view.getTreeItem({ kind: 'action', action });
      return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    };
    // Only enabled SIMs in the tree: the disabled SIM is not loaded, so its row shows the SIM id.
    await ext.fleet.setOptions({ filter: { status: ['enabled'] } });
    await waitFor('a tree without the SIM', () => ext.fleet.model.getSim(simId) === undefined && ext.fleet.phase === 'loaded', 30_000);
    assert.ok(!label().includes(serverSim(simId).iccid ?? '-'), label());
    let redraws = 0;
    let lastRedraw = Date.now();
    const sub = view.onDidChangeTreeData(() => {
      redraws++;
      lastRedraw = Date.now();
    });
    try {
      // The view re-reads for a while after a run: wait until it is quiet, so the load is the only cause left.
      await waitFor('the actions view to settle', () => view.inFlight === 0 && Date.now() - lastRedraw > 3000, 60_000);
      redraws = 0;
      await ext.fleet.setOptions({ filter: {} });
      await waitFor('the SIM loaded', () => ext.fleet.model.getSim(simId) !== undefined && ext.fleet.phase === 'loaded', 30_000);
      await waitFor('the actions view to redraw its rows', () => redraws > 0);
      assert.ok(label().endsWith(`· ${serverSim(simId).iccid ?? '-'}`), label());
    } finally {
      sub.dispose();
    }
  });
});
