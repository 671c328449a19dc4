// The description of a SIM row: what sets the SIMs apart in the current sort comes first,
// so "Recently updated" and "Usage of limit" show the value the list is ordered by.
// Server text in a row is inert (telnyx/plainText): no link, URL, command or icon syntax.
import * as l10n from '@vscode/l10n';
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { formatUsage } from './dataAmount';
import { groupForSim } from './groups';
import type { SortKey } from './sorting';
import { plainText } from '../telnyx/plainText';
import { formatNumber, nonEmpty } from './text';
import { simUsage } from './usage';

/** "2025-05-30 14:02 UTC" (minutes are enough in a row; the tooltip has seconds). */
function shortTimestamp(value: unknown): string {
  const raw = nonEmpty(value);
  if (raw === undefined) return '';
  const t = Date.parse(raw);
  if (Number.isNaN(t)) return plainText(raw, 30);
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Plain text for a SIM row's description under `sortKey`; parts that are missing are skipped. */
export function rowDescription(sim: SimCard, sortKey: SortKey, groupsById: ReadonlyMap<string, SimCardGroup> = new Map()): string {
  const msisdn = plainText(sim.msisdn, 40);
  const u = simUsage(sim, groupForSim(sim, groupsById));
  const usage = formatUsage(u.usedBytes, u.limitBytes);
  let parts: string[];
  switch (sortKey) {
    case 'updated': {
      const when = shortTimestamp(sim.updated_at);
      parts = [when === '' ? l10n.t('never updated') : l10n.t('updated {0}', when), msisdn];
      break;
    }
    case 'usagePercent': {
      const pct = u.percent === undefined ? l10n.t('no limit') : l10n.t('{0}% of limit', formatNumber(u.percent, u.percent < 10 ? 1 : 0));
      parts = [pct, usage, msisdn];
      break;
    }
    case 'dataUsedAsc':
    case 'dataUsedDesc':
      parts = [usage, msisdn];
      break;
    default:
      parts = [msisdn, usage];
  }
  return parts.filter((p) => p !== '').join(' · ');
}

/** ICCIDs longer than this show only their end in a row. */
const ROW_ICCID_TAIL = 12;

/**
 * The label of a SIM row: the end of the ICCID, where SIMs of one fleet differ (they share
 * the issuer prefix), so a narrow sidebar cuts nothing that matters: "…001012687541".
 * The full ICCID is in the tooltip, the details, Copy ICCID and Find SIM.
 */
export function rowLabel(sim: SimCard): string {
  const iccid = plainText(sim.iccid, 200);
  if (iccid === '') return plainText(sim.id, 200) || l10n.t('(no id)');
  return iccid.length > ROW_ICCID_TAIL + 2 ? `…${iccid.slice(-ROW_ICCID_TAIL)}` : iccid;
}
