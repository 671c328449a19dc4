import * as vscode from 'vscode';
import { ENV_VAR } from '../auth/apiKeyStore';
import type { CommandContext } from './context';

export async function clearApiKey(ctx: CommandContext): Promise<void> {
  await ctx.keys.clear();
  const remaining = await ctx.keys.get();
  if (remaining?.source === 'environment') {
    // Not awaited: an information message needs no answer.
    vscode.window
      .showInformationMessage(
        vscode.l10n.t('The stored API key was removed. The key from the {0} environment variable is still used.', ENV_VAR),
      )
      .then(undefined, () => undefined);
  } else {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Telnyx API key removed'), 3000);
  }
}
