import * as assert from 'node:assert/strict';
import type { FleetModelChange } from '../../../src/fleet';
import { RedrawCoalescer } from '../../../src/views/redrawCoalescer';

function change(partial: Partial<FleetModelChange>): FleetModelChange {
  return { root: false, bucketKeys: [], nodes: [], status: false, options: false, ...partial };
}

function nextFlush(flushed: FleetModelChange[], count: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = (): void => (flushed.length >= count ? resolve() : void setTimeout(poll, 5));
    poll();
  });
}

describe('RedrawCoalescer', () => {
  it('merges a burst into one redraw and always flushes the last change', async () => {
    const flushed: FleetModelChange[] = [];
    const c = new RedrawCoalescer((x) => flushed.push(x), 40);
    c.push(change({ bucketKeys: ['status:enabled'] }));
    c.push(change({ bucketKeys: ['status:disabled'], status: true }));
    await nextFlush(flushed, 1);
    assert.deepEqual(flushed[0]?.bucketKeys, ['status:enabled', 'status:disabled']);
    assert.equal(flushed[0]?.status, true);
    // Within the interval: held back, then flushed together (the trailing flush).
    c.push(change({ bucketKeys: ['status:standby'] }));
    c.push(change({ root: true }));
    assert.equal(flushed.length, 1);
    await nextFlush(flushed, 2);
    assert.equal(flushed.length, 2);
    assert.equal(flushed[1]?.root, true);
    assert.deepEqual(flushed[1]?.bucketKeys, [], 'a root redraw covers every bucket');
    c.dispose();
  });

  it('flushNow hands on what is pending at once, and nothing after dispose', () => {
    const flushed: FleetModelChange[] = [];
    const c = new RedrawCoalescer((x) => flushed.push(x), 40);
    c.push(change({ options: true }));
    c.flushNow();
    assert.equal(flushed.length, 1);
    assert.equal(flushed[0]?.options, true);
    c.push(change({ status: true }));
    c.dispose();
    c.flushNow();
    assert.equal(flushed.length, 1);
  });
});
