// Paging edge cases a well-behaved server never produces, over real HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { collectPages, plannedPageCount, type FetchedPage } from '../../../src/telnyx/paging';
import { TelnyxClient, type SimCard } from '../../../src/telnyx';
import { delay, sims, startLocalServer, type LocalServer, type SeenRequest } from './helpers';

function pageOf(req: SeenRequest): number {
  return Number(req.query.get('page[number]') ?? '1');
}

function meta(page: number, size: number, totalPages: number, totalResults: number): Record<string, number> {
  return { page_number: page, page_size: size, total_pages: totalPages, total_results: totalResults };
}

describe('telnyx/paging plannedPageCount', () => {
  it('follows total_results, whatever total_pages or page_number say', () => {
    assert.equal(plannedPageCount({ page_number: 1, page_size: 250, total_pages: 4, total_results: 1000 }, 250, 250), 4);
    assert.equal(plannedPageCount({ page_number: 1, page_size: 250, total_pages: 1e9, total_results: 1000 }, 250, 250), 4);
    assert.equal(plannedPageCount({ page_number: 0, total_results: 1001 }, 250, 250), 5);
    assert.equal(plannedPageCount({ total_pages: 3 }, 250, 250), 1);
  });
  it('announces a single page without total_results (the listing then walks to a short page)', () => {
    assert.equal(plannedPageCount(undefined, 250, 250), 1);
    assert.equal(plannedPageCount({ page_number: 1 }, 250, 250), 1);
  });
  it('caps absurd totals', () => {
    assert.ok(plannedPageCount({ total_results: Number.MAX_SAFE_INTEGER }, 250, 250) <= 8000);
  });
  it('trusts the real page length over a wrong meta.page_size', () => {
    assert.equal(plannedPageCount({ page_size: 250, total_pages: 10, total_results: 1000 }, 100, 250), 10);
  });
});

describe('telnyx/paging window', () => {
  it('sends the next pages as soon as any request comes back, before that page is handed to onPage', async () => {
    // 9 items in 5 pages of 2 (no probe past a full last page), 2 in flight; each page answers when the test says.
    const total = 9;
    const answer = new Map<number, (page: FetchedPage<string>) => void>();
    const events: string[] = [];
    const itemsOf = (n: number): string[] => (n === 5 ? ['p5a'] : [`p${n}a`, `p${n}b`]);
    const pageOfItems = (n: number): FetchedPage<string> => ({
      items: itemsOf(n),
      rawCount: itemsOf(n).length,
      meta: { page_number: n, page_size: 2, total_pages: 5, total_results: total },
    });
    const listing = collectPages<string>({
      fetchPage: (n) => {
        events.push(`fetch ${n}`);
        return new Promise((resolve) => answer.set(n, resolve));
      },
      idOf: (id) => id,
      pageSize: 2,
      concurrency: 2,
      onPage: (items) => events.push(`onPage ${items[0]?.slice(1, 2) ?? '?'}`),
    });
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    const release = async (n: number): Promise<void> => {
      const resolve = answer.get(n);
      assert.ok(resolve, `page ${n} was requested`);
      resolve(pageOfItems(n));
      await settle();
    };
    await settle();
    await release(1);
    // Page 1 tells how many pages there are; it is handed on once the next ones are out.
    assert.deepEqual(events, ['fetch 1', 'fetch 2', 'fetch 3', 'onPage 1']);
    // Page 3 back while page 2 is still out: page 4 goes at once (no waiting for a round), then page 3 is passed on.
    await release(3);
    assert.deepEqual(events.slice(4), ['fetch 4', 'onPage 3']);
    await release(2);
    assert.deepEqual(events.slice(6), ['fetch 5', 'onPage 2']);
    await release(4);
    await release(5);
    assert.deepEqual(events.slice(8), ['onPage 4', 'onPage 5']);
    const result = await listing;
    assert.equal(result.complete, true);
    assert.deepEqual(result.items, ['p1a', 'p1b', 'p2a', 'p2b', 'p3a', 'p3b', 'p4a', 'p4b', 'p5a']);
  });
});

