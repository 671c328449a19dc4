// The contextValue a SIM row should carry so its context menu shows only the actions that
// apply: `sim.<type>.<status>` (package.json `when` clauses read the status at the end).
// Pure, no vscode import.
import type { SimCard } from '../telnyx/types';

export function simContextValue(sim: SimCard): string {
  const safe = (s: unknown): string => (typeof s === 'string' && /^[a-z_-]{1,40}$/.test(s) ? s : 'unknown');
  return `sim.${safe(sim.type)}.${safe(sim.status?.value)}`;
}
