// Tree row text and hover tooltip of a SIM. The tooltip is Markdown source for a
// MarkdownString; every value from the API goes through escapeMarkdown.
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { formatTimestamp } from './dates';
import { groupName, simGroupId } from './groups';
import { escapeMarkdown } from './markdown';
import { simStatus, simStatusReason, statusLabel } from './status';
import { simTags } from './tags';
import { formatNumber, shortId } from './text';
import { plainText } from '../telnyx/plainText';
import { formatDataAmount } from './dataAmount';
import { simUsage, usageDescription } from './usage';

/** Tree item label: the ICCID, or the id when there is no ICCID (inert: no links or icons). */
export function simLabel(sim: SimCard): string {
  return plainText(sim.iccid, 200) || plainText(sim.id, 200) || '(no id)';
}

/** Tree item description: "MSISDN · usage", skipping what is missing. */
export function simDescription(sim: SimCard, group?: SimCardGroup | null): string {
  return [plainText(sim.msisdn, 40), usageDescription(sim, group)].filter((p) => p !== '').join(' · ');
}

function typeLabel(type: unknown): string | undefined {
  if (typeof type !== 'string' || type.trim() === '') return undefined;
  const t = type.trim().toLowerCase();
  return t === 'physical' ? 'Physical' : t === 'esim' ? 'eSIM' : type;
}

/**
 * Markdown source for the SIM's tooltip: one "**Field:** value" line per known field
 * (hard line breaks), with all API strings escaped so they render as plain text.
 */
export function simTooltipMarkdown(sim: SimCard, group?: SimCardGroup | null): string {
  const lines: string[] = [];
  // `value` is already-escaped Markdown; labels are our own constants.
  const row = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`**${label}:** ${value}`);
  };
  const esc = (v: unknown): string | undefined => {
    const s = escapeMarkdown(v);
    return s === '' ? undefined : s;
  };

  row('ICCID', esc(sim.iccid));
  row('IMSI', esc(sim.imsi));
  row('MSISDN', esc(sim.msisdn));
  const reason = simStatusReason(sim);
  const status = escapeMarkdown(statusLabel(simStatus(sim)));
  row('Status', reason ? `${status} — ${escapeMarkdown(reason)}` : status);
  row('Type', esc(typeLabel(sim.type)));
  const tags = simTags(sim).map((t) => escapeMarkdown(t, 60)).filter((t) => t !== '');
  row('Tags', tags.length > 0 ? tags.join(', ') : undefined);

  const groupId = simGroupId(sim);
  const g = group ?? (sim.sim_card_group?.id === groupId ? sim.sim_card_group : undefined) ?? undefined;
  if (groupId !== undefined) {
    row('SIM card group', escapeMarkdown(groupName(g) ?? `Unknown group (${shortId(groupId)})`));
  }

  const u = simUsage(sim, g);
  if (u.usedBytes !== undefined) row('Data used this period', escapeMarkdown(formatDataAmount(u.usedBytes)));
  if (u.limitBytes !== undefined) {
    const source = u.limitSource === 'sim' ? 'set on the SIM' : 'from its SIM card group';
    row('Data limit', `${escapeMarkdown(formatDataAmount(u.limitBytes))} \\(${source}\\)`);
  } else {
    row('Data limit', 'none');
  }
  if (u.percent !== undefined) {
    const pct = escapeMarkdown(`${formatNumber(u.percent, 1)}%`);
    row('Usage', u.overLimit ? `${pct} — over the limit` : pct);
  }

  row('Created', esc(formatTimestamp(sim.created_at)));
  row('Updated', esc(formatTimestamp(sim.updated_at)));
  row('SIM ID', esc(sim.id));
  // Two trailing spaces make a hard line break between the rows.
  return lines.join('  \n');
}
