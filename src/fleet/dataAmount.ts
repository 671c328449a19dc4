// The one formatter for data amounts (row, tooltip, details panel, export). Amounts are
// converted to bytes first, then each value gets its own unit by magnitude with one rule,
// so "7.34 GB" and "612.1 MB" never mix with "6114.5 MB" for the same size.
import { bytesTo } from '../telnyx/units';

const GB = 1024 ** 3;
const TB = 1024 ** 4;

// Created once: building an Intl.NumberFormat per call dominated the cost of a tree row.
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, useGrouping: false });
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The unit a byte count is shown in: MB below 1 GB (plans are sold in MB), then GB, then TB. */
export function dataUnitFor(bytes: number): 'MB' | 'GB' | 'TB' {
  return bytes >= TB ? 'TB' : bytes >= GB ? 'GB' : 'MB';
}

/**
 * "7.34 GB", "612.1 MB", "10 GB", "0 MB": binary units (1 GB = 1024 MB, as Telnyx bills),
 * up to 2 decimals below 100 and 1 from 100 up, trailing zeros dropped; tiny non-zero
 * amounts show as "<0.01 MB" rather than a misleading zero. '—' for no valid amount.
 */
export function formatDataAmount(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  const unit = dataUnitFor(bytes);
  const value = bytesTo(bytes, unit) ?? 0;
  if (value > 0 && value < 0.005) return `<0.01 ${unit}`;
  const text = value < 100 ? TWO_DECIMALS.format(value) : ONE_DECIMAL.format(value);
  return `${text} ${unit}`;
}

/** "7.34 GB / 10 GB"; "512 MB" without a limit; "— / 2 GB" with only a limit; '' with neither. */
export function formatUsage(usedBytes: number | undefined, limitBytes: number | undefined): string {
  const hasUsed = usedBytes !== undefined && Number.isFinite(usedBytes) && usedBytes >= 0;
  const hasLimit = limitBytes !== undefined && Number.isFinite(limitBytes) && limitBytes > 0;
  if (!hasUsed && !hasLimit) return '';
  if (!hasLimit) return formatDataAmount(usedBytes);
  return `${hasUsed ? formatDataAmount(usedBytes) : '—'} / ${formatDataAmount(limitBytes)}`;
}

/** A count with thousands separators ("1,588"), fixed to en-US so output is predictable. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? COUNT.format(n) : '—';
}
