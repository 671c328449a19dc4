import * as vscode from 'vscode';
import type { CommandContext, CommandTarget } from './context';

export async function showDetails(ctx: CommandContext, target: CommandTarget): Promise<void> {
  const sim = ctx.view.selectedSims(target)[0];
  if (!sim) {
    vscode.window.showInformationMessage(vscode.l10n.t('Select a SIM card to show its details.')).then(undefined, () => undefined);
    return;
  }
  await ctx.panels.show(sim);
}