describe('telnyx/paging window places', () => {
  it("frees a page's place once its body is in, and a retry waits for a free place", async () => {
    // 5 items in 3 pages of 2, one in flight. Page 2 gives its place back (body in), then retries.
    const answer = new Map<number, () => void>();
    const events: string[] = [];
    const items = (n: number): string[] => (n === 3 ? ['p3a'] : [`p${n}a`, `p${n}b`]);
    const listing = collectPages<string>({
      fetchPage: async (n, _signal, slot) => {
        events.push(`fetch ${n}`);
        if (n === 2) {
          assert.ok(slot, 'pages after the first have a place in the window');
          slot.release();
          await slot.reacquire();
          events.push('retry 2');
        }
        await new Promise<void>((resolve) => answer.set(n, resolve));
        return { items: items(n), rawCount: items(n).length, meta: { page_number: n, page_size: 2, total_pages: 3, total_results: 5 } };
      },
      idOf: (id) => id,
      pageSize: 2,
      concurrency: 1,
      onPage: (page) => events.push(`onPage ${page[0]?.slice(1, 2) ?? '?'}`),
    });
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 8; i++) await Promise.resolve();
    };
    const release = async (n: number): Promise<void> => {
      const resolve = answer.get(n);
      assert.ok(resolve, `page ${n} is waiting for its answer`);
      resolve();
      await settle();
    };
    await settle();
    await release(1);
    // Page 2's place came free at once: page 3 went out; page 2's retry waits (one in flight).
    assert.deepEqual(events, ['fetch 1', 'fetch 2', 'fetch 3', 'onPage 1']);
    assert.equal(answer.has(2), false, 'the retry has not gone out');
    await release(3);
    assert.deepEqual(events.slice(4), ['onPage 3', 'retry 2']);
    await release(2);
    assert.deepEqual(events.slice(6), ['onPage 2']);
    const result = await listing;
    assert.equal(result.complete, true);
    assert.deepEqual(result.items, ['p1a', 'p1b', 'p2a', 'p2b', 'p3a']);
  });
  it("adds one abort listener per listing to the caller's signal, however many pages are under way", async () => {
    // Every page gives its place back at once and answers later, so many pages are under way together.
    const total = 60 * 2;
    const caller = new AbortController();
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    let mostListeners = 0;
    let mostUnderWay = 0;
    let underWay = 0;
    try {
      const result = await collectPages<string>({
        fetchPage: async (n, _signal, slot) => {
          mostListeners = Math.max(mostListeners, getEventListeners(caller.signal, 'abort').length);
          slot?.release();
          underWay++;
          mostUnderWay = Math.max(mostUnderWay, underWay);
          await delay(20);
          underWay--;
          // Past the last page (the probe after a full one): nothing.
          const items = n <= 60 ? [`p${n}a`, `p${n}b`] : [];
          return { items, rawCount: items.length, meta: { page_number: n, page_size: 2, total_pages: 60, total_results: total } };
        },
        idOf: (id) => id,
        pageSize: 2,
        concurrency: 4,
        signal: caller.signal,
      });
      await delay(10);
      assert.equal(result.complete, true);
      assert.equal(result.items.length, total);
      assert.ok(mostUnderWay > 10, `the test had ${mostUnderWay} pages under way at once (needs more than 10)`);
      assert.equal(mostListeners, 1);
      assert.equal(getEventListeners(caller.signal, 'abort').length, 0, 'the listing removes its listener');
      assert.deepEqual(warnings, []);
    } finally {
      process.off('warning', onWarning);
    }
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
      const data = n <= 6 ? sims('s', (n - 1) * 10, n * 10) : [];
      return { body: { data, meta: meta(n, 10, 6, 60) }, delayMs: n === 1 || n > 6 ? 0 : (7 - n) * 25 };
    });
    const order: number[] = [];
    const result = await client(5).listAllSimCards(
      {},
      {
        onPage: (page) => {
          if (page[0]) order.push(Number(page[0].id.split('-')[1]) / 10 + 1);
        },
      },
    );
    assert.equal(result.complete, true);
    assert.deepEqual(
      result.items.map((s) => s.id),
      sims('s', 0, 60).map((s) => s.id),
    );
    assert.equal(order[0], 1);
    assert.deepEqual([...order].sort(), [1, 2, 3, 4, 5, 6]);
    assert.notDeepEqual(order, [1, 2, 3, 4, 5, 6], 'pages should have been passed on as they arrived');
  });

  it('passes pages to onPage before listAll resolves', async () => {
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      return { body: { data: n <= 3 ? sims('s', (n - 1) * 10, n * 10) : [], meta: meta(n, 10, 3, 30) }, delayMs: n === 3 ? 300 : 0 };
    });
    let settled = false;
    let seenWhilePending = 0;
    const done = client().listAllSimCards(
      {},
      {
        onPage: () => {
          if (!settled) seenWhilePending++;
        },
      },
    );
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
    assert.equal(all.items.length, 30);
    assert.equal(all.complete, true);
    assert.equal(seenWhilePending, 3);
  });

  it('removes duplicate ids across pages, first occurrence wins', async () => {
    // Page 2 repeats the last two SIMs of page 1 (the list shifted while paging).
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      const data = n === 1 ? sims('s', 0, 10) : n === 2 ? sims('s', 8, 18) : sims('s', 18, 25);
      const head = data[0];
      if (n === 2 && head) data[0] = { ...head, status: { value: 'disabled' } };
      return { body: { data, meta: meta(n, 10, 3, 25) } };
    });
    const seenByOnPage: string[] = [];
    let restarts = 0;
    const result = await client().listAllSimCards(
      {},
      {
        onPage: (p) => seenByOnPage.push(...p.map((s) => s.id)),
        onRestart: () => {
          restarts++;
          seenByOnPage.length = 0;
        },
      },
    );
    assert.deepEqual(
      result.items.map((s) => s.id),
      sims('s', 0, 25).map((s) => s.id),
    );
    // 25 distinct SIMs, as total_results says: the overlap cost nothing, so no second pass.
    assert.equal(result.complete, true);
    assert.equal(restarts, 0);
    assert.equal(result.items[8]?.status?.value, 'enabled', 'page 1 copy kept');
    assert.equal(new Set(seenByOnPage).size, seenByOnPage.length, 'onPage sees each SIM once per pass');
  });

  it('terminates on a server that answers page 1 to every request (absurd totals)', async () => {
    server = await startLocalServer(() => ({ body: { data: sims('s', 0, 10), meta: meta(1, 10, 1_000_000_000, 1_000_000_000) } }));
    const result = await client(4).listAllSimCards();
    assert.deepEqual(
      result.items.map((s) => s.id),
      sims('s', 0, 10).map((s) => s.id),
    );
    assert.deepEqual({ complete: result.complete, expectedTotal: result.expectedTotal }, { complete: false, expectedTotal: 1_000_000_000 });
    assert.ok(server.seen.length <= 10, `made ${server.seen.length} requests`);
  });

  it('terminates on a server that repeats the same records under the requested page number', async () => {
    server = await startLocalServer((req) => ({ body: { data: sims('s', 0, 10), meta: meta(pageOf(req), 10, 500, 5000) } }));
    const result = await client(3).listAllSimCards();
    assert.equal(result.items.length, 10);
    assert.equal(result.complete, false);
    assert.ok(server.seen.length <= 8, `made ${server.seen.length} requests`);
  });

  it('terminates on a server without page numbers in meta that repeats itself', async () => {
    server = await startLocalServer(() => ({ body: { data: sims('s', 0, 10), meta: { total_pages: 99999 } } }));
    const result = await client(2).listAllSimCards();
    assert.equal(result.items.length, 10);
    assert.equal(result.complete, false);
    assert.ok(server.seen.length <= 6, `made ${server.seen.length} requests`);
  });

  it('asks once more for a page that comes back empty when meta promises more, then says it is incomplete', async () => {
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      return { body: { data: n <= 2 ? sims('s', (n - 1) * 10, n * 10) : [], meta: meta(n, 10, 5, 50) } };
    });
    const result = await client(1).listAllSimCards();
    assert.equal(result.items.length, 20);
    assert.deepEqual({ complete: result.complete, expectedTotal: result.expectedTotal }, { complete: false, expectedTotal: 50 });
    // Each pass: pages 1, 2, then 3, 4 and 5 twice each (one refetch of a short page), and a probe past the end.
    // A page's place in the window is free once its body is in, so the next page may go before a refetch.
    const seen = server.seen.map(pageOf);
    const passes = [seen.slice(0, 9), seen.slice(9)];
    for (const pass of passes) {
      assert.deepEqual(pass.slice(0, 2), [1, 2]);
      assert.deepEqual(
        [...pass].sort((a, b) => a - b),
        [1, 2, 3, 3, 4, 4, 5, 5, 6],
      );
    }
  });

  it('reads past a low total_results only within bounds (fresh records forever)', async () => {
    // Fresh records on every page, so only the cap can stop it: 4 pages announced, at most 4 more.
    server = await startLocalServer((req) => {
      const n = pageOf(req);
      return { body: { data: sims('s', (n - 1) * 10, n * 10), meta: meta(n, 10, 1_000_000, 35) } };
    });
    const result = await client(2).listAllSimCards();
    assert.equal(result.items.length, 80);
    assert.deepEqual({ complete: result.complete, reason: result.complete ? '' : result.reason }, { complete: false, reason: 'limit' });
    assert.equal(server.seen.length, 16);
  });

  it('without meta, a short page ends the list; two passes that agree make it complete', async () => {
    server = await startLocalServer(() => ({ body: { data: sims('s', 0, 7) } }));
    const pages: number[] = [];
    const result = await client().listAllSimCards({}, { onPage: (_p, progress) => pages.push(progress.totalPages) });
    assert.equal(result.items.length, 7);
    assert.equal(result.complete, true);
    assert.equal(server.seen.length, 2);
    assert.deepEqual(pages, [1, 1]);
    const page = await client().listSimCards();
    assert.deepEqual(page.meta, { page_number: 1, page_size: 10, total_pages: 1, total_results: 7 });
  });

  it('returns [] for an empty fleet after one request', async () => {
    server = await startLocalServer(() => ({ body: { data: [], meta: meta(1, 10, 0, 0) } }));
    const calls: SimCard[][] = [];
    assert.deepEqual(await client().listAllSimCards({}, { onPage: (p) => calls.push(p) }), {
      complete: true,
      items: [],
      count: 0,
      expectedTotal: 0,
      passes: 1,
    });
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
      return { body: { data: n <= 12 ? sims('s', (n - 1) * 10, n * 10) : [], meta: meta(n, 10, 12, 120) }, delayMs: 30 };
    });
    const result = await client(3).listAllSimCards();
    assert.equal(result.items.length, 120);
    assert.equal(result.complete, true);
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
    assert.ok(
      pages.every((n) => n <= 4),
      pages.join(),
    );
  });
});
