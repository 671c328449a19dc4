import assert from 'node:assert/strict';
import { SEVERITY_THEME_COLOR, STATUS_SEVERITY, USAGE_SEVERITY, statusSeverity } from '../../../src/fleet/severity';
import { statusIcon } from '../../../src/fleet/status';
import { SIM_STATUSES } from '../../../src/telnyx/types';

describe('fleet/severity (one table for tree and panel)', () => {
  it('gives every known status a severity, and unknown ones "unknown"', () => {
    for (const s of SIM_STATUSES) assert.ok(STATUS_SEVERITY[s], s);
    assert.equal(statusSeverity('something_new'), 'unknown');
    assert.equal(statusSeverity(null), 'unknown');
    assert.equal(statusSeverity(' enabled '), 'ok');
  });

  it('is what the tree icons show: each status icon has its severity colour', () => {
    for (const s of [...SIM_STATUSES, 'something_new', undefined]) {
      assert.equal(statusIcon(s).color, SEVERITY_THEME_COLOR[statusSeverity(s)], String(s));
    }
  });

  it('"Data limit exceeded" is a warning everywhere, not an error', () => {
    assert.equal(statusSeverity('data_limit_exceeded'), 'warning');
    assert.equal(USAGE_SEVERITY.dataLimitExceeded, 'warning');
    assert.equal(statusIcon('data_limit_exceeded').codicon, 'warning');
  });
});
