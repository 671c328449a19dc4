// Builds everything the details panel shows from the API records. Pure: no vscode, no
// DOM, no clock unless `now` is omitted. Strings from the API are passed through as data
// (the webview sets them with textContent); only the panel title is flattened to one line.
import * as l10n from '@vscode/l10n';
import { knownTypeLabel } from '../fleet/bucketNames';
import { SEVERITY_CODICON, USAGE_SEVERITY, statusSeverity } from '../fleet/severity';
import { simStatus, simStatusReason, statusIcon, statusLabel } from '../fleet/status';
import { plainText } from '../fleet/text';
import { simUsage } from '../fleet/usage';
import type { SimCard, SimCardDetail, SimCardGroup, WirelessConnectivityLog } from '../telnyx/types';
import { dateText } from './dateText';
import { formatDataSize, formatPercent } from './format';
import { toJsonValue } from './json';
import type { CopyField, DetailsViewModel, FieldRow, SessionRow, SessionsModel, StatusModel, UsageModel, UsageState } from './model';

export interface DetailsInput {
  /** The list item (from the tree) or, when opened by id, the detail record. */
  sim: SimCard;
  /** `GET /sim_cards/{id}`; absent until loaded or when that request failed. */
  detail?: SimCardDetail;
  /** The SIM's group, for its name and its data limit when the SIM has none. */
  group?: SimCardGroup;
  /** Connectivity sessions, newest first as the API returns them; absent = not loaded. */
  logs?: readonly WirelessConnectivityLog[];
  /** Why the logs could not be loaded (shown instead of the table). */
  logsError?: string;
  now?: Date;
}

/** Usage at or above this share of the limit is "near". */
export const NEAR_LIMIT_PERCENT = 80;

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The detail record over the list item; keys the detail leaves undefined keep the list value.
 * Own-property writes: a "__proto__" or "constructor" key from the server stays plain data
 * and can never change the merged record's prototype.
 */
export function mergeRecords(sim: SimCard, detail?: SimCardDetail): SimCardDetail {
  const merged: Record<string, unknown> = {};
  const put = (k: string, v: unknown): void => {
    Object.defineProperty(merged, k, { value: v, enumerable: true, writable: true, configurable: true });
  };
  for (const [k, v] of Object.entries(sim)) put(k, v);
  if (detail) {
    for (const [k, v] of Object.entries(detail)) if (v !== undefined) put(k, v);
  }
  return merged as unknown as SimCardDetail;
}

/** The value of a copyable field in a (merged) record; '' when absent. */
export function copyFieldValue(record: SimCardDetail, field: CopyField): string {
  switch (field) {
    case 'groupId':
      return str(record.sim_card_group_id);
    case 'currentImei':
      return str(record.current_imei);
    default:
      return str(record[field]);
  }
}

/** "SIM 123456": last 6 characters of the ICCID, else of the id. */
export function panelTitle(sim: SimCard): string {
  const key = plainText(sim.iccid, 100) || plainText(sim.id, 200) || '?';
  return l10n.t('SIM {0}', key.slice(-6));
}

function statusModel(record: SimCard): StatusModel {
  const value = simStatus(record);
  const icon = statusIcon(value);
  return {
    value,
    label: statusLabel(value),
    reason: simStatusReason(record) ?? '',
    tone: statusSeverity(value),
    codicon: icon.codicon,
  };
}

function row(label: string, value: string, extra: Omit<FieldRow, 'label' | 'value'> = {}): FieldRow {
  return { label, value, ...extra };
}

function identifierRows(r: SimCardDetail): FieldRow[] {
  const rows: FieldRow[] = [
    row(l10n.t('ICCID'), str(r.iccid), { copy: 'iccid', mono: true, oneLine: true }),
    row(l10n.t('IMSI'), str(r.imsi), { copy: 'imsi', mono: true, oneLine: true }),
    row(l10n.t('MSISDN'), str(r.msisdn), { copy: 'msisdn', mono: true, oneLine: true }),
    row(l10n.t('SIM ID'), str(r.id), { copy: 'id', mono: true, oneLine: true }),
  ];
  if (r.type === 'esim' || str(r.eid) !== '') rows.push(row(l10n.t('EID'), str(r.eid), { copy: 'eid', mono: true, oneLine: true }));
  return rows;
}

