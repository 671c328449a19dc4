import * as vscode from 'vscode';
import { formatCount, isFilterActive, simLabel, statusLabel, type FleetModel } from '../fleet';
import type { SimCard } from '../telnyx/types';
import type { CommandContext } from './context';
import { literal } from '../util/quickPickText';

/** How Find SIM ended: revealed in the tree, opened in a details panel (not loaded), or nothing. */
export type FindResult =
  { readonly kind: 'revealed'; readonly simId: string } | { readonly kind: 'opened'; readonly simId: string } | { readonly kind: 'none' };

interface FindPick extends vscode.QuickPickItem {
  readonly sim?: SimCard;
  /** The "look it up through the API" line. */
  readonly lookup?: string;
}

/** Matches shown per keystroke (the search index answers fast; the list must stay short). */
const MAX_ITEMS = 100;

function simPick(sim: SimCard): FindPick {
  const detail = [
    statusLabel(sim.status?.value),
    sim.imsi ? vscode.l10n.t('IMSI {0}', sim.imsi) : '',
    vscode.l10n.t('ID {0}', sim.id),
    (sim.tags ?? []).join(', '),
  ]
    .filter(Boolean)
    .join(' · ');
  // alwaysShow: our own matcher decided; VS Code must not filter the items again (it would
  // hide matches on the id, on a number typed with spaces, or on a tag).
  return { label: literal(simLabel(sim)), description: literal(String(sim.msisdn ?? '')), detail: literal(detail), sim, alwaysShow: true };
}

/** True when the loaded list is not the whole fleet (a filter, or a load still running). */
function searchesPart(model: FleetModel): boolean {
  return isFilterActive(model.options.filter) || model.status.kind === 'loading';
}

function itemsFor(model: FleetModel, value: string): FindPick[] {
  const text = value.trim();
  if (text === '') return [];
  const picks = model.findSims(text, MAX_ITEMS).map(simPick);
  const lookup: FindPick = {
    label: vscode.l10n.t('$(cloud) Look up "{0}" in Telnyx', literal(text)),
    detail: vscode.l10n.t('Searches the whole account by ICCID, MSISDN or SIM id and opens the details'),
    lookup: text,
    alwaysShow: true,
  };
  if (picks.length === 0) {
    const none: FindPick = { label: vscode.l10n.t('No loaded SIM card matches "{0}"', literal(text)), alwaysShow: true };
    return [none, lookup];
  }
  return searchesPart(model) ? [...picks, lookup] : picks;
}

function scopeTitle(model: FleetModel): string {
  const n = formatCount(model.size);
  if (isFilterActive(model.options.filter)) return vscode.l10n.t('Find SIM Card (searching the {0} SIM cards the filter shows)', n);
  if (model.status.kind === 'loading') return vscode.l10n.t('Find SIM Card (searching the {0} SIM cards loaded so far)', n);
  return vscode.l10n.t('Find SIM Card (searching {0} SIM cards)', n);
}

/** What Enter chose: the accepted item when it still belongs to the current text, else the best match now. */
function chosen(
  model: FleetModel,
  value: string,
  accepted: FindPick | undefined,
  shown: readonly FindPick[],
  shownFor: string,
): FindPick | undefined {
  if (accepted && shownFor === value && shown.includes(accepted)) return accepted;
  // The items lag behind the typing (or a paste): search again, synchronously, on what is typed now.
  const fresh = itemsFor(model, value);
  if (accepted?.sim && fresh.some((p) => p.sim?.id === accepted.sim?.id)) return accepted;
  return fresh.find((p) => p.sim) ?? fresh.find((p) => p.lookup !== undefined);
}

/** Looks a SIM up through the API: a SIM id, else an exact ICCID, else an MSISDN. */
async function lookUp(ctx: CommandContext, text: string): Promise<SimCard | undefined> {
  const client = await ctx.clients.get();
  if (!client) return undefined;
  const t = text.trim();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) {
    try {
      return await client.getSimCard(t);
    } catch {
      return undefined;
    }
  }
  const digits = t.replace(/[\s().-]/g, '');
  if (/^\d{15,22}$/.test(digits)) {
    const page = await client.listSimCards({ iccid: digits, pageSize: 2 });
    const exact = page.data.find((s) => s.iccid === digits) ?? (page.data.length === 1 ? page.data[0] : undefined);
    if (exact) return exact;
  }
  if (/^\+?\d{6,15}$/.test(digits)) {
    const msisdn = digits.startsWith('+') ? digits : `+${digits}`;
    const page = await client.listSimCards({ msisdn, pageSize: 2 });
    if (page.data.length === 1) return page.data[0];
  }
  return undefined;
}

/** Reveals a loaded SIM, or looks the text up through the API and opens the SIM's details. */
export async function findAndShow(ctx: CommandContext, text: string, pick?: FindPick): Promise<FindResult> {
  const model = ctx.fleet.model;
  const sim = pick?.sim ?? (pick?.lookup === undefined ? model.findSims(text, 1)[0] : undefined);
  if (sim && (await ctx.view.revealSim(sim.id))) return { kind: 'revealed', simId: sim.id };
  const found = await lookUp(ctx, text);
  if (!found) {
    const message = vscode.l10n.t('No SIM card in this Telnyx account matches "{0}".', literal(text.trim()));
    vscode.window.showInformationMessage(message).then(undefined, () => undefined);
    return { kind: 'none' };
  }
  if (await ctx.view.revealSim(found.id)) return { kind: 'revealed', simId: found.id };
  await ctx.panels.show(found);
  return { kind: 'opened', simId: found.id };
}

/** Find SIM: each keystroke searches the loaded SIMs; what is not loaded is looked up through the API. */
export async function findSim(ctx: CommandContext): Promise<void> {
  const model = ctx.fleet.model;
  const qp = vscode.window.createQuickPick<FindPick>();
  qp.title = scopeTitle(model);
  qp.placeholder = vscode.l10n.t('Type an ICCID, MSISDN, IMSI, SIM id or tag');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  let shownFor = '';
  const accepted = new Promise<{ value: string; pick: FindPick | undefined } | undefined>((resolve) => {
    qp.onDidChangeValue((value) => {
      qp.items = itemsFor(model, value);
      shownFor = value;
    });
    qp.onDidAccept(() => {
      const value = qp.value;
      const pick = chosen(model, value, qp.selectedItems[0] ?? qp.activeItems[0], qp.items, shownFor);
      if (!pick || (!pick.sim && pick.lookup === undefined)) return; // the "no match" line: keep typing
      resolve({ value, pick });
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
  });
  qp.show();
  const result = await accepted;
  if (result) await findAndShow(ctx, result.value, result.pick);
}
