// Runs inside the real VS Code extension host (extensionTestsPath, like the integration suite):
// loads the fleet of the local Telnyx API named by the environment into the SIM Cards view and
// times what a person sees. Writes its figures as JSON to BENCH_VSCODE_OUT. Figures, not tests.
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { bridge, bridgeAvailable } from '../../test/host/bridgeClient';

const EXTENSION_ID = 'telnyx-sim-explorer.telnyx-sim-explorer';

/** With BENCH_HOST_PROFILE=<dir>: a CPU profile of the extension host during the load (slows it; for finding causes only). */
function startProfile(dir: string | undefined, name: string): (() => Promise<void>) | undefined {
  if (!dir) return undefined;
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  const started = post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
    .then(() => post('Profiler.start'));
  return async () => {
    await started;
    const res = (await post('Profiler.stop')) as { profile: unknown };
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(res.profile));
    session.disconnect();
  };
}

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits until the extension host ran a 10 ms timer on time for a whole second (at most 15 s). */
async function quietHost(): Promise<void> {
  const deadline = Date.now() + 15_000;
  let quietSince = performance.now();
  let last = performance.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    const now = performance.now();
    if (now - last > 30) quietSince = now;
    last = now;
    if (now - quietSince >= 1_000) return;
  }
}

/**
 * The extension host's main thread from Linux's schedstat: time on a core and time runnable but
 * waiting for one, in ms (nanosecond counters). Undefined where /proc has no such file.
 */
