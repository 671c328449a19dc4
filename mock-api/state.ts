// Live, mutable server state: the fleet plus running SIM actions and their timers.
import type { KnownSimStatus, SimCardAction, SimCardDetail, SimCardGroup } from '../src/telnyx/types';
import { STATUS_REASONS, type MockFleet } from './fleet';
import { PagingFaults, type PagingHost } from './pagingFaults';
import { SelectionCache } from './query';
import { mixSeed, mulberry32, Rng } from './random';

export type ActionKind = 'enable' | 'disable' | 'set_standby';

const TRANSITIONS: Record<ActionKind, { during: KnownSimStatus; end: KnownSimStatus }> = {
  enable: { during: 'enabling', end: 'enabled' },
  disable: { during: 'disabling', end: 'disabled' },
  set_standby: { during: 'setting_standby', end: 'standby' },
};

/** Fields only `GET /sim_cards/{id}` (SIMCard) carries, not list items (SimpleSIMCard). */
const DETAIL_ONLY = [
  'current_imei',
  'ipv4',
  'ipv6',
  'current_device_location',
  'current_mcc',
  'current_mnc',
  'live_data_session',
  'pin_puk_codes',
  'sim_card_group',
] as const;
const DETAIL_KEYS: ReadonlySet<string> = new Set(DETAIL_ONLY);

/** How actions behave; mutable at run time through /__mock/settings. */
export interface ActionSettings {
  /** Time from the 202 to completed/failed. */
  settleMs: number;
  /** Share of actions that end `failed` (0..1), decided per SIM and attempt from the seed. */
  failRate: number;
}

const FAIL_REASON = 'The operation could not be completed by the network. Please try again.';

export class MockState {
  readonly actions = new Map<string, SimCardAction>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  // Action ids come from their own stream so they do not disturb the fleet's.
  private readonly ids: Rng;
  /** Bumped on every change to the fleet; query caches keyed on it. */
  private versionValue = 0;
  /** Filtered and sorted SIM lists per query (see selectSims). */
  readonly selections = new SelectionCache();
  readonly pagingFaults = new PagingFaults();
  /**
   * simpleJson's texts, with the values they were made from. A Map, not a WeakMap: at 100,000 SIMs a
   * WeakMap's entries make every full garbage collection of the server much slower.
   */
  private readonly itemTexts = new Map<SimCardDetail, { values: unknown[]; text: string }>();
  /** Actions started per SIM: with the seed, decides failures independently of request order. */
  private readonly attempts = new Map<string, number>();
  readonly settings: ActionSettings;

  constructor(
    readonly fleet: MockFleet,
    transitionMs: number,
    private readonly seed: number,
    failRate = 0,
  ) {
    this.ids = new Rng((seed ^ 0x5eed) >>> 0);
    this.settings = { settleMs: transitionMs, failRate };
  }

  /** Newest first, as a console lists them. */
  listActions(): SimCardAction[] {
    return [...this.actions.values()].reverse();
  }

  /** The SIM's action that has not settled yet, if any. */
  actionInProgress(simId: string): SimCardAction | undefined {
    for (const a of this.actions.values()) if (a.sim_card_id === simId && a.status?.value === 'in-progress') return a;
    return undefined;
  }

  private willFail(simId: string): boolean {
    const n = (this.attempts.get(simId) ?? 0) + 1;
    this.attempts.set(simId, n);
    if (this.settings.failRate <= 0) return false;
    let h = 0;
    for (let i = 0; i < simId.length; i++) h = (Math.imul(h, 31) + simId.charCodeAt(i)) >>> 0;
    return mulberry32(mixSeed(mixSeed(this.seed, h), n))() < this.settings.failRate;
  }

  get version(): number {
    return this.versionValue;
  }

  /** Call after changing any SIM or the fleet's membership (empties query caches). */
  touch(): void {
    this.versionValue++;
  }

  /** Cache handle for selectSims. */
  selectionCache(): { cache: SelectionCache; version: number } {
    return { cache: this.selections, version: this.versionValue };
  }

  pagingHost(): PagingHost {
    return {
      sims: this.fleet.sims,
      groups: this.fleet.groups,
      seed: this.seed,
      simpleJson: (sim, includeGroup) => this.simpleJson(sim, includeGroup),
      touch: () => this.touch(),
    };
  }

