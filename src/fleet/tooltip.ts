// Tree row text of a SIM (its hover tooltip is in simTooltip.ts).
import * as l10n from '@vscode/l10n';
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { plainText } from '../telnyx/plainText';
import { usageDescription } from './usage';

/** Tree item label: the ICCID, or the id when there is no ICCID (inert: no links or icons). */
export function simLabel(sim: SimCard): string {
  return plainText(sim.iccid, 200) || plainText(sim.id, 200) || l10n.t('(no id)');
}

/** Tree item description: "MSISDN · usage", skipping what is missing. */
export function simDescription(sim: SimCard, group?: SimCardGroup | null): string {
  return [plainText(sim.msisdn, 40), usageDescription(sim, group)].filter((p) => p !== '').join(' · ');
}
