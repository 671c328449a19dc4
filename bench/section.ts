// What a benchmark section is: a named module that measures one thing and reports figures.
// bench.ts runs the registered sections in order (or those named by --section).

export interface BenchArgs {
  /** Fleet sizes to measure, e.g. [10000, 100000]. */
  sims: number[];
  latencyMs: number;
  runs: number;
  concurrency: number;
  pageSize: number;
  /** Parts of a section to run (e.g. client, sdk); empty means all. */
  only: string[];
}

export interface SectionReport {
  /** Lines for the console (a table). */
  lines: string[];
  /** Figures for the JSON line. */
  data: unknown;
  /** False when a check failed (e.g. two clients disagree on the ids): the run exits 1. */
  ok: boolean;
}

export interface BenchSection {
  name: string;
  description: string;
  run(args: BenchArgs): Promise<SectionReport>;
}
