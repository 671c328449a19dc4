import * as vscode from 'vscode';
import type { SimCard } from '../telnyx/types';
import type { CommandContext, CommandTarget } from './context';

/** Opens `GET /sim_cards/{id}` as a read-only JSON document. */
export async function openRawRecord(ctx: CommandContext, sim: Pick<SimCard, 'id' | 'iccid'>): Promise<void> {
  const uri = ctx.rawRecords.uriFor(sim);
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    // VS Code wraps the provider's failure; rethrow the typed error so the error reporter
    // words it (plain text, one sentence) instead of showing VS Code's wrapper.
    throw ctx.rawRecords.failureFor(uri) ?? error;
  }
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
