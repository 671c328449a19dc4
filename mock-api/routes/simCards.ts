// GET /sim_cards, GET /sim_cards/{id}, GET /sim_cards/{id}/wireless_connectivity_logs
import { notFound } from '../errors';
import { paginate, parsePaging, selectSims } from '../query';
import type { Route } from './types';

const ID = '([^/]+)';

export const simCardRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/sim_cards$/,
    handle: ({ state, query }) => {
      // Filtered and sorted once per query and fleet version; paging faults bend the answer when armed.
      const sel = selectSims(state.fleet.sims, query, state.selectionCache());
      return { status: 200, json: state.pagingFaults.listPage(state.pagingHost(), sel, query) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/sim_cards/${ID}$`),
    handle: ({ state, params, query }) => {
      const sim = state.findSim(params[0] ?? '');
      if (!sim) throw notFound('SIM card');
      return { status: 200, body: { data: state.detail(sim, query.include_sim_card_group === 'true') } };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/sim_cards/${ID}/wireless_connectivity_logs$`),
    handle: ({ state, params, query }) => {
      const sim = state.findSim(params[0] ?? '');
      if (!sim) throw notFound('SIM card');
      const page = paginate(state.fleet.logsFor(sim.id), parsePaging(query));
      return { status: 200, body: page };
    },
  },
];
