// How a SIM status is shown: order in the tree, label, codicon and theme colour.
import * as l10n from '@vscode/l10n';
import { SIM_STATUSES, type KnownSimStatus, type SimCard, type SimStatus } from '../telnyx/types';
import { plainText } from './text';

/** Key used when a record carries no usable status. */
export const UNKNOWN_STATUS = 'unknown';

/** Known statuses in lifecycle order (unknown strings sort after these, alphabetically, then missing). */
export const STATUS_ORDER: readonly KnownSimStatus[] = [
  'registering',
  'enabling',
  'enabled',
  'setting_standby',
  'standby',
  'disabling',
  'disabled',
  'data_limit_exceeded',
  'unauthorized_imei',
];

const TRANSITIONAL: ReadonlySet<string> = new Set(['registering', 'enabling', 'disabling', 'setting_standby']);

export interface StatusIcon {
  /** Codicon id, e.g. 'pass-filled' (use as `new ThemeIcon(codicon, new ThemeColor(color))`). */
  codicon: string;
  /** Theme colour id, e.g. 'testing.iconPassed'. */
  color: string;
}

interface StatusLook {
  /** Worded at call time, so the words follow the display language configured at activation. */
  label: () => string;
  codicon: string;
  color: string;
}

const LOOKS: Readonly<Record<KnownSimStatus, StatusLook>> = {
  registering: { label: () => l10n.t('Registering'), codicon: 'sync', color: 'charts.blue' },
  enabling: { label: () => l10n.t('Enabling'), codicon: 'sync', color: 'charts.blue' },
  enabled: { label: () => l10n.t('Enabled'), codicon: 'pass-filled', color: 'testing.iconPassed' },
  setting_standby: { label: () => l10n.t('Setting standby'), codicon: 'sync', color: 'charts.blue' },
  standby: { label: () => l10n.t('Standby'), codicon: 'debug-pause', color: 'charts.yellow' },
  disabling: { label: () => l10n.t('Disabling'), codicon: 'sync', color: 'charts.blue' },
  disabled: { label: () => l10n.t('Disabled'), codicon: 'circle-slash', color: 'errorForeground' },
  data_limit_exceeded: { label: () => l10n.t('Data limit exceeded'), codicon: 'warning', color: 'list.warningForeground' },
  unauthorized_imei: { label: () => l10n.t('Unauthorized IMEI'), codicon: 'shield', color: 'errorForeground' },
};
const UNKNOWN_ICON: StatusIcon = { codicon: 'question', color: 'disabledForeground' };

function isKnown(status: string): status is KnownSimStatus {
  return (SIM_STATUSES as readonly string[]).includes(status);
}

/** The status key of a status value: trimmed string, or UNKNOWN_STATUS when missing/garbage. */
export function normalizeStatus(status: unknown): string {
  if (typeof status !== 'string') return UNKNOWN_STATUS;
  const s = status.trim();
  return s === '' ? UNKNOWN_STATUS : s;
}

/** The status key of a SIM (tolerates `status: null`, `status: "enabled"` and other garbage). */
export function simStatus(sim: SimCard): string {
  const st: unknown = sim.status;
  if (typeof st === 'string') return normalizeStatus(st);
  if (st == null || typeof st !== 'object') return UNKNOWN_STATUS;
  return normalizeStatus((st as { value?: unknown }).value);
}

/** The status reason of a SIM, if any. */
export function simStatusReason(sim: SimCard): string | undefined {
  const st: unknown = sim.status;
  if (st == null || typeof st !== 'object') return undefined;
  const reason = (st as { reason?: unknown }).reason;
  return typeof reason === 'string' && reason.trim() !== '' ? reason : undefined;
}

/** Rank for sorting: lifecycle index for known statuses, then unknown, then missing. */
function rank(status: string): number {
  if (status === UNKNOWN_STATUS) return STATUS_ORDER.length + 1;
  const i = STATUS_ORDER.indexOf(status as KnownSimStatus);
  return i >= 0 ? i : STATUS_ORDER.length;
}

/** Comparator: lifecycle order, unknown statuses alphabetically after, missing ('unknown') last. */
export function compareStatus(a: SimStatus | null | undefined, b: SimStatus | null | undefined): number {
  const sa = normalizeStatus(a);
  const sb = normalizeStatus(b);
  const d = rank(sa) - rank(sb);
  if (d !== 0) return d;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** "Enabled", "Data limit exceeded"; unknown strings humanized ("SOME_NEW_state" -> "Some new state"). */
export function statusLabel(status: SimStatus | null | undefined): string {
  const s = normalizeStatus(status);
  if (isKnown(s)) return LOOKS[s].label();
  if (s === UNKNOWN_STATUS) return l10n.t('Unknown');
  const words = plainText(s.replace(/[_-]+/g, ' '), 60).toLowerCase();
  if (words === '') return l10n.t('Unknown');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Codicon and theme colour for a status; unknown and missing statuses get a grey question mark. */
export function statusIcon(status: SimStatus | null | undefined): StatusIcon {
  const s = normalizeStatus(status);
  if (!isKnown(s)) return { ...UNKNOWN_ICON };
  const { codicon, color } = LOOKS[s];
  return { codicon, color };
}

/** True while the SIM is moving between states (the tree may poll and spin the icon). */
export function isTransitional(status: SimStatus | null | undefined): boolean {
  return TRANSITIONAL.has(normalizeStatus(status));
}
