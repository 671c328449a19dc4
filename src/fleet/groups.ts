// Finding and naming a SIM's SIM card group.
import * as l10n from '@vscode/l10n';
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { nonEmpty, plainText, shortId } from './text';

/** The SIM's group id, or undefined when it has none (empty strings count as none). */
export function simGroupId(sim: SimCard): string | undefined {
  return nonEmpty(sim.sim_card_group_id) ?? nonEmpty(sim.sim_card_group?.id);
}

/**
 * The SIM's group: from the loaded groups first, else the copy embedded in the record
 * (`include_sim_card_group=true`) when it is the same group.
 */
export function groupForSim(sim: SimCard, groupsById?: ReadonlyMap<string, SimCardGroup>): SimCardGroup | undefined {
  const id = simGroupId(sim);
  if (id === undefined) return undefined;
  const known = groupsById?.get(id);
  if (known) return known;
  const embedded = sim.sim_card_group;
  return embedded != null && typeof embedded === 'object' && embedded.id === id ? embedded : undefined;
}

/** The group's name as one line of plain text, or undefined when it has none. */
export function groupName(group: SimCardGroup | null | undefined): string | undefined {
  const name = plainText(group?.name);
  return name === '' ? undefined : name;
}

/** A label for a group id: its name when known, else "Unknown group (1234abcd…)". */
export function groupLabel(id: string, group?: SimCardGroup | null): string {
  return groupName(group) ?? l10n.t('Unknown group ({0})', shortId(id));
}

/** Map of groups by id (later duplicates win, matching "last write" of a refresh). */
export function groupsByIdFrom(groups: readonly SimCardGroup[]): Map<string, SimCardGroup> {
  const map = new Map<string, SimCardGroup>();
  for (const g of groups) {
    if (g != null && typeof g.id === 'string' && g.id !== '') map.set(g.id, g);
  }
  return map;
}
