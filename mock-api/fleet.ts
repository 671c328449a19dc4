// A deterministic, realistic IoT SIM fleet built from a seed: same seed + count gives
// byte-identical JSON. Dates hang off a fixed epoch (never "now") for the same reason.
import type { DataAmount, KnownSimStatus, SimCardDetail, SimCardGroup, WirelessConnectivityLog } from '../src/telnyx/types';
import { SIM_STATUSES } from '../src/telnyx/types';
import { amountToBytes } from '../src/telnyx/units';
import { eidWithCheckDigits, luhnCheckDigit, mixSeed, Rng } from './random';

export interface MockFleet {
  sims: SimCardDetail[];
  groups: SimCardGroup[];
  logsFor(simId: string): WirelessConnectivityLog[];
}

export interface FleetOptions {
  seed: number;
  sims: number;
}

const EPOCH = Date.UTC(2025, 5, 1, 12, 0, 0); // 2025-06-01T12:00:00Z, the fleet's "today"
const DAY = 86_400_000;
const MB = 1024 ** 2;
const GB = 1024 ** 3;

const iso = (ms: number): string => new Date(ms).toISOString();

export const STATUS_REASONS: Record<KnownSimStatus, readonly string[]> = {
  registering: ['The SIM card is being registered to your account. This may take a few minutes.'],
  enabling: ['The SIM card is being enabled. Transitioning to enabled may take a period of time.'],
  enabled: ['The SIM card is active, ready to connect to networks and consume data.'],
  disabling: ['The SIM card is being disabled. Transitioning to disabled may take a period of time.'],
  disabled: [
    'The SIM card has been disabled and cannot connect to networks or consume data.',
    'The SIM card was disabled by a user request.',
  ],
  data_limit_exceeded: [
    'The SIM card has exceeded its data limit for the current billing period and cannot consume data.',
    'The SIM card group data limit was exceeded; data is blocked until the next billing period.',
  ],
  unauthorized_imei: ['The SIM card was used in a device whose IMEI is not in its list of authorized IMEIs.'],
  setting_standby: ['The SIM card is being set to standby.'],
  standby: ['The SIM card is in standby. It will be enabled automatically when it first connects to a network and consumes data.'],
};

const STATUS_WEIGHTS: readonly (readonly [KnownSimStatus, number])[] = [
  ['enabled', 64],
  ['disabled', 10],
  ['standby', 8],
  ['data_limit_exceeded', 6],
  ['unauthorized_imei', 4],
  ['registering', 2],
  ['enabling', 2],
  ['disabling', 2],
  ['setting_standby', 2],
];

const TRANSITIONAL: ReadonlySet<string> = new Set(['registering', 'enabling', 'disabling', 'setting_standby']);

export const TAG_VOCABULARY = [
  'fleet-a',
  'fleet-b',
  'trackers',
  'meters',
  'pos-terminals',
  'cold-chain',
  'eu-roaming',
  'pilot',
  'vip',
  'test',
  'warehouse-3',
  'vending',
  'gateways',
  'us-east',
  'agri-sensors',
] as const;

const GROUP_TEMPLATES: readonly { name: string; limit?: DataAmount }[] = [
  { name: 'Default' },
  { name: 'Fleet A trackers', limit: { amount: '500.0', unit: 'MB' } },
  { name: 'Smart meters EU', limit: { amount: '100.0', unit: 'MB' } },
  { name: 'POS terminals', limit: { amount: '2.0', unit: 'GB' } },
  { name: 'Cold chain monitors' },
  { name: 'Pilot program', limit: { amount: '1.5', unit: 'GB' } },
];

/** Home networks: MCC, MNC, ICCID issuer prefix, MSISDN maker. */
interface Operator {
  mcc: string;
  mnc: string;
  iccidPrefix: string;
  msisdn: (r: Rng) => string;
}

