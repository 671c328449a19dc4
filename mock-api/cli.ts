// Runs the local Telnyx API from the command line:
//   node out/mock-api/cli.js --port 4010 --sims 1000 --seed 42 [--latency 50] [--api-key KEY]
//     [--rate-429 0.1 --rate-500 0.05 --rate-503 0 --drop-rate 0 --malformed-rate 0] [--transition-ms 1500]
//     [--action-settle-ms 1500 --action-fail-rate 0.05 --rate-limit 20]
// Prints exactly one line when ready; exits 0 on SIGINT/SIGTERM.
import { parseArgs as parseFlags } from 'util';
import { startMockApi, type MockApiOptions } from './server';

const NUMBER_FLAGS: Record<string, (o: MockApiOptions, n: number) => void> = {
  '--port': (o, n) => (o.port = n),
  '--sims': (o, n) => (o.sims = n),
  '--seed': (o, n) => (o.seed = n),
  '--latency': (o, n) => (o.latencyMs = n),
  '--transition-ms': (o, n) => (o.transitionMs = n),
  '--action-settle-ms': (o, n) => (o.actionSettleMs = n),
  '--action-fail-rate': (o, n) => (o.actionFailRate = n),
  '--rate-limit': (o, n) => (o.rateLimitPerSecond = n),
  '--rate-429': (o, n) => (o.faultRates = { ...o.faultRates, rate429: n }),
  '--rate-500': (o, n) => (o.faultRates = { ...o.faultRates, rate500: n }),
  '--rate-503': (o, n) => (o.faultRates = { ...o.faultRates, rate503: n }),
  '--drop-rate': (o, n) => (o.faultRates = { ...o.faultRates, dropRate: n }),
  '--malformed-rate': (o, n) => (o.faultRates = { ...o.faultRates, malformedRate: n }),
};

export function parseArgs(argv: readonly string[]): MockApiOptions {
  const options: Record<string, { type: 'string' }> = { 'api-key': { type: 'string' } };
  for (const flag of Object.keys(NUMBER_FLAGS)) options[flag.slice(2)] = { type: 'string' };
  const { values } = parseFlags({ args: [...argv], options, strict: true });
  const opts: MockApiOptions = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    if (name === 'api-key') {
      opts.apiKey = value;
      continue;
    }
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
    NUMBER_FLAGS[`--${name}`]?.(opts, n);
  }
  return opts;
}

async function main(): Promise<void> {
  let opts: MockApiOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`mock-api: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const api = await startMockApi(opts);
  process.stdout.write(`Telnyx mock API listening on ${api.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    api.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`mock-api: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
