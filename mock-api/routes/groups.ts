// GET /sim_card_groups, GET /sim_card_groups/{id}
import { notFound } from '../errors';
import { paginate, parsePaging } from '../query';
import type { Route } from './types';

export const groupRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/sim_card_groups$/,
    handle: ({ state, query }) => {
      // filter[name] is exact on the real API; cheap to honour here too.
      const name = query['filter[name]'];
      const groups = state.fleet.groups.filter((g) => !name || g.name === name);
      const page = paginate(groups, parsePaging(query));
      return { status: 200, body: { data: page.data.map((g) => state.searchedGroup(g)), meta: page.meta } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/sim_card_groups\/([^/]+)$/,
    handle: ({ state, params }) => {
      const g = state.findGroup(params[0]);
      if (!g) throw notFound('SIM card group');
      return { status: 200, body: { data: state.group(g) } };
    },
  },
];
