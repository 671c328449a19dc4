// Runs the compiled integration suite inside a real VS Code extension host (code-server in
// Chromium), the way @vscode/test-electron does on the desktop: the workbench loads our extension
// as a development extension, calls run() of extensionTestsPath, then calls codeAutomationExit.
//   node out/test/host/runInHost.js [--grep <pattern>] [--results <file>] [--workspace <dir>]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { launchBrowser } from '../../scripts/lib/browser';
import { killServersOnSignals, startCodeServer } from '../../scripts/lib/codeServer';
import { BRIDGE_DIR_ENV, GREP_ENV, RESULTS_ENV, TestResults } from './bridgeProtocol';
import { BridgeServer } from './bridgeServer';
import { repoRoot, scratchDir } from './paths';
import { readResults } from './results';

export interface RunInHostOptions {
  /** Compiled module exporting run(); default out/test/integration/index. */
  testsPath?: string;
  /** Default: the repository root. */
  extensionPath?: string;
  /** Folder the window opens; default a fresh empty folder. */
  workspace?: string;
  grep?: string;
  /** Whole run, including start-up; default 15 minutes. */
  timeoutMs?: number;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  resultsFile?: string;
  log?: (line: string) => void;
}

export interface HostRunResult {
  /** 0 = every test passed. */
  exitCode: number;
  results?: TestResults;
}

export async function runInHost(opts: RunInHostOptions = {}): Promise<HostRunResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  fs.mkdirSync(scratchDir, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(scratchDir, 'host-'));
  const bridgeDir = path.join(runDir, 'bridge');
  const workspace = opts.workspace ?? path.join(runDir, 'workspace');
  const resultsFile = opts.resultsFile ?? path.join(runDir, 'results.json');
  fs.mkdirSync(workspace, { recursive: true });
  fs.mkdirSync(bridgeDir, { recursive: true });
  fs.rmSync(resultsFile, { force: true });

  const userDataDir = path.join(runDir, 'user-data');
  // The user data dir lets tests check that nothing secret was written to settings files.
  const env: Record<string, string> = {
    ...opts.env,
    [BRIDGE_DIR_ENV]: bridgeDir,
    [RESULTS_ENV]: resultsFile,
    TELNYX_SIMS_USER_DATA_DIR: userDataDir,
  };
  if (opts.grep) env[GREP_ENV] = opts.grep;

  let stopping = false; // once we stop it, its children's complaints about SIGTERM are expected
  const server = await startCodeServer({
    env,
    ...(opts.settings !== undefined ? { settings: opts.settings } : {}),
    userDataDir,
    extensionsDir: path.join(runDir, 'extensions'),
    onOutput: (line) => {
      if (!stopping && /error/i.test(line) && !isNoise(line)) log(`[code-server] ${line}`);
    },
  });
  const session = await launchBrowser();
  const bridge = new BridgeServer(session.page, bridgeDir, log);
  let timer: NodeJS.Timeout | undefined;
  try {
    const exited = new Promise<number>((resolve, reject) => {
      const timeoutMs = opts.timeoutMs ?? 15 * 60_000;
      timer = setTimeout(
        () => reject(new Error(`Integration tests did not finish within ${Math.round(timeoutMs / 1000)} s (no codeAutomationExit).`)),
        timeoutMs,
      );
      void session.page.exposeFunction('codeAutomationExit', (code: number) => resolve(Number(code)));
      session.page.on('crash', () => reject(new Error('The workbench page crashed.')));
    });
    await session.page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      for (const line of logText(args).split('\n')) {
        if (isNoise(line)) continue;
        log(type === 'error' ? `[host:error] ${line}` : line);
      }
    });
    session.page.on('pageerror', (err) => log(`[page:error] ${err.message}`));

    const authority = `127.0.0.1:${server.port}`;
    const remote = (p: string): string => `vscode-remote://${authority}${path.resolve(p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(opts.extensionPath ?? repoRoot)],
      ['extensionTestsPath', remote(opts.testsPath ?? path.join(repoRoot, 'out', 'test', 'integration', 'index'))],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`[runInHost] VS Code ${server.url} (code-server), workspace ${workspace}`);
    await session.page.goto(url, { timeout: 120_000 }); // a loaded 2-core machine can take a while
    const exitCode = await exited;
    const results = readResults(resultsFile);
    return { exitCode, ...(results !== undefined ? { results } : {}) };
  } finally {
    clearTimeout(timer);
    bridge.dispose();
    stopping = true;
    await session.close();
    await server.stop();
    fs.rmSync(runDir, { recursive: true, force: true }); // results were read above
  }
}

/** Workbench chatter that says nothing about the tests (connection set-up, offline gallery lookups). */
const NOISE = [
  /^Resolving connection token|^Resolved connection token|^Creating a socket|^\[Service Worker\]/,
  /^Updating additional builtin extensions cache|^ChatSessionStore:/,
  /open-vsx\.org|^\s+at .*\/static\/out\/vs\//,
];

function isNoise(line: string): boolean {
  return NOISE.some((re) => re.test(line));
}

function logText(args: unknown): string {
  if (typeof args === 'string') return args;
  if (Array.isArray(args)) return args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return JSON.stringify(args);
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: { grep: { type: 'string' }, results: { type: 'string' }, workspace: { type: 'string' } },
  });
  killServersOnSignals();
  const results = args.results ?? process.env[RESULTS_ENV];
  const workspace = args.workspace;
  const grep = args.grep ?? process.env[GREP_ENV];
  const { exitCode, results: counts } = await runInHost({
    ...(grep !== undefined ? { grep } : {}),
    resultsFile: results ? path.resolve(results) : path.join(os.tmpdir(), `telnyx-sims-integration-${process.pid}.json`),
    ...(workspace ? { workspace: path.resolve(workspace) } : {}),
  });
  if (counts) {
    console.log(`[runInHost] integration: ${counts.passed} passed, ${counts.failed} failed, ${counts.pending} pending`);
  } else {
    console.log('[runInHost] the suite wrote no results (did run() load? see the log above)');
  }
  process.exitCode = exitCode === 0 && counts ? 0 : 1;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`[runInHost] ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
