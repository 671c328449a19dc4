import * as vscode from 'vscode';
import type { CommandContext, CommandTarget } from './context';

/** Click or Enter on a SIM: its details in the preview panel (a double click keeps it), focus stays in the tree. */
export async function showDetails(ctx: CommandContext, target: CommandTarget): Promise<void> {
  const sim = ctx.view.selectedSims(target)[0];
  if (!sim) {
    vscode.window.showInformationMessage(vscode.l10n.t('Select a SIM card to show its details.')).then(undefined, () => undefined);
    return;
  }
  await ctx.panels.show(sim);
}

/** Moves the keyboard focus into the details of the selected SIM (opening them), else into the panel last shown. */
export async function focusDetails(ctx: CommandContext, target: CommandTarget): Promise<void> {
  const sim = ctx.view.selectedSims(target)[0];
  if (sim) {
    await ctx.panels.show(sim, { focus: true });
    return;
  }
  if (!ctx.panels.focusLast()) {
    vscode.window.showInformationMessage(vscode.l10n.t('Select a SIM card to show its details.')).then(undefined, () => undefined);
  }
}