function summaryRows(r: SimCardDetail, group: SimCardGroup | undefined, nowMs: number): FieldRow[] {
  const tags = strings(r.tags);
  const imeis = strings(r.authorized_imeis);
  const groupId = str(r.sim_card_group_id) || str(group?.id);
  const groupName = str(group?.name) || str(r.sim_card_group?.name);
  const rows: FieldRow[] = [
    row(l10n.t('Type'), knownTypeLabel(str(r.type)) ?? str(r.type)),
    row(
      l10n.t('Group'),
      groupName || groupId,
      groupId ? { copy: 'groupId', ...(groupName ? { secondary: groupId } : {}), mono: !groupName } : {},
    ),
    row(l10n.t('Tags'), tags.join(', '), { items: tags }),
    row(l10n.t('Authorized IMEIs'), imeis.join(', '), { items: imeis, mono: true }),
  ];
  const esimStatus = str(r.esim_installation_status);
  if (esimStatus) rows.push(row(l10n.t('eSIM installation'), esimStatus));
  for (const [label, value] of [
    [l10n.t('Created'), r.created_at],
    [l10n.t('Updated'), r.updated_at],
  ] as const) {
    const date = dateText(value, nowMs);
    rows.push(date ? row(label, date.text, { date }) : row(label, ''));
  }
  return rows;
}

function liveSessionText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value != null && typeof value === 'object') return JSON.stringify(toJsonValue(value));
  return '';
}

function locationText(r: SimCardDetail): string {
  const loc = r.current_device_location;
  if (loc == null || typeof loc !== 'object') return '';
  const lat = str(loc.latitude);
  const lon = str(loc.longitude);
  if (!lat && !lon) return '';
  const accuracy = str(loc.accuracy);
  const unit = str(loc.accuracy_unit);
  return `${lat || '?'}, ${lon || '?'}${accuracy ? ` (±${accuracy}${unit ? ` ${unit}` : ''})` : ''}`;
}

function networkRows(r: SimCardDetail): FieldRow[] {
  const mcc = str(r.current_mcc);
  const mnc = str(r.current_mnc);
  return [
    row(l10n.t('Current IMEI'), str(r.current_imei), { copy: 'currentImei', mono: true, oneLine: true }),
    row(l10n.t('IPv4'), str(r.ipv4), { copy: 'ipv4', mono: true, oneLine: true }),
    row(l10n.t('IPv6'), str(r.ipv6), { copy: 'ipv6', mono: true, oneLine: true }),
    row(l10n.t('Network (MCC/MNC)'), mcc || mnc ? `${mcc || '?'}/${mnc || '?'}` : '', { mono: true }),
    row(l10n.t('Live data session'), liveSessionText(r.live_data_session)),
    row(l10n.t('Device location'), locationText(r)),
  ];
}

function usageModel(r: SimCardDetail, group: SimCardGroup | undefined, status: string): UsageModel {
  const u = simUsage(r, group);
  const usedText = formatDataSize(u.usedBytes);
  const limitText = formatDataSize(u.limitBytes);
  const groupName = str(group?.name) || str(r.sim_card_group?.name);
  const groupLimitText = groupName ? l10n.t('Group data limit: {0}', groupName) : l10n.t('Group data limit');
  const limitSourceText =
    u.limitSource === 'sim' ? l10n.t('SIM data limit') : u.limitSource === 'group' ? groupLimitText : l10n.t('No data limit');
  // No parentheses around the source: a group name may carry its own.
  const limitFactText = !limitText
    ? ''
    : u.limitSource === 'group'
      ? groupName
        ? l10n.t('{0}, from group {1}', limitText, groupName)
        : l10n.t('{0}, from its group', limitText)
      : l10n.t('{0}, set on this SIM', limitText);
  let remainingText = '';
  let overByText = '';
  if (u.limitBytes !== undefined && u.usedBytes !== undefined) {
    remainingText = formatDataSize(Math.max(0, u.limitBytes - u.usedBytes));
    if (u.usedBytes > u.limitBytes) overByText = formatDataSize(u.usedBytes - u.limitBytes);
  }
  let state: UsageState;
  if (status === 'data_limit_exceeded') state = 'dataLimitExceeded';
  else if (u.limitBytes === undefined) state = 'noLimit';
  else if (u.overLimit) state = 'over';
  else if (u.percent !== undefined && u.percent >= NEAR_LIMIT_PERCENT) state = 'near';
  else state = 'ok';
  const percentText = formatPercent(u.percent);
  const stateText = USAGE_STATE_TEXTS[state](u.percent !== undefined, overByText);
  const used = usedText || l10n.t('Unknown usage');
  const ariaText = limitText ? usageAriaText(used, limitText, percentText, remainingText) : l10n.t('{0} used, no data limit', used);
  const model: UsageModel = {
    state,
    usedText,
    limitText,
    remainingText,
    percentText,
    barPercent: u.percent === undefined ? 0 : Math.min(100, Math.max(0, u.percent)),
    limitSource: u.limitSource,
    limitSourceText,
    limitFactText,
    severity: USAGE_SEVERITY[state],
    codicon: SEVERITY_CODICON[USAGE_SEVERITY[state]],
    stateText,
    ariaText,
  };
  if (u.percent !== undefined) model.percent = u.percent;
  return model;
}

