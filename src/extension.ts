// Wiring only: every piece is built in its own module and registered for disposal here.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { ApiKeyStore, type KeySource } from './auth/apiKeyStore';
import { registerAuthPrompt } from './auth/authPrompt';
import type { CommandContext } from './commands/context';
import { commandId } from './commands/ids';
import type { FindResult } from './commands/findSim';
import { registerCommandTable } from './commands/registrar';
import { COMMANDS } from './commands/table';
import { readSettings, SECTION } from './config';
import { RawRecordProvider, RAW_RECORD_SCHEME } from './rawRecord/rawRecordProvider';
import { ClientProvider } from './services/clientProvider';
import { ErrorReporter } from './services/errorReporter';
import { HostGate, ScriptedHostQuestions } from './services/hostGate';
import { createFleetSource } from './services/fleetSource';
import { Glance } from './services/glance';
import { FleetService } from './services/fleetService';
import { VIEW_ID } from './util/ids';
import { SimCardsView } from './views/simCardsView';
import { DetailsPanels, registerDetailsSerializer } from './webview/detailsRegistry';
import type { Prompts } from './commands/actions/prompts';
import { lazyPrompts } from './commands/actions/lazyPrompts';
import type { ActionServices } from './commands/actions/services';
import { BulkRunner } from './services/bulkRunner';
import { modelFleetAccess } from './services/fleetAccess';
import { ResultsDocuments, RESULTS_SCHEME } from './services/resultsDocument';
import { ActionsView } from './views/actionsView';

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
  /** The read-only JSON documents of "Open Raw Record". */
  readonly rawRecords: RawRecordProvider;
  /** Checks and stores a key as "Set API Key" does after its input box; true when stored. */
  setApiKey(key: string): Promise<boolean>;
  /** Where the current key comes from (never the key itself). */
  keySource(): Promise<KeySource | undefined>;
  /** What "Find SIM..." does when Enter is pressed on `text`: reveal a loaded SIM, else look it up and open it. */
  findSim(text: string): Promise<FindResult>;
  /** The "Send your API key to …?" questions of the host gate, answered by the test (no modal in test mode). */
  readonly hostQuestions: ScriptedHostQuestions;
  /** Badge, status bar, overview, auto-refresh and export. */
  readonly glance: Glance;
  /** Answers the next save dialogs of "Export SIM Cards..." (VS Code's native dialog cannot be driven). */
  setSaveDialogAnswer(file: vscode.Uri | undefined): void;
  /** SIM actions: the runner's reports, the actions view, and the dialogs (replace `prompts` to answer them). */
  readonly actions: ActionServices;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  // The pure layers word their text with @vscode/l10n: give them VS Code's bundle for the display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel('Telnyx SIM Explorer', { log: true });
  const keys = new ApiKeyStore(context.secrets);
  // The gate asks before the key first goes to a non-Telnyx https host (answers kept per user).
  // VS Code refuses modal dialogs in test mode: there the tests answer the same question.
  const isTest = context.extensionMode === vscode.ExtensionMode.Test;
  const hostQuestions = isTest ? new ScriptedHostQuestions() : undefined;
  const clients = new ClientProvider(keys, log, new HostGate(context.globalState, hostQuestions?.ask));
  const reporter = new ErrorReporter(log, () => clients.apiHost());
  const fleet = new FleetService(context.workspaceState, clients, (task) =>
    vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: vscode.l10n.t('Loading SIM cards') }, task),
  );
  const view = new SimCardsView(fleet, clients);
  // Open raw records refetch after every completed fleet load.
  const rawRecords = new RawRecordProvider(clients, fleet);
  const panels = new DetailsPanels(context.extensionUri, {
    getClient: () => clients.get(),
    groupsById: () => fleet.model.groupsById,
    knownSim: (simId) => fleet.model.getSim(simId),
    openRecord: async (sim) => (await import('./commands/openRawRecord')).openRawRecord(ctx, sim),
    setApiKey: async () => {
      await vscode.commands.executeCommand(commandId('setApiKey'));
    },
    reportError: (error, what) => reporter.report(error, 'command', what),
    runAction: async (action, simId) => {
      // The panel's SIM as loaded in the tree, else read now (a panel restored after a reload).
      const sim = actions.fleet.sim(simId) ?? (await (await clients.get())?.getSimCard(simId));
      if (sim) await (await import('./commands/actions/simActions')).actOnSims(actions, action, [sim]);
    },
  });
  let saveDialogAnswer: vscode.Uri | undefined;
  const source = createFleetSource({ fleet, view, clients });
  const glance = new Glance({
    extensionUri: context.extensionUri,
    source,
    treeView: view.treeView,
    openSim: (sim) => panels.show(sim),
    reportError: (error, what) => reporter.report(error, 'command', what),
    ...(isTest ? { testMode: { saveDialog: () => Promise.resolve(saveDialogAnswer) } } : {}),
  });
  const fleetAccess = modelFleetAccess(fleet, view);
  const results = new ResultsDocuments();
  const actionsView = new ActionsView(clients, fleetAccess);
  const actions: ActionServices = {
    clients,
    fleet: fleetAccess,
    actionsView,
    prompts: lazyPrompts,
    runner: new BulkRunner({ clients, fleet: fleetAccess, results, log, prompts: (): Prompts => actions.prompts }),
  };
  const ctx: CommandContext = { keys, clients, fleet, view, panels, rawRecords, glance, actions };

  context.subscriptions.push(
    log,
    keys,
    clients,
    fleet,
    view,
    source,
    rawRecords,
    panels,
    glance,
    view.provider.followAttention(glance.tracker),
    fleet.onDidCompleteLoad(() => panels.simsRefreshed()),
    // An action's progress on a SIM reaches its open details panel, not only the tree.
    fleet.model.onDidUpdateSim((sim) => panels.simUpdated(sim)),
    clients.onDidRejectKey(() => panels.keyRejected()),
    registerAuthPrompt(clients),
    vscode.workspace.registerTextDocumentContentProvider(RAW_RECORD_SCHEME, rawRecords),
    registerDetailsSerializer(panels),
    registerCommandTable(COMMANDS, ctx, { reporter, log, isNode: view.provider.isNode }),
    results,
    actionsView,
    actions.runner,
    vscode.workspace.registerTextDocumentContentProvider(RESULTS_SCHEME, results),
    actions.runner.onDidFinishRun(() => actionsView.follow()),
    fleet.onDidCompleteLoad(() => actionsView.simsLoaded()),
    followWithDebounce(actions.runner, actionsView),
    // The setting is the default grouping: changing it regroups the view.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.groupBy`)) fleet.setOptions({ groupBy: readSettings().groupBy }).catch(() => undefined);
    }),
  );

  fleet.refresh().catch((error: unknown) => reporter.report(error, 'simCards', 'first load'));
  if (!isTest || !hostQuestions) return undefined;
  return {
    fleet,
    view,
    panels,
    rawRecords,
    hostQuestions,
    setApiKey: async (key) => (await import('./commands/setApiKey')).checkAndStoreKey(ctx, key),
    keySource: async () => (await keys.get())?.source,
    findSim: async (text) => (await import('./commands/findSim')).findAndShow(ctx, text),
    glance,
    setSaveDialogAnswer: (file) => {
      saveDialogAnswer = file;
    },
    actions,
  };
}

/** The actions view re-reads when followed actions settle, at most once a second. */
function followWithDebounce(runner: BulkRunner, actionsView: ActionsView): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const sub = runner.onDidChangePending(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      actionsView.follow();
    }, 1000);
  });
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    sub.dispose();
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
