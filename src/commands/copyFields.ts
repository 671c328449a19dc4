import * as vscode from 'vscode';
import type { SimCard } from '../telnyx/types';
import type { CommandContext } from './context';

const FIELDS = [
  { command: 'telnyxSims.copyIccid', name: 'ICCID', plural: 'ICCIDs', get: (s: SimCard) => s.iccid },
  { command: 'telnyxSims.copyImsi', name: 'IMSI', plural: 'IMSIs', get: (s: SimCard) => s.imsi },
  { command: 'telnyxSims.copyMsisdn', name: 'MSISDN', plural: 'MSISDNs', get: (s: SimCard) => s.msisdn },
  { command: 'telnyxSims.copySimId', name: 'SIM ID', plural: 'SIM IDs', get: (s: SimCard) => s.id },
] as const;

/** Copy commands: with several SIMs selected, one value per line. */
export function registerCopyFields(ctx: CommandContext): vscode.Disposable {
  return vscode.Disposable.from(
    ...FIELDS.map((field) =>
      vscode.commands.registerCommand(field.command, async (clicked?: unknown, all?: unknown) => {
        const sims = ctx.view.selectedSims(clicked, all);
        const values = sims.map(field.get).filter((v): v is string => typeof v === 'string' && v !== '');
        if (values.length === 0) {
          void vscode.window.showInformationMessage(
            sims.length === 0 ? `Select a SIM card to copy its ${field.name}.` : `The selected SIM card has no ${field.name}.`,
          );
          return;
        }
        await vscode.env.clipboard.writeText(values.join('\n'));
        const what = values.length === 1 ? `${field.name} ${values[0]}` : `${values.length} ${field.plural}`;
        vscode.window.setStatusBarMessage(`$(copy) Copied ${what}`, 3000);
      }),
    ),
  );
}
