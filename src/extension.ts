// Wiring only: every piece is built in its own module and registered for disposal here.
import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { registerCommands } from './commands';
import { RawRecordProvider, RAW_RECORD_SCHEME } from './rawRecord/rawRecordProvider';
import { ClientProvider } from './services/clientProvider';
import { FleetLoader } from './services/fleetLoader';
import { ViewState } from './services/viewState';
import { SimCardsView } from './views/simCardsView';
import { registerDetailsSerializer, SimDetailsPanels } from './webview/detailsPanels';

/** What the extension hands to its tests (through `vscode.extensions.getExtension().exports`). */
export interface ExtensionApi {
  readonly view: SimCardsView;
  readonly loader: FleetLoader;
  readonly panels: SimDetailsPanels;
  readonly state: ViewState;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('Telnyx SIM Explorer', { log: true });
  const keys = new ApiKeyStore(context.secrets);
  const clients = new ClientProvider(keys, log);
  const loader = new FleetLoader();
  const state = new ViewState(context.workspaceState);
  const view = new SimCardsView(loader, clients, state);
  const rawRecords = new RawRecordProvider(clients);
  const panels = new SimDetailsPanels(context.extensionUri, {
    getClient: () => clients.get(),
    groupsById: () => loader.view.groupsById,
    onAuthError: () => void vscode.commands.executeCommand('telnyxSims.refresh'),
  });
  view.onDidRefreshSims((sims) => panels.simsRefreshed(sims));

  context.subscriptions.push(
    log,
    keys,
    clients,
    loader,
    state,
    view,
    rawRecords,
    panels,
    vscode.workspace.registerTextDocumentContentProvider(RAW_RECORD_SCHEME, rawRecords),
    registerDetailsSerializer(panels),
    registerCommands({ keys, clients, loader, state, view, panels, rawRecords }),
  );

  void view.refresh();
  return { view, loader, panels, state };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