/** The usage line's words per state; `reported` says whether the API gave a usage figure. */
const USAGE_STATE_TEXTS: Readonly<Record<UsageState, (reported: boolean, overByText: string) => string>> = {
  noLimit: () => l10n.t('No data limit'),
  ok: (reported) => (reported ? l10n.t('Within limit') : l10n.t('Usage not reported')),
  near: () => l10n.t('Near limit'),
  over: (_reported, overByText) => l10n.t('Over limit by {0}', overByText),
  dataLimitExceeded: () => l10n.t('Data limit exceeded: data is blocked until the limit is raised or the billing period ends'),
};

/** "612.1 MB of 1 GB used (61%), 387.9 MB remaining", one whole sentence per combination of parts. */
function usageAriaText(used: string, limitText: string, percentText: string, remainingText: string): string {
  if (percentText && remainingText) return l10n.t('{0} of {1} used ({2}), {3} remaining', used, limitText, percentText, remainingText);
  if (percentText) return l10n.t('{0} of {1} used ({2})', used, limitText, percentText);
  if (remainingText) return l10n.t('{0} of {1} used, {2} remaining', used, limitText, remainingText);
  return l10n.t('{0} of {1} used', used, limitText);
}

function sessionRow(log: WirelessConnectivityLog, nowMs: number): SessionRow {
  const mcc = str(log.mobile_country_code);
  const mnc = str(log.mobile_network_code);
  const result: SessionRow = {
    id: str(log.id),
    apn: str(log.apn),
    network: mcc || mnc ? `${mcc || '?'}/${mnc || '?'}` : '',
    ip: str(log.ipv4) || str(log.ipv6),
    rat: str(log.radio_access_technology),
    logType: str(log.log_type),
  };
  const start = dateText(log.start_time ?? log.created_at, nowMs);
  const stop = dateText(log.stop_time, nowMs);
  if (start) result.start = start;
  if (stop) result.stop = stop;
  return result;
}

function sessionsModel(input: DetailsInput, nowMs: number): SessionsModel {
  if (input.logs) {
    return {
      status: 'loaded',
      rows: input.logs.map((l) => sessionRow(l, nowMs)),
      message: input.logs.length ? '' : l10n.t('No connectivity sessions recorded'),
    };
  }
  if (input.logsError !== undefined) {
    return { status: 'error', rows: [], message: l10n.t('Connectivity sessions could not be loaded: {0}', input.logsError) };
  }
  return { status: 'notLoaded', rows: [], message: l10n.t('Connectivity sessions not loaded') };
}

export function buildDetailsViewModel(input: DetailsInput): DetailsViewModel {
  const now = input.now ?? new Date();
  const nowMs = now.getTime();
  const record = mergeRecords(input.sim, input.detail);
  const status = statusModel(record);
  const json = toJsonValue(record);
  const model: DetailsViewModel = {
    simId: str(record.id),
    title: panelTitle(record),
    heading: str(record.iccid) || str(record.id),
    status,
    identifiers: identifierRows(record),
    summary: summaryRows(record, input.group, nowMs),
    usage: usageModel(record, input.group, status.value),
    sessions: sessionsModel(input, nowMs),
    record: json,
    recordJson: JSON.stringify(json, null, 2),
    builtAt: now.toISOString(),
  };
  if (input.detail) model.network = networkRows(record);
  return model;
}
