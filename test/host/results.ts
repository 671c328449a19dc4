// Reading and writing the per-stage results file shared by all test stages.
import * as fs from 'fs';
import * as path from 'path';
import { TestResults } from './bridgeProtocol';

export function writeResults(file: string, results: TestResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

export function readResults(file: string): TestResults | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<TestResults>;
    if (typeof parsed.passed !== 'number' || typeof parsed.failed !== 'number') return undefined;
    return { passed: parsed.passed, failed: parsed.failed, pending: parsed.pending ?? 0, failures: parsed.failures ?? [] };
  } catch {
    return undefined;
  }
}

/** Counts a mocha run's outcomes as they happen (hook failures count as failures, like mocha does). */
export function countResults(runner: Mocha.Runner): TestResults {
  const results: TestResults = { passed: 0, failed: 0, pending: 0, failures: [] };
  runner.on('pass', () => results.passed++);
  runner.on('pending', () => results.pending++);
  runner.on('fail', (test: Mocha.Runnable, err: unknown) => {
    results.failed++;
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    results.failures.push({ title: test.fullTitle(), error });
  });
  return results;
}
