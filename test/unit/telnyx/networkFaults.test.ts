// The fault matrix: every network fault mode of the local Telnyx API against the client,
// for a full list and for one SIM. Each case ends in the complete, correct answer or in
// the right typed error with the right reason; never in a wrong list.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEEP_NESTING_DEPTH, HOSTILE_DETAIL, startMockApi, type MockApi, type ScriptedFault } from '../../../mock-api/server';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_RETRY_DELAY_MS,
  DEFAULT_MAX_TIMEOUT_RETRIES,
  DEFAULT_RETRY_BASE_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
} from '../../../src/telnyx/client';
import {
  AuthenticationError,
  BadRequestError,
  InvalidResponseError,
  NetworkError,
  RateLimitError,
  ServerError,
  TelnyxClient,
  TimeoutError,
  type RetryInfo,
  type TelnyxClientOptions,
  type TelnyxError,
  type TelnyxErrorReason,
} from '../../../src/telnyx';
import { closedPort } from './helpers';

const KEY = 'fault-matrix-key';
const SIMS = 230;
const PAGE = 100;

type Op = 'list' | 'get';
type ErrorType = new (...a: never[]) => TelnyxError;

interface Case {
  name: string;
  op: Op;
  faults: ScriptedFault[];
  /** Undefined: the complete, correct answer. */
  error?: { type: ErrorType; reason: TelnyxErrorReason };
  /** Requests the API must have seen for the faulted path (retry policy). */
  requests?: number;
  options?: Partial<TelnyxClientOptions>;
  check?: (value: unknown, api: MockApi) => void;
}

const FAST: Partial<TelnyxClientOptions> = {
  connectTimeoutMs: 400,
  timeoutMs: 3000,
  retryBaseDelayMs: 5,
  maxRetryDelayMs: 20,
  maxRetries: 3,
};

function deepestDepth(value: unknown): number {
  let depth = 0;
  let v: unknown = value;
  while (typeof v === 'object' && v !== null && 'd' in v) {
    v = (v as { d: unknown }).d;
    depth++;
  }
  return depth;
}

function cases(simPath: (api: MockApi) => string): (api: MockApi) => Case[] {
  return (api) => {
    const one = simPath(api);
    const out: Case[] = [];
    for (const op of ['list', 'get'] as const) {
      const path = op === 'list' ? '/sim_cards' : one;
      const persistent = (kind: ScriptedFault['kind'], extra: Partial<ScriptedFault> = {}): ScriptedFault[] => [
        { kind, path, times: 50, ...extra },
      ];
      const once = (kind: ScriptedFault['kind'], extra: Partial<ScriptedFault> = {}): ScriptedFault[] => [{ kind, path, ...extra }];
      out.push(
        { name: 'no fault', op, faults: [] },
        { name: 'hang once, then answers', op, faults: once('hang') },
        { name: 'hang', op, faults: persistent('hang'), error: { type: TimeoutError, reason: 'firstByteTimeout' }, requests: 2 },
        { name: 'stall mid-body once', op, faults: once('stallBody') },
        { name: 'stall mid-body', op, faults: persistent('stallBody'), error: { type: TimeoutError, reason: 'bodyTimeout' }, requests: 2 },
        { name: 'FIN mid-body once', op, faults: once('cutBody') },
        // The reason proves the cut was seen at once: otherwise the idle timeout would report bodyTimeout.
        { name: 'FIN mid-body', op, faults: persistent('cutBody'), error: { type: NetworkError, reason: 'cutBody' }, requests: 4 },
        { name: 'gzip-compressed answer', op, faults: persistent('gzip') },
        { name: 'gzip cut mid-body once', op, faults: once('cutGzip') },
        { name: 'gzip cut mid-body', op, faults: persistent('cutGzip'), error: { type: NetworkError, reason: 'cutBody' }, requests: 4 },
        { name: 'redirect', op, faults: persistent('redirect'), error: { type: InvalidResponseError, reason: 'redirect' }, requests: 1 },
        { name: 'HTML 200', op, faults: persistent('html'), error: { type: InvalidResponseError, reason: 'htmlPage' }, requests: 1 },
        {
          name: 'hostile error detail',
          op,
          faults: persistent('hostileDetail'),
          error: { type: BadRequestError, reason: 'badRequest' },
          requests: 1,
          check: (e) => assert.equal((e as TelnyxError).errors[0]?.detail, HOSTILE_DETAIL),
        },
        { name: 'deep nesting', op, faults: once('deepNesting') },
        {
          name: 'malformed JSON',
          op,
          faults: persistent('malformed'),
          error: { type: InvalidResponseError, reason: 'notJson' },
          requests: 4,
        },
        { name: 'dropped connection once', op, faults: once('drop') },
        { name: 'dropped connection', op, faults: persistent('drop'), error: { type: NetworkError, reason: 'reset' }, requests: 4 },
        { name: '503 twice', op, faults: once('status', { status: 503, times: 2 }) },
        { name: '500', op, faults: persistent('status', { status: 500 }), error: { type: ServerError, reason: 'server' }, requests: 4 },
        {
          name: '429 with Retry-After',
          op,
          faults: persistent('status', { status: 429, retryAfterSeconds: 7 }),
          error: { type: RateLimitError, reason: 'rateLimited' },
          requests: 4,
          check: (e) => assert.equal((e as TelnyxError).retryAfterMs, 7000),
        },
        {
          name: 'wrong key',
          op,
          faults: [],
          options: { apiKey: 'not-the-key' },
          error: { type: AuthenticationError, reason: 'unauthorized' },
          requests: 1,
        },
      );
    }
    out.push({
      name: 'wrong record id',
      op: 'get',
      faults: [{ kind: 'wrongId', path: one, times: 50 }],
      error: { type: InvalidResponseError, reason: 'wrongRecord' },
      requests: 1,
    });
    out.push({
      name: 'deep nesting keeps the whole value',
      op: 'get',
      faults: [{ kind: 'deepNesting', path: one }],
      check: (v) => assert.equal(deepestDepth((v as Record<string, unknown>).deep), DEEP_NESTING_DEPTH),
    });
    void api;
    return out;
  };
}