const OPERATORS: readonly Operator[] = [
  { mcc: '310', mnc: '260', iccidPrefix: '8901260', msisdn: (r) => `+1${r.int(201, 989)}${r.int(200, 999)}${r.digits(4)}` },
  { mcc: '311', mnc: '480', iccidPrefix: '891480', msisdn: (r) => `+1${r.int(201, 989)}${r.int(200, 999)}${r.digits(4)}` },
  { mcc: '234', mnc: '15', iccidPrefix: '8944100', msisdn: (r) => `+447${r.int(400, 999)}${r.digits(6)}` },
  { mcc: '262', mnc: '01', iccidPrefix: '8949226', msisdn: (r) => `+4915${r.int(1, 9)}${r.digits(7)}` },
  { mcc: '204', mnc: '04', iccidPrefix: '8931044', msisdn: (r) => `+316${r.digits(8)}` },
  { mcc: '901', mnc: '40', iccidPrefix: '8988307', msisdn: (r) => `+88234${r.digits(6)}` },
];

/** Visited networks for sessions and the live location, with a rough centre point. */
const NETWORKS: readonly { mcc: string; mnc: string; lat: number; lon: number }[] = [
  { mcc: '310', mnc: '410', lat: 40.71, lon: -74.0 },
  { mcc: '310', mnc: '260', lat: 34.05, lon: -118.24 },
  { mcc: '234', mnc: '15', lat: 51.5, lon: -0.12 },
  { mcc: '262', mnc: '01', lat: 52.52, lon: 13.4 },
  { mcc: '204', mnc: '04', lat: 52.37, lon: 4.9 },
  { mcc: '268', mnc: '06', lat: 41.143, lon: -8.605 },
];

const RATS = ['2G', '3G', '4G', '5G', 'LTE-M', 'NB-IoT'] as const;
const APNS = ['data00.telnyx', 'data00.telnyx', 'iot.telnyx', 'private.telnyx'] as const;

function iccid(r: Rng, op: Operator, used: Set<string>): string {
  for (;;) {
    const length = r.chance(0.7) ? 20 : 19;
    const payload = op.iccidPrefix + r.digits(length - 1 - op.iccidPrefix.length);
    const full = payload + luhnCheckDigit(payload);
    if (!used.has(full)) {
      used.add(full);
      return full;
    }
  }
}

function unique(used: Set<string>, make: () => string): string {
  for (;;) {
    const v = make();
    if (!used.has(v)) {
      used.add(v);
      return v;
    }
  }
}

/** A 15-digit IMEI: 8-digit TAC, 6-digit serial, Luhn digit. */
export function makeImei(r: Rng): string {
  const tacs = ['35332811', '86837604', '35917210', '01326300', '35404906', '86420104'];
  const payload = r.pick(tacs) + r.digits(6);
  return payload + luhnCheckDigit(payload);
}

/** "123.4" MB for most, "1.25" GB for larger values now and then (like the API). */
function amountFromBytes(bytes: number, r: Rng): DataAmount {
  if (bytes >= GB && r.chance(0.35)) return { amount: (bytes / GB).toFixed(2), unit: 'GB' };
  return { amount: (bytes / MB).toFixed(1), unit: 'MB' };
}

function statusPlan(r: Rng, count: number): KnownSimStatus[] {
  // Every status appears at least once when the fleet is big enough, then by weight.
  const plan: KnownSimStatus[] = count >= SIM_STATUSES.length ? [...SIM_STATUSES] : [];
  while (plan.length < count) plan.push(r.weighted(STATUS_WEIGHTS));
  return r.shuffle(plan);
}

