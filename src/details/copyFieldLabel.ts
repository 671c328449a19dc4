// Names of the copyable fields for the host's status messages, in the display language.
// Apart from model.ts because the webview imports that and has no l10n bundle.
import * as l10n from '@vscode/l10n';
import type { CopyField } from './model';

/** Each field's name in the host's "Copied ICCID" status messages, worded at call time in the display language. */
const LABELS: Readonly<Record<CopyField, () => string>> = {
  iccid: () => l10n.t('ICCID'),
  imsi: () => l10n.t('IMSI'),
  msisdn: () => l10n.t('MSISDN'),
  id: () => l10n.t('SIM ID'),
  eid: () => l10n.t('EID'),
  groupId: () => l10n.t('Group ID'),
  currentImei: () => l10n.t('IMEI'),
  ipv4: () => l10n.t('IPv4 address'),
  ipv6: () => l10n.t('IPv6 address'),
};

export function copyFieldLabel(field: CopyField): string {
  return LABELS[field]();
}
