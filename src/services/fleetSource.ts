// The narrow view of the loaded fleet that the glance features (badge, status bar,
// overview, auto-refresh, export) read. One adapter over today's loader/view/state, so
// re-pointing them at another fleet owner means rewriting only `createFleetSource`.
import * as vscode from 'vscode';
import { matchesFilter, normalizeFilter, toSimCardQuery, type SimFilter } from '../fleet';
import type { SimCard, SimCardGroup, SimCardQuery } from '../telnyx/types';
import type { AttentionSummary } from '../fleet/attention';
import type { TelnyxClient } from '../telnyx';
import { readSettings } from '../config';
import type { ClientProvider } from './clientProvider';
import type { FleetService } from './fleetService';
import { RedrawCoalescer } from '../views/redrawCoalescer';
import type { SimCardsView } from '../views/simCardsView';

/** How often the glance features hear of a load in progress (each hearing costs them a little work). */
const LOADING_CHANGE_MS = 200;

export type FleetSourceStatusKind = 'noKey' | 'loading' | 'loaded' | 'error';

export interface FleetSourceStatus {
  readonly kind: FleetSourceStatusKind;
  /** When the last successful load completed (ms since the epoch). */
  readonly loadedAt?: number;
  /** Present when kind is 'error'. */
  readonly error?: unknown;
}

/** The active filter as the API takes it, plus what the API cannot filter (applied locally). */
export interface FleetQuery {
  readonly query: SimCardQuery;
  readonly keep: (sim: SimCard) => boolean;
  readonly concurrency: number;
}

export interface FleetSnapshotSource {
  /** The SIMs shown (after the filter); partial while a load runs. A copy: for work that needs them all now. */
  sims(): readonly SimCard[];
  /** Which shown SIMs need attention, and why: kept by the model as SIMs arrive (cheap to read). */
  attentionSummary(): AttentionSummary;
  /** The "near the limit" threshold the summary uses (the setting). */
  setAttentionThreshold(threshold: number): void;
  /** Shown SIMs per status key, without copying the list (cheap enough for every page). */
  statusCounts(): ReadonlyMap<string, number>;
  groupsById(): ReadonlyMap<string, SimCardGroup>;
  status(): FleetSourceStatus;
  /** True while a load is in flight. */
  isLoading(): boolean;
  /** Fires on any change of the SIMs or the status. */
  readonly onDidChange: vscode.Event<void>;
  filter(): SimFilter;
  /** Replaces the filter; the view reloads. */
  applyFilter(filter: SimFilter): Promise<void>;
  currentQuery(): FleetQuery;
  /** SIMs selected in the tree. */
  selectedSims(): SimCard[];
  /** Loads again, keeping expansion and selection; resolves when the load ends. */
  refresh(): Promise<void>;
  getClient(): Promise<TelnyxClient | undefined>;
}

export interface FleetSourceParts {
  readonly fleet: FleetService;
  readonly view: SimCardsView;
  readonly clients: ClientProvider;
}

/** The adapter over the fleet model and the SIM Cards view (the only file of the glance features that knows them). */
export function createFleetSource(p: FleetSourceParts): FleetSnapshotSource & vscode.Disposable {
  const model = p.fleet.model;
  let lastLoadedAt: number | undefined;
  const loadedAt = (): number | undefined => {
    const s = model.status;
    if (s.kind === 'complete' || s.kind === 'partial') lastLoadedAt = s.loadedAt;
    return lastLoadedAt;
  };
  const changed = new vscode.EventEmitter<void>();
  // The model fires per page; the glance features only need to know something changed. While a
  // load runs that is at most every LOADING_CHANGE_MS (the first at once, the last always);
  // otherwise (a load ending, options, an action's update) at once.
  const coalescer = new RedrawCoalescer(() => changed.fire(), LOADING_CHANGE_MS);
  const subscription = model.onDidChange((change) => {
    coalescer.push(change);
    if (model.status.kind !== 'loading' || change.options) coalescer.flushNow();
  });
  return {
    sims: () => [...model.sims()],
    attentionSummary: () => model.attentionSummary(),
    setAttentionThreshold: (threshold) => model.setAttentionThreshold(threshold),
    statusCounts: () => model.statusCounts(),
    groupsById: () => model.groupsById,
    status: () => {
      const phase = p.fleet.phase;
      const at = loadedAt();
      const s = model.status;
      return {
        kind: phase,
        ...(at !== undefined ? { loadedAt: at } : {}),
        ...(s.kind === 'error' ? { error: s.error } : {}),
      };
    },
    isLoading: () => p.fleet.phase === 'loading',
    onDidChange: changed.event,
    filter: () => model.options.filter,
    applyFilter: (filter) => p.fleet.setOptions({ filter: normalizeFilter(filter) }),
    currentQuery: () => {
      const { filter, sort } = model.options;
      return {
        query: toSimCardQuery(filter, sort),
        keep: (sim) => matchesFilter(sim, filter),
        concurrency: readSettings().maxConcurrentRequests,
      };
    },
    selectedSims: () => p.view.selectedSims({ node: undefined, nodes: [] }),
    refresh: () => p.fleet.refresh(),
    getClient: () => p.clients.get(),
    dispose: () => {
      subscription.dispose();
      coalescer.dispose();
      changed.dispose();
    },
  };
}
