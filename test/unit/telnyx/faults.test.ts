// Retries, timeouts and typed errors against the local Telnyx API (real HTTP).
import assert from 'node:assert/strict';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import {
  AuthenticationError,
  BadRequestError,
  CancelledError,
  InvalidResponseError,
  isTelnyxError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TelnyxClient,
  TelnyxError,
  TimeoutError,
  type TelnyxClientOptions,
} from '../../../src/telnyx';
import { closedPort, startLocalServer } from './helpers';
import { at } from '../helpers/at';

/** Distinctive so that any leak into a message is unmistakable. */
const KEY = 'fake_key_zq9SECRETxv7_must_never_leak';

describe('telnyx/client faults and retries', () => {
  let api: MockApi;
  const errors: unknown[] = [];
  const logLines: string[] = [];

  function client(extra: Partial<TelnyxClientOptions> = {}): TelnyxClient {
    return new TelnyxClient({
      apiKey: KEY,
      baseUrl: api.url,
      retryBaseDelayMs: 10,
      maxRetries: 3,
      log: (l) => logLines.push(l),
      ...extra,
    });
  }

  /** Runs `p`, expects a rejection of `type`, and keeps the error for the key-leak check. */
  async function expectError<E extends TelnyxError>(p: Promise<unknown>, type: new (...a: never[]) => E): Promise<E> {
    try {
      await p;
    } catch (e) {
      errors.push(e);
      assert.ok(e instanceof type, `expected ${type.name}, got ${String(e)}`);
      return e;
    }
    assert.fail(`expected ${type.name}, but it resolved`);
  }

  before(async () => {
    api = await startMockApi({ sims: 300, apiKey: KEY, seed: 3 });
  });
  after(() => api.close());
  beforeEach(() => {
    api.requests.length = 0;
    api.clearFaults();
  });

  it('retries a 429 after the Retry-After delay', async () => {
    api.addFault({ kind: 'status', status: 429, retryAfterSeconds: 1, path: '/sim_cards' });
    const page = await client().listSimCards();
    assert.equal(page.data.length, 250);
    assert.deepEqual(
      api.requests.map((r) => r.status),
      [429, 200],
    );
    const gap = at(api.requests, 1).time - at(api.requests, 0).time;
    assert.ok(gap >= 900, `retried after ${gap} ms, Retry-After said 1 s`);
  });

  it('honours x-ratelimit-reset on a 429 without Retry-After', async () => {
    api.addFault({ kind: 'status', status: 429, rateLimitResetSeconds: 1 });
    await client().listSimCards({ pageSize: 1 });
    assert.equal(api.requests.length, 2);
    assert.ok(at(api.requests, 1).time - at(api.requests, 0).time >= 900);
  });

  it('caps a long Retry-After at maxRetryDelayMs', async () => {
    api.addFault({ kind: 'status', status: 503, retryAfterSeconds: 3600 });
    const page = await client({ maxRetryDelayMs: 20 }).listSimCards({ pageSize: 1 });
    assert.equal(page.data.length, 1);
    assert.equal(api.requests.length, 2);
  });

  it('gives up on a persistent 429 with RateLimitError and retryAfterMs', async () => {
    api.addFault({ kind: 'status', status: 429, retryAfterSeconds: 0, times: 10 });
    const e = await expectError(client({ maxRetries: 2 }).listSimCards(), RateLimitError);
    assert.equal(e.status, 429);
    assert.equal(e.kind, 'rateLimited');
    assert.equal(e.retryAfterMs, 0);
    assert.equal(api.requests.length, 3);
    assert.match(e.message, /429/);
    assert.match(e.message, /^Telnyx is limiting the request rate \(429\) after 2 retries\..* Try again in a moment\.$/);
  });

  it('retries 500/502/503 and succeeds', async () => {
    api.addFault({ kind: 'status', status: 500 });
    api.addFault({ kind: 'status', status: 502 });
    api.addFault({ kind: 'status', status: 503 });
    const page = await client().listSimCards({ pageSize: 3 });
    assert.equal(page.data.length, 3);
    assert.deepEqual(
      api.requests.map((r) => r.status),
      [500, 502, 503, 200],
    );
  });

  it('retries 408 and 409 on GET', async () => {
    api.addFault({ kind: 'status', status: 408 });
    api.addFault({ kind: 'status', status: 409 });
    await client().listSimCards({ pageSize: 1 });
    assert.deepEqual(
      api.requests.map((r) => r.status),
      [408, 409, 200],
    );
  });

  it('a persistent 5xx becomes ServerError after maxRetries + 1 requests', async () => {
    api.addFault({ kind: 'status', status: 503, times: 100 });
    const e = await expectError(client({ maxRetries: 2 }).listSimCards(), ServerError);
    assert.equal(e.status, 503);
    assert.equal(api.requests.length, 3);
    assert.match(e.message, /server error \(503\)/);
  });

  it('retries a dropped connection and malformed JSON', async () => {
    api.addFault({ kind: 'drop' });
    api.addFault({ kind: 'malformed' });
    const page = await client().listSimCards({ pageSize: 2 });
    assert.equal(page.data.length, 2);
    assert.equal(api.requests.length, 3);
    assert.deepEqual(
      api.requests.map((r) => r.status),
      [0, 200, 200],
    );
  });

  it('persistent drops become NetworkError, persistent bad JSON InvalidResponseError naming the request', async () => {
    api.addFault({ kind: 'drop', times: 100 });
    const net = await expectError(client({ maxRetries: 1 }).listSimCards(), NetworkError);
    assert.equal(net.kind, 'network');
    assert.equal(api.requests.length, 2);
    api.clearFaults();
    api.requests.length = 0;
    api.addFault({ kind: 'malformed', times: 100 });
    const bad = await expectError(client({ maxRetries: 1 }).listSimCards(), InvalidResponseError);
    assert.match(bad.message, /response of GET \/sim_cards was not JSON/);
    assert.equal(api.requests.length, 2);
  });

  it('times out a slow answer and retries it on GET', async () => {
    api.addFault({ kind: 'delay', delayMs: 1500 });
    const page = await client({ timeoutMs: 200 }).listSimCards({ pageSize: 1 });
    assert.equal(page.data.length, 1);
    assert.equal(api.requests.length, 2);
  });

  it('a persistently slow server gives TimeoutError', async () => {
    api.addFault({ kind: 'delay', delayMs: 1500, times: 2 });
    const e = await expectError(client({ timeoutMs: 150, maxRetries: 1 }).listSimCards(), TimeoutError);
    assert.equal(e.kind, 'timeout');
    assert.equal(api.requests.length, 2);
    assert.match(e.message, /^Telnyx did not answer GET \/sim_cards within 150 ms after 1 retry\. Check your connection and try again\.$/);
  });

  it('does not retry a POST action on 500, 503, drop or timeout', async () => {
    const sim = api.fleet.sims.find((s) => s.sim_card_group_id)!;
    const post = (): number => api.requests.filter((r) => r.method === 'POST').length;

    api.addFault({ kind: 'status', status: 500, method: 'POST', times: 10 });
    await expectError(client().enableSimCard(sim.id), ServerError);
    assert.equal(post(), 1);

    api.clearFaults();
    api.addFault({ kind: 'status', status: 503, method: 'POST', retryAfterSeconds: 0, times: 10 });
    await expectError(client().disableSimCard(sim.id), ServerError);
    assert.equal(post(), 2);

    api.clearFaults();
    api.addFault({ kind: 'drop', method: 'POST', times: 10 });
    await expectError(client().setSimCardStandby(sim.id), NetworkError);
    assert.equal(post(), 3);

    api.clearFaults();
    api.addFault({ kind: 'delay', method: 'POST', delayMs: 1000, times: 10 });
    await expectError(client({ timeoutMs: 100 }).enableSimCard(sim.id), TimeoutError);
    assert.equal(post(), 4);

    api.clearFaults();
    api.addFault({ kind: 'status', status: 429, method: 'POST', retryAfterSeconds: 0, times: 10 });
    await expectError(client().enableSimCard(sim.id), RateLimitError);
    assert.equal(post(), 5);
  });

  it('retries a POST when the connection was refused (it never reached the server)', async () => {
    const port = await closedPort();
    const lines: string[] = [];
    const c = new TelnyxClient({
      apiKey: KEY,
      baseUrl: `http://127.0.0.1:${port}/v2`,
      retryBaseDelayMs: 1,
      maxRetries: 2,
      log: (l) => lines.push(l),
    });
    const e = await expectError(c.enableSimCard('abc'), NetworkError);
    assert.equal(e.code, 'ECONNREFUSED');
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.match(e.message, /Could not reach Telnyx at 127\.0\.0\.1:\d+ \(ECONNREFUSED\) after 2 retries/);
  });

  it('maps 401, 403, 404, 400 and 422 to typed errors with the API detail, without retrying', async () => {
    const wrongKey = new TelnyxClient({ apiKey: `${KEY}-wrong`, baseUrl: api.url, retryBaseDelayMs: 1 });
    const auth = await expectError(wrongKey.listSimCards(), AuthenticationError);
    assert.equal(auth.status, 401);
    assert.match(auth.message, /^Telnyx rejected the API key \(401\)\..*Set a valid API key\.$/);
    assert.ok(auth.errors.length > 0);
    assert.equal(api.requests.length, 1);

    api.addFault({ kind: 'status', status: 403 });
    const forbidden = await expectError(client().listSimCards(), AuthenticationError);
    assert.equal(forbidden.status, 403);

    const missing = await expectError(client().getSimCard('00000000-0000-0000-0000-000000000000'), NotFoundError);
    assert.equal(missing.status, 404);
    assert.equal(missing.kind, 'notFound');
    assert.match(missing.message, /Telnyx said: "/);

    const badSort = await expectError(client().listSimCards({ sort: 'nonsense' as never }), BadRequestError);
    assert.equal(badSort.status, 422);
    assert.equal(badSort.kind, 'badRequest');
    assert.match(badSort.message, /^Telnyx refused GET \/sim_cards \(422\)\. Telnyx said: ".+"\.$/);

    api.addFault({ kind: 'status', status: 400 });
    const bad = await expectError(client().listSimCards(), BadRequestError);
    assert.equal(bad.status, 400);

    const ungrouped = api.fleet.sims.find((s) => !s.sim_card_group_id);
    if (ungrouped) {
      const refused = await expectError(client().enableSimCard(ungrouped.id), BadRequestError);
      assert.equal(refused.status, 422);
      assert.match(refused.message, /group/);
    }
    assert.equal(
      api.requests.filter((r) => r.status >= 400 && r.status < 500 && r.status !== 401).length,
      ungrouped ? 5 : 4,
      'no 4xx was retried',
    );
  });

  it('cancels with CancelledError', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const e = await expectError(client().listSimCards({}, ctl.signal), CancelledError);
    assert.equal(e.kind, 'cancelled');
    assert.equal(api.requests.length, 0);
  });

  it('names a wrong envelope in InvalidResponseError', async () => {
    const server = await startLocalServer((req) =>
      req.path.endsWith('/actions/enable') ? { status: 202, body: { data: { no: 'id' } } } : { body: { data: { not: 'an array' } } },
    );
    try {
      const c = new TelnyxClient({ apiKey: KEY, baseUrl: server.url, retryBaseDelayMs: 1 });
      const list = await expectError(c.listSimCards(), InvalidResponseError);
      assert.match(list.message, /response of GET \/sim_cards has no data array/);
      const action = await expectError(c.enableSimCard('x'), InvalidResponseError);
      assert.match(action.message, /response of POST \/sim_cards\/x\/actions\/enable has a data object without a string id/);
      assert.equal(server.seen.length, 2, 'shape errors are not retried');
    } finally {
      await server.close();
    }
  });

  it('redacts the key when a server echoes it back', async () => {
    const server = await startLocalServer((req) => ({
      status: 401,
      body: {
        errors: [{ title: 'Bad key', detail: `Key ${String(req.headers.authorization)} is unknown`, meta: { echoed: KEY, [KEY]: 1 } }],
      },
    }));
    try {
      const e = await expectError(new TelnyxClient({ apiKey: KEY, baseUrl: server.url }).listSimCards(), AuthenticationError);
      assert.match(e.message, /Key Bearer \[redacted\] is unknown/);
    } finally {
      await server.close();
    }
  });

  it('no error message, JSON, stack or log line contains the API key', () => {
    assert.ok(errors.length >= 15, `only ${errors.length} errors collected`);
    for (const e of errors) {
      assert.ok(isTelnyxError(e));
      assert.ok(!e.message.includes(KEY), e.message);
      assert.ok(!JSON.stringify(e).includes(KEY), JSON.stringify(e));
      assert.ok(!String(e.stack).includes(KEY));
      assert.ok(!String(e).includes(KEY));
    }
    assert.ok(logLines.length > 0);
    for (const l of logLines) assert.ok(!l.includes(KEY) && !/bearer/i.test(l), l);
  });
});
