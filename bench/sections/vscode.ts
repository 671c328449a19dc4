// The SIM Cards view in a real VS Code (code-server + Chromium, like the integration harness):
// the largest fleet size at the given latency. The client alone lists the same fleet first, in
// the same run, so the view's final counts are shown as a ratio of it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TelnyxClient } from '../../src/telnyx';
import { runInHost } from '../../test/host/runInHost';
import { BENCH_API_KEY, startMockProcess } from '../mockProcess';
import type { BenchSection, SectionReport } from '../section';

interface TimedExpand {
  ms: number;
  /** Time in our tree provider during the click. */
  providerMs: number;
  /** What VS Code asked the provider for during the click. */
  trace: string[];
}

interface HostFigures {
  sims: number;
  firstCountsMs?: number;
  finalCountsMs: number;
  /** A mouse click on the largest group's row, then on its first range's row: to the first child row drawn. */
  expandGroup: TimedExpand;
  expandRange: TimedExpand;
  revealMs: number;
  revealed: boolean;
  findMs: number;
  extensionHostCpuMs: number;
  maxEventLoopLagMs: number;
  /** A refresh with the list on screen: its time, the host's peak RSS and longest task meanwhile, SIMs after it. */
  refresh: { ms: number; peakRssMb: number; longestTaskMs: number; sims: number };
  /** From the final counts in the model until the browser saw them in the tree (the clicks start then). */
  finalOnScreenMs: number;
  /** runMs/waitMs: the host's main thread on a core / runnable but waiting for one (Linux only). */
  longStretches: { ms: number; gcMs: number; cpuMs: number; runMs?: number; waitMs?: number; atMs: number }[];
  /** The longest stretch less the main thread's waits for a core in it: a task's own length (collections included). */
  longestNetMs?: number;
  gcDuringLoad: { count: number; totalMs: number; longestMs: number; longestMajorMs: number; majors: number };
  peakRssMb: number;
  heapUsedMb: number;
  retainedHeapMb: number;
}

const ms = (n: number | undefined): string => (n === undefined ? '—' : `${Math.round(n).toLocaleString('en-US')} ms`);

export const vscodeSection: BenchSection = {
  name: 'vscode',
  description:
    'the SIM Cards view in a real VS Code at the largest fleet size: first and final counts, expand, reveal, find; host CPU and memory',
  async run(args): Promise<SectionReport> {
    const sims = Math.max(...args.sims);
    const mock = await startMockProcess(sims, args.latencyMs);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-vscode-'));
    const out = path.join(dir, 'figures.json');
    try {
      const client = new TelnyxClient({ apiKey: BENCH_API_KEY, baseUrl: mock.url, pageSize: args.pageSize, concurrency: args.concurrency });
      const t0 = performance.now();
      const listing = await client.listAllSimCards();
      const clientMs = performance.now() - t0;
      // The host's log is kept only to say why a run failed.
      const hostLog: string[] = [];
      const result = await runInHost({
        testsPath: path.join(__dirname, '..', 'vscode', 'hostBench'),
        env: {
          BENCH_API_URL: mock.url,
          BENCH_API_KEY,
          BENCH_VSCODE_OUT: out,
          ...(process.env.BENCH_HOST_PROFILE ? { BENCH_HOST_PROFILE: process.env.BENCH_HOST_PROFILE } : {}),
          ...(process.env.BENCH_RENDERER_PROFILE ? { BENCH_RENDERER_PROFILE: process.env.BENCH_RENDERER_PROFILE } : {}),
        },
        timeoutMs: 15 * 60_000,
        log: (line) => {
          hostLog.push(line);
          if (hostLog.length > 40) hostLog.shift();
        },
      });
      if (result.exitCode !== 0 || !fs.existsSync(out)) {
        const tail = hostLog.filter((l) => /error|fail|timed out|bench:/i.test(l)).slice(-8);
        return { lines: [`the VS Code run failed (exit ${result.exitCode})`, ...tail.map((l) => `  ${l}`)], data: { clientMs }, ok: false };
      }
      const f = JSON.parse(fs.readFileSync(out, 'utf8')) as HostFigures;
      const ratio = f.finalCountsMs / clientMs;
      const lines = [
        `SIMs ${sims.toLocaleString('en-US')} at ${args.latencyMs} ms latency; the client alone listed ${listing.items.length.toLocaleString('en-US')} in ${ms(clientMs)}`,
        `first counts in the view      ${ms(f.firstCountsMs)}   (target ≤ 1,500 ms)`,
        `final counts in the view      ${ms(f.finalCountsMs)}   = ${ratio.toFixed(2)}x the client alone (target ≤ 1.5x)`,
        `final counts on screen by     ${ms(f.finalOnScreenMs)} after them   (VS Code draws ~200 ms after the last change; includes the bridge's polling)`,
        `expand the largest group     ${ms(f.expandGroup.ms)}   (target ≤ 300 ms; a mouse click, until its first range row is drawn; in our provider ${ms(f.expandGroup.providerMs)})`,
        `  VS Code's requests in it:    ${f.expandGroup.trace.join('; ') || 'none'}`,
        `expand its first range       ${ms(f.expandRange.ms)}   (target ≤ 300 ms; first sort of the range; in our provider ${ms(f.expandRange.providerMs)})`,
        `  VS Code's requests in it:    ${f.expandRange.trace.join('; ') || 'none'}`,
        `reveal a SIM inside a range   ${ms(f.revealMs)}   revealed: ${String(f.revealed)} (target ≤ 1,000 ms)`,
        `Find keystroke                ${ms(f.findMs)}   (target ≤ 100 ms)`,
        `longest host task during load ${ms(f.maxEventLoopLagMs)}   (target ≤ 50 ms; the lag of a 10 ms timer, waits for a core included); stretches over 30 ms: ${
          f.longStretches
            .map(
              (l) =>
                `${Math.round(l.ms)} (${l.runMs !== undefined && l.waitMs !== undefined ? `main thread ran ${Math.round(l.runMs)}, waited for a core ${Math.round(l.waitMs)}, ` : ''}GC ${Math.round(l.gcMs)}, host CPU ${Math.round(l.cpuMs)}, at ${ms(l.atMs)})`,
            )
            .join(', ') || 'none'
        }`,
        `  less the host's waits for a core ${f.longestNetMs === undefined ? 'not measured (no /proc schedstat)' : ms(f.longestNetMs)}   (target ≤ 50 ms; a task's own length, collections included)`,
        `garbage collection in load   ${f.gcDuringLoad.count} pauses, ${ms(f.gcDuringLoad.totalMs)} in all, longest ${ms(f.gcDuringLoad.longestMs)}; ${f.gcDuringLoad.majors} full, longest ${ms(f.gcDuringLoad.longestMajorMs)}`,
        `extension host CPU for load   ${ms(f.extensionHostCpuMs)}`,
        `refresh (list kept on screen) ${ms(f.refresh.ms)}   ${f.refresh.sims.toLocaleString('en-US')} SIMs after it; peak RSS ${Math.round(f.refresh.peakRssMb)} MB; longest task ${ms(f.refresh.longestTaskMs)}`,
        `extension host peak RSS       ${Math.round(f.peakRssMb)} MB (target < 400 MB); heap used ${Math.round(f.heapUsedMb)} MB (target < 200 MB), after a full GC ${Math.round(f.retainedHeapMb)} MB`,
      ];
      return {
        lines,
        data: { clientMs, ratio, ...f },
        ok: f.revealed && f.sims === listing.items.length && f.refresh.sims === listing.items.length,
      };
    } finally {
      mock.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
