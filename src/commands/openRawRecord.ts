import * as vscode from 'vscode';
import type { CommandContext } from './context';

/** Opens `GET /sim_cards/{id}` as a read-only JSON document. Takes a tree node or a SIM id. */
export function registerOpenRawRecord(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxSims.openRawRecord', async (clicked?: unknown) => {
    const sim = typeof clicked === 'string' ? ctx.loader.view.sims.find((s) => s.id === clicked) ?? { id: clicked } : ctx.view.selectedSims(clicked)[0];
    if (!sim) {
      void vscode.window.showInformationMessage('Select a SIM card to open its record.');
      return undefined;
    }
    const uri = ctx.rawRecords.uriFor(sim);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: true });
    return uri.toString();
  });
}
