// One severity per SIM status and per usage state, shared by the tree (icon colour) and
// the details panel (status line, usage state, meter), so "Data limit exceeded" looks the
// same everywhere.
import { SIM_STATUSES, type KnownSimStatus, type SimStatus } from '../telnyx/types';
import { normalizeStatus } from './status';

export const SEVERITIES = ['ok', 'info', 'warning', 'error', 'standby', 'transitional', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The table: each known status and its severity. */
export const STATUS_SEVERITY: Readonly<Record<KnownSimStatus, Severity>> = {
  registering: 'transitional',
  enabling: 'transitional',
  enabled: 'ok',
  setting_standby: 'transitional',
  standby: 'standby',
  disabling: 'transitional',
  disabled: 'error',
  // Data is blocked until the limit is raised or the period ends: the user should look, nothing is broken.
  data_limit_exceeded: 'warning',
  unauthorized_imei: 'error',
};

/** Theme colour id of each severity (tree: `new ThemeColor(id)`; webview: `--vscode-` + id with '.' as '-'). */
export const SEVERITY_THEME_COLOR: Readonly<Record<Severity, string>> = {
  ok: 'testing.iconPassed',
  info: 'descriptionForeground',
  warning: 'list.warningForeground',
  error: 'errorForeground',
  standby: 'charts.yellow',
  transitional: 'charts.blue',
  unknown: 'disabledForeground',
};

/** Codicon of a severity where it is shown as a state line (usage) rather than a status icon. */
export const SEVERITY_CODICON: Readonly<Record<Severity, string>> = {
  ok: 'pass-filled',
  info: 'info',
  warning: 'warning',
  error: 'error',
  standby: 'debug-pause',
  transitional: 'sync',
  unknown: 'question',
};

function isKnown(status: string): status is KnownSimStatus {
  return (SIM_STATUSES as readonly string[]).includes(status);
}

/** Severity of a status; unknown or missing statuses are 'unknown'. */
export function statusSeverity(status: SimStatus | null | undefined): Severity {
  const s = normalizeStatus(status);
  return isKnown(s) ? STATUS_SEVERITY[s] : 'unknown';
}

/** How the usage of a SIM stands against its limit (what the details panel shows under the meter). */
export type UsageStateKey = 'noLimit' | 'ok' | 'near' | 'over' | 'dataLimitExceeded';

/** Usage states use the same table: a blocked SIM is exactly as severe as its status says. */
export const USAGE_SEVERITY: Readonly<Record<UsageStateKey, Severity>> = {
  noLimit: 'info',
  ok: 'ok',
  near: 'warning',
  over: 'warning',
  dataLimitExceeded: STATUS_SEVERITY.data_limit_exceeded,
};
