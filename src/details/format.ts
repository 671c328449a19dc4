// Display formats of the details panel: data sizes in the units people expect, percents
// and clock times. Locale-independent so tests and screenshots agree. The webview imports this
// file, so it stays free of @vscode/l10n (relative dates are in dateText.ts).
import { formatDataAmount } from '../fleet/dataAmount';
import { fillTemplate } from '../fleet/template';
import { formatNumber } from '../fleet/text';

/** The project's one data formatter ("612.1 MB", "7.34 GB"); '' when there is no amount. */
export function formatDataSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  return formatDataAmount(bytes);
}

/** "75%", "7.5%", "123%", "<0.1%": one decimal below 10 % so small usage is not "0%". */
export function formatPercent(percent: number | undefined): string {
  if (percent === undefined || !Number.isFinite(percent)) return '';
  return `${formatNumber(percent, percent < 10 ? 1 : 0)}%`;
}

/**
 * "Updated 14:05" (the host's worded `template`, "Updated {0}") in the viewer's local time (the
 * panel's own clock, not the API's), '' for a missing or broken timestamp.
 */
export function updatedText(iso: string, template: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t);
  const two = (n: number): string => String(n).padStart(2, '0');
  return fillTemplate(template, `${two(d.getHours())}:${two(d.getMinutes())}`);
}
