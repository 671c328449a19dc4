// Sections that are standalone scripts (each also runs on its own with `node out/bench/X.js`):
// run as child processes so their heap and timing figures are not disturbed by other sections.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { BenchArgs, BenchSection, SectionReport } from '../section';
import { DEFAULT_BULK_CONCURRENCY } from '../../src/telnyx/bulk';

function runScript(script: string, nodeFlags: string[], args: string[]): Promise<SectionReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, path.join(__dirname, '..', script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.split('\n').filter((l) => l.trim() !== '');
      const data = lines.flatMap((l) => {
        try {
          return l.startsWith('{') ? [JSON.parse(l) as unknown] : [];
        } catch {
          return [];
        }
      });
      resolve({ lines, data, ok: code === 0 });
    });
  });
}

const sims = (args: BenchArgs): string => args.sims.join(',');

export const fleetModelSection: BenchSection = {
  name: 'fleetModel',
  description: 'the fleet model: cost per page of 250, first roots, a range, find, retained heap per SIM',
  run: (args) => runScript('fleetModel.js', ['--expose-gc'], ['--sims', sims(args)]),
};

export const bulkSection: BenchSection = {
  name: 'bulk',
  description: 'disable 1,000 SIMs at the given latency under 20 requests/s: time vs the floor, duplicate POSTs',
  // The bulk setting's own default (telnyxSims.bulkConcurrency), not the listing's page concurrency.
  run: (args) => runScript('bulk.js', [], ['--latency', String(args.latencyMs), '--concurrency', String(DEFAULT_BULK_CONCURRENCY)]),
};

export const exportSection: BenchSection = {
  name: 'export',
  description: 'export the largest fleet size to CSV and JSON: time and peak memory',
  run: (args) => runScript('export.js', ['--expose-gc'], ['--sims', String(Math.max(...args.sims))]),
};
