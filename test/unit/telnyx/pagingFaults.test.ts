// The paging fault matrix: each fault of the local Telnyx API against the real client over
// real HTTP, 5,000 SIMs at 250 per page. Every case must end with the complete, correct list
// (compared with the local API's own fleet afterwards) or say it is incomplete with the right
// total; a short list is never marked complete. What onPage/onRestart passed on must match.
import assert from 'node:assert/strict';
import { startMockApi, type MockApi, type PagingFault } from '../../../mock-api/server';
import { TelnyxClient, type SimCard, type SimCardListing, type SimCardQuery } from '../../../src/telnyx';

const SIMS = 5000;
const PAGE = 250;

interface Case {
  name: string;
  faults: PagingFault[];
  query?: SimCardQuery;
  /** Which SIMs of the local API's fleet the query selects. */
  select?: (sim: { status?: { value?: string | null } | null }) => boolean;
  expect: 'complete' | { reason: 'changed' | 'inconsistent'; items?: number };
}

const enabled = (s: { status?: { value?: string | null } | null }): boolean => s.status?.value === 'enabled';

const CASES: Case[] = [
  {
    name: '10 SIMs deleted at the front after page 3',
    faults: [{ kind: 'mutate', op: 'deleteFront', count: 10, afterPage: 3 }],
    expect: 'complete',
  },
  {
    name: '10 SIMs inserted at the front after page 3',
    faults: [{ kind: 'mutate', op: 'insertFront', count: 10, afterPage: 3 }],
    expect: 'complete',
  },
  {
    name: '10 SIMs inserted at the front after page 19',
    faults: [{ kind: 'mutate', op: 'insertFront', count: 10, afterPage: 19 }],
    expect: 'complete',
  },
  {
    name: '38 SIMs leave filter[status]=enabled after page 2',
    faults: [{ kind: 'mutate', op: 'leaveFilter', count: 38, afterPage: 2 }],
    query: { status: ['enabled'] },
    select: enabled,
    expect: 'complete',
  },
  { name: 'a page empty once in the middle', faults: [{ kind: 'emptyPage', page: 9 }], expect: 'complete' },
  { name: 'a page empty twice in the middle', faults: [{ kind: 'emptyPage', page: 9, times: 2 }], expect: 'complete' },
  { name: 'meta missing on every page', faults: [{ kind: 'meta', mode: 'missing' }], expect: 'complete' },
  { name: 'page_number stuck at 1', faults: [{ kind: 'meta', mode: 'stuckPage' }], expect: 'complete' },
  { name: 'zero-based page_number', faults: [{ kind: 'meta', mode: 'zeroBased' }], expect: 'complete' },
  { name: 'total_results 10 lower than reality', faults: [{ kind: 'meta', mode: 'lowTotal', by: 10 }], expect: 'complete' },
  { name: 'total_results a page lower than reality', faults: [{ kind: 'meta', mode: 'lowTotal', by: PAGE }], expect: 'complete' },
  { name: 'page[number] ignored', faults: [{ kind: 'meta', mode: 'ignorePage' }], expect: { reason: 'inconsistent', items: PAGE } },
  {
    name: 'front deletes during both passes',
    faults: [{ kind: 'mutate', op: 'deleteFront', count: 10, afterPage: 3, times: 2 }],
    expect: { reason: 'changed' },
  },
];

describe('telnyx/paging fault matrix (local Telnyx API, 5,000 SIMs, 250 per page)', function () {
  this.timeout(60_000);
  let api: MockApi;
  let held = 0;
  before(async () => {
    api = await startMockApi({ sims: SIMS, seed: 9 });
  });
  after(async () => {
    console.log(`      paging fault matrix: ${CASES.length} cases × 2 (items kept; pages only through onPage), ${held} held`);
    await api.close();
  });
  afterEach(() => api.clearFaults());

  for (const keepItems of [true, false])
    for (const c of CASES) {
      it(keepItems ? c.name : `${c.name} (items not kept: the tree takes pages through onPage)`, async () => {
        for (const f of c.faults) api.addFault(f);
        const client = new TelnyxClient({ apiKey: api.apiKey, baseUrl: api.url, pageSize: PAGE, concurrency: 4, retryBaseDelayMs: 1 });
        // A consumer that follows onPage and onRestart must end with what the listing returns.
        const streamed = new Map<string, SimCard>();
        let restarts = 0;
        const listing: SimCardListing = await client.listAllSimCards(c.query ?? {}, {
          onPage: (sims) => {
            for (const s of sims) {
              assert.ok(!streamed.has(s.id), `onPage passed ${s.id} twice in one pass`);
              streamed.set(s.id, s);
            }
          },
          onRestart: () => {
            restarts++;
            streamed.clear();
          },
          keepItems,
        });
        // Without kept items the list is what onPage passed (in arrival order, not page order).
        const got = keepItems ? listing.items.map((s) => s.id) : [...streamed.keys()];
        if (!keepItems) assert.equal(listing.items.length, 0, 'no items kept');
        assert.equal(listing.count, got.length, 'count is the number of distinct SIMs listed');
        assert.equal(new Set(got).size, got.length, 'no duplicates');
        assert.deepEqual(new Set(streamed.keys()), new Set(got), 'onPage/onRestart followed the listing');
        assert.ok(restarts <= 1);

        // The truth, afterwards, from the local API's own data.
        const want = api.fleet.sims.filter(c.select ?? (() => true)).map((s) => s.id);
        if (listing.complete) {
          if (keepItems) assert.deepEqual(got, want, 'a complete listing is exactly the fleet, in order');
          else assert.deepEqual([...got].sort(), [...want].sort(), 'a complete listing is exactly the fleet');
          assert.equal(listing.expectedTotal, want.length);
        }
        if (c.expect === 'complete') {
          assert.equal(listing.complete, true, `${got.length} of ${want.length} listed, not complete`);
        } else {
          assert.equal(listing.complete, false, 'a wrong listing must not say it is complete');
          if (!listing.complete) {
            assert.equal(listing.reason, c.expect.reason);
            assert.equal(listing.expectedTotal, want.length, 'says how many of about how many');
          }
          if (c.expect.items !== undefined) assert.equal(got.length, c.expect.items);
          assert.notDeepEqual(got, want);
        }
        held++;
      });
    }
});
