// The local Telnyx API: a small node:http server that answers the Wireless endpoints
// from a generated fleet, with auth, rate-limit headers and fault injection.
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { HttpError, methodNotAllowed, rateLimited, routeNotFound, authFailed, serverError, badRequest } from './errors';
import { FaultInjector, parseFault, type FaultRates, type ScriptedFault } from './faults';
import { generateFleet, type MockFleet } from './fleet';
import { isPagingFault, parsePagingFault, type PagingFault } from './pagingFaults';
import { parseQuery, type Query } from './query';
import { actionRoutes } from './routes/actions';
import { groupRoutes } from './routes/groups';
import { simCardPatchRoutes } from './routes/simCardPatch';
import { simCardRoutes } from './routes/simCards';
import type { Route } from './routes/types';
import { MockState } from './state';

export type { ScriptedFault, FaultRates } from './faults';
export type { MockFleet } from './fleet';
export type { PagingFault } from './pagingFaults';

export interface RecordedRequest {
  method: string;
  /** Path without query, e.g. /v2/sim_cards. */
  path: string;
  /** Exactly as received, e.g. 'filter%5Bstatus%5D=enabled&page%5Bnumber%5D=1'. */
  rawQuery: string;
  /** Decoded, e.g. { 'filter[status]': 'enabled', 'page[number]': '1' }. */
  query: Record<string, string>;
  authorized: boolean;
  /** HTTP status sent; 0 when the connection was dropped on purpose. */
  status: number;
  time: number;
  /** Which TCP connection it came on (1, 2, ... in order of connection): shows whether clients reuse them. */
  connection: number;
}

export interface MockApiOptions {
  port?: number;
  sims?: number;
  seed?: number;
  latencyMs?: number;
  apiKey?: string;
  faultRates?: FaultRates;
  /** Old name of actionSettleMs. */
  transitionMs?: number;
  /** Time from an action's 202 to completed/failed (default 1500). */
  actionSettleMs?: number;
  /** Share of actions that end failed, 0..1, deterministic with the seed (default 0). */
  actionFailRate?: number;
  /** Requests per second allowed on the action POSTs and PATCH /sim_cards/{id}, 0 = no limit (default). */
  rateLimitPerSecond?: number;
}

/** What can be changed while the server runs (`api.settings`, `PUT /__mock/settings`). */
export interface MockSettings {
  actionSettleMs: number;
  actionFailRate: number;
  rateLimitPerSecond: number;
}

