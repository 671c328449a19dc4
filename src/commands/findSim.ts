import * as vscode from 'vscode';
import { matchSims, simDescription, simLabel, statusLabel } from '../fleet';
import type { SimCard } from '../telnyx/types';
import type { CommandContext } from './context';
import { literal } from '../util/quickPickText';

interface SimPick extends vscode.QuickPickItem {
  sim: SimCard;
}

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

/** Reveals and selects a loaded SIM found by ICCID, MSISDN, IMSI, id or tag. */
export function registerFindSim(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxSims.findSim', async (given?: unknown) => {
    const sims = ctx.loader.view.sims;
    let sim: SimCard | undefined;
    if (typeof given === 'string') {
      sim = matchSims(sims, given, 1)[0];
    } else {
      if (sims.length === 0) {
        void vscode.window.showInformationMessage('No SIM cards are loaded yet. Refresh the SIM Cards view first.');
        return undefined;
      }
      const qp = vscode.window.createQuickPick<SimPick>();
      qp.title = 'Find SIM Card';
      qp.placeholder = 'Type an ICCID, MSISDN, IMSI, SIM id or tag';
      qp.matchOnDescription = true;
      qp.matchOnDetail = true;
      // We filter ourselves (numbers with or without '+', tags), so VS Code must not re-filter.
      (qp as { filterOnLabel?: boolean }).filterOnLabel = false;
      qp.items = sims.slice(0, 200).map(toPick);
      qp.onDidChangeValue((value) => {
        qp.items = (value.trim() ? matchSims(sims, value) : sims.slice(0, 200)).map(toPick);
      });
      sim = await new Promise<SimCard | undefined>((resolve) => {
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
    if (!sim) return undefined;
    const node = ctx.view.provider.nodeForSim(sim.id);
    if (node) await ctx.view.treeView.reveal(node, { select: true, focus: true, expand: true });
    return sim.id;
  });
}
