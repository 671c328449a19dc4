import * as vscode from 'vscode';
import type { SimCard } from '../telnyx/types';
import { plainText } from '../telnyx/plainText';
import type { CommandContext, CommandTarget } from './context';

export interface CopyField {
  /** The field's name, worded when called (the display language is known only after activation). */
  readonly name: () => string;
  readonly get: (sim: SimCard) => unknown;
}

export const COPY_ICCID: CopyField = { name: () => vscode.l10n.t('ICCID'), get: (s) => s.iccid };
export const COPY_IMSI: CopyField = { name: () => vscode.l10n.t('IMSI'), get: (s) => s.imsi };
export const COPY_MSISDN: CopyField = { name: () => vscode.l10n.t('MSISDN'), get: (s) => s.msisdn };
export const COPY_SIM_ID: CopyField = { name: () => vscode.l10n.t('SIM ID'), get: (s) => s.id };

/** Copies a field of the clicked or selected SIMs: with several, one value per line. */
export async function copyField(ctx: CommandContext, target: CommandTarget, field: CopyField): Promise<void> {
  const sims = ctx.view.selectedSims(target);
  const name = field.name();
  const values = sims.map(field.get).filter((v): v is string => typeof v === 'string' && v !== '');
  if (values.length === 0) {
    const message =
      sims.length === 0
        ? vscode.l10n.t('Select a SIM card to copy its {0}.', name)
        : vscode.l10n.t('The selected SIM card has no {0}.', name);
    vscode.window.showInformationMessage(message).then(undefined, () => undefined);
    return;
  }
  await vscode.env.clipboard.writeText(values.join('\n'));
  const first = values[0] ?? '';
  const what = values.length === 1 ? `${name} ${plainText(first, 80)}` : vscode.l10n.t('{0} values of {1}', values.length, name);
  // The status bar renders $(icon) syntax: the copied value went through plainText above.
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}', what), 3000);
}
