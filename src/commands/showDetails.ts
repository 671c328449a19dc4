import * as vscode from 'vscode';
import type { CommandContext } from './context';

export function registerShowDetails(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxSims.showDetails', async (clicked?: unknown) => {
    const sim = typeof clicked === 'string' ? clicked : ctx.view.selectedSims(clicked)[0];
    if (!sim) {
      void vscode.window.showInformationMessage('Select a SIM card to show its details.');
      return;
    }
    await ctx.panels.show(sim);
  });
}
