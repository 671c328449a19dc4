// Every question the SIM actions ask, behind one interface: the commands call these, and
// integration tests (ExtensionMode.Test only) replace them with scripted answers.
import * as vscode from 'vscode';
import { groupLabel } from '../../fleet';
import type { BulkPlan } from '../../fleet/bulkPlan';
import type { TagEdit } from '../../telnyx/bulk';
import type { SimCardGroup } from '../../telnyx/types';
import { literal } from '../../util/quickPickText';
import { dataAmountProblem, parseDataAmount, parseTags, tagsProblem } from './validate';

export type SummaryChoice = 'showResults' | 'retryFailed';
export type DataLimitAnswer = { amount: string; unit: 'MB' | 'GB' } | null;

export interface Prompts {
  /** The modal preview; true only when the primary button was chosen. */
  confirm(plan: BulkPlan): Promise<boolean>;
  /** The results notification with its buttons. */
  summary(text: string, choices: readonly SummaryChoice[], failed: boolean): Promise<SummaryChoice | undefined>;
  tagEdit(knownTags: readonly string[]): Promise<TagEdit | undefined>;
  group(groups: readonly SimCardGroup[]): Promise<SimCardGroup | undefined>;
  dataLimit(): Promise<DataLimitAnswer | undefined>;
}

const BACK = Symbol('back');

export function summaryButton(choice: SummaryChoice): string {
  return choice === 'showResults' ? vscode.l10n.t('Show Results') : vscode.l10n.t('Retry Failed');
}

interface ModeItem extends vscode.QuickPickItem {
  mode: TagEdit['mode'];
}

function pickTagMode(): Promise<TagEdit['mode'] | undefined> {
  const items: ModeItem[] = [
    { mode: 'add', label: vscode.l10n.t('Add tags'), detail: vscode.l10n.t('Keep each SIM card’s tags and add the chosen ones') },
    { mode: 'remove', label: vscode.l10n.t('Remove tags'), detail: vscode.l10n.t('Remove the chosen tags where a SIM card has them') },
    { mode: 'replace', label: vscode.l10n.t('Replace tags'), detail: vscode.l10n.t('Each SIM card gets exactly the chosen tags') },
  ];
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<ModeItem>();
    qp.title = vscode.l10n.t('Edit Tags (1/2)');
    qp.placeholder = vscode.l10n.t('How should the tags change?');
    qp.items = items;
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.mode);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** Known tags to tick, plus new ones typed in the filter box (comma-separated). */
function pickTags(mode: TagEdit['mode'], known: readonly string[]): Promise<string[] | typeof BACK | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { tag: string }>();
    qp.placeholder =
      mode === 'remove' ? vscode.l10n.t('Choose the tags to remove') : vscode.l10n.t('Choose tags, or type new ones separated by commas');
    qp.canSelectMany = true;
    qp.buttons = [vscode.QuickInputButtons.Back];
    qp.title = vscode.l10n.t('Edit Tags (2/2)');
    const base = known.map((t) => ({ label: literal(t), tag: t }));
    qp.items = base;
    const title = vscode.l10n.t('Edit Tags (2/2)');
    // QuickPick has no validation message in the stable API: the title says what is wrong.
    let problem: string | undefined;
    qp.onDidChangeValue((value) => {
      const typed = mode === 'remove' ? [] : parseTags(value).filter((t) => !known.includes(t));
      problem = tagsProblem(value);
      qp.title = problem ? `${title}: ${problem}` : title;
      const picked = qp.selectedItems;
      qp.items = [...typed.map((t) => ({ label: literal(t), description: vscode.l10n.t('new tag'), tag: t, alwaysShow: true })), ...base];
      qp.selectedItems = qp.items.filter((i) => picked.some((p) => p.tag === i.tag));
    });
    qp.onDidTriggerButton(() => {
      resolve(BACK);
      qp.hide();
    });
    qp.onDidAccept(() => {
      if (problem) return;
      const chosen = qp.selectedItems.map((i) => i.tag);
      const typed = mode === 'remove' ? [] : parseTags(qp.value);
      const tags = [...new Set([...chosen, ...typed])];
      // "Replace with nothing" clears every tag: allowed, but never by accident.
      if (tags.length === 0 && mode !== 'replace') return;
      resolve(tags);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

interface GroupItem extends vscode.QuickPickItem {
  group: SimCardGroup;
}

async function pickGroup(groups: readonly SimCardGroup[]): Promise<SimCardGroup | undefined> {
  const items: GroupItem[] = [...groups]
    .sort((a, b) => groupLabel(a.id, a).localeCompare(groupLabel(b.id, b)))
    .map((g) => ({
      label: literal(groupLabel(g.id, g)),
      description: g.default ? vscode.l10n.t('default') : '',
      detail: literal(g.id),
      group: g,
    }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Move to SIM Card Group'),
    placeHolder: vscode.l10n.t('Moving an active SIM card to another group can briefly interrupt its connectivity'),
    matchOnDetail: true,
  });
  return pick?.group;
}

async function askDataLimit(): Promise<DataLimitAnswer | undefined> {
  type UnitItem = vscode.QuickPickItem & { unit: 'MB' | 'GB' | 'remove' };
  const choice = await vscode.window.showQuickPick<UnitItem>(
    [
      { label: vscode.l10n.t('Set a limit in MB'), unit: 'MB' },
      { label: vscode.l10n.t('Set a limit in GB'), unit: 'GB' },
      {
        label: vscode.l10n.t('Remove the SIM card’s own limit'),
        detail: vscode.l10n.t('The SIM card group’s limit applies again'),
        unit: 'remove',
      },
    ],
    { title: vscode.l10n.t('Set Data Limit'), placeHolder: vscode.l10n.t('Choose the unit, or remove the limit') },
  );
  if (!choice) return undefined;
  if (choice.unit === 'remove') return null;
  const unit = choice.unit;
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set Data Limit ({0})', unit),
    prompt: vscode.l10n.t('Monthly data limit per SIM card, in {0}', unit),
    validateInput: (v) => dataAmountProblem(v, unit),
  });
  const amount = text === undefined ? undefined : parseDataAmount(text);
  return amount === undefined ? undefined : { amount, unit };
}

/** The real dialogs and pickers. */
export const vscodePrompts: Prompts = {
  async confirm(plan) {
    const answer = await vscode.window.showWarningMessage(plan.title, { modal: true, detail: plan.detail.join('\n') }, plan.primaryButton);
    return answer === plan.primaryButton;
  },
  async summary(text, choices, failed) {
    const buttons = choices.map(summaryButton);
    const show = failed ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    const answer = await show(text, ...buttons);
    return choices.find((c) => summaryButton(c) === answer);
  },
  async tagEdit(knownTags) {
    for (;;) {
      const mode = await pickTagMode();
      if (!mode) return undefined;
      const tags = await pickTags(mode, knownTags);
      if (tags === BACK) continue;
      return tags ? { mode, tags } : undefined;
    }
  },
  group: pickGroup,
  dataLimit: askDataLimit,
};
