import * as assert from 'assert';
import { INTERACTION_QUIET_MS, MAX_HOLD_MS, nextTurn, noteInteraction, onIdleTurn, onNextTurn } from '../../../src/telnyx/eventLoopTurns';

/** Resolves after `n` turns of the event loop that the queue does not own (setImmediate callbacks of our own). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
}

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('eventLoopTurns', () => {
  it('runs foreground steps in order, one per turn', async () => {
    const ran: number[] = [];
    for (let i = 0; i < 3; i++) onNextTurn(() => ran.push(i));
    assert.deepEqual(ran, [], 'nothing runs in the turn that queued it');
    await turns(1);
    assert.deepEqual(ran, [0], 'one step in the next turn');
    await until(() => ran.length === 3);
    assert.deepEqual(ran, [0, 1, 2]);
  });

  it('runs background steps only once no foreground step waits', async () => {
    const order: string[] = [];
    onIdleTurn(() => order.push('background 1'));
    onIdleTurn(() => order.push('background 2'));
    onNextTurn(() => order.push('foreground 1'));
    onNextTurn(() => order.push('foreground 2'));
    await until(() => order.length === 4);
    assert.deepEqual(order, ['foreground 1', 'foreground 2', 'background 1', 'background 2']);
  });

  it('holds background steps back for a moment after an interaction, not foreground ones', async () => {
    const ran: string[] = [];
    noteInteraction();
    const t0 = performance.now();
    let backgroundAt = 0;
    onIdleTurn(() => {
      backgroundAt = performance.now();
      ran.push('background');
    });
    await nextTurn();
    ran.push('foreground');
    await turns(20);
    assert.deepEqual(ran, ['foreground'], 'the background step waits');
    await until(() => ran.length === 2);
    assert.ok(backgroundAt - t0 >= INTERACTION_QUIET_MS - 5, `background ran ${Math.round(backgroundAt - t0)} ms after the interaction`);
  });

  it('a later interaction extends the wait', async () => {
    const ran: string[] = [];
    noteInteraction();
    onIdleTurn(() => ran.push('background'));
    await new Promise((r) => setTimeout(r, INTERACTION_QUIET_MS / 2));
    const t1 = performance.now();
    noteInteraction();
    let at = 0;
    onIdleTurn(() => {
      at = performance.now();
      ran.push('background 2');
    });
    await until(() => ran.length === 2);
    assert.ok(at - t1 >= INTERACTION_QUIET_MS - 5, `ran ${Math.round(at - t1)} ms after the second interaction`);
  });

  it('interactions that keep coming hold background steps back for at most about a second', async () => {
    const t0 = performance.now();
    noteInteraction();
    const keepInteracting = setInterval(noteInteraction, 50);
    let at = 0;
    onIdleTurn(() => (at = performance.now()));
    try {
      await until(() => at > 0, 3 * MAX_HOLD_MS);
    } finally {
      clearInterval(keepInteracting);
    }
    const waited = at - t0;
    assert.ok(waited >= INTERACTION_QUIET_MS, `held back ${Math.round(waited)} ms`);
    assert.ok(waited <= MAX_HOLD_MS + INTERACTION_QUIET_MS + 100, `held back ${Math.round(waited)} ms`);
  });
});
