// POST /sim_cards/{id}/actions/enable|disable|set_standby, GET /sim_card_actions(/{id})
import { invalidParameter, notFound, unprocessable } from '../errors';
import { paginate, parsePaging } from '../query';
import type { ActionKind } from '../state';
import type { Route } from './types';

const ACTION_STATUSES = ['in-progress', 'completed', 'failed', 'interrupted'];
const ACTION_TYPES = ['enable', 'enable_standby_sim_card', 'disable', 'set_standby', 'remove_public_ip', 'set_public_ip'];

/** What the API answers when a SIM already has an action running. */
export const IN_PROGRESS_DETAIL = 'The SIM card has an action in progress. Wait until it completes before requesting another.';

export const actionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/sim_cards\/([^/]+)\/actions\/(enable|disable|set_standby)$/,
    handle: ({ state, params }) => {
      const sim = state.findSim(params[0] ?? '');
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
      if (state.actionInProgress(sim.id)) throw unprocessable(IN_PROGRESS_DETAIL, '/status');
      return { status: 202, body: { data: state.startAction(sim, kind) } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/sim_card_actions$/,
    handle: ({ state, query }) => {
      const simId = (query['filter[sim_card_id]'] ?? '').trim();
      const status = (query['filter[status]'] ?? '').trim();
      const type = (query['filter[action_type]'] ?? '').trim();
      if (status && !ACTION_STATUSES.includes(status)) {
        throw invalidParameter('filter[status]', `filter[status] must be one of: ${ACTION_STATUSES.join(', ')}.`);
      }
      if (type && !ACTION_TYPES.includes(type)) {
        throw invalidParameter('filter[action_type]', `filter[action_type] must be one of: ${ACTION_TYPES.join(', ')}.`);
      }
      const actions = state
        .listActions()
        .filter((a) => (!simId || a.sim_card_id === simId) && (!status || a.status?.value === status) && (!type || a.action_type === type));
      return { status: 200, body: paginate(actions, parsePaging(query)) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/sim_card_actions\/([^/]+)$/,
    handle: ({ state, params }) => {
      const action = state.actions.get(params[0] ?? '');
      if (!action) throw notFound('SIM card action');
      return { status: 200, body: { data: action } };
    },
  },
];
