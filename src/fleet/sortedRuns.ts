// A list kept sorted as pages arrive, without re-sorting it or merging every page into all of it:
// each page becomes a sorted run, and runs are merged like a binary counter (a run is merged into
// the one before it while that one is at most twice its size). So there are O(log n) runs, each
// item is moved O(log n) times in all, and reading the whole list merges a handful of runs.

export type Compare<T> = (a: T, b: T) => number;

/** Merges two sorted arrays into a new one; on ties the item of `a` comes first. */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], cmp: Compare<T>): T[] {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (cmp(x, y) <= 0) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as T;
  while (j < b.length) out[k++] = b[j++] as T;
  return out;
}

/** Adds a sorted run (taken over, not copied) and merges the last runs while the one before is at most twice as long. */
export function pushRun<T>(runs: T[][], run: T[], cmp: Compare<T>): void {
  if (run.length === 0) return;
  runs.push(run);
  while (runs.length >= 2) {
    const last = runs[runs.length - 1] as T[];
    const before = runs[runs.length - 2] as T[];
    if (before.length > 2 * last.length) break;
    runs.splice(runs.length - 2, 2, mergeSorted(before, last, cmp));
  }
}

/** Merges every run into one (smallest first); `runs` is left holding just that one. Returns it. */
export function collapseRuns<T>(runs: T[][], cmp: Compare<T>): T[] {
  while (runs.length > 1) {
    const last = runs.pop() as T[];
    const before = runs.pop() as T[];
    runs.push(mergeSorted(before, last, cmp));
  }
  return runs[0] ?? [];
}
