import assert from 'node:assert/strict';
import { TurnQueue } from '../../../src/fleet/turnQueue';

/** Resolves after `n` turns of the event loop. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
}

describe('fleet/TurnQueue', () => {
  it('runs tasks in order, one per turn, so other work runs in between', async () => {
    const q = new TurnQueue();
    const log: string[] = [];
    for (const name of ['a', 'b', 'c']) q.push(() => log.push(name));
    assert.equal(log.length, 0, 'nothing runs at once');
    // Something else queued for the next turns, as a timer or an incoming message would be.
    const other = (async () => {
      for (let i = 0; i < 3; i++) {
        await turns(1);
        log.push(`other${i}`);
      }
    })();
    await q.drained();
    await other;
    assert.deepEqual(
      log.filter((x) => !x.startsWith('other')),
      ['a', 'b', 'c'],
    );
    // Interleaved: between two tasks something else ran.
    const at = (x: string): number => log.indexOf(x);
    assert.ok(
      log.slice(at('a') + 1, at('c')).some((x) => x.startsWith('other')),
      log.join(' '),
    );
  });

  it('drained waits for tasks queued while draining, and resolves at once when empty', async () => {
    const q = new TurnQueue();
    await q.drained();
    const log: number[] = [];
    q.push(() => {
      log.push(1);
      q.push(() => log.push(2));
    });
    await q.drained();
    assert.deepEqual(log, [1, 2]);
  });

  it('keeps going after a task throws, and drained rejects with that error', async () => {
    const q = new TurnQueue();
    const log: number[] = [];
    q.push(() => {
      throw new Error('boom');
    });
    q.push(() => log.push(2));
    await assert.rejects(q.drained(), /boom/);
    assert.deepEqual(log, [2]);
  });
});
