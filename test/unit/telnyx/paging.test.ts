// Paging edge cases a well-behaved server never produces, over real HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { plannedPageCount } from '../../../src/telnyx/paging';
import { TelnyxClient, type SimCard } from '../../../src/telnyx';
import { delay, sims, startLocalServer, type LocalServer, type SeenRequest } from './helpers';

function pageOf(req: SeenRequest): number {
  return Number(req.query.get('page[number]') ?? '1');
}

function meta(page: number, size: number, totalPages: number, totalResults: number): Record<string, number> {
  return { page_number: page, page_size: size, total_pages: totalPages, total_results: totalResults };
}

describe('telnyx/paging plannedPageCount', () => {
  it('uses total_pages, capped by total_results', () => {
    assert.equal(plannedPageCount({ page_number: 1, page_size: 250, total_pages: 4, total_results: 1000 }, 250, 250), 4);
    assert.equal(plannedPageCount({ page_number: 1, page_size: 250, total_pages: 1e9, total_results: 1000 }, 250, 250), 5);
    assert.equal(plannedPageCount({ total_results: 1000 }, 250, 250), 4);
    assert.equal(plannedPageCount({ total_pages: 3 }, 250, 250), 3);
  });
  it('treats missing meta, a wrong page number or no totals as a single page', () => {
    assert.equal(plannedPageCount(undefined, 250, 250), 1);
    assert.equal(plannedPageCount({ page_number: 2, total_pages: 9 }, 250, 250), 1);
    assert.equal(plannedPageCount({ page_number: 1 }, 250, 250), 1);
  });
  it('caps absurd totals without total_results', () => {
    assert.ok(plannedPageCount({ total_pages: Number.MAX_SAFE_INTEGER }, 250, 250) <= 8000);
  });
  it('trusts the real page length over a wrong meta.page_size', () => {
    assert.equal(plannedPageCount({ page_size: 250, total_pages: 10, total_results: 1000 }, 100, 250), 10);
  });
});

