// Names of the copyable fields for the host's status messages, in the display language.
// Apart from model.ts because the webview imports that and has no l10n bundle.
import * as l10n from '@vscode/l10n';
import type { CopyField } from './model';

/** The field's name in the host's "Copied ICCID" status messages, in the display language. */
export function copyFieldLabel(field: CopyField): string {
  switch (field) {
    case 'iccid':
      return l10n.t('ICCID');
    case 'imsi':
      return l10n.t('IMSI');
    case 'msisdn':
      return l10n.t('MSISDN');
    case 'id':
      return l10n.t('SIM ID');
    case 'eid':
      return l10n.t('EID');
    case 'groupId':
      return l10n.t('Group ID');
    case 'currentImei':
      return l10n.t('IMEI');
    case 'ipv4':
      return l10n.t('IPv4 address');
    case 'ipv6':
      return l10n.t('IPv6 address');
  }
}