function makeGroups(r: Rng): SimCardGroup[] {
  const count = r.int(4, 6);
  const groups: SimCardGroup[] = [];
  for (const [i, t] of GROUP_TEMPLATES.slice(0, count).entries()) {
    const created = EPOCH - (800 - i * 60) * DAY + r.int(0, DAY);
    const g: SimCardGroup = {
      id: r.uuid(),
      record_type: 'sim_card_group',
      default: i === 0,
      name: t.name,
      created_at: iso(created),
      updated_at: iso(created + r.int(0, 200) * DAY),
    };
    if (t.limit) g.data_limit = { ...t.limit };
    g.consumed_data = { amount: '0.0', unit: 'MB' }; // filled in once the SIMs exist
    // Only some groups sit behind a gateway or blocklist; the others omit the field
    // (the spec types it as a plain string, so we never send null).
    if (r.chance(0.4)) g.private_wireless_gateway_id = r.uuid();
    if (r.chance(0.3)) g.wireless_blocklist_id = r.uuid();
    groups.push(g);
  }
  return groups;
}

function makeLogs(
  seed: number,
  index: number,
  sim: Pick<SimCardDetail, 'id' | 'status' | 'live_data_session' | 'imsi' | 'current_imei'>,
  nextId: () => number,
): WirelessConnectivityLog[] {
  const r = new Rng(mixSeed(seed, index + 1));
  if (sim.status?.value === 'registering' || r.chance(0.2)) return [];
  const count = r.int(1, 8);
  const ongoing = sim.live_data_session === 'connected';
  const logs: WirelessConnectivityLog[] = [];
  let t = EPOCH - r.int(0, 2 * 3600_000);
  for (let i = 0; i < count; i++) {
    const net = r.pick(NETWORKS);
    const rat = r.pick(RATS);
    const duration = r.int(60, 6 * 3600) * 1000;
    const start = t - duration;
    const isOpen = i === 0 && ongoing;
    const log: WirelessConnectivityLog = {
      id: nextId(),
      record_type: 'wireless_connectivity_log',
      sim_card_id: sim.id,
      log_type: i === count - 1 || r.chance(0.25) ? 'registration' : 'data',
      ...(sim.imsi != null ? { imsi: sim.imsi } : {}),
      imei: sim.current_imei ?? makeImei(r),
      mobile_country_code: net.mcc,
      mobile_network_code: net.mnc,
      start_time: iso(start),
      created_at: iso(start + 1500),
      last_seen: iso(isOpen ? EPOCH - r.int(5, 600) * 1000 : t),
      apn: r.pick(APNS),
      ipv4: `100.${r.int(64, 127)}.${r.int(0, 255)}.${r.int(1, 254)}`,
      ipv6: `2001:db8:${r.hex(4)}:${r.hex(4)}::${r.hex(3)}`,
      radio_access_technology: rat,
      state: 'provisioned',
      cell_id: `${net.mcc}${net.mnc}-${r.int(1000, 65000)}`,
    };
    // An ongoing session has no stop time yet; we omit it (the spec types it as string).
    if (!isOpen) log.stop_time = iso(t);
    logs.push(log);
    t = start - r.int(10, 48 * 60) * 60_000;
  }
  return logs;
}

