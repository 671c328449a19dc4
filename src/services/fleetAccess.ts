// FleetAccess over today's FleetLoader and SimCardsView. Temporary by design: when the
// fleet moves into the FleetModel, only this file changes (updateSim -> model.updateSim).
import type { CommandTarget } from '../commands/context';
import type { FleetAccess } from '../commands/actions/fleetAccess';
import { readSettings } from '../config';
import { matchesFilter, toSimCardQuery } from '../fleet';
import type { SimCard } from '../telnyx/types';
import type { SimCardsView } from '../views/simCardsView';
import type { TreeNode } from '../views/treeModel';
import type { FleetLoader } from './fleetLoader';
import type { ViewState } from './viewState';

/** Bursts of updates (hundreds of settling actions) redraw the tree once. */
const REDRAW_MS = 100;

function simsUnder(node: TreeNode, out: SimCard[]): void {
  if (node.kind === 'sim') out.push(node.sim);
  else if (node.kind === 'range') for (const c of node.children) out.push(c.sim);
  else for (const c of node.children) simsUnder(c, out);
}

export function legacyFleetAccess(
  loader: FleetLoader,
  view: SimCardsView,
  state: ViewState,
  reveal: (simId: string) => Promise<boolean>,
): FleetAccess & { dispose(): void } {
  let redraw: NodeJS.Timeout | undefined;
  const find = (id: string): SimCard | undefined => loader.view.sims.find((s) => s.id === id);
  return {
    sim: find,
    targetSims(target: CommandTarget): SimCard[] {
      const nodes: readonly TreeNode[] = target.nodes.length > 0 ? target.nodes : target.node ? [target.node] : view.treeView.selection;
      const all: SimCard[] = [];
      for (const n of nodes) simsUnder(n, all);
      const seen = new Set<string>();
      // The record as loaded now, not the node's copy from the last redraw.
      return all.filter((s) => !seen.has(s.id) && seen.add(s.id)).map((s) => find(s.id) ?? s);
    },
    currentQuery: () => toSimCardQuery(state.filter, state.sort, readSettings().pageSize),
    matchesFilter: (sim) => matchesFilter(sim, state.filter),
    updateSim(sim: SimCard): void {
      const current = find(sim.id);
      if (!current) return;
      // The loader has no setter; its SIM objects are shared by the current and last good lists.
      Object.assign(current, sim);
      redraw ??= setTimeout(() => {
        redraw = undefined;
        view.provider.rebuild();
      }, REDRAW_MS);
    },
    groups: () => [...loader.view.groupsById.values()],
    knownTags: () => [...new Set(loader.view.sims.flatMap((s) => s.tags ?? []))].sort((a, b) => a.localeCompare(b)),
    revealSim: reveal,
    dispose: () => clearTimeout(redraw),
  };
}
