// Defensive parsing of API answers. Records are untrusted: known fields are coerced to the
// types in types.ts (or removed when unusable), unknown fields pass through untouched for
// "Open Raw Record", and a list item that is not an object or has no string id is dropped
// instead of failing the page. Nothing here throws on a hostile record; envelope problems
// are reported as a reason string that the caller turns into an InvalidResponseError.
import type {
  ApiErrorItem,
  DataAmount,
  DeviceLocation,
  PageMeta,
  SimCard,
  SimCardAction,
  SimCardDetail,
  SimCardGroup,
  SimCardStatus,
  WirelessConnectivityLog,
} from './types';

type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// --- field coercion -------------------------------------------------------------------

function str(v: unknown): string | null | undefined {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/**
 * Values many records repeat, kept once: at most this many per table, keys at most this long, so
 * a hostile list cannot grow a table. A full table starts over, so values that keep coming are
 * shared again.
 */
const SHARED_ENTRIES = 4096;
const SHARED_KEY_LENGTH = 400;

class SharedTable<T> {
  readonly #known = new Map<string, T>();

  get size(): number {
    return this.#known.size;
  }

  /** The value kept under `key`, or `value` (kept from now on). */
  share(key: string, value: T): T {
    if (key.length > SHARED_KEY_LENGTH) return value;
    const found = this.#known.get(key);
    if (found !== undefined) return found;
    if (this.#known.size >= SHARED_ENTRIES) this.#known.clear();
    this.#known.set(key, value);
    return value;
  }
}

const sharedStrings = new SharedTable<string>();
/** Strings longer than this are not shared (a long text is rarely repeated). */
const SHARED_STRING_LENGTH = 200;

/**
 * One copy of a string that many records repeat (a status reason, a group id, a tag, a unit)
 * instead of one per record: less memory kept per SIM at 100,000, and less for each
 * young-generation collection to copy while a fleet loads.
 */
export function shareString(s: string): string {
  return s.length > SHARED_STRING_LENGTH ? s : sharedStrings.share(s, s);
}

/** How many strings are shared now (never more than SHARED_ENTRIES). */
export function sharedStringCount(): number {
  return sharedStrings.size;
}

/**
 * One frozen copy of a small value that many records repeat (a status, a data limit, a tag list):
 * one object for the fleet instead of one per SIM. Frozen, because it is shared: records are never
 * changed in place (a new list replaces them).
 */
function shareFrozen<T extends object>(table: SharedTable<T>, key: string, value: T): T {
  return table.share(key, Object.freeze(value));
}

/** A key part that keeps undefined, null and every string apart (the length prefix stops collisions). */
function keyPart(v: string | null | undefined): string {
  return v === undefined ? 'u' : v === null ? 'n' : `${v.length}:${v}`;
}

const sharedStatuses = new SharedTable<SimCardStatus>();
const sharedAmounts = new SharedTable<DataAmount>();
const sharedLists = new SharedTable<string[]>();

/** str() for fields with few distinct values across a fleet. */
function sharedStr(v: unknown): string | null | undefined {
  const s = str(v);
  return typeof s === 'string' ? shareString(s) : s;
}

function bool(v: unknown): boolean | null | undefined {
  if (v === null) return null;
  return typeof v === 'boolean' ? v : undefined;
}

function num(v: unknown): number | null | undefined {
  if (v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function strArray(v: unknown): string[] | null | undefined {
  if (v === null) return null;
  if (!Array.isArray(v)) return undefined;
  // The common case keeps the parsed array (no copy per record); anything else is filtered.
  return v.every((x) => typeof x === 'string') ? (v as string[]) : v.filter((x): x is string => typeof x === 'string');
}

/** A list of strings many records repeat (tags, an empty list): one shared frozen list. */
function sharedList(v: unknown): string[] | null | undefined {
  const list = strArray(v);
  if (!list) return list;
  let key = '';
  for (const s of list) key += keyPart(s);
  // A fresh copy goes in (the parsed array may be the record's own).
  return shareFrozen(sharedLists, key, list.map(shareString));
}

/** Sets `key` to the coerced value, or removes it when the value is unusable. */
function put<T extends object>(target: T, key: string, value: unknown): void {
  const rec = target as Record<string, unknown>;
  if (value === undefined) delete rec[key];
  else rec[key] = value;
}

function copy(raw: Json): Json {
  // Spread (not Object.assign) so a "__proto__" key from JSON stays a plain own property.
  return { ...raw };
}

/** The listed fields of `v` that are strings or null; others are left out (never set to undefined). `shared`: few distinct values. */
function stringFields<K extends string>(v: Json, keys: readonly K[], shared: readonly K[] = []): Partial<Record<K, string | null>> {
  const out: Partial<Record<K, string | null>> = {};
  for (const k of keys) {
    const s = shared.includes(k) ? sharedStr(v[k]) : str(v[k]);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

export function parseDataAmount(v: unknown): DataAmount | null | undefined {
  if (v === null) return null;
  return isObject(v) ? stringFields(v, ['amount', 'unit'], ['unit']) : undefined;
}

/** A data limit: few distinct ones across a fleet, so shared (consumed data differs per SIM and is not). */
function parseSharedDataAmount(v: unknown): DataAmount | null | undefined {
  const amount = parseDataAmount(v);
  return amount ? shareFrozen(sharedAmounts, keyPart(amount.amount) + keyPart(amount.unit), amount) : amount;
}

function parseStatus(v: unknown): SimCardStatus | null | undefined {
  if (v === null) return null;
  // A bare string is what a sloppy proxy might send; it still says the status.
  const status = typeof v === 'string' ? { value: v } : isObject(v) ? stringFields(v, ['value', 'reason'], ['value', 'reason']) : undefined;
  return status ? shareFrozen(sharedStatuses, keyPart(status.value) + keyPart(status.reason), status) : status;
}

function parseLocation(v: unknown): DeviceLocation | null | undefined {
  if (v === null) return null;
  if (!isObject(v)) return undefined;
  const out: DeviceLocation = {};
  for (const k of ['latitude', 'longitude'] as const) {
    const x = v[k];
    if (x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) out[k] = x;
  }
  const accuracy = num(v.accuracy);
  if (accuracy !== undefined) out.accuracy = accuracy;
  const unit = str(v.accuracy_unit);
  if (unit !== undefined) out.accuracy_unit = unit;
  return out;
}

function id(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

const SIM_STRING_FIELDS = ['iccid', 'imsi', 'msisdn', 'created_at', 'updated_at', 'eid'] as const;
/** SIM fields with few distinct values across a fleet: one shared copy of each value. */
const SIM_SHARED_FIELDS = ['record_type', 'type', 'sim_card_group_id', 'esim_installation_status', 'version'] as const;

/** The empty list that almost every SIM's resources_with_in_progress_actions is (shared, frozen). */
const EMPTY_LIST: readonly unknown[] = Object.freeze([]);

const DETAIL_STRING_FIELDS = ['current_imei', 'ipv4', 'ipv6', 'current_mcc', 'current_mnc'] as const;

const LOG_STRING_FIELDS = [
  'record_type',
  'sim_card_id',
  'log_type',
  'imsi',
  'imei',
  'mobile_country_code',
  'mobile_network_code',
  'start_time',
  'stop_time',
  'created_at',
  'last_seen',
  'cell_id',
  'apn',
  'ipv4',
  'ipv6',
  'radio_access_technology',
  'state',
] as const;

// --- records ---------------------------------------------------------------------------

/** How each known field of a record is coerced; a field whose coerced value is undefined is removed. */
type FieldParsers = Readonly<Record<string, (v: unknown) => unknown>>;
/** The same as a list, made once per table: records are parsed by the hundred thousand. */
type FieldTable = ReadonlyArray<readonly [string, (v: unknown) => unknown]>;

function strings(keys: readonly string[], parse: (v: unknown) => unknown = str): FieldParsers {
  return Object.fromEntries(keys.map((k) => [k, parse]));
}

function table(fields: FieldParsers): FieldTable {
  return Object.entries(fields);
}

/** Coerces the known fields `raw` has, in `out` (a copy of `raw`). */
function coerceFields(raw: Json, out: Json, fields: FieldTable): void {
  for (const [k, parse] of fields) if (Object.hasOwn(raw, k)) put(out, k, parse(raw[k]));
}

/**
 * A record: `input` must be an object whose id `parseId` accepts; the result is its copy
 * with that id and the known fields coerced. Undefined otherwise.
 */
function parseRecord(input: unknown, parseId: (v: unknown) => string | number | null | undefined, fields: FieldTable): Json | undefined {
  if (!isObject(input)) return undefined;
  const recordId = parseId(input.id);
  if (recordId === undefined || recordId === null) return undefined;
  const out = copy(input);
  out.id = recordId;
  coerceFields(input, out, fields);
  return out;
}

const GROUP_FIELDS: FieldTable = table({
  ...strings(['record_type', 'name', 'private_wireless_gateway_id', 'wireless_blocklist_id', 'created_at', 'updated_at']),
  default: bool,
  data_limit: parseDataAmount,
  consumed_data: parseDataAmount,
  sim_card_count: num,
});

const SIM_FIELDS: FieldTable = table({
  ...strings(SIM_STRING_FIELDS),
  ...strings(SIM_SHARED_FIELDS, sharedStr),
  status: parseStatus,
  tags: sharedList,
  authorized_imeis: strArray,
  data_limit: parseSharedDataAmount,
  current_billing_period_consumed_data: parseDataAmount,
  actions_in_progress: bool,
  // Almost always empty: the empty list is shared.
  resources_with_in_progress_actions: (r) => (r === null ? r : Array.isArray(r) ? (r.length === 0 ? EMPTY_LIST : r) : undefined),
  sim_card_group: (g) => (g === null ? null : parseRecord(g, id, GROUP_FIELDS)),
});

const DETAIL_FIELDS: FieldTable = table({
  ...strings(DETAIL_STRING_FIELDS),
  current_device_location: parseLocation,
  live_data_session: (s) => (s === null || typeof s === 'string' || isObject(s) ? s : undefined),
});

const ACTION_FIELDS: FieldTable = table({
  // A null here is removed, not kept.
  ...strings(['record_type', 'sim_card_id', 'action_type', 'created_at', 'updated_at'], (v) => str(v) ?? undefined),
  status: parseStatus,
  settings: (s) => (s === null || isObject(s) ? s : undefined),
});

/** A SIM list item, or undefined when it is not an object with a string id. */
export function parseSimCard(raw: unknown): SimCard | undefined {
  return parseRecord(raw, id, SIM_FIELDS) as unknown as SimCard | undefined;
}

/** `GET /sim_cards/{id}`: the list item's fields plus the live ones. */
export function parseSimCardDetail(raw: unknown): SimCardDetail | undefined {
  const out = parseRecord(raw, id, SIM_FIELDS);
  if (out === undefined || !isObject(raw)) return undefined;
  coerceFields(raw, out, DETAIL_FIELDS);
  return out as unknown as SimCardDetail;
}

export function parseSimCardGroup(raw: unknown): SimCardGroup | undefined {
  return parseRecord(raw, id, GROUP_FIELDS) as unknown as SimCardGroup | undefined;
}

export function parseSimCardAction(raw: unknown): SimCardAction | undefined {
  return parseRecord(raw, id, ACTION_FIELDS) as unknown as SimCardAction | undefined;
}

const LOG_FIELDS: FieldTable = table(strings(LOG_STRING_FIELDS));

/** Connectivity logs carry an integer id; numeric strings are accepted. */
export function parseConnectivityLog(raw: unknown): WirelessConnectivityLog | undefined {
  return parseRecord(raw, num, LOG_FIELDS) as unknown as WirelessConnectivityLog | undefined;
}

// --- envelopes -------------------------------------------------------------------------

/** Meta fields that are present and are non-negative integers; the rest are left out. */
export function parsePageMeta(raw: unknown): Partial<PageMeta> | undefined {
  if (!isObject(raw)) return undefined;
  const out: Partial<PageMeta> = {};
  for (const k of ['page_number', 'page_size', 'total_pages', 'total_results'] as const) {
    const n = num(raw[k]);
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) out[k] = n;
  }
  return out;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ParsedList<T> {
  items: T[];
  /** Length of the `data` array as sent, before hostile items were dropped. */
  rawCount: number;
  /** How many items were dropped. */
  dropped: number;
  /** Undefined when the answer had no usable `meta` object. */
  meta: Partial<PageMeta> | undefined;
}

/** `{data: [...], meta: {...}}`; `reason` says what was wrong with the envelope. */
export function parseListEnvelope<T>(body: unknown, item: (raw: unknown) => T | undefined): ParseResult<ParsedList<T>> {
  if (!isObject(body)) return { ok: false, reason: 'was not a JSON object' };
  if (!Array.isArray(body.data)) return { ok: false, reason: 'has no data array' };
  const items: T[] = [];
  for (const raw of body.data) {
    let parsed: T | undefined;
    try {
      parsed = item(raw);
    } catch {
      // A getter-free JSON value cannot throw here, but a hostile record must never fail the page.
      parsed = undefined;
    }
    if (parsed !== undefined) items.push(parsed);
  }
  return {
    ok: true,
    value: { items, rawCount: body.data.length, dropped: body.data.length - items.length, meta: parsePageMeta(body.meta) },
  };
}

/** `{data: {...}}` for single records. */
export function parseObjectEnvelope<T>(body: unknown, item: (raw: unknown) => T | undefined): ParseResult<T> {
  if (!isObject(body)) return { ok: false, reason: 'was not a JSON object' };
  if (!isObject(body.data)) return { ok: false, reason: 'has no data object' };
  const parsed = item(body.data);
  if (parsed === undefined) return { ok: false, reason: 'has a data object without a string id' };
  return { ok: true, value: parsed };
}

const MAX_ERROR_ITEMS = 5;
const MAX_ERROR_TEXT = 300;

function shortText(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  // Control characters would garble a notification; long texts are someone's HTML page.
  const clean = v.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (clean === '') return undefined;
  return clean.length > MAX_ERROR_TEXT ? clean.slice(0, MAX_ERROR_TEXT - 1) + '…' : clean;
}

/** The `{"errors":[...]}` envelope, sanitised; [] for anything else. */
export function parseErrorItems(body: unknown): ApiErrorItem[] {
  if (!isObject(body) || !Array.isArray(body.errors)) return [];
  const out: ApiErrorItem[] = [];
  for (const raw of body.errors.slice(0, MAX_ERROR_ITEMS)) {
    if (!isObject(raw)) continue;
    const item: ApiErrorItem = {};
    const code = typeof raw.code === 'number' ? String(raw.code) : shortText(raw.code);
    const title = shortText(raw.title);
    const detail = shortText(raw.detail);
    if (code !== undefined) item.code = code;
    if (title !== undefined) item.title = title;
    if (detail !== undefined) item.detail = detail;
    if (isObject(raw.source)) {
      const pointer = shortText(raw.source.pointer);
      const parameter = shortText(raw.source.parameter);
      if (pointer !== undefined || parameter !== undefined) {
        item.source = {};
        if (pointer !== undefined) item.source.pointer = pointer;
        if (parameter !== undefined) item.source.parameter = parameter;
      }
    }
    if (isObject(raw.meta)) item.meta = { ...raw.meta };
    if (Object.keys(item).length > 0) out.push(item);
  }
  return out;
}
