// FleetAccess (what the SIM actions need) over the one FleetModel and the SIM Cards view.
import type { CommandTarget } from '../commands/context';
import type { FleetAccess } from '../commands/actions/fleetAccess';
import { matchesFilter, toSimCardQuery, type FleetNode } from '../fleet';
import type { SimCard } from '../telnyx/types';
import type { SimCardsView } from '../views/simCardsView';
import { isFleetNode } from '../views/simTreeProvider';
import type { FleetService } from './fleetService';

export function modelFleetAccess(fleet: FleetService, view: SimCardsView): FleetAccess {
  const model = fleet.model;
  const simsUnder = (node: FleetNode): SimCard[] => {
    switch (node.kind) {
      case 'sim':
        return [node.sim];
      case 'bucket':
        return model.bucketSims(node.key);
      case 'range':
        return model.childrenOf(node).flatMap((child) => (child.kind === 'sim' ? [child.sim] : []));
    }
  };
  return {
    sim: (id) => model.getSim(id),
    targetSims(target: CommandTarget): SimCard[] {
      const selection = (): FleetNode[] => view.treeView.selection.filter(isFleetNode);
      const nodes: readonly FleetNode[] = target.nodes.length > 0 ? target.nodes : target.node ? [target.node] : selection();
      const seen = new Set<string>();
      const out: SimCard[] = [];
      for (const node of nodes) {
        for (const sim of simsUnder(node)) {
          if (seen.has(sim.id)) continue;
          seen.add(sim.id);
          // The record as loaded now, not the node's copy from the last redraw.
          out.push(model.getSim(sim.id) ?? sim);
        }
      }
      return out;
    },
    currentQuery: () => toSimCardQuery(model.options.filter, model.options.sort),
    matchesFilter: (sim) => matchesFilter(sim, model.options.filter),
    updateSim: (sim) => model.updateSim(sim),
    groups: () => [...model.groupsById.values()],
    knownTags: () => [...new Set([...model.sims()].flatMap((s) => s.tags ?? []))].sort((a, b) => a.localeCompare(b)),
    revealSim: (simId) => view.revealSim(simId),
  };
}
