// Plain JSON values: what the raw-record view renders and what crosses postMessage.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Deepest nesting accepted from outside; real SIM records are 3-4 levels deep. */
export const MAX_JSON_DEPTH = 32;

/** Shown in place of anything nested deeper than MAX_JSON_DEPTH. */
export const NESTED_TOO_DEEP = '… nested too deep';

/**
 * A JSON copy of `value` (undefined, functions and non-finite numbers dropped the way
 * JSON.stringify drops them), so the record shown is exactly what "Copy JSON" copies.
 * Objects and arrays below MAX_JSON_DEPTH become the NESTED_TOO_DEEP marker: the walk
 * never goes deeper than that, so a 10,000-deep record cannot overflow the stack.
 */
export function toJsonValue(value: unknown): JsonValue {
  return copyJson(value, 0) ?? null;
}

/** `value` as pretty-printed JSON text (2 spaces, trailing newline), depth-capped like toJsonValue. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(toJsonValue(value), null, 2)}\n`;
}

function copyJson(value: unknown, depth: number): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object') return undefined;
  if (depth >= MAX_JSON_DEPTH) return NESTED_TOO_DEEP;
  if (Array.isArray(value)) return value.map((v) => copyJson(v, depth + 1) ?? null);
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) {
    const v = copyJson((value as Record<string, unknown>)[key], depth + 1);
    // defineProperty: a "__proto__" key stays an own data property.
    if (v !== undefined) Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** True when `value` is plain JSON data no deeper than MAX_JSON_DEPTH. */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > MAX_JSON_DEPTH) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value as Record<string, unknown>).every((v) => isJsonValue(v, depth + 1));
  }
  return false;
}
