import type * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ClientProvider } from '../services/clientProvider';
import type { FleetLoader } from '../services/fleetLoader';
import type { ViewState } from '../services/viewState';
import type { SimCardsView } from '../views/simCardsView';
import type { SimDetailsPanels } from '../webview/detailsPanels';
import type { RawRecordProvider } from '../rawRecord/rawRecordProvider';

/** What commands work with; each command file takes what it needs from here. */
export interface CommandContext {
  readonly keys: ApiKeyStore;
  readonly clients: ClientProvider;
  readonly loader: FleetLoader;
  readonly state: ViewState;
  readonly view: SimCardsView;
  readonly panels: SimDetailsPanels;
  readonly rawRecords: RawRecordProvider;
}

export type CommandRegistration = (ctx: CommandContext) => vscode.Disposable;
