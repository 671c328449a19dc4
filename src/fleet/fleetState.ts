// An immutable snapshot of what has been loaded, so the tree renders from one consistent view.
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { groupsByIdFrom } from './groups';

export interface FleetSnapshot {
  readonly sims: SimCard[];
  readonly groupsById: Map<string, SimCardGroup>;
  /** Epoch milliseconds of the load. */
  readonly loadedAt: number;
  /** False while pages are still arriving or after a load stopped part-way. */
  readonly complete: boolean;
  /** What the API said the total is (may differ from sims.length while loading). */
  readonly totalResults?: number;
}

export function createSnapshot(input: {
  sims: readonly SimCard[];
  groups?: readonly SimCardGroup[] | ReadonlyMap<string, SimCardGroup>;
  loadedAt: number;
  complete: boolean;
  totalResults?: number;
}): FleetSnapshot {
  const groups = input.groups;
  const groupsById =
    groups === undefined ? new Map<string, SimCardGroup>()
      : Array.isArray(groups) ? groupsByIdFrom(groups as readonly SimCardGroup[])
        : new Map(groups as ReadonlyMap<string, SimCardGroup>);
  const snap: FleetSnapshot = {
    sims: [...input.sims],
    groupsById,
    loadedAt: input.loadedAt,
    complete: input.complete,
    ...(input.totalResults !== undefined ? { totalResults: input.totalResults } : {}),
  };
  return Object.freeze(snap);
}

export const EMPTY_SNAPSHOT: FleetSnapshot = createSnapshot({ sims: [], loadedAt: 0, complete: false });

/** A new snapshot with the SIM of the same id replaced (e.g. after enable/disable); unchanged if absent. */
export function replaceSim(snapshot: FleetSnapshot, sim: SimCard): FleetSnapshot {
  const i = snapshot.sims.findIndex((s) => s.id === sim.id);
  if (i < 0) return snapshot;
  const sims = [...snapshot.sims];
  sims[i] = sim;
  return Object.freeze({ ...snapshot, sims });
}

/** Finds a loaded SIM by id. */
export function findSim(snapshot: FleetSnapshot, id: string): SimCard | undefined {
  return snapshot.sims.find((s) => s.id === id);
}
