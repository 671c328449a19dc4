import * as vscode from 'vscode';
import { FILTERABLE_STATUSES } from '../telnyx/types';
import { statusLabel, type SimFilter } from '../fleet';
import type { CommandContext } from './context';
import { literal } from '../util/quickPickText';

const title = (step: number): string => vscode.l10n.t('Filter SIM Cards ({0}/{1})', step, STEPS);
const STEPS = 5;

interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

/** All SIM tags currently known, for suggestions (filters still go to the API). */
function knownTags(ctx: CommandContext): string[] {
  const tags = new Set<string>();
  for (const sim of ctx.fleet.model.sims()) for (const t of sim.tags ?? []) if (typeof t === 'string') tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

async function pickMany<T>(step: number, placeholder: string, items: Pick<T>[]): Promise<T[] | undefined> {
  const qp = vscode.window.createQuickPick<Pick<T>>();
  qp.title = title(step);
  qp.placeholder = placeholder;
  qp.canSelectMany = true;
  qp.items = items;
  qp.selectedItems = items.filter((i) => i.picked);
  qp.ignoreFocusOut = true;
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems.map((i) => i.value));
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

function input(step: number, prompt: string, value: string | undefined, placeHolder: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: title(step),
    prompt,
    value: value ?? '',
    placeHolder,
    ignoreFocusOut: true,
  });
}

/**
 * A multi-step filter: status, tags (all of), ICCID contains, MSISDN, SIM card group.
 * Escape at any step leaves the current filter untouched.
 */
export async function filterSims(ctx: CommandContext): Promise<void> {
  const current = ctx.fleet.model.options.filter;
  const status = await pickMany(
    1,
    vscode.l10n.t('Only SIM cards with any of these statuses (none selected: all statuses)'),
    FILTERABLE_STATUSES.map((s) => ({ label: statusLabel(s), description: s, value: s, picked: current.status?.includes(s) === true })),
  );
  if (status === undefined) return;

  const tagItems = [...new Set([...knownTags(ctx), ...(current.tags ?? [])])].map((t) => ({
    label: literal(t),
    value: t,
    picked: current.tags?.includes(t) === true,
  }));
  const tags = await pickMany(2, vscode.l10n.t('Only SIM cards carrying ALL of these tags (none selected: any tags)'), tagItems);
  if (tags === undefined) return;

  const iccid = await input(3, vscode.l10n.t('ICCID contains (leave empty for any)'), current.iccid, 'e.g. 8931');
  if (iccid === undefined) return;
  const msisdn = await input(4, vscode.l10n.t('MSISDN (leave empty for any)'), current.msisdn, 'e.g. +13109976224');
  if (msisdn === undefined) return;

  const groups = [...ctx.fleet.model.groupsById.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  const groupItems: Pick<string | undefined>[] = [
    { label: vscode.l10n.t('$(circle-slash) Any group'), value: undefined },
    ...groups.map((g) => ({
      label: literal(g.name || g.id),
      description: g.id,
      value: g.id,
      picked: g.id === current.simCardGroupId,
    })),
  ];
  const qp = await vscode.window.showQuickPick(groupItems, {
    title: title(5),
    placeHolder: vscode.l10n.t('Only SIM cards in this SIM card group'),
    ignoreFocusOut: true,
  });
  if (qp === undefined) return;

  const filter: SimFilter = { status, tags, iccid, msisdn };
  await ctx.fleet.setOptions({ filter: qp.value === undefined ? filter : { ...filter, simCardGroupId: qp.value } });
}
