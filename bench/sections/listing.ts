// Listing a whole fleet, per fleet size: our client vs the floor L·(1+⌈(P−1)/c⌉) (page 1, then
// the other P−1 pages c at a time) and vs the official `telnyx` SDK at 250 per page (its
// auto-pagination is sequential); and the heap the listed SIMs retain.
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import Telnyx from 'telnyx';
import { TelnyxClient } from '../../src/telnyx';
import { BENCH_API_KEY, control, processCpuMs, requestCount, startMockProcess } from '../mockProcess';
import type { BenchArgs, BenchSection, SectionReport } from '../section';

interface SizeResult {
  sims: number;
  pages: number;
  floorMs: number;
  client?: { medianMs: number; runsMs: number[]; requests: number; complete: boolean; retainedBytesPerSim: number } & CpuPerPage;
  sdk?: { ms: number; requests: number } & CpuPerPage;
  sameIds?: boolean;
}

/** CPU per request of this process and of the local API's (less noisy than wall time on a shared machine). */
interface CpuPerPage {
  cpuMsPerPage?: number;
  apiCpuMsPerPage?: number;
}

/** Starts counting CPU of both processes; the returned function gives the figures per request. */
function cpuMeter(apiPid: number | undefined): (requests: number) => CpuPerPage {
  const own = process.cpuUsage();
  const api = processCpuMs(apiPid);
  return (requests) => {
    const used = process.cpuUsage(own);
    const apiNow = processCpuMs(apiPid);
    const per = (ms: number): number => Math.round((ms / Math.max(1, requests)) * 100) / 100;
    return {
      cpuMsPerPage: per((used.user + used.system) / 1000),
      ...(api !== undefined && apiNow !== undefined ? { apiCpuMsPerPage: per(apiNow - api) } : {}),
    };
  };
}

/** A full collection, so retained-heap figures do not depend on when V8 last collected. */
function gcFunction(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function floorMs(latencyMs: number, pages: number, concurrency: number): number {
  return latencyMs * (1 + Math.ceil(Math.max(0, pages - 1) / concurrency));
}

async function measureSize(args: BenchArgs, sims: number, gc: () => void): Promise<SizeResult> {
  const wants = (part: string): boolean => args.only.length === 0 || args.only.includes(part);
  const pages = Math.max(1, Math.ceil(sims / args.pageSize));
  const out: SizeResult = { sims, pages, floorMs: floorMs(args.latencyMs, pages, args.concurrency) };
  const mock = await startMockProcess(sims, args.latencyMs);
  try {
    // One untimed pass first, so neither our client nor the SDK pays for the local API's first
    // pass over the fleet (it caches each SIM's JSON text) and both meet the same warm server.
    await new TelnyxClient({
      apiKey: BENCH_API_KEY,
      baseUrl: mock.url,
      pageSize: args.pageSize,
      concurrency: args.concurrency,
    }).listAllSimCards();
    let clientIds: string[] | undefined;
    if (wants('client')) {
      const client = new TelnyxClient({ apiKey: BENCH_API_KEY, baseUrl: mock.url, pageSize: args.pageSize, concurrency: args.concurrency });
      await client.listSimCards({ pageSize: 1 }); // warm the connection and the JIT
      const runsMs: number[] = [];
      let requests = 0;
      let complete = true;
      let retained = 0;
      let cpuMs = 0;
      let apiMs = 0;
      let listed = 0;
      for (let r = 0; r < args.runs; r++) {
        await control(mock, 'DELETE', 'requests');
        gc();
        const before = process.memoryUsage().heapUsed;
        const meter = cpuMeter(mock.child.pid);
        const t0 = performance.now();
        const listing = await client.listAllSimCards();
        runsMs.push(Math.round(performance.now() - t0));
        const cpu = meter(1);
        cpuMs += cpu.cpuMsPerPage ?? 0;
        apiMs += cpu.apiCpuMsPerPage ?? 0;
        gc();
        if (r === 0) retained = (process.memoryUsage().heapUsed - before) / Math.max(1, listing.items.length);
        const count = await requestCount(mock);
        listed += count;
        requests = Math.max(requests, count);
        complete &&= listing.complete && listing.items.length === sims;
        clientIds = listing.items.map((s) => s.id);
      }
      const per = (ms: number): number => Math.round((ms / Math.max(1, listed)) * 100) / 100;
      out.client = {
        medianMs: median(runsMs),
        runsMs,
        requests,
        complete,
        retainedBytesPerSim: Math.round(retained),
        cpuMsPerPage: per(cpuMs),
        ...(processCpuMs(mock.child.pid) !== undefined ? { apiCpuMsPerPage: per(apiMs) } : {}),
      };
    }
    if (wants('sdk')) {
      const sdk = new Telnyx({ apiKey: BENCH_API_KEY, baseURL: mock.url });
      await sdk.simCards.list({ 'page[size]': 1 });
      await control(mock, 'DELETE', 'requests');
      const ids: string[] = [];
      const meter = cpuMeter(mock.child.pid);
      const t0 = performance.now();
      for await (const sim of sdk.simCards.list({ 'page[size]': args.pageSize })) ids.push(sim.id ?? '');
      const ms = Math.round(performance.now() - t0);
      const requests = await requestCount(mock);
      out.sdk = { ms, requests, ...meter(requests) };
      if (clientIds) out.sameIds = ids.length === clientIds.length && new Set([...ids, ...clientIds]).size === ids.length;
    }
  } finally {
    mock.stop();
  }
  return out;
}

const num = (n: number): string => n.toLocaleString('en-US');
const ratio = (a: number | undefined, b: number | undefined): string => (a && b ? `${(a / b).toFixed(2)}x` : '-');

export const listingSection: BenchSection = {
  name: 'listing',
  description: 'listAllSimCards vs the floor and the official SDK; retained heap per SIM',
  async run(args): Promise<SectionReport> {
    const gc = gcFunction();
    const results: SizeResult[] = [];
    for (const sims of args.sims) results.push(await measureSize(args, sims, gc));
    const head = ['SIMs', 'pages', 'floor ms', 'client ms', 'client/floor', 'SDK ms', 'SDK/client', 'requests', 'heap B/SIM', 'complete'];
    head.push('CPU ms/page client+API', 'SDK+API');
    const cpu = (c: CpuPerPage | undefined): string =>
      c?.cpuMsPerPage === undefined ? '-' : `${c.cpuMsPerPage.toFixed(1)}+${c.apiCpuMsPerPage?.toFixed(1) ?? '?'}`;
    const rows = results.map((r) => [
      num(r.sims),
      String(r.pages),
      num(r.floorMs),
      r.client ? num(r.client.medianMs) : '-',
      ratio(r.client?.medianMs, r.floorMs),
      r.sdk ? num(r.sdk.ms) : '-',
      ratio(r.sdk?.ms, r.client?.medianMs),
      r.client ? String(r.client.requests) : '-',
      r.client ? String(r.client.retainedBytesPerSim) : '-',
      r.client ? (r.client.complete ? 'yes' : 'NO') : '-',
      cpu(r.client),
      cpu(r.sdk),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
    const fmt = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
    const lines = [
      `Listing the fleet: ${args.latencyMs} ms per request, ${args.pageSize} per page, client ${args.concurrency} in flight, ` +
        `SDK sequential; client median of ${args.runs}`,
      fmt(head),
      ...rows.map(fmt),
    ];
    if (results.some((r) => r.sameIds === false)) lines.push('the client and the SDK returned different ids');
    const ok = results.every((r) => r.sameIds !== false && (r.client?.complete ?? true));
    return { lines, data: results, ok };
  },
};
