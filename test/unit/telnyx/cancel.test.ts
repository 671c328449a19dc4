// Cancellation: an AbortSignal ends requests, retry sleeps and listAll's in-flight pages.
import assert from 'node:assert/strict';
import { startMockApi, type MockApi } from '../../../mock-api/server';
import { CancelledError, TelnyxClient } from '../../../src/telnyx';
import { delay } from './helpers';
import { at } from '../helpers/at';

describe('telnyx/client cancellation', () => {
  let api: MockApi;
  before(async () => {
    api = await startMockApi({ sims: 2500, latencyMs: 60 });
  });
  after(() => api.close());
  beforeEach(() => {
    api.requests.length = 0;
    api.clearFaults();
  });

  function client(): TelnyxClient {
    return new TelnyxClient({ apiKey: api.apiKey, baseUrl: api.url, retryBaseDelayMs: 10, pageSize: 25, concurrency: 3 });
  }

  it('abort mid-listAll rejects with CancelledError and no further pages are requested', async () => {
    const ctl = new AbortController();
    let pagesSeen = 0;
    const p = client().listAllSimCards(
      {},
      {
        signal: ctl.signal,
        onPage: () => {
          pagesSeen++;
          if (pagesSeen === 3) ctl.abort();
        },
      },
    );
    await assert.rejects(p, CancelledError);
    await delay(50); // requests already on the wire may still land
    const countAfterAbort = api.requests.length;
    await delay(400);
    assert.equal(api.requests.length, countAfterAbort, 'requests kept coming after the abort');
    assert.ok(countAfterAbort < 100 / 2, `made ${countAfterAbort} of 100 page requests`);
  });

  it('aborting listAll aborts the pages in flight', async function () {
    this.timeout(3000); // in-flight pages that ignored the abort would wait for a 20 s delay
    api.addFault({ kind: 'delay', delayMs: 20_000, times: 3, path: '/sim_cards' });
    const ctl = new AbortController();
    const p = client().listAllSimCards({}, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 100);
    await assert.rejects(p, CancelledError);
  });

  it('abort during a retry backoff sleep rejects promptly', async function () {
    this.timeout(3000); // the Retry-After below is 30 s
    api.addFault({ kind: 'status', status: 503, retryAfterSeconds: 30 });
    const ctl = new AbortController();
    const c = new TelnyxClient({ apiKey: api.apiKey, baseUrl: api.url, maxRetryDelayMs: 60_000 });
    const p = c.listSimCards({}, ctl.signal);
    setTimeout(() => ctl.abort(), 200);
    await assert.rejects(p, CancelledError);
    assert.equal(api.requests.length, 1);
  });

  it('abort of a single in-flight request rejects with CancelledError, not TimeoutError', async function () {
    this.timeout(3000);
    api.addFault({ kind: 'delay', delayMs: 20_000 });
    const ctl = new AbortController();
    const p = client().getSimCard(at(api.fleet.sims, 0).id, ctl.signal);
    setTimeout(() => ctl.abort(), 100);
    const e = await p.then(
      () => assert.fail('resolved'),
      (err: unknown) => err,
    );
    assert.ok(e instanceof CancelledError);
    assert.equal((e as CancelledError).kind, 'cancelled');
  });

  it('an already-aborted signal sends nothing', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await assert.rejects(client().listAllSimCards({}, { signal: ctl.signal }), CancelledError);
    await assert.rejects(client().enableSimCard('x', ctl.signal), CancelledError);
    await assert.rejects(client().listAllSimCardGroups(ctl.signal), CancelledError);
    assert.equal(api.requests.length, 0);
  });
});
