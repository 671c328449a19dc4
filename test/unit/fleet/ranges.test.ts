import assert from 'node:assert/strict';
import { chunkRanges } from '../../../src/fleet/ranges';

describe('fleet/ranges', () => {
  for (const count of [0, 1, 499, 500]) {
    it(`needs no split for ${count} items`, () => {
      assert.deepEqual(chunkRanges(count), []);
    });
  }

  it('splits 501 into 1–500 and 501–501', () => {
    assert.deepEqual(chunkRanges(501), [
      { start: 1, end: 500, label: '1–500' },
      { start: 501, end: 501, label: '501–501' },
    ]);
  });

  it('splits 1000 into two full ranges', () => {
    assert.deepEqual(
      chunkRanges(1000).map((r) => r.label),
      ['1–500', '501–1000'],
    );
  });

  it('splits 1001 with a one-item tail', () => {
    assert.deepEqual(
      chunkRanges(1001).map((r) => r.label),
      ['1–500', '501–1000', '1001–1001'],
    );
  });

  it('splits 1234 and 2500', () => {
    assert.deepEqual(
      chunkRanges(1234).map((r) => r.label),
      ['1–500', '501–1000', '1001–1234'],
    );
    const r = chunkRanges(2500);
    assert.equal(r.length, 5);
    assert.deepEqual(r[4], { start: 2001, end: 2500, label: '2001–2500' });
  });

  it('ranges slice an array without gaps or overlaps', () => {
    const items = Array.from({ length: 1234 }, (_, i) => i);
    const parts = chunkRanges(items.length).map((r) => items.slice(r.start - 1, r.end));
    assert.deepEqual(parts.flat(), items);
    assert.deepEqual(
      parts.map((p) => p.length),
      [500, 500, 234],
    );
  });

  it('honours a custom size and rejects bad sizes/counts', () => {
    assert.deepEqual(
      chunkRanges(5, 2).map((r) => r.label),
      ['1–2', '3–4', '5–5'],
    );
    assert.deepEqual(chunkRanges(2, 2), []);
    assert.equal(chunkRanges(1001, 0).length, 3, 'size 0 falls back to 500');
    assert.equal(chunkRanges(1001, NaN).length, 3);
    assert.deepEqual(chunkRanges(-5), []);
    assert.deepEqual(chunkRanges(NaN), []);
    assert.deepEqual(chunkRanges(Infinity), []);
  });
});
