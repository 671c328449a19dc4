// Times listing a whole fleet from the local Telnyx API with added latency:
//   (a) our listAllSimCards (page size 250, 4 pages in flight),
//   (b) the official `telnyx` SDK auto-paginating with its defaults (sequential, 20 per page),
//   (c) the SDK with page[size]=250, still sequential.
// The mock runs in its own process (its CLI), as a real API would not share the client's CPU;
// requests are counted through its /__mock/requests control endpoint.
// Prints a table and one JSON line; exits 1 when the three disagree on the set of SIM ids.
// Usage: npm run bench -- [--sims 2500] [--latency 50] [--runs 3]
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import Telnyx from 'telnyx';
import { TelnyxClient } from '../src/telnyx';

const API_KEY = 'bench-key';

interface Args {
  sims: number;
  latency: number;
  runs: number;
}

interface Result {
  name: string;
  requests: number;
  medianMs: number;
  runsMs: number[];
  ids: string[];
}

function parseArgs(argv: string[]): Args {
  const out: Args = { sims: 2500, latency: 50, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '') as keyof Args;
    if (!(key in out)) throw new Error(`Unknown option ${argv[i]} (use --sims, --latency, --runs)`);
    const value = Number(argv[++i]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${argv[i - 1]} needs a non-negative number`);
    out[key] = Math.floor(value);
  }
  out.runs = Math.max(1, out.runs);
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

interface MockProcess {
  url: string;
  origin: string;
  child: ChildProcess;
}

/** Starts `node out/mock-api/cli.js` on a free port and waits for its ready line. */
function startMockProcess(args: Args): Promise<MockProcess> {
  const cli = path.resolve(__dirname, '..', 'mock-api', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '--port', '0', '--sims', String(args.sims), '--latency', String(args.latency), '--api-key', API_KEY],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the mock API did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the mock API exited with code ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ url: m[1], origin: new URL(m[1]).origin, child });
    });
  });
}

async function control<T>(mock: MockProcess, method: 'GET' | 'DELETE', route: string): Promise<T | undefined> {
  const res = await fetch(`${mock.origin}/__mock/${route}`, { method });
  if (!res.ok) throw new Error(`${method} /__mock/${route} answered ${res.status}`);
  return res.status === 204 ? undefined : ((await res.json()) as T);
}

async function measure(mock: MockProcess, name: string, runs: number, list: () => Promise<string[]>): Promise<Result> {
  const runsMs: number[] = [];
  const requests: number[] = [];
  let ids: string[] = [];
  for (let r = 0; r < runs; r++) {
    await control(mock, 'DELETE', 'requests');
    const t0 = performance.now();
    ids = await list();
    runsMs.push(Math.round(performance.now() - t0));
    requests.push((await control<unknown[]>(mock, 'GET', 'requests'))?.length ?? 0);
  }
  return { name, requests: Math.max(...requests), medianMs: median(runsMs), runsMs, ids };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const mock = await startMockProcess(args);
  try {
    const ours = new TelnyxClient({ apiKey: API_KEY, baseUrl: mock.url, pageSize: 250, concurrency: 4 });
    const sdk = new Telnyx({ apiKey: API_KEY, baseURL: mock.url });

    // Warm both HTTP stacks (connections, JIT) so the first timed run is not penalised.
    await ours.listSimCards({ pageSize: 1 });
    await sdk.simCards.list({ 'page[size]': 1 });

    const sdkIds = async (params: Parameters<typeof sdk.simCards.list>[0]): Promise<string[]> => {
      const ids: string[] = [];
      for await (const sim of sdk.simCards.list(params)) ids.push(sim.id ?? '');
      return ids;
    };

    const results = [
      await measure(mock, 'listAllSimCards (250/page, 4 in flight)', args.runs, async () => (await ours.listAllSimCards()).items.map((s) => s.id)),
      await measure(mock, 'telnyx SDK defaults (20/page, sequential)', args.runs, () => sdkIds({})),
      await measure(mock, 'telnyx SDK page[size]=250 (sequential)', args.runs, () => sdkIds({ 'page[size]': 250 })),
    ];

    const fleet = await control<{ sims: Array<{ id: string }> }>(mock, 'GET', 'fleet');
    const fleetIds = new Set((fleet?.sims ?? []).map((s) => s.id));
    const sameIds = results.every((r) => r.ids.length === fleetIds.size && new Set(r.ids).size === fleetIds.size && r.ids.every((id) => fleetIds.has(id)));
    const base = results[1].medianMs;

    console.log(`\nListing ${args.sims} SIMs, ${args.latency} ms latency per request, median of ${args.runs} runs\n`);
    const w = Math.max(...results.map((r) => r.name.length));
    console.log(`${'client'.padEnd(w)}  requests  median ms  runs ms              vs SDK defaults`);
    for (const r of results) {
      const speedup = (base / r.medianMs).toFixed(1) + 'x';
      console.log(`${r.name.padEnd(w)}  ${String(r.requests).padStart(8)}  ${String(r.medianMs).padStart(9)}  ${r.runsMs.join(', ').padEnd(20)} ${speedup}`);
    }
    console.log(`\nsame set of ${fleetIds.size} ids from all three: ${sameIds ? 'yes' : 'NO'}\n`);
    console.log(
      JSON.stringify({
        bench: 'list-all-sim-cards',
        sims: args.sims,
        latencyMs: args.latency,
        runs: args.runs,
        sameIds,
        results: results.map((r) => ({ name: r.name, requests: r.requests, medianMs: r.medianMs, runsMs: r.runsMs })),
      }),
    );
    if (!sameIds) process.exitCode = 1;
  } finally {
    mock.child.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
