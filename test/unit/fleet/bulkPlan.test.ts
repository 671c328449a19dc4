import * as assert from 'node:assert/strict';
import { planBulk, resultsReport, resultsSummary } from '../../../src/fleet/bulkPlan';
import type { BulkOutcome } from '../../../src/telnyx/bulk';
import { sim } from './fixtures';

const G = 'group-1';

describe('bulk plan (preview)', () => {
  it('disable: counts changes, skips the already disabled and in-progress ones, estimates the saving', () => {
    const sims = [
      ...Array.from({ length: 35 }, () => sim({ status: { value: 'enabled' } })),
      sim({ status: { value: 'standby' }, sim_card_group_id: G }),
      sim({ status: { value: 'data_limit_exceeded' } }),
      sim({ status: { value: 'disabled' } }),
      sim({ status: { value: 'disabling' }, actions_in_progress: true }),
      sim({ status: { value: 'enabled' }, actions_in_progress: true }),
    ];
    const p = planBulk({ kind: 'disable' }, sims);
    assert.equal(p.willChange.length, 37);
    assert.equal(p.action, 'disable');
    assert.equal(p.title, 'Disable 37 SIM cards?');
    assert.equal(p.primaryButton, 'Disable 37 SIM Cards');
    assert.deepEqual(p.skipped.map((s) => s.reason).sort(), ['alreadyInState', 'inProgress', 'inProgress']);
    // 36 active SIMs go from 2.00 to 0.20; the standby one stays at 0.20.
    assert.equal(p.monthlyFeeDelta, -64.8);
    assert.ok(p.detail.some((l) => l.includes('-$64.80')));
    assert.ok(p.detail.some((l) => l.includes('Already disabled: 1')));
    assert.ok(p.detail.some((l) => l.includes('An action is already in progress: 2')));
  });

  it('enable and standby need a group; overridden rates change the estimate', () => {
    const inGroup = sim({ status: { value: 'disabled' }, sim_card_group_id: G });
    const lone = sim({ status: { value: 'disabled' }, sim_card_group_id: null });
    const p = planBulk({ kind: 'enable' }, [inGroup, lone, inGroup], { active: 3, inactive: 0.5 });
    assert.deepEqual(
      p.willChange.map((w) => w.sim.id),
      [inGroup.id],
    );
    assert.equal(p.skipped[0]?.reason, 'needsGroup');
    assert.match(p.skipped[0]?.text ?? '', /group/);
    assert.equal(p.monthlyFeeDelta, 2.5);
    assert.equal(p.primaryButton, 'Enable 1 SIM Card');
    const s = planBulk({ kind: 'standby' }, [lone, sim({ status: { value: 'standby' }, sim_card_group_id: G })]);
    assert.deepEqual(
      s.skipped.map((x) => x.reason),
      ['needsGroup', 'alreadyInState'],
    );
    assert.equal(s.willChange.length, 0);
  });

  it('edits compute each SIM patch from its own data and skip no-ops', () => {
    const a = sim({ tags: ['x'] });
    const b = sim({ tags: ['x', 'y'] });
    const t = planBulk({ kind: 'tags', edit: { mode: 'add', tags: ['y'] } }, [a, b]);
    assert.deepEqual(
      t.willChange.map((w) => w.patch),
      [{ tags: ['x', 'y'] }],
    );
    assert.equal(t.skipped[0]?.reason, 'noChange');
    assert.equal(t.monthlyFeeDelta, 0);
    const g = planBulk({ kind: 'group', groupId: G }, [sim({ sim_card_group_id: G }), sim({ sim_card_group_id: 'other' })]);
    assert.deepEqual(
      g.willChange.map((w) => w.patch),
      [{ sim_card_group_id: G }],
    );
    assert.ok(g.detail.some((l) => /interrupt/.test(l)));
    const limited = sim({ data_limit: { amount: '500.0', unit: 'MB' } });
    const d = planBulk({ kind: 'dataLimit', limit: { amount: '500', unit: 'MB' } }, [limited, sim()]);
    assert.equal(d.willChange.length, 1);
    assert.equal(planBulk({ kind: 'dataLimit', limit: null }, [limited, sim()]).willChange.length, 1);
  });

  it('summarises and reports every SIM with its outcome and reason, as plain text', () => {
    const sims = [
      sim({ iccid: '111' }),
      sim({ iccid: '222' }),
      sim({ iccid: '333' }),
      sim({ status: { value: 'disabled' }, iccid: '444' }),
    ];
    const p = planBulk({ kind: 'disable' }, sims);
    const outcomes: BulkOutcome[] = [
      { simId: sims[0]!.id, outcome: 'changed', reason: 'Accepted by Telnyx.' },
      { simId: sims[1]!.id, outcome: 'failed', reason: 'Telnyx said:\n"[x](command:evil)"' },
      { simId: sims[2]!.id, outcome: 'skipped', reason: 'Not sent: the run was cancelled.' },
    ];
    assert.equal(resultsSummary(p, outcomes), '1 disabled, 2 skipped, 1 failed');
    const report = resultsReport(p, outcomes);
    for (const iccid of ['111', '222', '333', '444']) assert.ok(report.includes(iccid), iccid);
    assert.ok(report.includes('Telnyx said: "[x](command:evil)"'));
    assert.equal(report.split('\n').filter((l) => /^\d{3} /.test(l)).length, 4);
  });
});