describe('telnyx/client network fault matrix', function () {
  this.timeout(30_000);
  let api: MockApi;
  let held = 0;
  let total = 0;

  before(async () => {
    api = await startMockApi({ sims: SIMS, apiKey: KEY, seed: 5 });
  });
  after(async () => {
    await api.close();
    console.log(`      network fault matrix: ${total} cases, ${held} held`);
  });

  const simPath = (a: MockApi): string => `/sim_cards/${a.fleet.sims[7]?.id ?? ''}`;

  it('runs every fault mode for a list and for one SIM', async () => {
    const all = cases(simPath)(api);
    const failures: string[] = [];
    for (const c of all) {
      total++;
      api.requests.length = 0;
      api.clearFaults();
      for (const f of c.faults) api.addFault(f);
      const client = new TelnyxClient({ apiKey: KEY, baseUrl: api.url, pageSize: PAGE, ...FAST, ...c.options });
      const simId = api.fleet.sims[7]?.id ?? '';
      let value: unknown;
      let error: unknown;
      try {
        value = c.op === 'list' ? await client.listAllSimCards() : await client.getSimCard(simId);
      } catch (e) {
        error = e;
      }
      try {
        if (c.error) {
          assert.ok(
            error instanceof c.error.type,
            `expected ${c.error.type.name}, got ${String(error)} / ${value === undefined ? '' : 'a value'}`,
          );
          assert.equal((error as TelnyxError).reason, c.error.reason);
          assert.ok(!(error as TelnyxError).message.includes(KEY));
          c.check?.(error, api);
        } else {
          assert.equal(error, undefined, `unexpected ${String(error)}`);
          if (c.op === 'list') {
            // The independent source: the fleet the local API generated.
            const listing = value as { complete: boolean; items: Array<{ id: string }> };
            assert.equal(listing.complete, true, 'the listing says it is complete');
            const ids = listing.items.map((s) => s.id).sort();
            assert.deepEqual(ids, api.fleet.sims.map((s) => s.id).sort());
          } else {
            assert.equal((value as { id: string }).id, simId);
          }
          c.check?.(value, api);
        }
        if (c.requests !== undefined) {
          const faulted = api.requests.filter((r) => (c.op === 'list' ? r.path.endsWith('/sim_cards') : r.path.endsWith(simPath(api))));
          const firstPage = c.op === 'list' ? faulted.filter((r) => (r.query['page[number]'] ?? '1') === '1') : faulted;
          assert.equal(firstPage.length, c.requests, 'requests sent');
        }
        held++;
      } catch (e) {
        failures.push(`${c.op} / ${c.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('reports connection refused, TLS failure and every retry', async () => {
    total += 3;
    const port = await closedPort();
    const refused = await new TelnyxClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}/v2`, ...FAST, maxRetries: 0 })
      .listSimCards()
      .catch((e: unknown) => e);
    assert.ok(refused instanceof NetworkError);
    assert.equal(refused.reason, 'refused');
    held++;

    // https to a server that speaks plain HTTP: the TLS handshake fails.
    const plain = http.createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const { port: p } = plain.address() as AddressInfo;
      const tlsError = await new TelnyxClient({ apiKey: KEY, baseUrl: `https://127.0.0.1:${p}/v2`, ...FAST, maxRetries: 2 })
        .listSimCards()
        .catch((e: unknown) => e);
      assert.ok(tlsError instanceof NetworkError, String(tlsError));
      assert.equal(tlsError.reason, 'tls');
      held++;
    } finally {
      plain.closeAllConnections();
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }

    api.clearFaults();
    api.addFault({ kind: 'status', status: 503, path: '/sim_cards', times: 2 });
    const seen: RetryInfo[] = [];
    const page = await new TelnyxClient({ apiKey: KEY, baseUrl: api.url, ...FAST, onRetry: (i) => seen.push(i) }).listSimCards({
      pageSize: 5,
    });
    assert.equal(page.data.length, 5);
    assert.deepEqual(
      seen.map((s) => [s.attempt, s.maxAttempts, s.error.status]),
      [
        [1, 3, 503],
        [2, 3, 503],
      ],
    );
    held++;
  });

  it('with the defaults, a server that never answers fails within 35 s', () => {
    // Worst case: every timed-out attempt waits the connect/first-byte timeout, plus the longest backoffs.
    let worst = DEFAULT_CONNECT_TIMEOUT_MS * (1 + DEFAULT_MAX_TIMEOUT_RETRIES);
    for (let i = 0; i < DEFAULT_MAX_TIMEOUT_RETRIES; i++)
      worst += Math.min(DEFAULT_MAX_RETRY_DELAY_MS, DEFAULT_RETRY_BASE_DELAY_MS * 2 ** i);
    assert.ok(worst <= 35_000, `${worst} ms`);
    assert.ok(DEFAULT_CONNECT_TIMEOUT_MS < DEFAULT_TIMEOUT_MS);
  });
});
