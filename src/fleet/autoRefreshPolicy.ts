// When the opt-in auto-refresh loads the fleet again. Pure: the vscode adapter
// (src/services/autoRefresh.ts) feeds it the clock, visibility, focus and load outcomes,
// and arms one timer for the delay it returns.

/** Smallest interval a user can set (the setting's minimum). */
export const MIN_AUTO_REFRESH_MINUTES = 1;
/** A failing or rate-limited refresh doubles the wait, up to this many times the interval... */
export const MAX_BACKOFF_FACTOR = 16;
/** ...and never beyond this. */
export const MAX_BACKOFF_MS = 60 * 60_000;

/**
 * The interval in ms from the setting: 0 (off) for anything not a positive number,
 * else at least MIN_AUTO_REFRESH_MINUTES. `allowFractions` (test mode only) accepts
 * shorter intervals so a test need not wait a minute.
 */
export function autoRefreshIntervalMs(minutes: unknown, allowFractions = false): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) return 0;
  const m = allowFractions ? minutes : Math.max(MIN_AUTO_REFRESH_MINUTES, minutes);
  return Math.round(m * 60_000);
}

export type RefreshOutcome = 'ok' | 'rateLimited' | 'error' | 'cancelled';

export interface RefreshConditions {
  /** 0 = off. */
  readonly intervalMs: number;
  /** The SIM Cards view or the overview is visible. */
  readonly visible: boolean;
  readonly focused: boolean;
  /** A load (ours or anyone's) is in flight. */
  readonly loading: boolean;
  /** When the fleet last finished loading (any refresh counts), ms since the epoch. */
  readonly lastLoadAt: number | undefined;
}

export type RefreshDecision =
  | { readonly kind: 'off' }
  /** Not visible or not focused: no timer; decide again when that changes. */
  | { readonly kind: 'paused' }
  /** A load is running: decide again when it ends. */
  | { readonly kind: 'busy' }
  | { readonly kind: 'refresh' }
  | { readonly kind: 'wait'; readonly ms: number };

export class AutoRefreshPolicy {
  #failures = 0;
  #lastAttemptAt: number | undefined;

  /** Consecutive failed refreshes (0 after a success). */
  get backoffLevel(): number {
    return this.#failures;
  }

  /** The wait between refreshes now: the interval, doubled per consecutive failure, capped. */
  delayMs(intervalMs: number): number {
    if (intervalMs <= 0) return 0;
    const factor = Math.min(MAX_BACKOFF_FACTOR, 2 ** this.#failures);
    return Math.min(Math.max(intervalMs, MAX_BACKOFF_MS), intervalMs * factor);
  }

  /** What to do at `now`. */
  decide(now: number, c: RefreshConditions): RefreshDecision {
    if (c.intervalMs <= 0) return { kind: 'off' };
    if (!c.visible || !c.focused) return { kind: 'paused' };
    if (c.loading) return { kind: 'busy' };
    // The clock runs from the later of the last finished load and our last attempt, so a
    // manual refresh also pushes the next automatic one back.
    const since = Math.max(c.lastLoadAt ?? Number.NEGATIVE_INFINITY, this.#lastAttemptAt ?? Number.NEGATIVE_INFINITY);
    if (!Number.isFinite(since)) return { kind: 'refresh' };
    const due = since + this.delayMs(c.intervalMs);
    return due <= now ? { kind: 'refresh' } : { kind: 'wait', ms: due - now };
  }

  /** Call when starting an automatic refresh. */
  started(now: number): void {
    this.#lastAttemptAt = now;
  }

  /** Call with how the refresh ended; failures back off, a success resets. */
  finished(outcome: RefreshOutcome): void {
    if (outcome === 'ok') this.#failures = 0;
    else if (outcome === 'rateLimited' || outcome === 'error') this.#failures = Math.min(this.#failures + 1, 30);
  }

  /** The user changed the interval: start afresh. */
  reset(): void {
    this.#failures = 0;
    this.#lastAttemptAt = undefined;
  }
}
