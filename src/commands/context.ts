import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ClientProvider } from '../services/clientProvider';
import type { FleetService } from '../services/fleetService';
import type { SimCardsView } from '../views/simCardsView';
import type { FleetNode } from '../fleet';
import type { DetailsPanels } from '../webview/detailsRegistry';
import type { RawRecordProvider } from '../rawRecord/rawRecordProvider';
import type { GlanceCommands } from '../services/glance';
import type { ActionServices } from './actions/services';
import type { CommandName } from './ids';

/** What commands work with; built once in `activate`. */
export interface CommandContext {
  readonly keys: ApiKeyStore;
  readonly clients: ClientProvider;
  /** The fleet model (options, SIMs, load status) and its loads. */
  readonly fleet: FleetService;
  readonly view: SimCardsView;
  readonly panels: DetailsPanels;
  readonly rawRecords: RawRecordProvider;
  readonly glance: GlanceCommands;
  /** SIM actions: fleet access, runner, actions view, prompts. */
  readonly actions: ActionServices;
}

/**
 * The tree nodes a command was invoked on, already checked by the registrar: `node` is the
 * clicked one (context menu, inline button, item click), `nodes` the whole selection
 * when VS Code passes it. Both empty from the command palette.
 */
export interface CommandTarget {
  readonly node: FleetNode | undefined;
  readonly nodes: readonly FleetNode[];
}

export type CommandHandler = (target: CommandTarget) => unknown;
export type CommandFactory = (ctx: CommandContext) => CommandHandler;
/** One row per command id declared in package.json (the compiler checks the set). */
export type CommandTable = { readonly [N in CommandName]: CommandFactory };
