// A SIM's tags as usable strings.
import type { SimCard } from '../telnyx/types';

/**
 * The SIM's distinct tags in record order. Tags are case-sensitive, so "Fleet" and
 * "fleet" stay distinct; non-strings and blank tags are ignored.
 */
export function simTags(sim: SimCard): string[] {
  const tags: unknown = sim.tags;
  if (!Array.isArray(tags)) return [];
  const seen = new Set<string>();
  for (const t of tags) {
    if (typeof t === 'string' && t.trim() !== '') seen.add(t);
  }
  return [...seen];
}
