import * as vscode from 'vscode';
import { matchSims, simDescription, simLabel, statusLabel } from '../fleet';
import type { SimCard } from '../telnyx/types';
import type { CommandContext } from './context';
import { literal } from '../util/quickPickText';

interface SimPick extends vscode.QuickPickItem {
  sim: SimCard;
}

/** Items shown before the user types (a long list would slow the picker down). */
const FIRST_ITEMS = 200;

function toPick(sim: SimCard): SimPick {
  return {
    label: literal(simLabel(sim)),
    description: literal(simDescription(sim)),
    detail: literal(
      [statusLabel(sim.status?.value), sim.imsi ? `IMSI ${sim.imsi}` : '', (sim.tags ?? []).join(', ')].filter(Boolean).join(' · '),
    ),
    sim,
  };
}

/** Reveals and selects the first tree node of a SIM. */
export async function revealSim(ctx: CommandContext, simId: string): Promise<boolean> {
  const node = ctx.view.provider.nodeForSim(simId);
  if (!node) return false;
  await ctx.view.treeView.reveal(node, { select: true, focus: true, expand: true });
  return true;
}

function pickSim(sims: readonly SimCard[]): Promise<SimCard | undefined> {
  const qp = vscode.window.createQuickPick<SimPick>();
  qp.title = vscode.l10n.t('Find SIM Card');
  qp.placeholder = vscode.l10n.t('Type an ICCID, MSISDN, IMSI, SIM id or tag');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  // We filter ourselves (numbers with or without '+', tags), so VS Code must not re-filter.
  (qp as { filterOnLabel?: boolean }).filterOnLabel = false;
  qp.items = sims.slice(0, FIRST_ITEMS).map(toPick);
  qp.onDidChangeValue((value) => {
    qp.items = (value.trim() ? matchSims(sims, value) : sims.slice(0, FIRST_ITEMS)).map(toPick);
  });
  return new Promise<SimCard | undefined>((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.sim);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** Reveals and selects a loaded SIM found by ICCID, MSISDN, IMSI, id or tag. */
export async function findSim(ctx: CommandContext): Promise<void> {
  const sims = ctx.loader.view.sims;
  if (sims.length === 0) {
    vscode.window
      .showInformationMessage(vscode.l10n.t('No SIM cards are loaded yet. Refresh the SIM Cards view first.'))
      .then(undefined, () => undefined);
    return;
  }
  const sim = await pickSim(sims);
  if (sim) await revealSim(ctx, sim.id);
}
