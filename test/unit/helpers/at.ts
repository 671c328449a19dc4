// Checked access for tests under noUncheckedIndexedAccess: a missing element fails the test
// with a clear message here, instead of a TypeError on `undefined` further down.
import assert from 'node:assert/strict';

/** `items[i]` (negative `i` counts from the end); fails the test when there is no such element. */
export function at<T>(items: readonly T[], i: number): T {
  const index = i < 0 ? items.length + i : i;
  assert.ok(Number.isInteger(index) && index >= 0 && index < items.length, `expected an element at index ${i} of ${items.length}`);
  return items[index] as T;
}

/** `value`, failing the test when it is null or undefined. */
export function defined<T>(value: T, what = 'value'): NonNullable<T> {
  assert.ok(value !== undefined && value !== null, `expected ${what} to be defined`);
  return value;
}