function makeSim(r: Rng, status: KnownSimStatus, groups: SimCardGroup[], used: Set<string>): SimCardDetail {
  const op = r.pick(OPERATORS);
  const esim = r.chance(0.25);
  const created = EPOCH - r.int(3, 720) * DAY - r.int(0, DAY);
  const inGroup =
    status === 'enabled' || status === 'standby' || status === 'setting_standby' || status === 'enabling'
      ? r.chance(0.97) // enable/standby need a group, so almost all of these have one
      : r.chance(0.85);
  const group = inGroup ? r.weighted(groups.map((g, i) => [g, i === 0 ? 4 : 2] as const)) : undefined;

  const tagCount = r.weighted([
    [0, 15],
    [1, 30],
    [2, 27],
    [3, 15],
    [4, 8],
    [5, 5],
  ] as const);
  const tags = r.sample(TAG_VOCABULARY, tagCount);

  // Own limits on about a third; SIMs over their limit need some limit to be over.
  let dataLimit: DataAmount | undefined;
  if (r.chance(0.33) || (status === 'data_limit_exceeded' && !group?.data_limit)) {
    dataLimit = r.chance(0.75)
      ? { amount: r.pick(['50.0', '100.0', '250.0', '500.0', '1024.0', '2048.0']), unit: 'MB' }
      : { amount: r.pick(['1.0', '2.0', '5.0', '10.0']), unit: 'GB' };
  }
  const limitBytes = amountToBytes(dataLimit ?? group?.data_limit) ?? undefined;
  let usedBytes: number;
  if (status === 'registering') usedBytes = 0;
  else if (status === 'data_limit_exceeded') usedBytes = (limitBytes ?? 500 * MB) * (1 + r.float() * 0.4);
  else if (limitBytes !== undefined)
    usedBytes =
      limitBytes *
        r.weighted([
          [0, 5],
          [0.3, 30],
          [0.8, 12],
          [0.97, 3],
        ] as const) *
        r.float() +
      limitBytes * 0.02 * r.float();
  else usedBytes = r.chance(0.1) ? 0 : Math.pow(r.float(), 3) * 6 * GB;

  const connected = status === 'enabled' || status === 'data_limit_exceeded' || status === 'unauthorized_imei';
  const currentImei = status === 'registering' ? undefined : makeImei(r);
  let authorized: string[] | null;
  const a = r.float();
  if (a < 0.45) authorized = null;
  else if (a < 0.6) authorized = [];
  else {
    authorized = Array.from({ length: r.int(1, 3) }, () => makeImei(r));
    // A SIM flagged for its IMEI is in a device that is not on its list.
    if (currentImei && status !== 'unauthorized_imei') authorized[0] = currentImei;
  }
  if (status === 'unauthorized_imei' && (authorized === null || authorized.length === 0)) authorized = [makeImei(r)];

  const net = r.pick(
    NETWORKS.filter((n) => n.mcc === op.mcc)
      .concat(NETWORKS)
      .slice(0, 3),
  );
  const sim: SimCardDetail = {
    id: r.uuid(),
    record_type: 'sim_card',
    status: { value: status, reason: r.pick(STATUS_REASONS[status]) },
    type: esim ? 'esim' : 'physical',
    iccid: iccid(r, op, used),
    imsi: unique(used, () => `${op.mcc}${op.mnc}${r.digits(15 - op.mcc.length - op.mnc.length)}`),
    msisdn: unique(used, () => op.msisdn(r)),
    sim_card_group_id: group ? group.id : null,
    tags,
    ...(dataLimit ? { data_limit: dataLimit } : {}),
    current_billing_period_consumed_data: amountFromBytes(usedBytes, r),
    actions_in_progress: TRANSITIONAL.has(status),
    created_at: iso(created),
    updated_at: iso(Math.min(EPOCH, created + r.int(0, 300) * DAY)),
    // Only eSIMs carry it: the spec's enum (released, disabled) has no null despite its type.
    ...(esim ? { esim_installation_status: status === 'disabled' ? 'disabled' : 'released' } : {}),
    version: esim ? r.pick(['4.3', '5.0']) : r.pick(['4.3', '4.3', '4.1']),
    resources_with_in_progress_actions: [],
    eid: esim ? eidWithCheckDigits('89049032' + r.digits(22)) : null,
    authorized_imeis: authorized,
  };
  if (currentImei) sim.current_imei = currentImei;
  if (connected) {
    sim.ipv4 = `100.${r.int(64, 127)}.${r.int(0, 255)}.${r.int(1, 254)}`;
    sim.ipv6 = `2001:db8:${r.hex(4)}:${r.hex(4)}::${r.hex(3)}`;
  }
  if (status !== 'registering') {
    sim.current_device_location = {
      latitude: (net.lat + (r.float() - 0.5) * 2).toFixed(3),
      longitude: (net.lon + (r.float() - 0.5) * 2).toFixed(3),
      accuracy: r.pick([50, 250, 1250, 5000]),
      accuracy_unit: 'm',
    };
    sim.current_mcc = net.mcc;
    sim.current_mnc = net.mnc;
  }
  sim.live_data_session =
    status === 'registering' ? 'unknown' : connected && r.chance(0.8) ? 'connected' : r.chance(0.1) ? 'unknown' : 'disconnected';
  return sim;
}

