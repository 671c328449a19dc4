// The preview of a bulk change: which SIMs (as loaded) will change, which are skipped and
// why, the estimated change in monthly SIM fees, the confirmation dialog's text, and the
// results summary and report. Pure: the commands turn this into a modal and a document.
import * as l10n from '@vscode/l10n';
import { nextTags, type BulkOutcome, type SimAction, type TagEdit } from '../telnyx/bulk';
import type { SimCard, SimCardPatch } from '../telnyx/types';
import { simStatus } from './status';

export type BulkChange =
  | { kind: 'enable' }
  | { kind: 'disable' }
  | { kind: 'standby' }
  | { kind: 'tags'; edit: TagEdit }
  | { kind: 'group'; groupId: string; groupName?: string }
  | { kind: 'dataLimit'; limit: { amount: string; unit: 'MB' | 'GB' } | null };

/** Telnyx list prices per SIM per month (USD); a setting may override them. */
export interface FeeRates {
  active: number;
  inactive: number;
}
export const DEFAULT_FEE_RATES: FeeRates = { active: 2.0, inactive: 0.2 };

export type SkipReason = 'alreadyInState' | 'needsGroup' | 'inProgress' | 'noChange';

export interface PlannedSim {
  sim: SimCard;
  /** Body for the PATCH edits; undefined for the status actions. */
  patch?: SimCardPatch;
}

export interface SkippedSim {
  sim: SimCard;
  reason: SkipReason;
  text: string;
}

export interface BulkPlan {
  change: BulkChange;
  /** The engine's action for enable/disable/standby. */
  action?: SimAction;
  willChange: PlannedSim[];
  skipped: SkippedSim[];
  /** Estimated change in monthly SIM fees (USD, negative = saving); 0 for edits. */
  monthlyFeeDelta: number;
  title: string;
  detail: string[];
  primaryButton: string;
}

const ACTIVE = new Set(['enabled', 'enabling', 'registering', 'data_limit_exceeded', 'unauthorized_imei']);
const TRANSITIONAL = new Set(['enabling', 'disabling', 'setting_standby', 'registering']);
const TARGET: Record<'enable' | 'disable' | 'standby', { action: SimAction; end: string }> = {
  enable: { action: 'enable', end: 'enabled' },
  disable: { action: 'disable', end: 'disabled' },
  standby: { action: 'set_standby', end: 'standby' },
};

/** Monthly fee of a SIM in a status: active (enabled or registered) or not (disabled, standby). */
export function monthlyFee(status: string, rates: FeeRates = DEFAULT_FEE_RATES): number {
  return ACTIVE.has(status) ? rates.active : rates.inactive;
}

