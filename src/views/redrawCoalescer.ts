// VS Code redraws a tree (and its message) only after about 200 ms without a change event,
// so a load that fires on every page would never show progress. Changes are merged and
// handed on at most every `intervalMs`, always with a trailing flush of the last one.
import { mergeChanges, type FleetModelChange } from '../fleet';

export const REDRAW_INTERVAL_MS = 300;

export class RedrawCoalescer {
  #pending: FleetModelChange | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastFlush = Number.NEGATIVE_INFINITY;
  readonly #flush: (change: FleetModelChange) => void;
  readonly #intervalMs: number;

  constructor(flush: (change: FleetModelChange) => void, intervalMs = REDRAW_INTERVAL_MS) {
    this.#flush = flush;
    this.#intervalMs = intervalMs;
  }

  push(change: FleetModelChange): void {
    this.#pending = this.#pending ? mergeChanges(this.#pending, change) : change;
    if (this.#timer !== undefined) return;
    // The first change after a quiet spell goes out at once (a click must feel instant).
    const wait = Math.max(0, this.#lastFlush + this.#intervalMs - Date.now());
    this.#timer = setTimeout(() => this.#run(), wait);
  }

  /** Hands on what is pending now (e.g. before a test or a reveal reads the tree). */
  flushNow(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#run();
  }

  #run(): void {
    this.#timer = undefined;
    const change = this.#pending;
    this.#pending = undefined;
    if (!change) return;
    this.#lastFlush = Date.now();
    this.#flush(change);
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
  }
}
