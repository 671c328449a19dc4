import * as vscode from 'vscode';
import { describeError } from '../telnyx';
import type { CommandContext } from './context';
import { CommandId } from './ids';

/** Checks `key` with one cheap call and stores it in SecretStorage only if Telnyx accepts it. */
export async function checkAndStoreKey(ctx: CommandContext, input: string): Promise<boolean> {
  const key = input.trim();
  if (!key) return false;
  try {
    // Through the host gate: a new key goes only where the stored one may go.
    const client = await ctx.clients.createAllowed(key);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the Telnyx API key…') },
      () => client.listSimCards({ pageNumber: 1, pageSize: 1 }),
    );
  } catch (error) {
    const tryAgain = vscode.l10n.t('Try Again');
    // describeError makes any server text inert: this notification renders links.
    const message = vscode.l10n.t('{0} The key was not saved.', describeError(error, 'apiKey', ctx.clients.apiHost()));
    // Not awaited: the check settles now; the user may still choose to try again.
    vscode.window.showErrorMessage(message, tryAgain).then(
      (choice) => (choice === tryAgain ? vscode.commands.executeCommand(CommandId.setApiKey) : undefined),
      () => undefined,
    );
    return false;
  }
  await ctx.keys.set(key);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Telnyx API key saved'), 3000);
  return true;
}

/** Asks for a key in a password box, then checks and stores it. */
export async function setApiKey(ctx: CommandContext): Promise<void> {
  const input = await vscode.window.showInputBox({
    title: vscode.l10n.t('Telnyx API Key'),
    prompt: vscode.l10n.t("Enter a Telnyx API v2 key. It is kept in VS Code's secret storage."),
    placeHolder: 'KEY…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The API key cannot be empty.')),
  });
  if (input !== undefined) await checkAndStoreKey(ctx, input);
}
