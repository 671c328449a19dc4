import * as vscode from 'vscode';
import { commandId } from '../commands/ids';
import type { ClientProvider } from '../services/clientProvider';

/**
 * The one owner of the "Set API Key" prompt after Telnyx rejects the key: shown once per
 * rejected key, however many requests (tree pages, panels) were refused.
 */
export function registerAuthPrompt(clients: ClientProvider): vscode.Disposable {
  const prompted = new Set<number>();
  return clients.onDidRejectKey(({ keySerial }) => {
    if (prompted.has(keySerial)) return;
    prompted.add(keySerial);
    // Not awaited: the listener returns at once; the user answers whenever they like.
    askForKey().catch(() => undefined);
  });
}

async function askForKey(): Promise<void> {
  const action = vscode.l10n.t('Set API Key');
  const message = vscode.l10n.t('Telnyx rejected the API key. Set a valid API key to load your SIM cards.');
  if ((await vscode.window.showErrorMessage(message, action)) === action) {
    await vscode.commands.executeCommand(commandId('setApiKey'));
  }
}
