// Helpers that turn untrusted API strings into one-line text and format numbers for the
// tree. The cleanup itself is telnyx/plainText.ts `oneLine` (one implementation).
import { oneLine } from '../telnyx/plainText';

/**
 * One line of text from anything the API sent: non-strings become '', line breaks
 * collapse to a space, invisible control/bidi characters go, runs of spaces shrink, and
 * very long values are cut with an ellipsis so a hostile record cannot flood the UI.
 * Link and `$(icon)` syntax is kept: use telnyx/plainText `plainText` for surfaces that
 * render it (notifications, status bar, quick picks, tree messages, progress titles).
 */
export function plainText(value: unknown, maxLength = 200): string {
  return oneLine(value, maxLength);
}

/** A non-empty trimmed string, or undefined (for optional API fields that may hold garbage). */
export function nonEmpty(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return s === '' ? undefined : s;
}

/**
 * A number for display: at most `maxDecimals` decimals, no trailing zeros, no grouping,
 * no exponent ("2048", "1.5", "0.25"). Tiny positive values show as "<0.01" rather than
 * a misleading "0".
 */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return '—';
  const smallest = 10 ** -maxDecimals;
  if (n > 0 && n < smallest) return `<${smallest.toFixed(maxDecimals)}`;
  return numberFormat(maxDecimals).format(n);
}

// One formatter per precision, created on first use (creating one per call is slow).
const formats = new Map<number, Intl.NumberFormat>();
function numberFormat(maxDecimals: number): Intl.NumberFormat {
  let f = formats.get(maxDecimals);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals, useGrouping: false });
    formats.set(maxDecimals, f);
  }
  return f;
}

/** First characters of an id with an ellipsis, for labels that must stay short. */
export function shortId(id: string, length = 8): string {
  const clean = plainText(id, 1000);
  return clean.length > length ? `${clean.slice(0, length)}…` : clean;
}
