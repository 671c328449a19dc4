// `npm run bench`: figures, not tests. Runs the registered sections (bench/sections/*.ts) in order
// and prints a table per section, then one JSON line with every figure; exits 1 when a section's
// check fails (e.g. two clients disagree on the ids).
// Usage: npm run bench -- [--sims 10000,100000] [--latency 50] [--runs 1] [--concurrency 5]
//                         [--page-size 250] [--section listing] [--only client,sdk]
import { parseArgs } from 'node:util';
import { DEFAULT_CONCURRENCY } from '../src/telnyx/client';
import type { BenchArgs, BenchSection } from './section';
import { listingSection } from './sections/listing';
import { bulkSection, exportSection, fleetModelSection } from './sections/scripts';
import { vscodeSection } from './sections/vscode';

/** Add a section here (fleet model cost, bulk actions, export, ...). */
const SECTIONS: BenchSection[] = [listingSection, fleetModelSection, vscodeSection, bulkSection, exportSection];

function numbers(text: string, flag: string): number[] {
  const out = text.split(',').map((s) => Number(s.trim()));
  if (out.some((n) => !Number.isFinite(n) || n < 0)) throw new Error(`--${flag} needs non-negative numbers, got "${text}"`);
  return out.map((n) => Math.floor(n));
}

function readArgs(argv: string[]): { args: BenchArgs; sections: BenchSection[] } {
  const { values } = parseArgs({
    args: argv,
    options: {
      sims: { type: 'string', default: '10000,100000' },
      latency: { type: 'string', default: '50' },
      runs: { type: 'string', default: '1' },
      // The extension's own default, so the client alone and the VS Code run list the same way.
      concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
      'page-size': { type: 'string', default: '250' },
      section: { type: 'string', default: '' },
      only: { type: 'string', default: '' },
    },
    strict: true,
  });
  const one = (flag: 'latency' | 'runs' | 'concurrency' | 'page-size'): number => numbers(values[flag], flag)[0] ?? 0;
  const list = (text: string): string[] =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const wanted = list(values.section);
  const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w));
  if (unknown.length) throw new Error(`Unknown section ${unknown.join(', ')} (have ${SECTIONS.map((s) => s.name).join(', ')})`);
  return {
    args: {
      sims: numbers(values.sims, 'sims'),
      latencyMs: one('latency'),
      runs: Math.max(1, one('runs')),
      concurrency: Math.max(1, one('concurrency')),
      pageSize: Math.min(250, Math.max(1, one('page-size'))),
      only: list(values.only),
    },
    sections: wanted.length ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS,
  };
}

async function main(): Promise<void> {
  const { args, sections } = readArgs(process.argv.slice(2));
  const figures: Record<string, unknown> = {};
  let ok = true;
  for (const section of sections) {
    console.log(`\n== ${section.name}: ${section.description}\n`);
    const report = await section.run(args);
    for (const line of report.lines) console.log(line);
    figures[section.name] = report.data;
    ok &&= report.ok;
  }
  console.log(`\n${JSON.stringify({ bench: 'telnyx-sim-explorer', args, ok, figures })}`);
  if (!ok) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
