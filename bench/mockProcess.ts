// The local Telnyx API in its own process (its CLI), as a real API would not share the
// client's CPU; its /__mock/ control endpoints count requests.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
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

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (Linux); undefined elsewhere.
 * On a shared machine wall-clock figures are noisy; CPU per page says what each side costs.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name: state is the 1st, utime the 12th, stime the 13th (clock ticks of 10 ms).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
