// Data amounts arrive as decimal strings with a unit ("2048.0", "MB"). Telnyx bills
// in binary multiples (a 2 GB limit is 2048 MB), so 1 GB = 1024 MB here.
import type { DataAmount } from './types';

const UNIT_BYTES: Record<string, number> = {
  B: 1,
  KB: 1024,
  KIB: 1024,
  MB: 1024 ** 2,
  MIB: 1024 ** 2,
  GB: 1024 ** 3,
  GIB: 1024 ** 3,
  TB: 1024 ** 4,
  TIB: 1024 ** 4,
};

/** Bytes in one unit, or undefined for a unit we do not know. Missing unit means MB (the API's default). */
export function unitBytes(unit: string | null | undefined): number | undefined {
  if (unit == null || unit.trim() === '') return UNIT_BYTES.MB;
  return UNIT_BYTES[unit.trim().toUpperCase()];
}

/**
 * Parses an amount to bytes. Accepts numbers, "2048.0", "2048.0 MB" (unit inside the
 * string wins over `unit`), and returns undefined for anything that is not a finite,
 * non-negative quantity, so callers can show "unknown" instead of throwing.
 */
export function amountToBytes(value: DataAmount | null | undefined): number | undefined {
  if (value == null || typeof value !== 'object') return undefined;
  const raw: unknown = value.amount;
  let unit: string | null | undefined = typeof value.unit === 'string' ? value.unit : undefined;
  let num: number;
  if (typeof raw === 'number') {
    num = raw;
  } else if (typeof raw === 'string') {
    const m = /^\s*([+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([a-zA-Z]*)\s*$/.exec(raw);
    if (!m) return undefined;
    num = Number(m[1]);
    if (m[2]) unit = m[2];
  } else {
    return undefined;
  }
  const factor = unitBytes(unit);
  if (factor === undefined || !Number.isFinite(num) || num < 0) return undefined;
  return num * factor;
}

/** Share of `limit` used, in percent (may exceed 100); undefined without a positive limit. */
export function usagePercent(usedBytes: number | undefined, limitBytes: number | undefined): number | undefined {
  if (usedBytes === undefined || limitBytes === undefined || limitBytes <= 0) return undefined;
  return (usedBytes / limitBytes) * 100;
}

/** Converts bytes to a unit ("MB", "GB"...), or undefined for an unknown unit. */
export function bytesTo(bytes: number, unit: string): number | undefined {
  const factor = unitBytes(unit);
  return factor === undefined ? undefined : bytes / factor;
}
