// One heavy step per turn of the event loop, for everything in the extension host that queues
// here: a listing page's parse and the fleet model's adding of a page take turns from the same
// line. Pages that arrive together would otherwise be parsed (and added) back to back in one
// check phase, and no timer, click or redraw could run between them.

const waiting: (() => void)[] = [];
let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(runOne);
}

function runOne(): void {
  scheduled = false;
  const step = waiting.shift();
  // Scheduled before the step runs: a setImmediate made inside the check phase waits for the next turn.
  if (waiting.length > 0) schedule();
  step?.();
}

/** Runs `step` in a later turn, after every step queued before it (one step per turn). */
export function onNextTurn(step: () => void): void {
  waiting.push(step);
  schedule();
}

/** Resolves in a later turn, after every step queued before it. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => onNextTurn(resolve));
}
