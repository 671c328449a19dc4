// A SIM's hover tooltip: Markdown source for a MarkdownString, every value from the API
// through escapeMarkdown. Its own module: read when a row is first hovered.
import * as l10n from '@vscode/l10n';
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { formatTimestamp } from './dates';
import { knownTypeLabel } from './bucketNames';
import { groupLabel, simGroupId } from './groups';
import { escapeMarkdown } from './markdown';
import { simStatus, simStatusReason, statusLabel } from './status';
import { simTags } from './tags';
import { formatNumber } from './text';
import { formatDataAmount } from './dataAmount';
import { simUsage } from './usage';

function typeLabel(type: unknown): string | undefined {
  if (typeof type !== 'string' || type.trim() === '') return undefined;
  const t = type.trim().toLowerCase();
  return knownTypeLabel(t) ?? type;
}

/**
 * Markdown source for the SIM's tooltip: one "**Field:** value" line per known field
 * (hard line breaks), with all API strings escaped so they render as plain text.
 */
export function simTooltipMarkdown(sim: SimCard, group?: SimCardGroup | null): string {
  const lines: string[] = [];
  // `value` is already-escaped Markdown; labels are ours, escaped too so a translation stays plain text.
  const row = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`**${escapeMarkdown(label)}:** ${value}`);
  };
  const esc = (v: unknown): string | undefined => {
    const s = escapeMarkdown(v);
    return s === '' ? undefined : s;
  };

  row(l10n.t('ICCID'), esc(sim.iccid));
  row(l10n.t('IMSI'), esc(sim.imsi));
  row(l10n.t('MSISDN'), esc(sim.msisdn));
  const reason = simStatusReason(sim);
  const status = escapeMarkdown(statusLabel(simStatus(sim)));
  row(l10n.t('Status'), reason ? `${status} — ${escapeMarkdown(reason)}` : status);
  row(l10n.t('Type'), esc(typeLabel(sim.type)));
  const tags = simTags(sim)
    .map((t) => escapeMarkdown(t, 60))
    .filter((t) => t !== '');
  row(l10n.t('Tags'), tags.length > 0 ? tags.join(', ') : undefined);

  const groupId = simGroupId(sim);
  const g = group ?? (sim.sim_card_group?.id === groupId ? sim.sim_card_group : undefined) ?? undefined;
  if (groupId !== undefined) {
    row(l10n.t('SIM card group'), escapeMarkdown(groupLabel(groupId, g)));
  }

  const u = simUsage(sim, g);
  if (u.usedBytes !== undefined) row(l10n.t('Data used this period'), escapeMarkdown(formatDataAmount(u.usedBytes)));
  if (u.limitBytes !== undefined) {
    const amount = formatDataAmount(u.limitBytes);
    const text = u.limitSource === 'sim' ? l10n.t('{0} (set on the SIM)', amount) : l10n.t('{0} (from its SIM card group)', amount);
    row(l10n.t('Data limit'), escapeMarkdown(text));
  } else {
    row(l10n.t('Data limit'), escapeMarkdown(l10n.t('none')));
  }
  if (u.percent !== undefined) {
    const pct = `${formatNumber(u.percent, 1)}%`;
    row(l10n.t('Usage'), escapeMarkdown(u.overLimit ? l10n.t('{0} — over the limit', pct) : pct));
  }

  row(l10n.t('Created'), esc(formatTimestamp(sim.created_at)));
  row(l10n.t('Updated'), esc(formatTimestamp(sim.updated_at)));
  row(l10n.t('SIM ID'), esc(sim.id));
  // Two trailing spaces make a hard line break between the rows.
  return lines.join('  \n');
}
