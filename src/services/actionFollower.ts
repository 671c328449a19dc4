// Follows SIM card actions after their 202 until each completes or fails, with backoff,
// and reports each settled action once. Bounded: an action is given up after `maxFollowMs`,
// and polling stops when nothing is unsettled. No vscode import: unit-tested over HTTP.
import { Emitter } from '../fleet/emitter';
import { sleep } from '../telnyx/retry';
import type { Page, SimCard, SimCardAction, SimCardActionQuery, SimCardDetail } from '../telnyx/types';

export interface FollowerApi {
  getSimCardAction(id: string, signal?: AbortSignal): Promise<SimCardAction>;
  getSimCard(id: string, signal?: AbortSignal): Promise<SimCardDetail>;
  listSimCardActions(query: SimCardActionQuery, signal?: AbortSignal): Promise<Page<SimCardAction>>;
}

export interface FollowerOptions {
  /** First wait after an action is followed, default 1000 ms; each later wait grows by `factor`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** An action unsettled this long after it was followed is given up (default 10 minutes). */
  maxFollowMs?: number;
  /** Up to this many actions are read one by one; more are read from the newest-first list. */
  singleReadLimit?: number;
}

export interface SettledAction {
  action: SimCardAction;
  /** The SIM read back after a failure (it went back to where it was); undefined otherwise. */
  sim?: SimCardDetail;
  /** True when the follower gave up waiting (time bound): the action's status is unknown. */
  gaveUp: boolean;
}

interface Followed {
  action: SimCardAction;
  deadline: number;
  resolve: (s: SettledAction) => void;
}

const TERMINAL = new Set(['completed', 'failed', 'interrupted']);

export function isSettled(action: SimCardAction): boolean {
  return TERMINAL.has(action.status?.value ?? '');
}

/** Statuses a SIM passes through and ends in for each action type. */
const STATUSES: Record<string, { during: string; end: string }> = {
  enable: { during: 'enabling', end: 'enabled' },
  disable: { during: 'disabling', end: 'disabled' },
  set_standby: { during: 'setting_standby', end: 'standby' },
  enable_standby_sim_card: { during: 'setting_standby', end: 'standby' },
};

/** The SIM as it looks right after the 202 of `action` (transitional status, action in progress). */
export function transitionalSim(sim: SimCard, action: SimCardAction): SimCard {
  const s = STATUSES[action.action_type ?? ''];
  if (!s) return { ...sim, actions_in_progress: true };
  return { ...sim, status: { value: s.during, reason: null }, actions_in_progress: true };
}

/**
 * The SIM after its action settled: the record read back when there is one, else the
 * action's end status (completed) or `before` unchanged (failed, interrupted, gave up).
 */
export function settledSim(current: SimCard, before: SimCard, settled: SettledAction): SimCard {
  if (settled.sim) return settled.sim;
  const s = STATUSES[settled.action.action_type ?? ''];
  if (!settled.gaveUp && settled.action.status?.value === 'completed' && s) {
    return { ...current, status: { value: s.end, reason: null }, actions_in_progress: false };
  }
  if (settled.gaveUp) return current;
  return { ...current, status: before.status ?? null, actions_in_progress: false };
}

export class ActionFollower {
  readonly #followed = new Map<string, Followed>();
  #running = false;
  #delayMs: number;
  readonly #stop = new AbortController();
  readonly #changed = new Emitter<number>();
  readonly #settledEmitter = new Emitter<SettledAction>();
  /** Fires with the number of unsettled actions whenever it changes. */
  readonly onDidChangePending = this.#changed.event;
  /** Fires once per followed action when it settles (or is given up). */
  readonly onDidSettle = this.#settledEmitter.event;
  readonly #opts: Required<FollowerOptions>;
  readonly #getApi: () => Promise<FollowerApi | undefined>;

