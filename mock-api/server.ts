// The local Telnyx API: a small node:http server that answers the Wireless endpoints
// from a generated fleet, with auth, rate-limit headers and fault injection.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, methodNotAllowed, rateLimited, routeNotFound, authFailed, serverError, badRequest } from './errors';
import { FaultInjector, parseFault, type FaultRates, type ScriptedFault } from './faults';
import { generateFleet, type MockFleet } from './fleet';
import { isPagingFault, parsePagingFault, type PagingFault } from './pagingFaults';
import { parseQuery, type Query } from './query';
import { actionRoutes } from './routes/actions';
import { groupRoutes } from './routes/groups';
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
}

export interface MockApiOptions {
  port?: number;
  sims?: number;
  seed?: number;
  latencyMs?: number;
  apiKey?: string;
  faultRates?: FaultRates;
  transitionMs?: number;
}

export interface MockApi {
  url: string;
  port: number;
  apiKey: string;
  fleet: MockFleet;
  requests: RecordedRequest[];
  /** A transport fault (status, drop, ...) or a paging fault of GET /sim_cards (see pagingFaults.ts). */
  addFault(f: ScriptedFault | PagingFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const ROUTES: Route[] = [...simCardRoutes, ...groupRoutes, ...actionRoutes];
const RATE_LIMIT = 6000;
const RATE_WINDOW_MS = 60_000;
/** What a `malformed` fault sends: a 200 whose JSON stops mid-record. */
const MALFORMED_BODY = '{"data": [{"id": "6a09cdc3-8948-47f0-aa62-74ac943d6c58", "record_type": "sim_c';

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

export async function startMockApi(opts: MockApiOptions = {}): Promise<MockApi> {
  const seed = opts.seed ?? 42;
  const apiKey = opts.apiKey ?? 'local-dev-key';
  const latencyMs = opts.latencyMs ?? 0;
  const fleet = generateFleet({ seed, sims: opts.sims ?? 1000 });
  const state = new MockState(fleet, opts.transitionMs ?? 1500, seed);
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

  function send(res: http.ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
    if (res.destroyed || res.headersSent) return;
    const record = recordOf.get(res);
    if (record) record.status = status;
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      ...rate.headers(),
      ...extra,
    });
    res.end(body);
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
        let parsed: unknown;
        try {
          parsed = JSON.parse(await readBody(req));
        } catch {
          return sendError(res, badRequest('The body must be JSON.'));
        }
        const f = isPagingFault(parsed) ? parsePagingFault(parsed) : parseFault(parsed);
        if (typeof f === 'string') return sendError(res, badRequest(f));
        addFault(f);
        return sendJson(res, 201, f);
      }
      case 'DELETE /__mock/faults':
        faults.clear();
        state.pagingFaults.clear();
        return send(res, 204, '');
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
    req.resume(); // the /v2 endpoints we serve ignore request bodies
    if (path !== '/v2' && !path.startsWith('/v2/')) return sendError(res, routeNotFound());

    const authorized = req.headers.authorization === `Bearer ${apiKey}`;
    const record: RecordedRequest = { method, path, rawQuery, query: {}, authorized, status: 0, time: Date.now() };
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

    if (fault) {
      switch (fault.kind) {
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
        reply = r.handle({ state, method, params, query });
      } catch (e) {
        // Errors (404, 422...) arrive after the latency too.
        if (!(await untilReady())) return;
        throw e;
      }
      // Whatever a write did to the fleet, cached query results must not outlive it.
      if (method !== 'GET') state.touch();
      const text = JSON.stringify(reply.body);
      if (!(await untilReady())) return;
      return send(res, reply.status, text);
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
