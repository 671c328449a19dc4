import assert from 'node:assert/strict';
import {
  STATUS_ORDER,
  compareStatus,
  isTransitional,
  simStatus,
  simStatusReason,
  statusIcon,
  statusLabel,
} from '../../../src/fleet/status';
import { SIM_STATUSES } from '../../../src/telnyx/types';
import { LIFECYCLE_ORDER } from '../helpers/lifecycle';
import { hostile, sim, st } from './fixtures';

describe('fleet/status', () => {
  it('STATUS_ORDER lists every known status once, in lifecycle order', () => {
    assert.deepEqual([...STATUS_ORDER], LIFECYCLE_ORDER);
    assert.deepEqual([...STATUS_ORDER].sort(), [...SIM_STATUSES].sort());
  });

  it('compareStatus sorts known, then unknown alphabetically, then missing', () => {
    const input = [undefined, 'zeta_new', 'disabled', 'alpha_new', 'registering', null, 'enabled', 'unauthorized_imei', ''];
    const sorted = [...input].sort(compareStatus);
    assert.deepEqual(sorted.slice(0, 6), ['registering', 'enabled', 'disabled', 'unauthorized_imei', 'alpha_new', 'zeta_new']);
    // The three "missing" forms are equal to each other and last.
    for (const s of sorted.slice(6)) assert.ok(s == null || s === '');
    assert.equal(compareStatus(null, ''), 0);
    assert.ok(compareStatus('zzz', undefined) < 0);
  });

  it('labels known statuses', () => {
    assert.equal(statusLabel('enabled'), 'Enabled');
    assert.equal(statusLabel('data_limit_exceeded'), 'Data limit exceeded');
    assert.equal(statusLabel('unauthorized_imei'), 'Unauthorized IMEI');
    assert.equal(statusLabel('setting_standby'), 'Setting standby');
    assert.equal(statusLabel('standby'), 'Standby');
  });

  it('humanizes unknown statuses and labels missing ones "Unknown"', () => {
    assert.equal(statusLabel('pending_PORT-out'), 'Pending port out');
    assert.equal(statusLabel('  suspended  '), 'Suspended');
    assert.equal(statusLabel('line\nbreak'), 'Line break');
    assert.equal(statusLabel(undefined), 'Unknown');
    assert.equal(statusLabel(null), 'Unknown');
    assert.equal(statusLabel('   '), 'Unknown');
    assert.equal(statusLabel('___'), 'Unknown');
    assert.ok(statusLabel('x'.repeat(500)).length <= 60);
  });

  it('gives each status its codicon and theme colour', () => {
    assert.deepEqual(statusIcon('enabled'), { codicon: 'pass-filled', color: 'testing.iconPassed' });
    assert.deepEqual(statusIcon('disabled'), { codicon: 'circle-slash', color: 'errorForeground' });
    assert.deepEqual(statusIcon('unauthorized_imei'), { codicon: 'shield', color: 'errorForeground' });
    assert.deepEqual(statusIcon('standby'), { codicon: 'debug-pause', color: 'charts.yellow' });
    assert.deepEqual(statusIcon('data_limit_exceeded'), { codicon: 'warning', color: 'list.warningForeground' });
    for (const s of ['registering', 'enabling', 'disabling', 'setting_standby']) {
      assert.deepEqual(statusIcon(s), { codicon: 'sync', color: 'charts.blue' }, s);
    }
    assert.deepEqual(statusIcon('brand_new'), { codicon: 'question', color: 'disabledForeground' });
    assert.deepEqual(statusIcon(undefined), { codicon: 'question', color: 'disabledForeground' });
  });

  it('returns a copy of the icon so callers cannot corrupt the table', () => {
    const icon = statusIcon('enabled');
    icon.codicon = 'hacked';
    assert.equal(statusIcon('enabled').codicon, 'pass-filled');
  });

  it('uses codicon ids that exist in @vscode/codicons', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require('node:path') as typeof import('node:path');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('node:fs') as typeof import('node:fs');
    const csv = path.resolve(__dirname, '..', '..', '..', '..', 'node_modules', '@vscode', 'codicons', 'dist', 'codicon.csv');
    const names = new Set(
      fs
        .readFileSync(csv, 'utf8')
        .split('\n')
        .map((l) => l.split(',')[0]),
    );
    for (const s of [...SIM_STATUSES, 'other', undefined]) {
      assert.ok(names.has(statusIcon(s).codicon), `${statusIcon(s).codicon} for ${String(s)}`);
    }
  });

  it('isTransitional is true only while a SIM changes state', () => {
    assert.deepEqual(SIM_STATUSES.filter((s) => isTransitional(s)).sort(), ['disabling', 'enabling', 'registering', 'setting_standby']);
    assert.equal(isTransitional(undefined), false);
    assert.equal(isTransitional('unknown_x'), false);
  });

  it('reads status and reason from records, tolerating garbage', () => {
    assert.equal(simStatus(sim({ status: st('standby') })), 'standby');
    assert.equal(simStatus(sim({ status: null })), 'unknown');
    assert.equal(simStatus(sim({ status: st(null) })), 'unknown');
    assert.equal(simStatus(hostile({ status: 'disabled' })), 'disabled');
    assert.equal(simStatus(hostile({ status: 42 })), 'unknown');
    assert.equal(simStatus(hostile({ status: { value: ['enabled'] } })), 'unknown');
    assert.equal(simStatusReason(sim({ status: st('disabled', 'Billing') })), 'Billing');
    assert.equal(simStatusReason(sim({ status: st('disabled', '  ') })), undefined);
    assert.equal(simStatusReason(hostile({ status: { value: 'x', reason: 5 } })), undefined);
  });
});
