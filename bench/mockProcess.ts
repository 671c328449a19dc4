// The local Telnyx API in its own process (its CLI), as a real API would not share the
// client's CPU; its /__mock/ control endpoints count requests.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export const BENCH_API_KEY = 'bench-key';

export interface MockProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  stop(): void;
}

/** Starts `node out/mock-api/cli.js` on a free port and waits for its ready line. */
export function startMockProcess(sims: number, latencyMs: number): Promise<MockProcess> {
  const cli = path.resolve(__dirname, '..', 'mock-api', 'cli.js');
  const args = [cli, '--port', '0', '--sims', String(sims), '--latency', String(latencyMs), '--api-key', BENCH_API_KEY];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the mock API did not start within 180 s')), 180_000);
    child.once('exit', (code) => reject(new Error(`the mock API exited with code ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m?.[1]) return;
      clearTimeout(timer);
      const url = m[1];
      resolve({ url, origin: new URL(url).origin, child, stop: () => child.kill('SIGTERM') });
    });
  });
}

export async function control<T>(mock: MockProcess, method: 'GET' | 'DELETE', route: string): Promise<T | undefined> {
  const res = await fetch(`${mock.origin}/__mock/${route}`, { method });
  if (!res.ok) throw new Error(`${method} /__mock/${route} answered ${res.status}`);
  return res.status === 204 ? undefined : ((await res.json()) as T);
}

/** Requests the mock has seen since the last reset. */
export async function requestCount(mock: MockProcess): Promise<number> {
  return (await control<unknown[]>(mock, 'GET', 'requests'))?.length ?? 0;
}
