// `npm run demo`: the extension in a real VS Code against a local Telnyx API, no account needed.
//   npm run demo -- [--port 8080] [--api-port 0] [--sims 2500] [--latency 30] [--seed 42] [--no-key] [--desktop]
// Browser mode (default) serves VS Code (code-server) on 127.0.0.1:PORT with the extension
// installed and the Telnyx view already open. --desktop opens a desktop `code` instead.
// --no-key starts without TELNYX_API_KEY, so the welcome view shows; the demo key is printed to type in.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { startMockApi, type MockApi } from '../mock-api/server';
import { cleanEnv, startCodeServer, writeUserSettings, type CodeServer } from './lib/codeServer';
import { installUnpacked } from './lib/extensionsDir';
import { repoRoot } from './lib/paths';

/** Only the local API accepts it; it is not a Telnyx key. */
const DEMO_KEY = 'demo-key-local-only';
const OPENER = path.join(repoRoot, 'scripts', 'demo-opener');
const USAGE = 'usage: npm run demo -- [--port 8080] [--api-port 0] [--sims 2500] [--latency 30] [--seed 42] [--no-key] [--desktop]';

interface DemoOptions {
  port: number;
  /** 0: any free port. */
  apiPort: number;
  sims: number;
  latency: number;
  seed: number;
  noKey: boolean;
  desktop: boolean;
}

function wholeNumber(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 0) throw new Error(`${USAGE}\n--${flag} needs a whole number (got ${raw})`);
  return value;
}

function parseDemoArgs(argv: string[]): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8080' },
      'api-port': { type: 'string', default: '0' },
      sims: { type: 'string', default: '2500' },
      latency: { type: 'string', default: '30' },
      seed: { type: 'string', default: '42' },
      'no-key': { type: 'boolean', default: false },
      desktop: { type: 'boolean', default: false },
    },
  });
  return {
    port: wholeNumber('port', values.port),
    apiPort: wholeNumber('api-port', values['api-port']),
    sims: wholeNumber('sims', values.sims),
    latency: wholeNumber('latency', values.latency),
    seed: wholeNumber('seed', values.seed),
    noKey: values['no-key'],
    desktop: values.desktop,
  };
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const full = path.join(dir, cmd);
    if (dir && fs.existsSync(full)) return full;
  }
  return undefined;
}

/** Both servers must really answer before we tell anyone to open the page. */
async function checkAnswers(api: MockApi, vscodeUrl?: string): Promise<void> {
  const res = await fetch(`${api.url}/sim_cards?page%5Bsize%5D=1`, { headers: { Authorization: `Bearer ${api.apiKey}` } });
  if (res.status !== 200) throw new Error(`local Telnyx API answered ${res.status}`);
  if (vscodeUrl) {
    const page = await fetch(vscodeUrl, { redirect: 'manual' });
    if (page.status >= 400) throw new Error(`VS Code (code-server) answered ${page.status}`);
  }
}

async function main(): Promise<void> {
  let opts: DemoOptions;
  try {
    opts = parseDemoArgs(process.argv.slice(2));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(message.startsWith('usage:') ? message : `${USAGE}\n${message}`);
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'telnyx-sims-demo-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(
    path.join(workspace, 'README.md'),
    '# Telnyx SIM Explorer demo\n\nThe SIM cards come from a local Telnyx API with generated data.\n',
  );

  let api: MockApi | undefined;
  let server: CodeServer | undefined;
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      if (api || server) console.log('\nStopping the demo...');
      await server?.stop();
      await api?.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    let codePath: string | undefined;
    if (opts.desktop) {
      codePath = onPath('code');
      if (!codePath) {
        console.error(
          '--desktop: the `code` command is not on PATH. Install VS Code (and its shell command), or run the demo without --desktop.',
        );
        return stop(1);
      }
    } else {
      if (!(await portIsFree(opts.port))) {
        console.error(`Port ${opts.port} on 127.0.0.1 is in use; pick another with --port.`);
        return stop(1);
      }
      const install = spawnSync('bash', [path.join(repoRoot, 'scripts', 'install-code-server.sh')], { stdio: 'inherit' });
      if (install.status !== 0) return stop(1);
    }

    api = await startMockApi({ port: opts.apiPort, sims: opts.sims, seed: opts.seed, latencyMs: opts.latency, apiKey: DEMO_KEY });
    console.log(`Local Telnyx API: ${api.url} (${opts.sims} SIMs, seed ${opts.seed}, ${opts.latency} ms latency)`);
    // With --no-key the extension starts on its welcome view; Set API Key with the demo key connects it.
    const env: Record<string, string> = opts.noKey ? {} : { TELNYX_API_KEY: DEMO_KEY };
    if (opts.noKey) console.log(`No key given to VS Code: click Set API Key and enter ${DEMO_KEY}`);
    const settings = { 'telnyxSims.apiBaseUrl': api.url, 'workbench.colorTheme': 'Default Dark Modern' };

    if (codePath) {
      const userDataDir = path.join(tmp, 'user-data');
      writeUserSettings(userDataDir, settings);
      await checkAnswers(api);
      console.log('Starting desktop VS Code; close its window (or press Ctrl+C) to stop the demo.');
      const code = spawn(
        codePath,
        [
          `--extensionDevelopmentPath=${repoRoot}`,
          `--extensionDevelopmentPath=${OPENER}`,
          '--user-data-dir',
          userDataDir,
          '--extensions-dir',
          path.join(tmp, 'extensions'),
          '--new-window',
          '--wait',
          workspace,
        ],
        { env: cleanEnv(env), stdio: 'inherit' },
      );
      code.once('exit', () => void stop(0));
      return;
    }

    // A plain browser visit carries no extensionDevelopmentPath, so install both extensions instead,
    // with the files the VSIX would hold (manifest and its translations, bundle, media, docs).
    const extensionsDir = path.join(tmp, 'extensions');
    const nls = fs.readdirSync(repoRoot).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f));
    installUnpacked(extensionsDir, repoRoot, [
      'package.json',
      ...nls,
      'l10n',
      'dist',
      'media',
      'docs',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
    ]);
    installUnpacked(extensionsDir, OPENER);
    server = await startCodeServer({
      port: opts.port,
      workspace,
      extensionsDir,
      userDataDir: path.join(tmp, 'user-data'),
      env,
      settings,
    });
    await checkAnswers(api, server.url);
    console.log(`\nOpen ${server.url} in your browser\n(Ctrl+C stops the demo.)`);
  } catch (err) {
    console.error(`Demo failed: ${err instanceof Error ? err.message : String(err)}`);
    await stop(1);
  }
}

void main();