export interface MockApi {
  url: string;
  port: number;
  apiKey: string;
  fleet: MockFleet;
  requests: RecordedRequest[];
  /** Live settings; assign to the fields to change them mid-run. */
  settings: MockSettings;
  /** A transport fault (status, drop, ...) or a paging fault of GET /sim_cards (see pagingFaults.ts). */
  addFault(f: ScriptedFault | PagingFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const ROUTES: Route[] = [...simCardRoutes, ...simCardPatchRoutes, ...groupRoutes, ...actionRoutes];
/** The endpoints `rateLimitPerSecond` applies to: SIM actions and SIM updates. */
const LIMITED = /^\/sim_cards\/[^/]+(\/actions\/[a-z_]+)?$/;
const RATE_LIMIT = 6000;
const RATE_WINDOW_MS = 60_000;
/** What a `malformed` fault sends: a 200 whose JSON stops mid-record. */
const MALFORMED_BODY = '{"data": [{"id": "6a09cdc3-8948-47f0-aa62-74ac943d6c58", "record_type": "sim_c';

/** Depth of the value a `deepNesting` fault puts into a record. */
export const DEEP_NESTING_DEPTH = 10_000;
/** What a `hostileDetail` fault sends as the 422 detail: a Markdown link to a command. */
export const HOSTILE_DETAIL = '[Click](command:workbench.action.openSettings?%5B%22telnyxSims%22%5D) $(alert) https://evil.example/x';
const DEEP_PLACEHOLDER = '__mock_deep_nesting__';
const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Wi-Fi login</title></head><body><form>Sign in to continue</form></body></html>';

/** `{"d":{"d":...1...}}` built as text: JSON.stringify would recurse that deep. */
function deepJson(depth: number): string {
  return `${'{"d":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** The reply body after a fault that alters a successful answer (wrongId, deepNesting). */
function alterBody(kind: string, value: unknown, otherId: string): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const data = (value as { data?: unknown }).data;
  const target = Array.isArray(data) ? data[0] : data;
  if (typeof target !== 'object' || target === null) return JSON.stringify(value);
  const record = target as Record<string, unknown>;
  if (kind === 'wrongId') {
    record.id = otherId;
    return JSON.stringify(value);
  }
  record.deep = DEEP_PLACEHOLDER;
  return JSON.stringify(value).replace(`"${DEEP_PLACEHOLDER}"`, deepJson(DEEP_NESTING_DEPTH));
}

/** A fixed-window counter for the x-ratelimit-* headers (informational; real 429s come from faults). */
class RateWindow {
  private start = Date.now();
  private used = 0;

  hit(): void {
    this.roll();
    this.used++;
  }

  headers(): Record<string, string> {
    this.roll();
    return {
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - this.used)),
      'x-ratelimit-reset': String(Math.max(1, Math.ceil((this.start + RATE_WINDOW_MS - Date.now()) / 1000))),
    };
  }

  private roll(): void {
    if (Date.now() - this.start >= RATE_WINDOW_MS) {
      this.start = Date.now();
      this.used = 0;
    }
  }
}

/** Fixed one-second windows (the real API's x-ratelimit-reset counts seconds to the reset). */
class SecondWindow {
  private start = Date.now();
  private used = 0;

  /** Undefined when the request may go ahead, else the seconds until the window resets. */
  take(limit: number): number | undefined {
    const now = Date.now();
    if (now - this.start >= 1000) {
      this.start = now - ((now - this.start) % 1000);
      this.used = 0;
    }
    if (this.used < limit) {
      this.used++;
      return undefined;
    }
    return Math.max(1, Math.ceil((this.start + 1000 - now) / 1000));
  }
}

function parseSettings(v: unknown, into: MockSettings): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'The body must be a JSON object.';
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!(k in into)) return `Unknown setting ${k}.`;
    const n = o[k];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || (k === 'actionFailRate' && n > 1))
      return `${k} must be a non-negative number.`;
  }
  Object.assign(into, o);
  return undefined;
}

export async function startMockApi(opts: MockApiOptions = {}): Promise<MockApi> {
  const seed = opts.seed ?? 42;
  const apiKey = opts.apiKey ?? 'local-dev-key';
  const latencyMs = opts.latencyMs ?? 0;
  const fleet = generateFleet({ seed, sims: opts.sims ?? 1000 });
  const state = new MockState(fleet, opts.actionSettleMs ?? opts.transitionMs ?? 1500, seed, opts.actionFailRate ?? 0);
  const limiter = new SecondWindow();
  let rateLimitPerSecond = opts.rateLimitPerSecond ?? 0;
  // Reads and writes go straight to the state, so a change applies to the next request.
  const settings: MockSettings = {
    get actionSettleMs() {
      return state.settings.settleMs;
    },
    set actionSettleMs(v: number) {
      state.settings.settleMs = v;
    },
    get actionFailRate() {
      return state.settings.failRate;
    },
    set actionFailRate(v: number) {
      state.settings.failRate = v;
    },
    get rateLimitPerSecond() {
      return rateLimitPerSecond;
    },
    set rateLimitPerSecond(v: number) {
      rateLimitPerSecond = v;
    },
  };
  const faults = new FaultInjector(opts.faultRates ?? {});
  const rate = new RateWindow();
  const addFault = (f: ScriptedFault | PagingFault): void => (isPagingFault(f) ? state.pagingFaults.add(f) : faults.add(f));
  const requests: RecordedRequest[] = [];
  const sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  // Filled in as the answer is written, so a test reading `requests` right after its
  // response arrives already sees the status.
  const recordOf = new WeakMap<http.ServerResponse, RecordedRequest>();
  let closed = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          sleepers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      sleepers.add(entry);
    });

  function send(res: http.ServerResponse, status: number, body: string | readonly Buffer[], extra: Record<string, string> = {}): void {
    if (res.destroyed || res.headersSent) return;
    const record = recordOf.get(res);
    if (record) record.status = status;
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.reduce((n, b) => n + b.length, 0)),
      ...rate.headers(),
      ...extra,
    });
    if (typeof body === 'string') return void res.end(body);
    // Parts written in one go (corked), so a page is still one write to the socket.
    res.cork();
    for (const b of body) res.write(b);
    res.end();
  }

  /** Announces the whole body, sends half, then stalls (or, with `fin`, ends the socket). */
  function sendPartial(res: http.ServerResponse, status: number, body: string, fin: boolean): void {
    if (res.destroyed || res.headersSent) return;
    const record = recordOf.get(res);
    if (record) record.status = status;
    const bytes = Buffer.from(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(bytes.length), ...rate.headers() });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
      if (fin) res.socket?.end();
    });
  }

  /** Gzip-compressed; cut: chunked (no length), and the socket ends after half the compressed bytes. */
  function sendGzip(res: http.ServerResponse, status: number, body: string, cut: boolean): void {
    if (res.destroyed || res.headersSent) return;
    const record = recordOf.get(res);
    if (record) record.status = status;
    const bytes = zlib.gzipSync(body);
    const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip', ...rate.headers() };
    if (!cut) {
      res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
      res.end(bytes);
      return;
    }
    res.writeHead(status, headers);
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
  }

  const sendJson = (res: http.ServerResponse, status: number, value: unknown, extra?: Record<string, string>): void =>
    send(res, status, JSON.stringify(value), extra);

  const sendError = (res: http.ServerResponse, e: HttpError): void => sendJson(res, e.status, e.envelope, e.headers);

  function faultError(f: ScriptedFault): HttpError {
    const status = f.status ?? 500;
    const headers: Record<string, string> = {};
    if (f.retryAfterSeconds !== undefined) headers['retry-after'] = String(f.retryAfterSeconds);
    if (status === 429) {
      headers['x-ratelimit-remaining'] = '0';
      headers['x-ratelimit-reset'] = String(f.rateLimitResetSeconds ?? f.retryAfterSeconds ?? 1);
      return rateLimited(headers);
    }
    const e = serverError(status);
    return new HttpError(e.status, e.item, headers);
  }

  function readBody(req: http.IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }

  /** The body as JSON, or undefined when it is not JSON (which has no undefined). */
  async function readJson(req: http.IncomingMessage): Promise<unknown> {
    try {
      return JSON.parse(await readBody(req)) as unknown;
    } catch {
      return undefined;
    }
  }

  const connections = new WeakMap<object, number>();
  let lastConnection = 0;
  function connectionOf(req: http.IncomingMessage): number {
    let n = connections.get(req.socket);
    if (n === undefined) connections.set(req.socket, (n = ++lastConnection));
    return n;
  }

  /** The /__mock/ control endpoints (no auth, no faults, not recorded). */
  async function control(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /__mock/requests':
        return sendJson(res, 200, requests);
      case 'DELETE /__mock/requests':
        requests.length = 0;
        return send(res, 204, '');
      case 'GET /__mock/faults':
        return sendJson(res, 200, [...faults.pending(), ...state.pagingFaults.pending()]);
      case 'POST /__mock/faults': {
        const parsed = await readJson(req);
        if (parsed === undefined) return sendError(res, badRequest('The body must be JSON.'));
        const f = isPagingFault(parsed) ? parsePagingFault(parsed) : parseFault(parsed);
        if (typeof f === 'string') return sendError(res, badRequest(f));
        addFault(f);
        return sendJson(res, 201, f);
      }
      case 'DELETE /__mock/faults':
        faults.clear();
        state.pagingFaults.clear();
        return send(res, 204, '');
      case 'GET /__mock/settings':
        return sendJson(res, 200, { ...settings });
      case 'PUT /__mock/settings': {
        const parsed = await readJson(req);
        if (parsed === undefined) return sendError(res, badRequest('The body must be JSON.'));
        const problem = parseSettings(parsed, settings);
        if (problem) return sendError(res, badRequest(problem));
        return sendJson(res, 200, { ...settings });
      }
      case 'GET /__mock/fleet':
        return sendJson(res, 200, { sims: fleet.sims, groups: fleet.groups });
      default:
        return sendError(res, routeNotFound());
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const qi = url.indexOf('?');
    const path = qi < 0 ? url : url.slice(0, qi);
    const rawQuery = qi < 0 ? '' : url.slice(qi + 1);
    const method = (req.method ?? 'GET').toUpperCase();

    if (path === '/__mock' || path.startsWith('/__mock/')) return control(req, res, path);
    // Only PATCH reads a body; the other /v2 endpoints ignore theirs.
    const bodyText = method === 'PATCH' ? readBody(req).catch(() => '') : (req.resume(), Promise.resolve(''));
    if (path !== '/v2' && !path.startsWith('/v2/')) return sendError(res, routeNotFound());

    const authorized = req.headers.authorization === `Bearer ${apiKey}`;
    const record: RecordedRequest = {
      method,
      path,
      rawQuery,
      query: {},
      authorized,
      status: 0,
      time: Date.now(),
      connection: connectionOf(req),
    };
    requests.push(record);
    rate.hit();
    recordOf.set(res, record);

    let query: Query | undefined;
    let queryError: HttpError | undefined;
    try {
      query = parseQuery(rawQuery);
      record.query = query;
    } catch (e) {
      queryError = e instanceof HttpError ? e : badRequest('Invalid query string.');
    }

    // Latency counts from arrival, and a normal answer is built while it runs (a real API's
    // latency includes its own work), so concurrent pages do not queue behind each other's JSON.
    const readyAt = Date.now() + latencyMs;
    const untilReady = async (): Promise<boolean> => {
      const left = readyAt - Date.now();
      if (left > 0) await sleep(left);
      return !closed;
    };
    const fault = faults.take(method, path);
    if ((fault || !authorized || queryError || !query) && !(await untilReady())) return;
    // Requests that came in together are all timed from their arrival before any answer is built:
    // building a page here at once would start the next request's latency only after it, as if a
    // real API served its concurrent requests one after another.
    if (latencyMs > 0) await new Promise<void>((resolve) => setImmediate(resolve));

    let alter: ScriptedFault['kind'] | undefined;
    if (fault && !fault.after) {
      switch (fault.kind) {
        case 'hang':
          // Never answers; close() ends the socket.
          return;
        case 'redirect': {
          record.status = 302;
          res.writeHead(302, { location: `https://telnyx-proxy.invalid${url}`, 'content-length': '0' });
          res.end();
          return;
        }
        case 'html': {
          record.status = 200;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(LOGIN_PAGE)) });
          res.end(LOGIN_PAGE);
          return;
        }
        case 'hostileDetail':
          return sendError(res, new HttpError(422, { code: '10015', title: 'Invalid value $(alert)', detail: HOSTILE_DETAIL }));
        case 'stallBody':
        case 'cutBody':
        case 'wrongId':
        case 'deepNesting':
        case 'gzip':
        case 'cutGzip':
          alter = fault.kind;
          break;
        case 'drop':
          req.socket.destroy();
          return;
        case 'malformed':
          return send(res, 200, MALFORMED_BODY);
        case 'delay':
          await sleep(fault.delayMs ?? 1000);
          if (closed) return;
          break;
        case 'status':
          return sendError(res, faultError(fault));
      }
    }

    if (!authorized) return sendError(res, authFailed());
    if (queryError || !query) return sendError(res, queryError ?? badRequest('Invalid query string.'));

    const apiPath = path.slice('/v2'.length).replace(/\/+$/, '') || '/';
    if (rateLimitPerSecond > 0 && (method === 'POST' || method === 'PATCH') && LIMITED.test(apiPath)) {
      const wait = limiter.take(rateLimitPerSecond);
      if (wait !== undefined) {
        return sendError(
          res,
          rateLimited({ 'retry-after': String(wait), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(wait) }),
        );
      }
    }
    let body: unknown;
    if (method === 'PATCH') {
      try {
        body = JSON.parse(await bodyText);
      } catch {
        return sendError(res, badRequest('The request body must be JSON.'));
      }
    }
    let pathMatched = false;
    for (const r of ROUTES) {
      const m = r.pattern.exec(apiPath);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params = m.slice(1).map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          return p;
        }
      });
      let reply: ReturnType<Route['handle']>;
      try {
        reply = r.handle({ state, method, params, query, body });
      } catch (e) {
        if (fault?.after && e instanceof HttpError) {
          reply = { status: e.status, body: e.envelope };
        } else {
          // Errors (404, 422...) arrive after the latency too.
          if (!(await untilReady())) return;
          throw e;
        }
      }
      // Whatever a write did to the fleet, cached query results must not outlive it.
      if (method !== 'GET') state.touch();
      // Serialized now, inside the latency, as a real API's latency includes its own work: the
      // pages of a concurrent listing do not queue behind each other's JSON once they are due.
      const parts = 'json' in reply ? reply.json : [JSON.stringify(reply.body)];
      const encoded = alter === undefined || reply.status >= 300 ? parts.map((p) => Buffer.from(p)) : undefined;
      if (!(await untilReady())) return;
      // A fault "after": the change above happened, the answer is lost or late.
      if (fault?.after) {
        if (fault.kind === 'drop') return void req.socket.destroy();
        if (fault.kind === 'status') return sendError(res, faultError(fault));
        if (fault.kind === 'delay') {
          await sleep(fault.delayMs ?? 1000);
          if (closed) return;
        }
      }
      if (encoded !== undefined) return send(res, reply.status, encoded);
      if (alter === 'wrongId' || alter === 'deepNesting') {
        const other = fleet.sims.find((sim) => sim.id !== params[0])?.id ?? 'another-sim';
        return send(res, reply.status, alterBody(alter, JSON.parse(parts.join('')) as unknown, other));
      }
      if (alter === 'gzip' || alter === 'cutGzip') return sendGzip(res, reply.status, parts.join(''), alter === 'cutGzip');
      return sendPartial(res, reply.status, parts.join(''), alter === 'cutBody');
    }
    if (!(await untilReady())) return;
    return sendError(res, pathMatched ? methodNotAllowed() : routeNotFound());
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return sendError(res, e);
      sendError(res, serverError(500));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v2`,
    port,
    apiKey,
    fleet,
    requests,
    settings,
    addFault,
    clearFaults: () => {
      faults.clear();
      state.pagingFaults.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        state.dispose();
        for (const s of sleepers) {
          clearTimeout(s.timer);
          s.resolve();
        }
        sleepers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
