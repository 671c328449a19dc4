// Wiring only: every piece is built in its own module and registered for disposal here.
import * as vscode from 'vscode';
import { ApiKeyStore, type KeySource } from './auth/apiKeyStore';
import { registerAuthPrompt } from './auth/authPrompt';
import type { CommandContext } from './commands/context';
import { CommandId } from './commands/ids';
import { findAndShow, type FindResult } from './commands/findSim';
import { openRawRecord } from './commands/openRawRecord';
import { registerCommandTable } from './commands/registrar';
import { checkAndStoreKey } from './commands/setApiKey';
import { COMMANDS } from './commands/table';
import { readSettings, SECTION } from './config';
import { RawRecordProvider, RAW_RECORD_SCHEME } from './rawRecord/rawRecordProvider';
import { ClientProvider } from './services/clientProvider';
import { ErrorReporter } from './services/errorReporter';
import { FleetService } from './services/fleetService';
import { VIEW_ID } from './util/ids';
import { SimCardsView } from './views/simCardsView';
import { DetailsPanels, registerDetailsSerializer } from './webview/detailsRegistry';

/**
 * What `activate` returns to the integration tests, and only when VS Code runs the
 * extension in test mode. Reads go to the real objects; the few actions run the same code
 * as the commands, without their quick picks and input boxes.
 */
export interface TestApi {
  /** The fleet model (`fleet.model`: options, SIMs, status, tree nodes) and its loads. */
  readonly fleet: FleetService;
  readonly view: SimCardsView;
  readonly panels: DetailsPanels;
  /** Checks and stores a key as "Set API Key" does after its input box; true when stored. */
  setApiKey(key: string): Promise<boolean>;
  /** Where the current key comes from (never the key itself). */
  keySource(): Promise<KeySource | undefined>;
  /** What "Find SIM..." does when Enter is pressed on `text`: reveal a loaded SIM, else look it up and open it. */
  findSim(text: string): Promise<FindResult>;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const log = vscode.window.createOutputChannel('Telnyx SIM Explorer', { log: true });
  const reporter = new ErrorReporter(log);
  const keys = new ApiKeyStore(context.secrets);
  const clients = new ClientProvider(keys, log);
  const fleet = new FleetService(context.workspaceState, clients, (task) =>
    vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: vscode.l10n.t('Loading SIM cards') }, task),
  );
  const view = new SimCardsView(fleet);
  const rawRecords = new RawRecordProvider(clients);
  const panels = new DetailsPanels(context.extensionUri, {
    getClient: () => clients.get(),
    groupsById: () => fleet.model.groupsById,
    knownSim: (simId) => fleet.model.getSim(simId),
    openRecord: (sim) => openRawRecord(ctx, sim),
    setApiKey: async () => {
      await vscode.commands.executeCommand(CommandId.setApiKey);
    },
    reportError: (error, what) => reporter.report(error, 'command', what),
  });
  const ctx: CommandContext = { keys, clients, fleet, view, panels, rawRecords };

  context.subscriptions.push(
    log,
    keys,
    clients,
    fleet,
    view,
    rawRecords,
    panels,
    fleet.onDidCompleteLoad((sims) => panels.simsRefreshed(sims)),
    clients.onDidRejectKey(() => panels.keyRejected()),
    registerAuthPrompt(clients),
    vscode.workspace.registerTextDocumentContentProvider(RAW_RECORD_SCHEME, rawRecords),
    registerDetailsSerializer(panels),
    registerCommandTable(COMMANDS, ctx, { reporter, log, isNode: view.provider.isNode }),
    // The setting is the default grouping: changing it regroups the view.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.groupBy`)) fleet.setOptions({ groupBy: readSettings().groupBy }).catch(() => undefined);
    }),
  );

  fleet.refresh().catch((error: unknown) => reporter.report(error, 'simCards', 'first load'));
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    fleet,
    view,
    panels,
    setApiKey: (key) => checkAndStoreKey(ctx, key),
    keySource: async () => (await keys.get())?.source,
    findSim: (text) => findAndShow(ctx, text),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
