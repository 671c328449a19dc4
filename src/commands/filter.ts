import * as vscode from 'vscode';
import { FILTERABLE_STATUSES } from '../telnyx/types';
import { statusLabel, type SimFilter } from '../fleet';
import {
  iccidInputProblem,
  iccidInputValue,
  msisdnInputProblem,
  msisdnInputValue,
  noGroupNote,
  statusStepNote,
} from '../fleet/filterInput';
import type { CommandContext } from './context';
import { literal } from '../util/quickPickText';
import { inputText, pickMany, pickOne, runSteps, type Answer, type PickItem, type Step } from '../util/multiStepInput';

/** All SIM tags currently known, for suggestions (filters still go to the API). */
function knownTags(ctx: CommandContext): string[] {
  const tags = new Set<string>();
  for (const sim of ctx.fleet.model.sims()) for (const t of sim.tags ?? []) if (typeof t === 'string') tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/** The wizard's answers so far; starts as the current filter so every step opens pre-filled. */
interface FilterDraft {
  status: string[];
  tags: string[];
  iccid: string;
  msisdn: string;
  simCardGroupId: string | undefined;
}

/** Stores the value of an answer; the step result for the wizard. */
function keep<T>(answer: Answer<T>, store: (value: T) => void): 'next' | 'back' | 'cancel' {
  if (answer.kind !== 'value') return answer.kind;
  store(answer.value);
  return 'next';
}

function statusStep(draft: FilterDraft): Step {
  // Statuses the API cannot filter stay offered only when an older filter still names them.
  const offered = [...new Set<string>([...FILTERABLE_STATUSES, ...draft.status])];
  const items: PickItem<string>[] = [
    // A separator cannot be selected; its label shows beside the first row (the only place in a
    // quick pick with room for a sentence: the placeholder is cut at about 70 characters).
    { label: statusStepNote(), kind: vscode.QuickPickItemKind.Separator, value: '' },
    ...offered.map((s) => ({ label: statusLabel(s), value: s })),
  ];
  return async (f) =>
    keep(
      await pickMany(f, {
        placeholder: vscode.l10n.t('Statuses to show (none selected: all)'),
        items,
        isSelected: (i) => draft.status.includes(i.value),
      }),
      (v) => (draft.status = v),
    );
}

function tagsStep(ctx: CommandContext, draft: FilterDraft): Step {
  return async (f) => {
    const items: PickItem<string>[] = [...new Set([...knownTags(ctx), ...draft.tags])].map((t) => ({ label: literal(t), value: t }));
    return keep(
      await pickMany(f, {
        placeholder: vscode.l10n.t('Only SIM cards carrying ALL of these tags (none selected: any tags)'),
        items,
        isSelected: (i) => draft.tags.includes(i.value),
      }),
      (v) => (draft.tags = v),
    );
  };
}

function iccidStep(draft: FilterDraft): Step {
  return async (f) =>
    keep(
      await inputText(f, {
        prompt: vscode.l10n.t('ICCID contains these digits (leave empty for any)'),
        placeholder: vscode.l10n.t('e.g. {0}', '8931'),
        value: draft.iccid,
        problem: iccidInputProblem,
      }),
      (v) => (draft.iccid = iccidInputValue(v)),
    );
}

function msisdnStep(draft: FilterDraft): Step {
  return async (f) =>
    keep(
      await inputText(f, {
        prompt: vscode.l10n.t(
          'MSISDN: the exact number in E.164 form, + and country code (leave empty for any). Find SIM matches parts of numbers.',
        ),
        placeholder: vscode.l10n.t('e.g. {0}', '+13109976224'),
        value: draft.msisdn,
        problem: msisdnInputProblem,
      }),
      (v) => (draft.msisdn = msisdnInputValue(v)),
    );
}

function groupStep(ctx: CommandContext, draft: FilterDraft): Step {
  return async (f) => {
    const groups = [...ctx.fleet.model.groupsById.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
    const any: PickItem<string | undefined> = {
      label: vscode.l10n.t('$(circle-slash) Any group'),
      detail: noGroupNote(),
      value: undefined,
    };
    const items: PickItem<string | undefined>[] = [
      any,
      ...groups.map((g) => ({ label: literal(g.name || g.id), description: g.id, value: g.id })),
    ];
    // A group that is not loaded (deleted, or the list failed) stays choosable so Enter keeps it.
    if (draft.simCardGroupId !== undefined && !groups.some((g) => g.id === draft.simCardGroupId)) {
      items.push({ label: vscode.l10n.t('Unknown group'), description: draft.simCardGroupId, value: draft.simCardGroupId });
    }
    const active = items.find((i) => i.value === draft.simCardGroupId) ?? any;
    return keep(
      await pickOne(f, { placeholder: vscode.l10n.t('Only SIM cards in this SIM card group'), items, active }),
      (v) => (draft.simCardGroupId = v),
    );
  };
}

/**
 * Status, tags (all of), ICCID contains, exact MSISDN, SIM card group: five steps with Back,
 * each opening on the current value, so Enter through all of them keeps the filter.
 * Escape at any step leaves the current filter untouched.
 */
export async function filterSims(ctx: CommandContext): Promise<void> {
  const current = ctx.fleet.model.options.filter;
  const draft: FilterDraft = {
    status: [...(current.status ?? [])],
    tags: [...(current.tags ?? [])],
    iccid: current.iccid ?? '',
    msisdn: current.msisdn ?? '',
    simCardGroupId: current.simCardGroupId,
  };
  const accepted = await runSteps(vscode.l10n.t('Filter SIM Cards'), [
    statusStep(draft),
    tagsStep(ctx, draft),
    iccidStep(draft),
    msisdnStep(draft),
    groupStep(ctx, draft),
  ]);
  if (!accepted) return;
  const filter: SimFilter = { status: draft.status, tags: draft.tags, iccid: draft.iccid, msisdn: draft.msisdn };
  await ctx.fleet.setOptions({ filter: draft.simCardGroupId === undefined ? filter : { ...filter, simCardGroupId: draft.simCardGroupId } });
}
