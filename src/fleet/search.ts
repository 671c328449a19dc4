// "Find SIM": match a typed query against the identifiers and tags of loaded SIMs.
import type { SimCard } from '../telnyx/types';
import { simTags } from './tags';
import { plainText } from './text';

const EXACT = 0;
const PREFIX = 1;
const SUBSTRING = 2;
const NONE = 3;

/** Phone-style compaction: '+', spaces and dashes do not count. */
function compact(s: string): string {
  return s.replace(/[+\s-]/g, '');
}

function score(field: string, q: string): number {
  if (q === '' || field === '') return NONE;
  if (field === q) return EXACT;
  if (field.startsWith(q)) return PREFIX;
  return field.includes(q) ? SUBSTRING : NONE;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.toLowerCase() : '';
}

/** Best match rank of one SIM for a lowercased query (EXACT < PREFIX < SUBSTRING < NONE). */
function rankSim(sim: SimCard, q: string, qCompact: string): number {
  let best = NONE;
  const consider = (r: number): void => {
    if (r < best) best = r;
  };
  consider(score(str(sim.iccid), q));
  consider(score(str(sim.imsi), q));
  consider(score(str(sim.id), q));
  for (const tag of simTags(sim)) consider(score(tag.toLowerCase(), q));
  // Numbers are often pasted with spaces or dashes; compare them compacted too.
  consider(score(compact(str(sim.msisdn)), qCompact));
  consider(score(compact(str(sim.iccid)), qCompact));
  consider(score(compact(str(sim.imsi)), qCompact));
  return best;
}

/**
 * SIMs matching `query` (case-insensitive substring of ICCID, MSISDN, IMSI, id or a tag):
 * exact matches first, then prefix, then substring, each in input order; at most `limit`.
 * A blank query matches nothing.
 */
export function matchSims(sims: readonly SimCard[], query: string, limit = 200): SimCard[] {
  const q = typeof query === 'string' ? query.trim().toLowerCase() : '';
  if (q === '' || limit <= 0) return [];
  const qCompact = compact(q);
  const buckets: SimCard[][] = [[], [], []];
  for (const sim of sims) {
    const r = rankSim(sim, q, qCompact);
    if (r !== NONE) buckets[r]?.push(sim);
  }
  return buckets.flat().slice(0, limit);
}

/** One line holding every searchable value, e.g. for a QuickPick item's `detail`. */
export function simSearchText(sim: SimCard): string {
  return [sim.iccid, sim.msisdn, sim.imsi, sim.id, ...simTags(sim)]
    .map((v) => plainText(v, 100))
    .filter((v) => v !== '')
    .join(' ');
}
