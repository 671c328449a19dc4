// "Needs attention (N)" at the top of the SIM Cards tree, in the real VS Code host against the
// local Telnyx API: the counts equal a classification of the local API's data written here
// (not the extension's attention code), the SIM rows are ordinary SIM rows, the node follows a
// SIM changed by an action, keeps its ids across a refresh, and goes when the setting is off.
import * as assert from 'node:assert/strict';
import type { MockApi } from '../../mock-api/server';
import type { TestApi } from '../../src/extension';
import type { SimNode } from '../../src/fleet';
import type { SimCard } from '../../src/telnyx/types';
import type { SimTreeNode } from '../../src/views/simTreeProvider';
import { loadedWith, setSetting, waitFor, waitForLoaded } from './helpers';

const REASONS = ['limitExceeded', 'unauthorizedImei', 'nearLimit', 'noGroup', 'actionInProgress'] as const;
type Reason = (typeof REASONS)[number];
type Expected = Record<Reason, Set<string>>;

const LABELS: Record<Reason, string> = {
  limitExceeded: 'Data limit exceeded',
  unauthorizedImei: 'Unauthorized IMEI',
  nearLimit: 'At or above 80% of the data limit',
  noGroup: 'Not in a SIM card group',
  actionInProgress: 'Action in progress',
};

const FACTOR: Record<string, number> = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
function toBytes(a: { amount?: unknown; unit?: unknown } | null | undefined): number | undefined {
  if (a?.amount == null) return undefined;
  const f = FACTOR[typeof a.unit === 'string' ? a.unit.toUpperCase() : 'MB'];
  const n = Number(a.amount);
  return f !== undefined && Number.isFinite(n) ? n * f : undefined;
}

/** The SIMs per reason, from the records the list endpoint serves (it carries no current IMEI). */
function classify(sims: readonly SimCard[], mock: MockApi): Expected {
  const groupLimit = new Map(mock.fleet.groups.map((g) => [g.id, toBytes(g.data_limit)]));
  const out: Expected = {
    limitExceeded: new Set(),
    unauthorizedImei: new Set(),
    nearLimit: new Set(),
    noGroup: new Set(),
    actionInProgress: new Set(),
  };
  for (const sim of sims) {
    const status = sim.status?.value ?? '';
    const group = sim.sim_card_group_id ?? '';
    const own = toBytes(sim.data_limit);
    const limit = own !== undefined && own > 0 ? own : group ? groupLimit.get(group) : undefined;
    const used = toBytes(sim.current_billing_period_consumed_data);
    const measurable = limit !== undefined && limit > 0 && used !== undefined;
    const over = status === 'data_limit_exceeded' || (measurable && used > limit);
    if (over) out.limitExceeded.add(sim.id);
    if (status === 'unauthorized_imei') out.unauthorizedImei.add(sim.id);
    if (!over && measurable && used * 100 >= limit * 80) out.nearLimit.add(sim.id);
    if (group === '') out.noGroup.add(sim.id);
    if (sim.actions_in_progress === true || ['registering', 'enabling', 'disabling', 'setting_standby'].includes(status)) {
      out.actionInProgress.add(sim.id);
    }
  }
  return out;
}

function union(e: Expected): Set<string> {
  return new Set(REASONS.flatMap((r) => [...e[r]]));
}

