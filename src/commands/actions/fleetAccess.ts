// What the SIM actions need of the fleet in the view, and nothing more. The actions code
// depends only on this; src/services/fleetAccess.ts implements it over whatever owns the
// fleet (today FleetLoader + SimCardsView, later the FleetModel).
import type { SimCard, SimCardGroup, SimCardQuery } from '../../telnyx/types';
import type { CommandTarget } from '../context';

export interface FleetAccess {
  /** A loaded SIM by id. */
  sim(id: string): SimCard | undefined;
  /**
   * The SIMs a command was invoked on: the selected SIM rows, every SIM under a selected
   * group or range row (each SIM once); with no node, the tree's selection.
   */
  targetSims(target: CommandTarget): SimCard[];
  /** The API query of the current filter and sort (every page is fetched with it). */
  currentQuery(): SimCardQuery;
  /** The current filter as applied after the API (statuses the API cannot filter). */
  matchesFilter(sim: SimCard): boolean;
  /** Replaces one SIM's record in place; its node, bucket and counts follow without a reload. */
  updateSim(sim: SimCard): void;
  /** Every SIM card group known from the last load. */
  groups(): readonly SimCardGroup[];
  /** Every tag on a loaded SIM, sorted. */
  knownTags(): string[];
  /** Reveals and selects the SIM's row; false when it is not in the tree. */
  revealSim(id: string): Promise<boolean>;
}
