// The pieces the SIM action commands share, built once in `activate`.
import type { ClientProvider } from '../../services/clientProvider';
import type { BulkRunner } from '../../services/bulkRunner';
import type { ActionsView } from '../../views/actionsView';
import type { FleetAccess } from './fleetAccess';
import type { Prompts } from './prompts';

export interface ActionServices {
  readonly clients: ClientProvider;
  readonly fleet: FleetAccess;
  readonly runner: BulkRunner;
  readonly actionsView: ActionsView;
  /** The dialogs and pickers; replaced only by the test API in ExtensionMode.Test. */
  prompts: Prompts;
}

/** The six things a person can do to SIM cards (commands, menus, details panel buttons). */
export { SIM_ACTION_KINDS, type SimActionKind } from '../../details/messages';
