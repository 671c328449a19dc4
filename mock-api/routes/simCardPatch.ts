// PATCH /sim_cards/{id}: tags, sim_card_group_id, data_limit, authorized_imeis, with the
// API's 422s for values it would refuse. Read-only fields in the body are ignored, as there.
import { notFound, unprocessable } from '../errors';
import type { Route } from './types';

const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 100;
const IMEI = /^\d{15}$/;
const AMOUNT = /^\d+(\.\d+)?$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const simCardPatchRoutes: Route[] = [
  {
    method: 'PATCH',
    pattern: /^\/sim_cards\/([^/]+)$/,
    handle: ({ state, params, body }) => {
      const sim = state.findSim(params[0] ?? '');
      if (!sim) throw notFound('SIM card');
      if (!isObject(body)) throw unprocessable('The request body must be a JSON object.');

      // Validate everything first, so a refused request changes nothing.
      const next: { tags?: string[]; group?: string; limit?: { amount: string; unit: string } | null; imeis?: string[] | null } = {};
      if ('tags' in body) {
        const tags = body.tags;
        if (!Array.isArray(tags) || !tags.every((t): t is string => typeof t === 'string')) {
          throw unprocessable('tags must be an array of strings.', '/tags');
        }
        if (tags.length > MAX_TAGS) throw unprocessable(`A SIM card can have at most ${MAX_TAGS} tags.`, '/tags');
        if (tags.some((t) => t.trim() === '' || t.length > MAX_TAG_LENGTH)) {
          throw unprocessable(`Tags must be non-empty and at most ${MAX_TAG_LENGTH} characters.`, '/tags');
        }
        next.tags = [...new Set(tags)];
      }
      if ('sim_card_group_id' in body) {
        const g = body.sim_card_group_id;
        if (typeof g !== 'string' || !state.findGroup(g)) throw unprocessable('The SIM card group was not found.', '/sim_card_group_id');
        next.group = g;
      }
      if ('data_limit' in body) {
        const d = body.data_limit;
        if (d === null) next.limit = null;
        else {
          if (!isObject(d)) throw unprocessable('data_limit must be an object with amount and unit.', '/data_limit');
          const amount = typeof d.amount === 'number' ? String(d.amount) : d.amount;
          if (typeof amount !== 'string' || !AMOUNT.test(amount) || Number(amount) <= 0) {
            throw unprocessable('data_limit.amount must be a positive number.', '/data_limit/amount');
          }
          if (d.unit !== 'MB' && d.unit !== 'GB') throw unprocessable('data_limit.unit must be MB or GB.', '/data_limit/unit');
          next.limit = { amount, unit: d.unit };
        }
      }
      if ('authorized_imeis' in body) {
        const list = body.authorized_imeis;
        if (list === null) next.imeis = null;
        else if (!Array.isArray(list) || !list.every((i): i is string => typeof i === 'string' && IMEI.test(i))) {
          throw unprocessable('authorized_imeis must be a list of 15-digit IMEIs.', '/authorized_imeis');
        } else next.imeis = [...new Set(list)];
      }

      if (next.tags) sim.tags = next.tags;
      if (next.group !== undefined) sim.sim_card_group_id = next.group;
      // No limit of its own: the key goes away (the spec's data_limit is not nullable).
      if (next.limit === null) delete sim.data_limit;
      else if (next.limit) sim.data_limit = next.limit;
      if (next.imeis !== undefined) sim.authorized_imeis = next.imeis;
      sim.updated_at = new Date().toISOString();
      return { status: 200, body: { data: state.detail(sim, false) } };
    },
  },
];
