// Runs tasks in the order they were queued, one per turn of the event loop. Pages of a listing
// that arrive together would otherwise be added back to back in one stretch, and nothing else
// (a redraw, a click, a timer) could run in between. The turns are shared with the listing's
// page parses (eventLoopTurns), so a turn never holds both a parse and an add.
import { onNextTurn } from '../telnyx/eventLoopTurns';

export class TurnQueue {
  readonly #tasks: (() => void)[] = [];
  #scheduled = false;
  #failure: { error: unknown } | undefined;
  #waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  /** Queues a task; it runs in a later turn, after every task queued before it. */
  push(task: () => void): void {
    this.#tasks.push(task);
    this.#schedule();
  }

  /** Resolves when every task queued so far (and since) has run; rejects with the first task's error, if any. */
  drained(): Promise<void> {
    if (this.#tasks.length === 0 && !this.#scheduled) return this.#settle();
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    onNextTurn(() => this.#runOne());
  }

  #runOne(): void {
    this.#scheduled = false;
    const task = this.#tasks.shift();
    if (task) {
      try {
        task();
      } catch (error) {
        this.#failure ??= { error };
      }
    }
    if (this.#tasks.length > 0) {
      this.#schedule();
      return;
    }
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) {
      if (this.#failure) w.reject(this.#failure.error);
      else w.resolve();
    }
  }

  #settle(): Promise<void> {
    return this.#failure ? Promise.reject(this.#failure.error) : Promise.resolve();
  }
}
