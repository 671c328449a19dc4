// POST /sim_cards/{id}/actions/enable|disable|set_standby, GET /sim_card_actions/{id}
import { notFound, unprocessable } from '../errors';
import type { ActionKind } from '../state';
import type { Route } from './types';

export const actionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/sim_cards\/([^/]+)\/actions\/(enable|disable|set_standby)$/,
    handle: ({ state, params }) => {
      const sim = state.findSim(params[0]);
      if (!sim) throw notFound('SIM card');
      const kind = params[1] as ActionKind;
      // The API refuses to enable (or park in standby) a SIM that has no group.
      if (kind !== 'disable' && !state.findGroup(sim.sim_card_group_id)) {
        throw unprocessable(
          kind === 'enable'
            ? 'The SIM card must belong to a SIM card group before it can be enabled.'
            : 'The SIM card must belong to a SIM card group before it can be set to standby.',
          '/sim_card_group_id',
        );
      }
      return { status: 202, body: { data: state.startAction(sim, kind) } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/sim_card_actions\/([^/]+)$/,
    handle: ({ state, params }) => {
      const action = state.actions.get(params[0]);
      if (!action) throw notFound('SIM card action');
      return { status: 200, body: { data: action } };
    },
  },
];
