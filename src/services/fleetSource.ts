// The narrow view of the loaded fleet that the glance features (badge, status bar,
// overview, auto-refresh, export) read. One adapter over today's loader/view/state, so
// re-pointing them at another fleet owner means rewriting only `createFleetSource`.
import * as vscode from 'vscode';
import { matchesFilter, normalizeFilter, toSimCardQuery, type SimFilter } from '../fleet';
import type { SimCard, SimCardGroup, SimCardQuery } from '../telnyx/types';
import type { TelnyxClient } from '../telnyx';
import { readSettings } from '../config';
import type { ClientProvider } from './clientProvider';
import type { FleetLoader } from './fleetLoader';
import type { ViewState } from './viewState';
import type { SimCardsView } from '../views/simCardsView';

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
  /** The SIMs shown (after the filter); partial while a load runs. */
  sims(): readonly SimCard[];
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
  readonly loader: FleetLoader;
  readonly view: SimCardsView;
  readonly state: ViewState;
  readonly clients: ClientProvider;
}

/** The adapter over FleetLoader + SimCardsView + ViewState (the only file that knows them). */
export function createFleetSource(p: FleetSourceParts): FleetSnapshotSource {
  return {
    sims: () => p.loader.view.sims,
    groupsById: () => p.loader.view.groupsById,
    status: () => {
      const s = p.loader.status;
      const loadedAt = p.loader.lastGoodView.loadedAt;
      return {
        kind: s.kind,
        ...(loadedAt !== undefined ? { loadedAt } : {}),
        ...(s.kind === 'error' ? { error: s.error } : {}),
      };
    },
    isLoading: () => p.loader.status.kind === 'loading',
    onDidChange: p.loader.onDidChange,
    filter: () => p.state.filter,
    applyFilter: (filter) => p.state.setFilter(normalizeFilter(filter)),
    currentQuery: () => {
      const settings = readSettings();
      const filter = p.state.filter;
      return {
        query: toSimCardQuery(filter, p.state.sort, settings.pageSize),
        keep: (sim) => matchesFilter(sim, filter),
        concurrency: settings.maxConcurrentRequests,
      };
    },
    selectedSims: () => p.view.selectedSims({ node: undefined, nodes: [] }),
    refresh: () => p.view.refresh(),
    getClient: () => p.clients.get(),
  };
}
