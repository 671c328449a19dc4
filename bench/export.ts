// Exports a generated fleet (100,000 SIMs by default) to a temporary CSV and JSON file and
// reports time, file size and peak memory (RSS and heap, sampled while writing).
// Usage: node out/bench/export.js [--sims 100000]
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateFleet } from '../mock-api/fleet';
import { exportToFile, type ExportFormat } from '../src/fleet/export';
import type { SimCard } from '../src/telnyx/types';

interface Result {
  format: ExportFormat;
  sims: number;
  ms: number;
  bytes: number;
  peakRssMb: number;
  peakHeapMb: number;
}

function parseSims(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { sims: { type: 'string', default: '100000' } }, strict: true });
  const n = Number(values.sims);
  if (!Number.isFinite(n) || n < 0) throw new Error('--sims needs a non-negative number');
  return Math.floor(n);
}

/** Yields the SIMs page by page, as the export command receives them from the API. */
async function* pages(sims: readonly SimCard[]): AsyncGenerator<SimCard> {
  for (let i = 0; i < sims.length; i += 250) {
    await new Promise((r) => setImmediate(r));
    yield* sims.slice(i, i + 250);
  }
}

async function run(format: ExportFormat, sims: readonly SimCard[], groups: Parameters<typeof exportToFile>[4]): Promise<Result> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-export-bench-'));
  const file = path.join(dir, `sims.${format}`);
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  try {
    await exportToFile(file, format, pages(sims), undefined, groups);
    const ms = performance.now() - t0;
    sample();
    return { format, sims: sims.length, ms, bytes: fs.statSync(file).size, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
  } finally {
    clearInterval(timer);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const count = parseSims(process.argv.slice(2));
  const t0 = performance.now();
  const fleet = generateFleet({ seed: 1, sims: count });
  const genMs = performance.now() - t0;
  global.gc?.();
  const base = process.memoryUsage();
  const options = { groupsById: new Map(fleet.groups.map((g) => [g.id, g])) };
  const results = [await run('csv', fleet.sims, options), await run('json', fleet.sims, options)];
  console.log(
    `Generated ${count} SIMs in ${genMs.toFixed(0)} ms; before export RSS ${(base.rss / 2 ** 20).toFixed(0)} MB, heap ${(base.heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
  console.log('format  SIMs     time (ms)  file (MB)  peak RSS (MB)  peak heap (MB)');
  for (const r of results) {
    console.log(
      `${r.format.padEnd(6)}  ${String(r.sims).padEnd(7)}  ${r.ms.toFixed(0).padStart(9)}  ${(r.bytes / 2 ** 20).toFixed(1).padStart(9)}  ${r.peakRssMb
        .toFixed(0)
        .padStart(13)}  ${r.peakHeapMb.toFixed(0).padStart(14)}`,
    );
  }
  console.log(JSON.stringify({ bench: 'export', baseRssMb: base.rss / 2 ** 20, baseHeapMb: base.heapUsed / 2 ** 20, results }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
