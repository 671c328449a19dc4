// One heavy step per turn of the event loop, for everything in the extension host that queues
// here: a listing page's parse and the fleet model's adding of a page take turns from the same
// line. Pages that arrive together would otherwise be parsed (and added) back to back in one
// check phase, and no timer, click or redraw could run between them.
//
// Work nobody waits for (merging a loaded bucket's sorted runs after a load) goes in a background
// line: it runs only when no foreground step waits and nobody has asked the extension host for
// something just now. A tree view's requests (`noteInteraction`) hold it back for a moment, so an
// expand right after a load is answered while a core is free for VS Code's renderer to draw it,
// instead of queueing behind the merges.

import { performance } from 'node:perf_hooks';

/** How long background steps wait after the last interaction. */
export const INTERACTION_QUIET_MS = 200;
/** The longest background steps are held back by interactions that keep coming (then one runs). */
export const MAX_HOLD_MS = 1000;

const waiting: (() => void)[] = [];
const background: (() => void)[] = [];
let scheduled = false;
let quietUntil = 0;
let timer: NodeJS.Timeout | undefined;
/** When the background line was first held back since its last step ran (0: not held). */
let heldSince = 0;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(runOne);
}

function runOne(): void {
  scheduled = false;
  const step = waiting.shift() ?? backgroundStep();
  // Scheduled before the step runs: a setImmediate made inside the check phase waits for the next turn.
  if (waiting.length > 0 || background.length > 0) scheduleNext();
  step?.();
}

/** The next background step, unless an interaction is recent (then a timer resumes the line). */
function backgroundStep(): (() => void) | undefined {
  if (background.length === 0) return undefined;
  const now = performance.now();
  if (now < quietUntil && !(heldSince > 0 && now - heldSince >= MAX_HOLD_MS)) {
    if (heldSince === 0) heldSince = now;
    return undefined;
  }
  heldSince = 0;
  return background.shift();
}

/** How long the background line must still wait (0: it may run now). */
function backgroundWait(): number {
  const now = performance.now();
  if (heldSince > 0) return Math.max(0, Math.min(quietUntil, heldSince + MAX_HOLD_MS) - now);
  return Math.max(0, quietUntil - now);
}

function scheduleNext(): void {
  const wait = backgroundWait();
  if (waiting.length > 0 || wait <= 0) {
    schedule();
  } else {
    timer ??= setTimeout(() => {
      timer = undefined;
      schedule();
    }, wait);
  }
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

/** Runs `step` in a later turn once no foreground step waits and no interaction is recent (one step per turn). */
export function onIdleTurn(step: () => void): void {
  background.push(step);
  scheduleNext();
}

/** Someone waits on the extension host (e.g. a tree view asked for children): background steps pause for a moment. */
export function noteInteraction(): void {
  quietUntil = performance.now() + INTERACTION_QUIET_MS;
}
