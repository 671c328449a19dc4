// Plain JSON values: what the raw-record view renders and what crosses postMessage.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Deepest nesting accepted from outside; real SIM records are 3-4 levels deep. */
export const MAX_JSON_DEPTH = 32;

/**
 * A JSON copy of `value` (undefined, functions and non-finite numbers dropped the way
 * JSON.stringify drops them), so the record shown is exactly what "Copy JSON" copies.
 */
export function toJsonValue(value: unknown): JsonValue {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
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