function skipText(reason: SkipReason, change: BulkChange): string {
  switch (reason) {
    case 'alreadyInState':
      return change.kind === 'enable'
        ? l10n.t('Already enabled')
        : change.kind === 'disable'
          ? l10n.t('Already disabled')
          : l10n.t('Already on standby');
    case 'needsGroup':
      return change.kind === 'enable'
        ? l10n.t('Not in a SIM card group (needed to enable)')
        : l10n.t('Not in a SIM card group (needed for standby)');
    case 'inProgress':
      return l10n.t('An action is already in progress');
    case 'noChange':
      return l10n.t('Nothing to change');
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function planOne(sim: SimCard, change: BulkChange): PlannedSim | SkipReason {
  const status = simStatus(sim);
  switch (change.kind) {
    case 'enable':
    case 'disable':
    case 'standby': {
      if (sim.actions_in_progress === true || TRANSITIONAL.has(status)) return 'inProgress';
      if (status === TARGET[change.kind].end) return 'alreadyInState';
      if (change.kind !== 'disable' && !sim.sim_card_group_id) return 'needsGroup';
      return { sim };
    }
    case 'tags': {
      const tags = nextTags(sim.tags, change.edit);
      return sameList(tags, sim.tags ?? []) ? 'noChange' : { sim, patch: { tags } };
    }
    case 'group':
      return sim.sim_card_group_id === change.groupId ? 'noChange' : { sim, patch: { sim_card_group_id: change.groupId } };
    case 'dataLimit': {
      const have = sim.data_limit;
      const hasOwn = have?.amount !== undefined && have.amount !== null && have.amount !== '';
      const want = change.limit;
      const same = want === null ? !hasOwn : hasOwn && Number(have?.amount) === Number(want.amount) && have?.unit === want.unit;
      return same ? 'noChange' : { sim, patch: { data_limit: want } };
    }
  }
}

function money(n: number): string {
  const abs = Math.abs(n).toFixed(2);
  return n < 0 ? `-$${abs}` : `+$${abs}`;
}

function verbs(change: BulkChange, n: number): { title: string; button: string } {
  switch (change.kind) {
    case 'enable':
      return n === 1
        ? { title: l10n.t('Enable 1 SIM card?'), button: l10n.t('Enable 1 SIM Card') }
        : { title: l10n.t('Enable {0} SIM cards?', n), button: l10n.t('Enable {0} SIM Cards', n) };
    case 'disable':
      return n === 1
        ? { title: l10n.t('Disable 1 SIM card?'), button: l10n.t('Disable 1 SIM Card') }
        : { title: l10n.t('Disable {0} SIM cards?', n), button: l10n.t('Disable {0} SIM Cards', n) };
    case 'standby':
      return n === 1
        ? { title: l10n.t('Set 1 SIM card to standby?'), button: l10n.t('Set 1 SIM Card to Standby') }
        : { title: l10n.t('Set {0} SIM cards to standby?', n), button: l10n.t('Set {0} SIM Cards to Standby', n) };
    case 'tags':
      return { title: l10n.t('Edit the tags of {0} SIM cards?', n), button: l10n.t('Edit Tags of {0} SIM Cards', n) };
    case 'group':
      return { title: l10n.t('Move {0} SIM cards to another group?', n), button: l10n.t('Move {0} SIM Cards', n) };
    case 'dataLimit':
      return { title: l10n.t('Change the data limit of {0} SIM cards?', n), button: l10n.t('Set Data Limit on {0} SIM Cards', n) };
  }
}

/** The preview of `change` over `sims` as loaded; a run must act on `willChange` only. */
export function planBulk(change: BulkChange, sims: readonly SimCard[], rates: FeeRates = DEFAULT_FEE_RATES): BulkPlan {
  const willChange: PlannedSim[] = [];
  const skipped: SkippedSim[] = [];
  const seen = new Set<string>();
  for (const sim of sims) {
    if (seen.has(sim.id)) continue;
    seen.add(sim.id);
    const p = planOne(sim, change);
    if (typeof p === 'string') skipped.push({ sim, reason: p, text: skipText(p, change) });
    else willChange.push(p);
  }
  let monthlyFeeDelta = 0;
  if (change.kind === 'enable' || change.kind === 'disable' || change.kind === 'standby') {
    const end = TARGET[change.kind].end;
    for (const p of willChange) monthlyFeeDelta += monthlyFee(end, rates) - monthlyFee(simStatus(p.sim), rates);
  }
  monthlyFeeDelta = Math.round(monthlyFeeDelta * 100) / 100;

  const n = willChange.length;
  const v = verbs(change, n);
  const detail: string[] = [n === 1 ? l10n.t('1 SIM card will change.') : l10n.t('{0} SIM cards will change.', n)];
  if (skipped.length > 0) {
    detail.push(skipped.length === 1 ? l10n.t('1 will be skipped:') : l10n.t('{0} will be skipped:', skipped.length));
    const counts = new Map<string, number>();
    for (const s of skipped) counts.set(s.text, (counts.get(s.text) ?? 0) + 1);
    for (const [text, count] of counts) detail.push(l10n.t('  {0}: {1}', text, count));
  }
  if (change.kind === 'group') {
    detail.push(l10n.t('Moving an active SIM card to another group can briefly interrupt its connectivity.'));
  }
  if (change.kind === 'enable' || change.kind === 'disable' || change.kind === 'standby') {
    detail.push(
      monthlyFeeDelta === 0
        ? l10n.t('Estimated monthly SIM fees: no change.')
        : l10n.t(
            'Estimated monthly SIM fees: {0} per month (list prices: ${1} active, ${2} disabled or standby).',
            money(monthlyFeeDelta),
            rates.active.toFixed(2),
            rates.inactive.toFixed(2),
          ),
    );
  }
  return {
    change,
    ...(change.kind === 'enable' || change.kind === 'disable' || change.kind === 'standby' ? { action: TARGET[change.kind].action } : {}),
    willChange,
    skipped,
    monthlyFeeDelta,
    title: v.title,
    detail,
    primaryButton: v.button,
  };
}

// --- results -----------------------------------------------------------------------------

const updatedWord = (n: number): string => l10n.t('{0} updated', n);

/** "34 disabled": what the run did to the SIMs it changed. */
const DONE_WORDS: Readonly<Record<BulkChange['kind'], (n: number) => string>> = {
  enable: (n) => l10n.t('{0} enabled', n),
  disable: (n) => l10n.t('{0} disabled', n),
  standby: (n) => l10n.t('{0} set to standby', n),
  tags: updatedWord,
  group: updatedWord,
  dataLimit: updatedWord,
};

/** "34 disabled, 2 skipped, 1 failed": plan skips and run outcomes together. */
export function resultsSummary(plan: BulkPlan, outcomes: readonly BulkOutcome[]): string {
  const changed = outcomes.filter((o) => o.outcome === 'changed').length;
  const skipped = plan.skipped.length + outcomes.filter((o) => o.outcome === 'skipped').length;
  const failed = outcomes.filter((o) => o.outcome === 'failed').length;
  const parts = [DONE_WORDS[plan.change.kind](changed), l10n.t('{0} skipped', skipped), l10n.t('{0} failed', failed)];
  return parts.join(', ');
}

/** A plain-text report: every SIM (plan skips included) with its outcome and reason. */
export function resultsReport(plan: BulkPlan, outcomes: readonly BulkOutcome[]): string {
  const byId = new Map<string, SimCard>();
  for (const p of plan.willChange) byId.set(p.sim.id, p.sim);
  const label = (id: string, sim: SimCard | undefined): string => `${sim?.iccid ?? '-'} (${id})`;
  // Untrusted reasons: one line each, no control characters.
  const clean = (s: string): string => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const lines = [plan.title.replace(/\?$/, ''), resultsSummary(plan, outcomes), ''];
  const word: Record<BulkOutcome['outcome'], string> = { changed: l10n.t('changed'), skipped: l10n.t('skipped'), failed: l10n.t('failed') };
  for (const o of outcomes) lines.push(`${label(o.simId, byId.get(o.simId))}  ${word[o.outcome]}  ${clean(o.reason)}`);
  for (const s of plan.skipped) lines.push(`${label(s.sim.id, s.sim)}  ${word.skipped}  ${s.text}`);
  return lines.join('\n') + '\n';
}
