import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './helpers';

/** Resolves with the first stdout line (or rejects if the process ends first). */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    rl.once('line', (line) => {
      rl.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`cli exited (${code}) before printing: ${stderr}`)));
  });
}

const exitCode = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('mock-api CLI', () => {
  const cli = path.join(repoRoot(), 'out', 'mock-api', 'cli.js');
  const children: ChildProcess[] = [];
  after(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints the URL, serves, and exits 0 on ${signal}`, async () => {
      const child = spawn(process.execPath, [cli, '--port', '0', '--sims', '50', '--seed', '7', '--api-key', 'cli-key'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      const line = await firstLine(child);
      const m = /^Telnyx mock API listening on (http:\/\/127\.0\.0\.1:(\d+)\/v2)$/.exec(line);
      assert.ok(m, `unexpected line: ${line}`);
      assert.notEqual(m[2], '0');

      const res = await fetch(`${m[1]}/sim_cards?page[size]=100`, { headers: { authorization: 'Bearer cli-key' } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { meta: { total_results: number } };
      assert.equal(body.meta.total_results, 50);
      // A keep-alive connection is open now; shutdown must not hang on it.
      child.kill(signal);
      assert.equal(await exitCode(child), 0);
    });
  }

  it('rejects unknown options with a non-zero exit', async () => {
    const child = spawn(process.execPath, [cli, '--bogus', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    assert.notEqual(await exitCode(child), 0);
  });
});
