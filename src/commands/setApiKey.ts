import * as vscode from 'vscode';
import { isTelnyxError } from '../telnyx';
import type { CommandContext } from './context';

/** Asks for a key, checks it with one cheap call, and stores it only in SecretStorage. */
export function registerSetApiKey(ctx: CommandContext): vscode.Disposable {
  // A string argument skips the input box (for automation); the key is checked all the same.
  return vscode.commands.registerCommand('telnyxSims.setApiKey', async (given?: unknown) => {
    const input = typeof given === 'string' ? given : await vscode.window.showInputBox({
      title: 'Telnyx API Key',
      prompt: 'Enter a Telnyx API v2 key. It is kept in VS Code\'s secret storage.',
      placeHolder: 'KEY…',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : 'The API key cannot be empty.'),
    });
    const key = input?.trim();
    if (!key) return false;

    try {
      const client = ctx.clients.create(key);
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Checking the Telnyx API key…' },
        () => client.listSimCards({ pageNumber: 1, pageSize: 1 }),
      );
    } catch (error) {
      const reason = isTelnyxError(error) && error.kind === 'auth'
        ? 'Telnyx rejected this API key.'
        : `The key could not be checked: ${error instanceof Error ? error.message : String(error)}`;
      // Not awaited: the command settles now; the user may still choose to try again.
      void vscode.window.showErrorMessage(`${reason} It was not saved.`, 'Try Again').then((choice) => {
        if (choice === 'Try Again') void vscode.commands.executeCommand('telnyxSims.setApiKey');
      });
      return false;
    }
    await ctx.keys.set(key);
    vscode.window.setStatusBarMessage('$(check) Telnyx API key saved', 3000);
    return true;
  });
}
