// Large buckets are split into fixed-size ranges so the tree never renders thousands of
// rows under one node.

export interface SimRange {
  /** 1-based position of the first SIM (inclusive). */
  start: number;
  /** 1-based position of the last SIM (inclusive): the SIMs are `sims.slice(start - 1, end)`. */
  end: number;
  /** Same numbers with an en dash: "1–500", "1001–1234". */
  label: string;
}

export const DEFAULT_RANGE_SIZE = 500;

/**
 * Ranges covering `count` items in chunks of `size`. Returns [] when no split is needed
 * (count <= size), so callers list the SIMs directly; non-finite or negative counts also
 * give []. A size below 1 or non-finite falls back to the default.
 */
export function chunkRanges(count: number, size = DEFAULT_RANGE_SIZE): SimRange[] {
  const n = Number.isFinite(count) ? Math.floor(count) : 0;
  const step = Number.isFinite(size) && size >= 1 ? Math.floor(size) : DEFAULT_RANGE_SIZE;
  if (n <= step) return [];
  const ranges: SimRange[] = [];
  for (let first = 1; first <= n; first += step) {
    const last = Math.min(n, first + step - 1);
    ranges.push({ start: first, end: last, label: `${first}–${last}` });
  }
  return ranges;
}