function mainThreadSched(): { runMs: number; waitMs: number } | undefined {
  try {
    const [run, wait] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    if (run === undefined || wait === undefined || !Number.isFinite(run) || !Number.isFinite(wait)) return undefined;
    return { runMs: run / 1e6, waitMs: wait / 1e6 };
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  const url = process.env.BENCH_API_URL ?? '';
  const key = process.env.BENCH_API_KEY ?? '';
  const out = process.env.BENCH_VSCODE_OUT ?? '';
  await vscode.commands.executeCommand('workbench.view.extension.telnyxSims');
  const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  if (!ext) throw new Error('bench: extension not found');
  const api = await (async () => {
    const deadline = Date.now() + 60_000;
    while (!(ext.isActive && ext.exports)) {
      if (Date.now() > deadline) throw new Error('bench: extension did not activate');
      await new Promise((r) => setTimeout(r, 50));
    }
    return ext.exports;
  })();
  const { fleet, view } = api;
  const model = fleet.model;
  await vscode.workspace.getConfiguration('telnyxSims').update('apiBaseUrl', url, vscode.ConfigurationTarget.Global);
  await until('the welcome view (no key yet)', () => fleet.phase === 'noKey', 60_000);

  // Built-in extensions that share the host (git, the JSON language client after the settings
  // write above) start up around now; a person sets a key into a host that has settled.
  await quietHost();

  // Event-loop lag: the longest stretch the extension host could not run a 10 ms timer.
  let maxLagMs = 0;
  let last = performance.now();
  /** Stretches over 30 ms (start and length), to tell which ones a garbage collection filled. */
  const longLags: { start: number; ms: number; cpuMs: number; runMs?: number; waitMs?: number }[] = [];
  // The host's CPU time in each stretch (all its threads): on a busy machine a stretch can be long
  // because the host waited for a core, not because it worked. The main thread's own split (time
  // on a core, time runnable but waiting for one) says which. A stretch less the main thread's
  // waits is the task's own length; it still counts time the thread was paused for a collection's
  // helper threads (which may themselves have waited for a core).
  let lastCpu = process.cpuUsage();
  let lastSched = mainThreadSched();
  let longestNetMs = 0;
  const lag = setInterval(() => {
    const now = performance.now();
    const cpuNow = process.cpuUsage();
    const schedNow = mainThreadSched();
    const stretch = now - last - 10;
    maxLagMs = Math.max(maxLagMs, stretch);
    const split =
      schedNow && lastSched ? { runMs: schedNow.runMs - lastSched.runMs, waitMs: schedNow.waitMs - lastSched.waitMs } : undefined;
    if (split) longestNetMs = Math.max(longestNetMs, stretch - split.waitMs);
    if (stretch > 30)
      longLags.push({ start: last, ms: stretch, cpuMs: (cpuNow.user - lastCpu.user + cpuNow.system - lastCpu.system) / 1000, ...split });
    last = now;
    lastCpu = cpuNow;
    lastSched = schedNow;
  }, 10);
  // Garbage collections during the load: a long stretch is often a collection, not our code.
  const gcs: { start: number; ms: number; major: boolean }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // detail.kind: 1 minor (scavenge), 2 major (mark-compact), 4 incremental marking, 8 weak callbacks.
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      gcs.push({ start: e.startTime, ms: e.duration, major: kind === 2 });
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  let peakRss = process.memoryUsage().rss;
  // memoryUsage.rss() alone: the full memoryUsage() walks the heap spaces, host CPU the load would be charged for.
  const rss = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);

  // With BENCH_RENDERER_PROFILE=<dir>: a CPU profile of VS Code's renderer (the page's main thread) from the load to the end of the expand (slows both).
  const rendererProfile = process.env.BENCH_RENDERER_PROFILE;
  if (rendererProfile && bridgeAvailable()) await bridge({ op: 'profileStart' });
  // The first load, as a person sees it after setting the key (the key check is one request).
  let firstCountsMs: number | undefined;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const stopProfile = startProfile(process.env.BENCH_HOST_PROFILE, 'host-load');
  const sub = view.provider.onDidChangeTreeData(() => {
    if (firstCountsMs === undefined && model.roots().some((n) => n.kind === 'bucket' && n.count > 0))
      firstCountsMs = performance.now() - started;
  });
  if (!(await api.setApiKey(key))) throw new Error('bench: the key was refused');
  await until('the load to settle', () => fleet.settled && model.size > 0, 600_000);
  const finalCountsMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  await stopProfile?.();
  const stopAfterProfile = startProfile(process.env.BENCH_HOST_PROFILE, 'host-after-load');
  sub.dispose();
  clearInterval(lag);
  gcObserver.disconnect();
  const inLoad = gcs.filter((g) => g.start >= started);
  const gcInside = (l: { start: number; ms: number }): number =>
    inLoad.filter((g) => g.start < l.start + l.ms + 10 && g.start + g.ms > l.start).reduce((sum, g) => sum + g.ms, 0);

  // The expand is timed as a person does it: once the final counts are on screen (VS Code draws a
  // tree's changes about 200 ms after the last change event), a mouse click on the largest group's
  // row, then on its first range's row, each from the mousedown to the frame after the first child
  // row is in the list. Our provider's part is measured on its own.
  const buckets = model.roots().flatMap((n) => (n.kind === 'bucket' ? [n] : []));
  const largest = buckets.reduce((a, b) => (b.count > a.count ? b : a));
  const firstRange = model.childrenOf(largest)[0];
  if (!firstRange) throw new Error('bench: no range');
  const provider = view.provider;
  const ariaLabel = (node: Parameters<typeof provider.getTreeItem>[0]): string => {
    const label = provider.getTreeItem(node).accessibilityInformation?.label;
    if (!label) throw new Error(`bench: the ${node.kind} row has no accessible label`);
    return label;
  };
  if (!bridgeAvailable()) throw new Error('bench: the browser bridge is needed to click the tree (run through runInHost)');
  const onScreenAt = performance.now();
  await bridge({ op: 'waitFor', selector: `.monaco-list-row[aria-label=${JSON.stringify(ariaLabel(largest))}]`, timeoutMs: 30_000 });
  const finalOnScreenMs = performance.now() - onScreenAt;
  // What VS Code asks the provider for during each click, and the time spent in the provider
  // (our part: the first read of a range sorts what the background merge has not merged yet).
  const getChildren = provider.getChildren.bind(provider);
  const getTreeItem = provider.getTreeItem.bind(provider);
  let trace: string[] = [];
  let requested: { kind: string; items: number; ms: number } | undefined;
  let providerMs = 0;
  const traceDone = (): void => {
    if (requested) trace.push(`children of ${requested.kind}: ${requested.items} rows, ${requested.ms.toFixed(1)} ms`);
    requested = undefined;
  };
  provider.getChildren = (node) => {
    traceDone();
    const c0 = performance.now();
    const children = getChildren(node);
    const took = performance.now() - c0;
    providerMs += took;
    requested = { kind: node?.kind ?? 'the root', items: 0, ms: took };
    return children;
  };
  provider.getTreeItem = (node) => {
    const c0 = performance.now();
    const item = getTreeItem(node);
    const took = performance.now() - c0;
    providerMs += took;
    if (requested) {
      requested.items++;
      requested.ms += took;
    }
    return item;
  };
  const timedClick = async (
    node: Parameters<typeof provider.getTreeItem>[0],
  ): Promise<{ ms: number; providerMs: number; trace: string[] }> => {
    trace = [];
    providerMs = 0;
    const clickMs = (await bridge({ op: 'timedClick', ariaLabel: ariaLabel(node) })) as number;
    traceDone();
    return { ms: clickMs, providerMs, trace };
  };
  const expandGroup = await timedClick(largest);
  const expandRange = await timedClick(firstRange);
  if (rendererProfile && bridgeAvailable()) await bridge({ op: 'profileStop', file: path.join(rendererProfile, 'renderer.cpuprofile') });
  provider.getTreeItem = getTreeItem;
  provider.getChildren = getChildren;
  // Not kept in a variable: the heap figures below would count the bucket's SIMs from before the refresh.
  const target = ((sims) => sims[Math.floor(sims.length * 0.77)])(model.bucketSims(largest.key));
  if (!target) throw new Error('bench: no SIM to reveal');
  let t = performance.now();
  const revealed = await view.revealSim(target.id);
  const revealMs = performance.now() - t;
  // A Find keystroke: the search behind each typed character.
  const text = (target.iccid ?? '').slice(-7);
  t = performance.now();
  const found = model.findSims(text, 50);
  const findMs = performance.now() - t;
  clearInterval(rss);
  const heapUsed = process.memoryUsage().heapUsed;

  // A refresh, as auto-refresh or the Refresh button runs it: the list stays on screen while the
  // fleet loads again beside it (two lists in memory until it ends).
  let refreshPeakRss = process.memoryUsage.rss();
  const refreshRss = setInterval(() => (refreshPeakRss = Math.max(refreshPeakRss, process.memoryUsage.rss())), 100);
  let refreshLagMs = 0;
  let lastTick = performance.now();
  const refreshLag = setInterval(() => {
    const now = performance.now();
    refreshLagMs = Math.max(refreshLagMs, now - lastTick - 10);
    lastTick = now;
  }, 10);
  t = performance.now();
  await fleet.refresh();
  await until('the refresh to settle', () => fleet.settled, 600_000);
  const refreshMs = performance.now() - t;
  clearInterval(refreshRss);
  clearInterval(refreshLag);
  const refreshedSims = model.size;
  await stopAfterProfile?.();

  // What the heap retains (the target's "retained heap"): heap used after a full collection.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  gc?.();
  const retainedHeap = process.memoryUsage().heapUsed;

  const figures = {
    sims: model.size,
    firstCountsMs,
    finalCountsMs,
    finalOnScreenMs,
    expandGroup,
    expandRange,
    revealMs,
    revealed,
    findMs,
    findHits: found.length,
    refresh: { ms: refreshMs, peakRssMb: refreshPeakRss / 2 ** 20, longestTaskMs: refreshLagMs, sims: refreshedSims },
    extensionHostCpuMs: (cpu.user + cpu.system) / 1000,
    maxEventLoopLagMs: maxLagMs,
    /** Stretches over 30 ms, longest first, with the garbage collection time inside each. */
    longStretches: longLags
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((l) => ({ ms: l.ms, gcMs: gcInside(l), cpuMs: l.cpuMs, runMs: l.runMs, waitMs: l.waitMs, atMs: l.start - started })),
    /** The longest stretch less the main thread's waits for a core inside it (undefined off Linux). */
    longestNetMs: lastSched ? longestNetMs : undefined,
    gcDuringLoad: {
      count: inLoad.length,
      totalMs: inLoad.reduce((sum, g) => sum + g.ms, 0),
      longestMs: inLoad.reduce((m, g) => Math.max(m, g.ms), 0),
      longestMajorMs: inLoad.filter((g) => g.major).reduce((m, g) => Math.max(m, g.ms), 0),
      majors: inLoad.filter((g) => g.major).length,
    },
    peakRssMb: peakRss / 2 ** 20,
    heapUsedMb: heapUsed / 2 ** 20,
    retainedHeapMb: retainedHeap / 2 ** 20,
  };
  fs.writeFileSync(out, JSON.stringify(figures));
}
