// Bulk run benchmark: disable N SIMs (default 1,000) through the fan-out engine against the
// local Telnyx API with added latency and a rate limit on the action endpoints. Prints the
// time against the limit's floor (N / rate seconds) and the duplicate POSTs (must be 0).
// Exits 1 on a duplicate or a SIM not changed. The mock runs in-process: it only counts
// requests and starts timers, so it hardly competes with the client for the CPU.
// Usage: node out/bench/bulk.js [--sims 1000] [--latency 50] [--rate 20] [--concurrency 4]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { startMockApi } from '../mock-api/server';
import { planBulk } from '../src/fleet/bulkPlan';
import { actionTasks, DEFAULT_BULK_CONCURRENCY, runBulk } from '../src/telnyx/bulk';
import { TelnyxClient } from '../src/telnyx/client';

interface Args {
  sims: number;
  latency: number;
  rate: number;
  concurrency: number;
}

function readArgs(argv: string[]): Args {
  const flag = { type: 'string' } as const;
  const { values } = parseArgs({ args: argv, options: { sims: flag, latency: flag, rate: flag, concurrency: flag }, strict: true });
  const out: Args = { sims: 1000, latency: 50, rate: 20, concurrency: DEFAULT_BULK_CONCURRENCY };
  for (const key of Object.keys(out) as (keyof Args)[]) {
    const text = values[key];
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} needs a positive number`);
    out[key] = Math.floor(value);
  }
  return out;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  // Enough SIMs that `sims` of them can be disabled (some are disabled or transitional already).
  const api = await startMockApi({
    sims: Math.ceil(args.sims * 1.6),
    seed: 42,
    latencyMs: args.latency,
    rateLimitPerSecond: args.rate,
    actionSettleMs: 1500,
  });
  try {
    const client = new TelnyxClient({ apiKey: api.apiKey, baseUrl: api.url });
    const plan = planBulk({ kind: 'disable' }, (await client.listAllSimCards()).items);
    const targets = plan.willChange.slice(0, args.sims).map((p) => p.sim.id);
    if (targets.length < args.sims) throw new Error(`only ${targets.length} SIMs can be disabled`);
    api.requests.length = 0;

    const started = performance.now();
    const result = await runBulk(actionTasks(client, 'disable', targets), { concurrency: args.concurrency });
    const seconds = (performance.now() - started) / 1000;

    const posts = new Map<string, number>();
    for (const r of api.requests) {
      if (r.method !== 'POST' || r.status === 429) continue;
      const id = /\/sim_cards\/([^/]+)\/actions\//.exec(r.path)?.[1] ?? '';
      posts.set(id, (posts.get(id) ?? 0) + 1);
    }
    const duplicates = [...posts.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const changed = result.outcomes.filter((o) => o.outcome === 'changed').length;
    const floor = args.sims / args.rate;
    const rows: [string, string][] = [
      ['SIMs disabled', `${changed} of ${args.sims}`],
      ['latency / rate limit', `${args.latency} ms / ${args.rate} per s, concurrency ${args.concurrency}`],
      ['time', `${seconds.toFixed(1)} s (floor ${floor.toFixed(1)} s, ${((seconds / floor) * 100).toFixed(0)}% of it)`],
      ['POSTs sent', `${result.requestsSent} (${result.rateLimited} answered 429)`],
      ['duplicate POSTs', String(duplicates)],
    ];
    for (const [k, v] of rows) process.stdout.write(`${k.padEnd(22)}${v}\n`);
    process.stdout.write(
      JSON.stringify({
        bench: 'bulk-disable',
        sims: args.sims,
        seconds: Number(seconds.toFixed(2)),
        floorSeconds: floor,
        duplicates,
        changed,
        rateLimited: result.rateLimited,
      }) + '\n',
    );
    if (duplicates > 0 || changed !== args.sims) process.exitCode = 1;
  } finally {
    await api.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench/bulk: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
