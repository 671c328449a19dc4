// Fault injection: a queue of scripted faults (tests) and random rates (demos, soak runs).
// Scripted faults win over rates; neither touches the /__mock/ control endpoints.

/**
 * status/drop/malformed/delay, plus network faults: 'hang' (never answers), 'stallBody'
 * (headers and part of the body, then silence), 'cutBody' (Content-Length set, the socket
 * ends after half the body), 'redirect' (302 to another host), 'html' (a 200 login page),
 * 'hostileDetail' (422 whose detail is a Markdown command link), 'wrongId' (a single-SIM
 * answer for another SIM), 'deepNesting' (the record carries a 10,000-deep value), 'gzip'
 * (the answer gzip-compressed, as a CDN in front of an API sends it), 'cutGzip' (gzip-compressed
 * and chunked, the socket ends after half the compressed bytes).
 */
export type FaultKind =
  | 'status'
  | 'drop'
  | 'malformed'
  | 'delay'
  | 'hang'
  | 'stallBody'
  | 'cutBody'
  | 'redirect'
  | 'html'
  | 'hostileDetail'
  | 'wrongId'
  | 'deepNesting'
  | 'gzip'
  | 'cutGzip';

export interface ScriptedFault {
  /** Which requests it hits: substring of the path (e.g. '/sim_cards') or undefined for any. */
  path?: string;
  method?: string;
  kind: FaultKind;
  /** For kind 'status': 429, 500, 503, 408, 409... */
  status?: number;
  /** Adds Retry-After (429/503). */
  retryAfterSeconds?: number;
  /** Adds x-ratelimit-reset (429). */
  rateLimitResetSeconds?: number;
  /** For kind 'delay' (then answers normally). */
  delayMs?: number;
  /** How many matching requests it hits (default 1). */
  times?: number;
  /**
   * Hit after the request was carried out: the change happens but the answer is the
   * fault (a 5xx, a dropped connection, or a delay long enough to time the client out).
   */
  after?: boolean;
}

export interface FaultRates {
  rate429?: number;
  rate500?: number;
  rate503?: number;
  dropRate?: number;
  malformedRate?: number;
}

const KINDS: readonly string[] = [
  'status',
  'drop',
  'malformed',
  'delay',
  'hang',
  'stallBody',
  'cutBody',
  'redirect',
  'html',
  'hostileDetail',
  'wrongId',
  'deepNesting',
  'gzip',
  'cutGzip',
];

/** Validates a fault that arrived as JSON; returns an error message or the fault. */
export function parseFault(value: unknown): ScriptedFault | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The body must be a JSON object.';
  const v = value as Record<string, unknown>;
  if (typeof v.kind !== 'string' || !KINDS.includes(v.kind)) return `kind must be one of ${KINDS.join(', ')}.`;
  const f: ScriptedFault = { kind: v.kind as ScriptedFault['kind'] };
  for (const k of ['path', 'method'] as const) {
    if (v[k] === undefined) continue;
    if (typeof v[k] !== 'string') return `${k} must be a string.`;
    f[k] = v[k] as string;
  }
  for (const k of ['status', 'retryAfterSeconds', 'rateLimitResetSeconds', 'delayMs', 'times'] as const) {
    if (v[k] === undefined) continue;
    if (typeof v[k] !== 'number' || !Number.isFinite(v[k]) || (v[k] as number) < 0) return `${k} must be a non-negative number.`;
    f[k] = v[k] as number;
  }
  if (v.after !== undefined) {
    if (typeof v.after !== 'boolean') return 'after must be true or false.';
    f.after = v.after;
  }
  if (f.kind === 'status' && (f.status === undefined || f.status < 100 || f.status > 599)) {
    return 'status must be an HTTP status (100-599) for kind "status".';
  }
  return f;
}

interface Armed {
  fault: ScriptedFault;
  left: number;
}

export class FaultInjector {
  private queue: Armed[] = [];

  constructor(
    private readonly rates: FaultRates = {},
    private readonly random: () => number = Math.random,
  ) {}

  add(f: ScriptedFault): void {
    this.queue.push({ fault: { ...f }, left: f.times ?? 1 });
  }

  clear(): void {
    this.queue = [];
  }

  pending(): ScriptedFault[] {
    return this.queue.map((a) => ({ ...a.fault, times: a.left }));
  }

  /** The fault for this request, if any; consumes one use of a scripted fault. */
  take(method: string, path: string): ScriptedFault | undefined {
    const i = this.queue.findIndex(
      (a) =>
        a.left > 0 &&
        (a.fault.path === undefined || path.includes(a.fault.path)) &&
        (a.fault.method === undefined || a.fault.method.toUpperCase() === method.toUpperCase()),
    );
    const armed = i >= 0 ? this.queue[i] : undefined;
    if (armed) {
      armed.left--;
      if (armed.left <= 0) this.queue.splice(i, 1);
      return armed.fault;
    }
    return this.fromRates();
  }

  private fromRates(): ScriptedFault | undefined {
    const r = this.rates;
    // One draw walks the cumulative rates, so they add up instead of shadowing each other.
    let x = this.random();
    const table: [number | undefined, ScriptedFault][] = [
      [r.rate429, { kind: 'status', status: 429, rateLimitResetSeconds: 1 }],
      [r.rate500, { kind: 'status', status: 500 }],
      [r.rate503, { kind: 'status', status: 503 }],
      [r.dropRate, { kind: 'drop' }],
      [r.malformedRate, { kind: 'malformed' }],
    ];
    for (const [rate, fault] of table) {
      if (!rate || rate <= 0) continue;
      if (x < rate) return fault;
      x -= rate;
    }
    return undefined;
  }
}
