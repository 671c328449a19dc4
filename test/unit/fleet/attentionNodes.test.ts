import assert from 'node:assert/strict';
import { generateFleet } from '../../../mock-api/fleet';
import { ATTENTION_REASONS, summarizeAttention, type AttentionReason } from '../../../src/fleet/attention';
import { AttentionNodes, type AttentionInput, type AttentionNode } from '../../../src/fleet/attentionNodes';
import type { SimNode } from '../../../src/fleet/fleetNodes';
import type { SimCard } from '../../../src/telnyx/types';

type Expected = Record<AttentionReason, Set<string>>;

const MB = 1024 * 1024;
function bytes(a: { amount?: string | null; unit?: string | null } | null | undefined): number | undefined {
  if (!a?.amount) return undefined;
  return Number(a.amount) * (a.unit === 'GB' ? 1024 * MB : a.unit === 'KB' ? 1024 : MB);
}

/** The classification written again here, from the records, without the code under test. */
function classify(fleet: ReturnType<typeof generateFleet>, threshold: number): Expected {
  const byId = new Map(fleet.groups.map((g) => [g.id, g]));
  const out: Expected = {
    limitExceeded: new Set(),
    unauthorizedImei: new Set(),
    nearLimit: new Set(),
    noGroup: new Set(),
    actionInProgress: new Set(),
  };
  for (const s of fleet.sims) {
    const g = s.sim_card_group_id ? byId.get(s.sim_card_group_id) : undefined;
    const limit = bytes(s.data_limit) || bytes(g?.data_limit);
    const used = bytes(s.current_billing_period_consumed_data) ?? 0;
    const over = s.status?.value === 'data_limit_exceeded' || (limit !== undefined && used > limit);
    if (over) out.limitExceeded.add(s.id);
    else if (limit !== undefined && used * 100 >= limit * threshold) out.nearLimit.add(s.id);
    const imeis = s.authorized_imeis ?? [];
    if (s.status?.value === 'unauthorized_imei' || (s.current_imei && imeis.length > 0 && !imeis.includes(s.current_imei))) {
      out.unauthorizedImei.add(s.id);
    }
    if (!s.sim_card_group_id) out.noGroup.add(s.id);
    if (s.actions_in_progress || ['registering', 'enabling', 'disabling', 'setting_standby'].includes(s.status?.value ?? '')) {
      out.actionInProgress.add(s.id);
    }
  }
  return out;
}

describe('attention nodes', () => {
  const fleet = generateFleet({ seed: 21, sims: 4000 });
  const groupsById = new Map(fleet.groups.map((g) => [g.id, g]));
  const simsById = new Map<string, SimCard>(fleet.sims.map((s) => [s.id, s]));
  const threshold = 80;
  const expected = classify(fleet, threshold);
  let shown = true;
  let summary = summarizeAttention(fleet.sims, groupsById, threshold);
  const input = (): AttentionInput => ({ summary, shown, threshold, getSim: (id) => simsById.get(id), sort: 'iccid', groupsById });
  const RANGE = 100;
  const nodes = new AttentionNodes(input, RANGE);

  function simsUnder(node: AttentionNode): SimNode[] {
    const out: SimNode[] = [];
    for (const child of nodes.childrenOf(node)) {
      if (child.kind === 'sim') out.push(child);
      else out.push(...simsUnder(child));
    }
    return out;
  }

  it('counts the root and each reason as an independent classification of the SIMs', () => {
    const all = new Set(Object.values(expected).flatMap((set) => [...set]));
    assert.ok(all.size > RANGE, 'the fleet exercises ranges');
    const root = nodes.root();
    assert.ok(root);
    assert.equal(root.total, all.size);
    assert.equal(root.label, `Needs attention (${all.size.toLocaleString('en-US')})`);
    const children = nodes.childrenOf(root);
    const wanted = ATTENTION_REASONS.filter((r) => expected[r].size > 0);
    assert.deepEqual(
      children.map((c) => c.kind === 'attentionReason' && c.reason),
      wanted,
      'one child per reason that has SIMs, in order',
    );
    for (const child of children) {
      assert.equal(child.kind, 'attentionReason');
      if (child.kind !== 'attentionReason') continue;
      const want = expected[child.reason];
      assert.equal(child.count, want.size, child.reason);
      const rows = simsUnder(child);
      assert.equal(rows.length, want.size, `${child.reason} rows`);
      assert.deepEqual(new Set(rows.map((r) => r.simId)), want, `${child.reason} SIMs`);
      for (const row of rows) assert.equal(row.sim, simsById.get(row.simId));
    }
  });

  it('splits a reason with more SIMs than a range into ranges, in ICCID order, and finds parents back', () => {
    const root = nodes.root();
    assert.ok(root);
    const big = nodes.childrenOf(root).find((c) => c.kind === 'attentionReason' && c.count > RANGE);
    assert.ok(big && big.kind === 'attentionReason', 'a reason with more SIMs than a range');
    const ranges = nodes.childrenOf(big);
    assert.equal(ranges.length, Math.ceil(big.count / RANGE));
    const first = ranges[0];
    const last = ranges[ranges.length - 1];
    assert.ok(first?.kind === 'attentionRange' && last?.kind === 'attentionRange');
    assert.equal(first.label, `1–${RANGE}`);
    assert.equal(last.end, big.count);
    const rows = simsUnder(big);
    const iccids = rows.map((r) => String(r.sim.iccid));
    assert.deepEqual(iccids, [...iccids].sort(), 'sorted by ICCID');
    const row = rows[RANGE + 3];
    assert.ok(row);
    const parent = nodes.parentOf(row);
    assert.equal(parent, ranges[1], 'a SIM row of the second range has that range as parent');
    assert.equal(nodes.parentOf(first), big);
    assert.equal(nodes.parentOf(big), root);
    assert.equal(nodes.parentOf(root), undefined);
  });

  it('keeps ids and node objects across recomputed summaries, and follows changed SIMs', () => {
    const root = nodes.root();
    const reasons = root ? nodes.childrenOf(root) : [];
    const target = fleet.sims.find((s) => expected.noGroup.has(s.id) && !expected.limitExceeded.has(s.id));
    assert.ok(target && root);
    // The SIM joins a group: it leaves "not in a group".
    const moved: SimCard = { ...target, sim_card_group_id: fleet.groups[0]?.id ?? 'g' };
    simsById.set(moved.id, moved);
    summary = summarizeAttention(simsById.values(), groupsById, threshold);
    const again = nodes.root();
    assert.equal(again, root, 'same root object');
    const reasonsAgain = nodes.childrenOf(root);
    for (const r of reasonsAgain) assert.ok(reasons.includes(r), `${r.id} kept its object`);
    const noGroup = reasonsAgain.find((c) => c.kind === 'attentionReason' && c.reason === 'noGroup');
    assert.ok(noGroup && noGroup.kind === 'attentionReason');
    assert.equal(noGroup.count, expected.noGroup.size - 1);
    assert.ok(!simsUnder(noGroup).some((r) => r.simId === target.id));
    simsById.set(target.id, target);
    summary = summarizeAttention(simsById.values(), groupsById, threshold);
  });

  it('is hidden when the setting is off or nothing needs attention', () => {
    shown = false;
    assert.equal(nodes.root(), undefined);
    shown = true;
    const saved = summary;
    summary = summarizeAttention([], groupsById, threshold);
    assert.equal(nodes.root(), undefined);
    summary = saved;
    assert.ok(nodes.root());
  });
});
