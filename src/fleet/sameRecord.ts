// Deep equality of two API records (plain JSON data: objects, arrays, strings, numbers, booleans,
// null). A refresh keeps the record it already holds for a SIM that did not change, so the old and
// the new list share it instead of holding 100,000 records twice until the new list is in.

export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameRecord(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(rb, key) || !sameRecord(ra[key], rb[key])) return false;
  }
  return true;
}
