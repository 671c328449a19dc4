import assert from 'node:assert/strict';
import { collapseRuns, mergeSlice, mergeSorted, pushRun, type PartialMerge } from '../../../src/fleet/sortedRuns';

/** One whole merge of the smallest neighbouring runs (a slice with no budget); false when nothing was left. */
const mergeSmallestNeighbours = <T>(runs: T[][], cmp: (a: T, b: T) => number): boolean => mergeSlice(runs, cmp, Infinity) !== 'nothing';

/** A small deterministic PRNG so the random inputs repeat. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

interface Item {
  key: number;
  /** Arrival order: the tie-breaker, and what tells equal keys apart. */
  seq: number;
}

const byKey = (a: Item, b: Item): number => a.key - b.key;
const byKeyThenSeq = (a: Item, b: Item): number => a.key - b.key || a.seq - b.seq;

/** The expected order, by a plain insertion sort (stable, independent of the code under test). */
function insertionSorted(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    let i = out.length;
    while (i > 0 && (out[i - 1] as Item).key > it.key) i--;
    out.splice(i, 0, it);
  }
  return out;
}

describe('fleet/sortedRuns', () => {
  it('mergeSorted merges two sorted lists and keeps the first list first on ties', () => {
    const a = [
      { key: 1, seq: 0 },
      { key: 3, seq: 1 },
      { key: 3, seq: 2 },
      { key: 7, seq: 3 },
    ];
    const b = [
      { key: 0, seq: 4 },
      { key: 3, seq: 5 },
      { key: 9, seq: 6 },
    ];
    assert.deepEqual(
      mergeSorted(a, b, byKey).map((x) => x.seq),
      [4, 0, 1, 2, 5, 3, 6],
    );
    assert.deepEqual(mergeSorted([], b, byKey), b);
    assert.deepEqual(mergeSorted(a, [], byKey), a);
  });

  it('pages pushed as runs read back as one sorted list, equal to a plain sort, with few runs', () => {
    for (const seed of [1, 2, 3]) {
      const maxRun = seed === 3 ? 300 : Infinity;
      const r = rng(seed);
      const runs: Item[][] = [];
      const all: Item[] = [];
      let seq = 0;
      let maxRuns = 0;
      for (let page = 0; page < 200; page++) {
        const size = Math.floor(r() * 60); // empty pages too
        const items: Item[] = [];
        for (let i = 0; i < size; i++) items.push({ key: Math.floor(r() * 500), seq: seq++ });
        all.push(...items);
        pushRun(runs, [...items].sort(byKeyThenSeq), byKeyThenSeq, maxRun);
        maxRuns = Math.max(maxRuns, runs.length);
        // Each run is more than twice the next (or the two together would pass the cap), so runs stay few.
        for (let i = 1; i < runs.length; i++) {
          const [before, after] = [(runs[i - 1] as Item[]).length, (runs[i] as Item[]).length];
          assert.ok(before > 2 * after || before + after > maxRun, `${before} then ${after}`);
          if (after > 60) assert.ok(after <= maxRun, 'no merge past the cap');
        }
        if (page % 50 === 49) {
          assert.deepEqual(collapseRuns(runs, byKeyThenSeq), insertionSorted(all), `seed ${seed} page ${page}`);
          assert.equal(runs.length, 1);
        }
      }
      const bound = Math.ceil(Math.log2(Math.min(all.length, maxRun))) + 1 + (maxRun < Infinity ? Math.ceil(all.length / (maxRun / 2)) : 0);
      assert.ok(maxRuns <= bound, `runs ${maxRuns} for ${all.length} items`);
      assert.deepEqual(collapseRuns(runs, byKeyThenSeq), insertionSorted(all));
    }
  });

  it('mergeSmallestNeighbours merges one pair per step, the smallest, down to one run equal to a plain sort', () => {
    const r = rng(11);
    const runs: Item[][] = [];
    const all: Item[] = [];
    let seq = 0;
    for (const size of [900, 40, 35, 700, 10, 300]) {
      const items: Item[] = [];
      for (let i = 0; i < size; i++) items.push({ key: Math.floor(r() * 100), seq: seq++ });
      all.push(...items);
      runs.push([...items].sort(byKeyThenSeq));
    }
    // 40 + 35 is the smallest neighbouring pair.
    assert.equal(mergeSmallestNeighbours(runs, byKeyThenSeq), true);
    assert.deepEqual(
      runs.map((x) => x.length),
      [900, 75, 700, 10, 300],
    );
    let steps = 1;
    while (mergeSmallestNeighbours(runs, byKeyThenSeq)) steps++;
    assert.equal(steps, 5, 'six runs take five merges');
    assert.equal(runs.length, 1);
    assert.deepEqual(runs[0], insertionSorted(all));
    assert.equal(mergeSmallestNeighbours(runs, byKeyThenSeq), false);
  });

  it('mergeSlice moves at most its budget per call, leaves the runs whole until a merge completes, and ends equal to a plain sort', () => {
    const r = rng(23);
    const runs: Item[][] = [];
    const all: Item[] = [];
    let seq = 0;
    for (const size of [3000, 1200, 2500, 40, 900]) {
      const items: Item[] = [];
      for (let i = 0; i < size; i++) items.push({ key: Math.floor(r() * 500), seq: seq++ });
      all.push(...items);
      runs.push([...items].sort(byKeyThenSeq));
    }
    const budget = 256;
    let partial: PartialMerge<Item> | undefined;
    let calls = 0;
    let merges = 0;
    for (;;) {
      const before = runs.map((x) => x);
      const moved = partial ? partial.i + partial.j : 0;
      const result = mergeSlice(runs, byKeyThenSeq, budget, partial);
      if (result === 'nothing') break;
      calls++;
      if (result === 'merged') {
        merges++;
        partial = undefined;
        assert.equal(runs.length, before.length - 1, 'a completed merge replaces its pair with one run');
      } else {
        assert.ok(result.i + result.j - (result === partial ? moved : 0) <= budget, 'at most the budget per call');
        assert.deepEqual(runs, before, 'the runs are untouched while a merge is in progress');
        partial = result;
      }
      // Whatever the state, reading the runs gives every item once, in order.
      assert.deepEqual(
        collapseRuns(
          runs.map((x) => [...x]),
          byKeyThenSeq,
        ),
        insertionSorted(all),
      );
    }
    assert.equal(merges, 4, 'five runs take four merges');
    assert.ok(calls >= Math.ceil(all.length / budget), `${calls} calls`);
    assert.equal(runs.length, 1);
    assert.deepEqual(runs[0], insertionSorted(all));
  });

  it('mergeSlice starts over when a run of the merge in progress was replaced meanwhile', () => {
    const mk = (keys: number[], from: number): Item[] => keys.map((key, i) => ({ key, seq: from + i }));
    const a = mk([1, 4, 9, 12], 0);
    const b = mk([2, 3, 10], 10);
    const c = mk([5, 6], 20);
    const runs: Item[][] = [a, b, c];
    // b + c is the smallest pair: a slice of 2 leaves that merge in progress.
    const partial = mergeSlice(runs, byKeyThenSeq, 2);
    assert.ok(typeof partial === 'object');
    assert.equal(partial.a, b);
    // A page arrives and pushRun merges the last runs: c is gone.
    pushRun(runs, mk([7], 30), byKeyThenSeq);
    assert.ok(!runs.includes(c));
    let result = mergeSlice(runs, byKeyThenSeq, 100, partial);
    while (result !== 'nothing') result = mergeSlice(runs, byKeyThenSeq, 100, typeof result === 'object' ? result : undefined);
    assert.deepEqual(runs[0], insertionSorted([...a, ...b, ...c, ...mk([7], 30)]));
  });

  it('collapseRuns of no runs is empty', () => {
    const runs: Item[][] = [];
    assert.deepEqual(collapseRuns(runs, byKey), []);
    pushRun(runs, [], byKey);
    assert.equal(runs.length, 0);
  });
});
