import assert from 'node:assert/strict';
import { AutoRefreshPolicy, MAX_BACKOFF_MS, autoRefreshIntervalMs, type RefreshConditions } from '../../../src/fleet/autoRefreshPolicy';

const MIN = 60_000;

function conditions(over: Partial<RefreshConditions> = {}): RefreshConditions {
  return { intervalMs: 5 * MIN, visible: true, focused: true, loading: false, lastLoadAt: 0, ...over };
}

describe('autoRefreshPolicy', () => {
  it('reads the setting: 0, negatives and non-numbers are off; below a minute is raised to one', () => {
    assert.equal(autoRefreshIntervalMs(0), 0);
    assert.equal(autoRefreshIntervalMs(-3), 0);
    assert.equal(autoRefreshIntervalMs('5'), 0);
    assert.equal(autoRefreshIntervalMs(Number.NaN), 0);
    assert.equal(autoRefreshIntervalMs(0.25), MIN);
    assert.equal(autoRefreshIntervalMs(5), 5 * MIN);
    assert.equal(autoRefreshIntervalMs(0.25, true), 15_000, 'test mode accepts fractions');
  });

  it('is off, paused or busy unless enabled, visible, focused and idle', () => {
    const p = new AutoRefreshPolicy();
    assert.deepEqual(p.decide(10 * MIN, conditions({ intervalMs: 0 })), { kind: 'off' });
    assert.deepEqual(p.decide(10 * MIN, conditions({ visible: false })), { kind: 'paused' });
    assert.deepEqual(p.decide(10 * MIN, conditions({ focused: false })), { kind: 'paused' });
    assert.deepEqual(p.decide(10 * MIN, conditions({ loading: true })), { kind: 'busy' });
    assert.deepEqual(p.decide(10 * MIN, conditions()), { kind: 'refresh' });
  });

  it('waits the interval after the last load, a manual one included', () => {
    const p = new AutoRefreshPolicy();
    assert.deepEqual(p.decide(2 * MIN, conditions({ lastLoadAt: 0 })), { kind: 'wait', ms: 3 * MIN });
    assert.deepEqual(p.decide(5 * MIN, conditions({ lastLoadAt: 4 * MIN })), { kind: 'wait', ms: 4 * MIN });
    assert.deepEqual(p.decide(5 * MIN, conditions({ lastLoadAt: undefined })), { kind: 'refresh' }, 'never loaded: now');
  });

  it('counts from its own attempt when the load failed (no new lastLoadAt)', () => {
    const p = new AutoRefreshPolicy();
    p.started(10 * MIN);
    p.finished('ok');
    assert.deepEqual(p.decide(11 * MIN, conditions({ lastLoadAt: 0 })), { kind: 'wait', ms: 4 * MIN });
  });

  it('doubles the wait per consecutive failure or 429, up to a cap, and resets on success', () => {
    const p = new AutoRefreshPolicy();
    const interval = 5 * MIN;
    assert.equal(p.delayMs(interval), interval);
    p.finished('error');
    assert.equal(p.delayMs(interval), 2 * interval);
    p.finished('rateLimited');
    assert.equal(p.delayMs(interval), 4 * interval);
    p.finished('cancelled');
    assert.equal(p.backoffLevel, 2, 'a cancel is not a failure');
    for (let i = 0; i < 40; i++) p.finished('error');
    assert.equal(p.delayMs(interval), MAX_BACKOFF_MS);
    assert.equal(p.delayMs(2 * MAX_BACKOFF_MS), 2 * MAX_BACKOFF_MS, 'the cap never shortens the interval itself');
    p.finished('ok');
    assert.equal(p.backoffLevel, 0);
    assert.equal(p.delayMs(interval), interval);
  });

  it('applies the backoff to when the next refresh is due', () => {
    const p = new AutoRefreshPolicy();
    p.started(0);
    p.finished('error');
    assert.deepEqual(p.decide(5 * MIN, conditions({ lastLoadAt: undefined })), { kind: 'wait', ms: 5 * MIN });
    assert.deepEqual(p.decide(10 * MIN, conditions({ lastLoadAt: undefined })), { kind: 'refresh' });
  });

  it('reset forgets failures and attempts', () => {
    const p = new AutoRefreshPolicy();
    p.started(7 * MIN);
    p.finished('error');
    p.reset();
    assert.equal(p.backoffLevel, 0);
    assert.deepEqual(p.decide(8 * MIN, conditions({ lastLoadAt: undefined })), { kind: 'refresh' });
  });
});