  constructor(getApi: () => Promise<FollowerApi | undefined>, opts: FollowerOptions = {}) {
    this.#getApi = getApi;
    this.#opts = {
      initialDelayMs: opts.initialDelayMs ?? 1000,
      maxDelayMs: opts.maxDelayMs ?? 10_000,
      factor: opts.factor ?? 1.5,
      maxFollowMs: opts.maxFollowMs ?? 10 * 60_000,
      singleReadLimit: opts.singleReadLimit ?? 25,
    };
    this.#delayMs = this.#opts.initialDelayMs;
  }

  get pending(): number {
    return this.#followed.size;
  }

  /** Follows one action; resolves when it settles or is given up. An action already settled resolves at once. */
  follow(action: SimCardAction): Promise<SettledAction> {
    if (isSettled(action)) return Promise.resolve({ action, gaveUp: false });
    const existing = this.#followed.get(action.id);
    if (existing) {
      return new Promise((resolve) => {
        const prev = existing.resolve;
        existing.resolve = (s) => {
          prev(s);
          resolve(s);
        };
      });
    }
    return new Promise((resolve) => {
      this.#followed.set(action.id, { action, deadline: Date.now() + this.#opts.maxFollowMs, resolve });
      // New work: poll soon again, whatever the backoff had grown to.
      this.#delayMs = this.#opts.initialDelayMs;
      this.#changed.fire(this.#followed.size);
      if (!this.#running) void this.#loop();
    });
  }

  #settle(id: string, s: SettledAction): void {
    const f = this.#followed.get(id);
    if (!f) return;
    this.#followed.delete(id);
    this.#changed.fire(this.#followed.size);
    f.resolve(s);
    this.#settledEmitter.fire(s);
  }

  async #loop(): Promise<void> {
    this.#running = true;
    try {
      while (this.#followed.size > 0 && !this.#stop.signal.aborted) {
        try {
          await sleep(this.#delayMs, this.#stop.signal);
        } catch {
          break;
        }
        this.#delayMs = Math.min(this.#opts.maxDelayMs, this.#delayMs * this.#opts.factor);
        await this.#pollOnce().catch(() => undefined);
        const now = Date.now();
        for (const [id, f] of [...this.#followed]) if (f.deadline <= now) this.#settle(id, { action: f.action, gaveUp: true });
        this.#changed.fire(this.#followed.size);
      }
    } finally {
      this.#running = false;
    }
    if (this.#stop.signal.aborted) {
      for (const [id, f] of [...this.#followed]) this.#settle(id, { action: f.action, gaveUp: true });
    }
  }

  /** One round: reads every unsettled action (one by one, or from the newest-first list when many). */
  async #pollOnce(): Promise<void> {
    const api = await this.#getApi();
    if (!api) return;
    const signal = this.#stop.signal;
    const ids = [...this.#followed.keys()];
    const fresh = new Map<string, SimCardAction>();
    if (ids.length <= this.#opts.singleReadLimit) {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < ids.length) {
          const id = ids[next++];
          if (id === undefined) continue;
          const a = await api.getSimCardAction(id, signal).catch(() => undefined);
          if (a) fresh.set(id, a);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    } else {
      // Followed actions are recent: the first pages of the newest-first list hold them.
      const wanted = new Set(ids);
      const maxPages = Math.ceil(ids.length / 250) + 2;
      for (let page = 1; page <= maxPages && wanted.size > 0; page++) {
        const res = await api.listSimCardActions({ pageNumber: page, pageSize: 250 }, signal);
        for (const a of res.data) if (wanted.delete(a.id)) fresh.set(a.id, a);
        if (page >= res.meta.total_pages) break;
      }
    }
    for (const [id, action] of fresh) {
      if (!isSettled(action)) continue;
      let sim: SimCardDetail | undefined;
      // A failed action left the SIM where it was: read it back (few do fail).
      if (action.status?.value !== 'completed' && action.sim_card_id) {
        sim = await api.getSimCard(action.sim_card_id, signal).catch(() => undefined);
      }
      this.#settle(id, { action, gaveUp: false, ...(sim ? { sim } : {}) });
    }
  }

  dispose(): void {
    this.#stop.abort();
    this.#changed.dispose();
    this.#settledEmitter.dispose();
  }
}