describe('Needs attention node (41-attention)', () => {
  let mock: MockApi;
  let ext: TestApi;

  const top = (): SimTreeNode | undefined => ext.view.provider.getChildren()[0];
  const label = (n: SimTreeNode): string => String(ext.view.provider.getTreeItem(n).label);
  const simsUnder = (n: SimTreeNode): SimNode[] => ext.view.provider.getChildren(n).flatMap((c) => (c.kind === 'sim' ? [c] : simsUnder(c)));
  /** Reason label -> [count shown in the description, SIM ids under it]. */
  const shown = (root: SimTreeNode): Map<string, { count: number; ids: Set<string> }> =>
    new Map(
      ext.view.provider.getChildren(root).map((c) => {
        const item = ext.view.provider.getTreeItem(c);
        return [
          String(item.label),
          { count: Number(String(item.description).replace(/,/g, '')), ids: new Set(simsUnder(c).map((s) => s.simId)) },
        ];
      }),
    );

  before(async () => {
    // Ranges of 500 under a reason are covered by the builder's unit test (it takes ~7,500 SIMs here).
    ({ mock, ext } = await loadedWith({ sims: 1000, seed: 41 }));
    await setSetting('attention.show', true);
  });
  after(async () => {
    await setSetting('attention.show', undefined);
    await mock.close();
  });

  it('shows "Needs attention (N)" first, with each reason counted as the local API data says', async () => {
    const expected = classify(mock.fleet.sims, mock);
    const total = union(expected).size;
    assert.ok(total > 0, 'the test fleet has SIMs needing attention');
    const root = await waitFor('the attention node', () => {
      const n = top();
      return n?.kind === 'attentionRoot' ? n : undefined;
    });
    assert.equal(label(root), `Needs attention (${total.toLocaleString('en-US')})`);
    const children = shown(root);
    const want = REASONS.filter((r) => expected[r].size > 0);
    assert.deepEqual(
      [...children.keys()],
      want.map((r) => LABELS[r]),
    );
    for (const r of want) {
      const got = children.get(LABELS[r]);
      assert.equal(got?.count, expected[r].size, `${r}: count`);
      assert.deepEqual(got?.ids, expected[r], `${r}: SIMs`);
    }
  });

  it('lists SIM rows like the rest of the tree: same item, menus and click-to-open', () => {
    const root = top();
    assert.ok(root);
    const reason = ext.view.provider.getChildren(root)[0];
    assert.ok(reason);
    const row = simsUnder(reason)[0];
    assert.ok(row);
    const item = ext.view.provider.getTreeItem(row);
    assert.match(String(item.contextValue), /^sim/, 'SIM context menus apply');
    assert.equal(item.command?.command, 'telnyxSims.showDetails');
    assert.equal(item.command?.arguments?.[0], row);
    assert.ok(ext.view.provider.isNode(row), 'commands accept the row');
    assert.ok(!ext.view.provider.isNode(reason), 'the reason node is no command target');
    // Parents lead back through the reason (and its range, if any) to the root, for reveal.
    const chain: SimTreeNode[] = [];
    for (let n: SimTreeNode | undefined = row; n; n = ext.view.provider.getParent(n)) chain.push(n);
    assert.equal(chain[chain.length - 1], root);
    assert.ok(chain.includes(reason));
  });

  it('follows a SIM changed by an action and keeps its ids across a refresh', async () => {
    const root = top();
    assert.ok(root?.kind === 'attentionRoot');
    const before = classify([...ext.fleet.model.sims()], mock);
    const orphanId = [...before.noGroup].find((id) => !before.limitExceeded.has(id));
    const orphan = orphanId !== undefined ? ext.fleet.model.getSim(orphanId) : undefined;
    const group = mock.fleet.groups.find((g) => toBytes(g.data_limit) === undefined);
    assert.ok(orphan && group, 'a SIM without a group and a group without a limit');
    // What an action does with its result: the model takes the changed SIM.
    const moved: SimCard = { ...orphan, sim_card_group_id: group.id };
    ext.fleet.model.updateSim(moved);
    const after = classify([...ext.fleet.model.sims()], mock);
    assert.equal(after.noGroup.size, before.noGroup.size - 1);
    await waitFor('the node to follow the change', () => shown(root).get(LABELS.noGroup)?.count === after.noGroup.size);
    assert.ok(!shown(root).get(LABELS.noGroup)?.ids.has(orphan.id));
    assert.equal(label(root), `Needs attention (${union(after).size.toLocaleString('en-US')})`);

    // A refresh reads the server again (where the SIM still has no group): same nodes, the server's counts.
    const children = ext.view.provider.getChildren(root);
    await ext.fleet.refresh();
    await waitForLoaded(ext);
    const server = classify(mock.fleet.sims, mock);
    await waitFor('the server counts after the refresh', () => shown(root).get(LABELS.noGroup)?.count === server.noGroup.size);
    assert.equal(top(), root, 'the same root node (id "attention"), so its expansion survives');
    assert.deepEqual(ext.view.provider.getChildren(root), children, 'the same reason nodes');
    assert.deepEqual(
      children.map((c) => c.id),
      REASONS.filter((r) => server[r].size > 0).map((r) => `attention/${r}`),
    );
  });

  it('goes when telnyxSims.attention.show is off, and comes back when on', async () => {
    await setSetting('attention.show', false);
    await waitFor('the node to go', () => top() !== undefined && top()?.kind !== 'attentionRoot');
    assert.ok(ext.view.provider.getChildren().every((n) => !n.kind.startsWith('attention')));
    await setSetting('attention.show', true);
    await waitFor('the node to come back', () => top()?.kind === 'attentionRoot');
  });
});
