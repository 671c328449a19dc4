import * as vscode from 'vscode';
import type { SimCard } from '../telnyx/types';
import type { CommandContext, CommandTarget } from './context';

/** Opens `GET /sim_cards/{id}` as a read-only JSON document. */
export async function openRawRecord(ctx: CommandContext, sim: Pick<SimCard, 'id' | 'iccid'>): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(ctx.rawRecords.uriFor(sim));
  await vscode.languages.setTextDocumentLanguage(doc, 'json');
  await vscode.window.showTextDocument(doc, { preview: true });
}

export async function openSelectedRawRecord(ctx: CommandContext, target: CommandTarget): Promise<void> {
  const sim = ctx.view.selectedSims(target)[0];
  if (!sim) {
    vscode.window.showInformationMessage(vscode.l10n.t('Select a SIM card to open its record.')).then(undefined, () => undefined);
    return;
  }
  await openRawRecord(ctx, sim);
}