  findSim(id: string): SimCardDetail | undefined {
    return this.fleet.sims.find((s) => s.id === id);
  }

  findGroup(id: string | null | undefined): SimCardGroup | undefined {
    if (!id) return undefined;
    return this.fleet.groups.find((g) => g.id === id);
  }

  /**
   * A list item as JSON text. Without its group, it is kept per SIM and reused while the SIM's
   * own values are the same objects (every change here and in tests assigns a new value), so a
   * page of a long listing is a join of cached texts instead of 250 copies and a stringify.
   */
  simpleJson(sim: SimCardDetail, includeGroup: boolean): string {
    if (includeGroup) return JSON.stringify(this.simple(sim, true));
    const values = Object.values(sim);
    const cached = this.itemTexts.get(sim);
    if (cached && cached.values.length === values.length && cached.values.every((v, i) => v === values[i])) return cached.text;
    const text = JSON.stringify(this.simple(sim, false));
    // SIMs deleted from the fleet leave entries behind: start over when there are many.
    if (this.itemTexts.size > 2 * this.fleet.sims.length + 1000) this.itemTexts.clear();
    this.itemTexts.set(sim, { values, text });
    return text;
  }

  /** A list item: the record without the live/detail fields. */
  simple(sim: SimCardDetail, includeGroup: boolean): Record<string, unknown> {
    // Copied key by key, not spread and deleted: deleting keys makes a slow (dictionary) object
    // that costs serializing every page of a listing several times over.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(sim)) {
      if (DETAIL_KEYS.has(k)) continue;
      if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k] = v;
    }
    return includeGroup ? this.withGroup(out, sim) : out;
  }

  detail(sim: SimCardDetail, includeGroup: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = { ...sim };
    delete out.sim_card_group;
    return includeGroup ? this.withGroup(out, sim) : out;
  }

  /** A single group (`SIMCardGroup`: no sim_card_count). */
  group(g: SimCardGroup): Record<string, unknown> {
    const out: Record<string, unknown> = { ...g };
    delete out.sim_card_count;
    return out;
  }

  /** A group list item (`SearchedSIMCardGroup`, with sim_card_count). */
  searchedGroup(g: SimCardGroup): Record<string, unknown> {
    return { ...g, sim_card_count: g.sim_card_count ?? this.fleet.sims.filter((s) => s.sim_card_group_id === g.id).length };
  }

  private withGroup(out: Record<string, unknown>, sim: SimCardDetail): Record<string, unknown> {
    // "when present": SIMs without a group get no sim_card_group key at all.
    const g = this.findGroup(sim.sim_card_group_id);
    if (g) out.sim_card_group = this.group(g);
    return out;
  }

  /** Starts an action: the SIM goes transitional now and reaches the end state after transitionMs. */
  startAction(sim: SimCardDetail, kind: ActionKind): SimCardAction {
    const now = new Date().toISOString();
    const t = TRANSITIONS[kind];
    const from = sim.status ? { ...sim.status } : { value: 'enabled' };
    const fails = this.willFail(sim.id);
    const action: SimCardAction = {
      id: this.ids.uuid(),
      record_type: 'sim_card_action',
      sim_card_id: sim.id,
      action_type: kind,
      status: { value: 'in-progress' },
      settings: {},
      created_at: now,
      updated_at: now,
    };
    this.actions.set(action.id, action);
    sim.status = { value: t.during, reason: STATUS_REASONS[t.during][0] ?? null };
    sim.actions_in_progress = true;
    sim.updated_at = now;
    this.touch();

    // A newer action on the same SIM replaces the older one's pending transition.
    const previous = this.timers.get(sim.id);
    if (previous) clearTimeout(previous);
    const timer = setTimeout(() => {
      this.timers.delete(sim.id);
      const done = new Date().toISOString();
      // A failed action leaves the SIM where it was.
      sim.status = fails ? from : { value: t.end, reason: STATUS_REASONS[t.end][0] ?? null };
      sim.actions_in_progress = false;
      sim.updated_at = done;
      this.touch();
      action.status = fails ? { value: 'failed', reason: FAIL_REASON } : { value: 'completed' };
      action.updated_at = done;
    }, this.settings.settleMs);
    timer.unref();
    this.timers.set(sim.id, timer);
    return { ...action, status: { ...action.status } };
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