/** Builds the fleet. SIMs come out in the API's default order (created_at, then id). */
export function generateFleet(opts: FleetOptions): MockFleet {
  const seed = opts.seed >>> 0;
  const count = Math.max(0, Math.floor(opts.sims));
  const r = new Rng(seed);
  const groups = makeGroups(r);
  const used = new Set<string>();
  const sims = statusPlan(r, count).map((status) => makeSim(r, status, groups, used));
  sims.sort(compareDefault);

  for (const g of groups) {
    const members = sims.filter((s) => s.sim_card_group_id === g.id);
    g.sim_card_count = members.length;
    const bytes = members.reduce((sum, s) => sum + (amountToBytes(s.current_billing_period_consumed_data) ?? 0), 0);
    g.consumed_data = { amount: (bytes / MB).toFixed(1), unit: 'MB' };
  }

  // Logs are made on first use (most SIMs are never asked for), from a per-SIM stream so
  // the answer does not depend on which SIMs were asked first.
  const index = new Map(sims.map((sim, i) => [sim.id, i]));
  // Snapshot of what the logs depend on, so later actions on a SIM do not change its history.
  // Only the fields makeLogs reads, so a 100,000-SIM fleet is not held twice.
  type LogOrigin = Pick<SimCardDetail, 'id' | 'status' | 'live_data_session' | 'imsi' | 'current_imei'>;
  const origin: LogOrigin[] = sims.map((s) => {
    const o: LogOrigin = { id: s.id };
    if (s.status !== undefined) o.status = s.status ? { ...s.status } : s.status;
    if (s.live_data_session !== undefined) o.live_data_session = s.live_data_session;
    if (s.imsi !== undefined) o.imsi = s.imsi;
    if (s.current_imei !== undefined) o.current_imei = s.current_imei;
    return o;
  });
  const logs = new Map<string, WirelessConnectivityLog[]>();
  const logBase = 137_500_000 + (seed % 1000) * 100_000;
  return {
    sims,
    groups,
    logsFor: (simId) => {
      const cached = logs.get(simId);
      if (cached) return cached;
      const i = index.get(simId);
      const from = i === undefined ? undefined : origin[i];
      if (i === undefined || !from) return [];
      let n = 0;
      const made = makeLogs(seed, i, from, () => logBase + i * 10 + n++);
      logs.set(simId, made);
      return made;
    },
  };
}

/**
 * `count` new enabled SIMs, older than every SIM in `existing` (so they list first), unique
 * against it; for the paging faults that insert at the front while a client lists.
 */
export function makeFrontSims(existing: readonly SimCardDetail[], groups: SimCardGroup[], count: number, seed: number): SimCardDetail[] {
  const r = new Rng(mixSeed(seed, 0x1f5e0000 + existing.length));
  const used = new Set<string>();
  let oldest = EPOCH;
  for (const s of existing) {
    for (const v of [s.iccid, s.imsi, s.msisdn]) if (v) used.add(v);
    const t = Date.parse(s.created_at ?? '');
    if (t < oldest) oldest = t;
  }
  return Array.from({ length: count }, (_, i) => {
    const sim = makeSim(r, 'enabled', groups, used);
    sim.created_at = iso(oldest - (count - i) * 1000);
    sim.updated_at = sim.created_at;
    return sim;
  });
}

/** Default order of `GET /sim_cards`: oldest first, ties by id. */
export function compareDefault(a: { created_at?: string | null; id: string }, b: { created_at?: string | null; id: string }): number {
  const ca = a.created_at ?? '';
  const cb = b.created_at ?? '';
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** True for statuses that move on by themselves (an action is running). */
export function isTransitional(status: string | null | undefined): boolean {
  return status != null && TRANSITIONAL.has(status);
}
