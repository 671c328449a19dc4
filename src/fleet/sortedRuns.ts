// A list kept sorted as pages arrive, without re-sorting it or merging every page into all of it:
// each page becomes a sorted run, and runs are merged like a binary counter (a run is merged into
// the one before it while that one is at most twice its size), up to MAX_RUN items so that no
// single page pays for merging a whole large list. So there are O(log MAX_RUN + n / MAX_RUN) runs,
// each item is moved O(log MAX_RUN) times while pages arrive, and reading the list merges the runs
// pairwise (O(n log runs)).

export type Compare<T> = (a: T, b: T) => number;

/** Runs are not merged past this length while pages arrive (a merge of 8,192 items takes a few milliseconds). */
export const MAX_RUN = 8192;

/** Merges two sorted arrays into a new one; on ties the item of `a` comes first. */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], cmp: Compare<T>): T[] {
  const m: PartialMerge<T> = { a, b, out: new Array<T>(a.length + b.length), i: 0, j: 0 };
  advance(m, cmp, Infinity);
  return m.out;
}

/**
 * Adds a sorted run (taken over, not copied) and merges the last runs while the one before is at
 * most twice as long and the merge stays within `maxRun` items.
 */
export function pushRun<T>(runs: T[][], run: T[], cmp: Compare<T>, maxRun = MAX_RUN): void {
  if (run.length === 0) return;
  runs.push(run);
  while (runs.length >= 2) {
    const last = runs[runs.length - 1] as T[];
    const before = runs[runs.length - 2] as T[];
    if (before.length > 2 * last.length || before.length + last.length > maxRun) break;
    runs.splice(runs.length - 2, 2, mergeSorted(before, last, cmp));
  }
}

/** Merges every run into one, neighbours pairwise in rounds; `runs` is left holding just that one. Returns it. */
export function collapseRuns<T>(runs: T[][], cmp: Compare<T>): T[] {
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const a = runs[i] as T[];
      const b = runs[i + 1];
      next.push(b ? mergeSorted(a, b, cmp) : a);
    }
    runs.splice(0, runs.length, ...next);
  }
  return runs[0] ?? [];
}

/** A merge of two neighbouring runs in progress, carried from one slice to the next. */
export interface PartialMerge<T> {
  readonly a: readonly T[];
  readonly b: readonly T[];
  readonly out: T[];
  i: number;
  j: number;
}

/**
 * One slice of merging runs into one, at most `budget` items moved: it goes on with `partial`
 * while that pair still sits side by side in `runs` (anything that replaced either run starts a
 * new merge), else starts on the two neighbouring runs with the fewest items between them (so
 * items move few times). The runs stay as they were until a merge completes, then the pair is
 * replaced by the merged run. Returns the merge to carry on, 'merged' when one completed, or
 * 'nothing' when one run (or none) is left.
 */
export function mergeSlice<T>(
  runs: T[][],
  cmp: Compare<T>,
  budget: number,
  partial?: PartialMerge<T>,
): PartialMerge<T> | 'merged' | 'nothing' {
  let m = partial !== undefined && pairAt(runs, partial) >= 0 ? partial : undefined;
  if (m === undefined) {
    if (runs.length < 2) return 'nothing';
    let at = 0;
    let best = Infinity;
    for (let i = 0; i + 1 < runs.length; i++) {
      const size = (runs[i] as T[]).length + (runs[i + 1] as T[]).length;
      if (size < best) {
        best = size;
        at = i;
      }
    }
    const a = runs[at] as T[];
    const b = runs[at + 1] as T[];
    m = { a, b, out: new Array<T>(a.length + b.length), i: 0, j: 0 };
  }
  if (!advance(m, cmp, budget)) return m;
  runs.splice(pairAt(runs, m), 2, m.out);
  return 'merged';
}

/** Moves at most `budget` items of the merge into `out` (ties: `a` first); true when it is complete. */
function advance<T>(m: PartialMerge<T>, cmp: Compare<T>, budget: number): boolean {
  const { a, b, out } = m;
  let { i, j } = m;
  const stop = Math.min(out.length, i + j + budget);
  while (i + j < stop && i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (cmp(x, y) <= 0) {
      out[i + j] = x;
      i++;
    } else {
      out[i + j] = y;
      j++;
    }
  }
  for (; i + j < stop && i < a.length; i++) out[i + j] = a[i] as T;
  for (; i + j < stop && j < b.length; j++) out[i + j] = b[j] as T;
  m.i = i;
  m.j = j;
  return i + j === out.length;
}

/** Where the merge's two runs sit side by side in `runs`, or -1. */
function pairAt<T>(runs: readonly T[][], m: PartialMerge<T>): number {
  for (let k = 0; k + 1 < runs.length; k++) if (runs[k] === m.a && runs[k + 1] === m.b) return k;
  return -1;
}
