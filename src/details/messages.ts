// Messages between the details webview and the extension host, and their validators.
// Both sides check everything they receive: the webview renders untrusted API data, so a
// bug there must not be able to make the host copy or open something it did not choose.
import { isJsonValue } from './json';
import {
  COPY_FIELDS,
  STATUS_TONES,
  USAGE_STATES,
  type CopyField,
  type DateText,
  type DetailsViewModel,
  type FieldRow,
  type SessionRow,
} from './model';

/** Webview -> host. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'copy'; field: CopyField }
  | { type: 'copyJson' }
  | { type: 'openDocument' }
  | { type: 'refresh' }
  | { type: 'setApiKey' };

/** Why loading failed: the client's TelnyxErrorKind, 'noKey' before a key is set, or 'unknown'. */
export const ERROR_KINDS = [
  'auth',
  'notFound',
  'rateLimited',
  'server',
  'network',
  'timeout',
  'invalidResponse',
  'badRequest',
  'cancelled',
  'noKey',
  'unknown',
] as const;
export type DetailsErrorKind = (typeof ERROR_KINDS)[number];

/** Host -> webview. */
export type HostMessage =
  | { type: 'state'; model: DetailsViewModel }
  | { type: 'loading' }
  | { type: 'error'; message: string; kind: DetailsErrorKind };

/** What the webview persists with setState (and the serializer gets back after a reload). */
export interface PersistedState {
  simId: string;
  model?: DetailsViewModel;
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Exactly these keys (no smuggled extras). */
function hasOnlyKeys(o: Obj, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

function isOneOf<T extends string>(list: readonly T[], x: unknown): x is T {
  return typeof x === 'string' && (list as readonly string[]).includes(x);
}

const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrArray = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);
const optional = (x: unknown, check: (v: unknown) => boolean): boolean => x === undefined || check(x);

export function isCopyField(x: unknown): x is CopyField {
  return isOneOf(COPY_FIELDS, x);
}

const BARE_WEBVIEW_TYPES = ['ready', 'copyJson', 'openDocument', 'refresh', 'setApiKey'] as const;

export function isWebviewMessage(x: unknown): x is WebviewMessage {
  if (!isObj(x)) return false;
  if (x.type === 'copy') return hasOnlyKeys(x, ['type', 'field']) && isCopyField(x.field);
  return isOneOf(BARE_WEBVIEW_TYPES, x.type) && hasOnlyKeys(x, ['type']);
}

function isDateText(x: unknown): x is DateText {
  return isObj(x) && isStr(x.iso) && isStr(x.text) && isStr(x.relative);
}

function isFieldRow(x: unknown): x is FieldRow {
  return (
    isObj(x) &&
    isStr(x.label) &&
    isStr(x.value) &&
    optional(x.copy, isCopyField) &&
    optional(x.mono, (v) => typeof v === 'boolean') &&
    optional(x.date, isDateText) &&
    optional(x.items, isStrArray) &&
    optional(x.secondary, isStr)
  );
}

const isRows = (x: unknown): x is FieldRow[] => Array.isArray(x) && x.every(isFieldRow);
const isPercent = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function isSessionRow(x: unknown): x is SessionRow {
  return (
    isObj(x) &&
    [x.id, x.apn, x.network, x.ip, x.rat, x.logType].every(isStr) &&
    optional(x.start, isDateText) &&
    optional(x.stop, isDateText)
  );
}

/** Structural check of everything the webview reads from a model. */
export function isDetailsViewModel(x: unknown): x is DetailsViewModel {
  if (!isObj(x)) return false;
  const { status, usage, sessions } = x;
  return (
    [x.simId, x.title, x.heading, x.recordJson, x.builtAt].every(isStr) &&
    isObj(status) &&
    [status.value, status.label, status.reason, status.codicon].every(isStr) &&
    isOneOf(STATUS_TONES, status.tone) &&
    isRows(x.identifiers) &&
    isRows(x.summary) &&
    optional(x.network, isRows) &&
    isObj(usage) &&
    isOneOf(USAGE_STATES, usage.state) &&
    [usage.usedText, usage.limitText, usage.remainingText, usage.percentText, usage.limitSourceText, usage.stateText, usage.ariaText].every(isStr) &&
    optional(usage.percent, isPercent) &&
    isPercent(usage.barPercent) &&
    usage.barPercent >= 0 &&
    usage.barPercent <= 100 &&
    isOneOf(['sim', 'group', 'none'] as const, usage.limitSource) &&
    isObj(sessions) &&
    isOneOf(['loaded', 'notLoaded', 'error'] as const, sessions.status) &&
    Array.isArray(sessions.rows) &&
    sessions.rows.every(isSessionRow) &&
    isStr(sessions.message) &&
    isJsonValue(x.record)
  );
}

export function isHostMessage(x: unknown): x is HostMessage {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'state':
      return hasOnlyKeys(x, ['type', 'model']) && isDetailsViewModel(x.model);
    case 'loading':
      return hasOnlyKeys(x, ['type']);
    case 'error':
      return hasOnlyKeys(x, ['type', 'message', 'kind']) && isStr(x.message) && isOneOf(ERROR_KINDS, x.kind);
    default:
      return false;
  }
}

export function isPersistedState(x: unknown): x is PersistedState {
  if (!isObj(x) || !isStr(x.simId) || x.simId === '') return false;
  return x.model === undefined || (isDetailsViewModel(x.model) && x.model.simId === x.simId);
}
