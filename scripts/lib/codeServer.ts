// Starts code-server (VS Code 1.100 for the browser) as a child process tree we can stop cleanly.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeServerEntry } from './paths';

export interface CodeServerOptions {
  /** Port to bind on 127.0.0.1; 0 or undefined lets code-server bind any free port (no race). */
  port?: number;
  /** Folder opened by default (also usable as `?folder=` in the URL). */
  workspace?: string;
  /** Defaults to a fresh temp folder, removed on stop(). */
  userDataDir?: string;
  /** Defaults to a fresh temp folder, removed on stop(). */
  extensionsDir?: string;
  /** Extra environment for code-server; it reaches the extension host's process.env. */
  env?: Record<string, string>;
  /** User settings, merged over quiet defaults, written to <userDataDir>/User/settings.json. */
  settings?: Record<string, unknown>;
  /** Receives code-server's output lines (default: dropped). */
  onOutput?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface CodeServer {
  url: string; // 'http://127.0.0.1:PORT/'
  port: number;
  userDataDir: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

/** Settings that keep the workbench free of first-run noise and outbound requests. */
const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  // code-server offers to forward every port a process opens (the local API, test servers): no toasts.
  'remote.autoForwardPorts': false,
  // Test runs live inside this repository: no "open the parent git repository?" toast in screenshots.
  'git.openRepositoryInParentFolders': 'never',
};

export function writeUserSettings(userDataDir: string, settings: Record<string, unknown> = {}): void {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const merged = { ...QUIET_SETTINGS, ...settings };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(merged, null, 2));
}

/** The parent's env minus variables that would make code-server talk to another VS Code. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Kills a detached child's whole process group (code-server forks the extension host etc.). */
export async function killTree(child: ChildProcess, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    signalGroup(pid, 'SIGKILL'); // children may outlive the leader
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(pid, 'SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    signalGroup(pid, 'SIGKILL');
    await exited;
  }
  signalGroup(pid, 'SIGKILL'); // stragglers in the group (pty host, watchers)
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // group already gone
  }
}

/** Tracks live servers so an abrupt exit of the runner still takes them down. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) signalGroup(child.pid, 'SIGKILL');
  });
}

/**
 * For runners (not the demo, which stops gracefully itself): Ctrl+C or SIGTERM kills every
 * code-server we started, then exits, since 'exit' handlers do not run on signal death.
 */
export function killServersOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of live) signalGroup(child.pid, 'SIGKILL');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed (${codeServerEntry} missing). Run: bash scripts/install-code-server.sh`);
  }
  // Port 0: code-server binds a free port itself and prints it, so nothing can take it in between.
  const requestedPort = opts.port ?? 0;
  const ownUserData = !opts.userDataDir;
  const ownExtensions = !opts.extensionsDir;
  const userDataDir = opts.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'telnyx-sims-user-'));
  const extensionsDir = opts.extensionsDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'telnyx-sims-ext-'));
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, opts.settings);

  const args = [
    codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${requestedPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened', // a folder remembered from another run must not win over ours
    '--config',
    path.join(userDataDir, 'code-server.yaml'), // not ~/.config/code-server
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  if (opts.workspace) args.push(opts.workspace);

  const child = spawn(process.execPath, args, {
    env: cleanEnv(opts.env),
    detached: true, // own process group, so stop() reaches every descendant
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  installExitHook();

  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timeoutMs = opts.startTimeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      reject(new Error(`code-server did not print "HTTP server listening" within ${timeoutMs} ms.\n${output.join('\n')}`));
    }, timeoutMs);
    const onLine = (line: string): void => {
      output.push(line);
      opts.onOutput?.(line);
      const listening = /HTTP server listening on https?:\/\/[^\s/]+:(\d+)/.exec(line);
      if (listening?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    forEachLine(child.stdout, onLine);
    forEachLine(child.stderr, onLine);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (code ${code}, signal ${signal}).\n${output.join('\n')}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  }).catch(async (err: unknown) => {
    await killTree(child);
    live.delete(child);
    throw err;
  });

  const url = `http://127.0.0.1:${port}/`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    userDataDir,
    extensionsDir,
    stop(): Promise<void> {
      stopped ??= (async () => {
        await killTree(child);
        live.delete(child);
        if (ownUserData) fs.rmSync(userDataDir, { recursive: true, force: true });
        if (ownExtensions) fs.rmSync(extensionsDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, nl).replace(/\r$/, ''));
      buf = buf.slice(nl + 1);
    }
  });
  stream.on('end', () => {
    if (buf) onLine(buf);
  });
}
