import * as vscode from 'vscode';
import { ENV_VAR } from '../auth/apiKeyStore';
import type { CommandContext } from './context';

export function registerClearApiKey(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxSims.clearApiKey', async () => {
    await ctx.keys.clear();
    const remaining = await ctx.keys.get();
    if (remaining?.source === 'environment') {
      void vscode.window.showInformationMessage(
        `The stored API key was removed. The key from the ${ENV_VAR} environment variable is still used.`,
      );
    } else {
      vscode.window.setStatusBarMessage('Telnyx API key removed', 3000);
    }
  });
}