describe('telnyx/paging listAllSimCards over HTTP', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  function client(concurrency = 4): TelnyxClient {
    return new TelnyxClient({ apiKey: 'k', baseUrl: server!.url, concurrency, retryBaseDelayMs: 1, pageSize: 10 });
  }

  it('keeps page order when later pages answer first, and onPage starts with page 1', async () => {
    // 6 pages; page 2 is the slowest, page 6 the fastest.
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      return { body: { data: sims('s', (n - 1) * 10, n * 10), meta: meta(n, 10, 6, 60) }, delayMs: n === 1 ? 0 : (7 - n) * 25 };
    });
    const order: number[] = [];
    const result = await client(5).listAllSimCards({}, { onPage: (page) => order.push(Number(page[0].id.split('-')[1]) / 10 + 1) });
    assert.deepEqual(
      result.map((s) => s.id),
      sims('s', 0, 60).map((s) => s.id),
    );
    assert.equal(order[0], 1);
    assert.deepEqual([...order].sort(), [1, 2, 3, 4, 5, 6]);
    assert.notDeepEqual(order, [1, 2, 3, 4, 5, 6], 'pages should have been passed on as they arrived');
  });

  it('passes pages to onPage before listAll resolves', async () => {
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      return { body: { data: sims('s', (n - 1) * 10, n * 10), meta: meta(n, 10, 3, 30) }, delayMs: n === 3 ? 300 : 0 };
    });
    let settled = false;
    let seenWhilePending = 0;
    const done = client().listAllSimCards({}, {
      onPage: () => {
        if (!settled) seenWhilePending++;
      },
    });
    void done.then(() => (settled = true));
    const firstTwo = new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (seenWhilePending >= 2) {
          clearInterval(t);
          resolve();
        }
      }, 5);
    });
    await firstTwo;
    assert.equal(settled, false, 'page 3 is still on its way');
    const all = await done;
    assert.equal(all.length, 30);
    assert.equal(seenWhilePending, 3);
  });

  it('removes duplicate ids across pages, first occurrence wins', async () => {
    // Page 2 repeats the last two SIMs of page 1 (the list shifted while paging).
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      const data = n === 1 ? sims('s', 0, 10) : n === 2 ? sims('s', 8, 18) : sims('s', 18, 25);
      if (n === 2) data[0] = { ...data[0], status: { value: 'disabled' } };
      return { body: { data, meta: meta(n, 10, 3, 25) } };
    });
    const seenByOnPage: string[] = [];
    const result = await client().listAllSimCards({}, { onPage: (p) => seenByOnPage.push(...p.map((s) => s.id)) });
    assert.deepEqual(
      result.map((s) => s.id),
      sims('s', 0, 25).map((s) => s.id),
    );
    assert.equal(result[8].status?.value, 'enabled', 'page 1 copy kept');
    assert.equal(new Set(seenByOnPage).size, seenByOnPage.length, 'onPage sees each SIM once');
  });

  it('terminates on a server that answers page 1 to every request (absurd totals)', async () => {
    server = await startLocalServer(() => ({ body: { data: sims('s', 0, 10), meta: meta(1, 10, 1_000_000_000, 1_000_000_000) } }));
    const result = await client(4).listAllSimCards();
    assert.deepEqual(
      result.map((s) => s.id),
      sims('s', 0, 10).map((s) => s.id),
    );
    assert.ok(server.seen.length <= 5, `made ${server.seen.length} requests`);
  });

  it('terminates on a server that repeats the same records under the requested page number', async () => {
    server = await startLocalServer((req) => ({ body: { data: sims('s', 0, 10), meta: meta(pageOf(req), 10, 500, 5000) } }));
    const result = await client(3).listAllSimCards();
    assert.equal(result.length, 10);
    assert.ok(server.seen.length <= 4, `made ${server.seen.length} requests`);
  });

  it('terminates on a server without page numbers in meta that repeats itself', async () => {
    server = await startLocalServer(() => ({ body: { data: sims('s', 0, 10), meta: { total_pages: 99999 } } }));
    const result = await client(2).listAllSimCards();
    assert.equal(result.length, 10);
    assert.ok(server.seen.length <= 3, `made ${server.seen.length} requests`);
  });

  it('stops at an empty page even when meta promises more', async () => {
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      return { body: { data: n <= 2 ? sims('s', (n - 1) * 10, n * 10) : [], meta: meta(n, 10, 1000, 10_000) } };
    });
    const result = await client(1).listAllSimCards();
    assert.equal(result.length, 20);
    assert.deepEqual(
      server.seen.map(pageOf),
      [1, 2, 3],
    );
  });

  it('caps pages at ceil(total_results / page size) + 1 when total_pages lies', async () => {
    // Fresh records on every page, so only the cap can stop it.
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      return { body: { data: sims('s', (n - 1) * 10, n * 10), meta: meta(n, 10, 1_000_000, 35) } };
    });
    const result = await client(2).listAllSimCards();
    assert.equal(result.length, 50);
    assert.equal(server.seen.length, 5);
  });

  it('treats an answer without meta as the only page', async () => {
    server = await startLocalServer(() => ({ body: { data: sims('s', 0, 10) } }));
    const pages: number[] = [];
    const result = await client().listAllSimCards({}, { onPage: (_p, progress) => pages.push(progress.totalPages) });
    assert.equal(result.length, 10);
    assert.equal(server.seen.length, 1);
    assert.deepEqual(pages, [1]);
    const page = await client().listSimCards();
    assert.deepEqual(page.meta, { page_number: 1, page_size: 10, total_pages: 1, total_results: 10 });
  });

  it('returns [] for an empty fleet after one request', async () => {
    server = await startLocalServer(() => ({ body: { data: [], meta: meta(1, 10, 0, 0) } }));
    const calls: SimCard[][] = [];
    assert.deepEqual(await client().listAllSimCards({}, { onPage: (p) => calls.push(p) }), []);
    assert.equal(server.seen.length, 1);
    assert.deepEqual(calls, [[]]);
  });

  it('never has more than `concurrency` pages in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => inFlight--, 30);
      return { body: { data: sims('s', (n - 1) * 10, n * 10), meta: meta(n, 10, 12, 120) }, delayMs: 30 };
    });
    const result = await client(3).listAllSimCards();
    assert.equal(result.length, 120);
    assert.ok(peak <= 3, `peak ${peak}`);
    assert.ok(peak >= 2, `peak ${peak}: pages were not fetched concurrently`);
  });
  it('a failing page fails listAll at once and aborts the pages still in flight', async function () {
    this.timeout(3000); // the other pages take 20 s unless aborted
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      if (n === 3) return { status: 404, body: { errors: [{ title: 'Not found' }] } };
      return { body: { data: sims('s', (n - 1) * 10, n * 10), meta: meta(n, 10, 8, 80) }, delayMs: n === 1 ? 0 : 20_000 };
    });
    const realServer = server;
    const p = client(3).listAllSimCards();
    await assert.rejects(p, { kind: 'notFound' });
    // Pages 2 and 4 were aborted (page 4 perhaps before it left); nothing after them was asked for.
    await delay(100);
    const pages = realServer.seen.map(pageOf);
    assert.ok(pages.includes(3));
    assert.ok(pages.every((n) => n <= 4), pages.join());
  });
});
