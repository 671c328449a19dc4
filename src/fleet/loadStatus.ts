// Where a load of the SIM list stands, and the line the view shows for it.
import * as l10n from '@vscode/l10n';
import { formatCount } from './dataAmount';

export interface RetryInfo {
  /** 1-based attempt about to be made. */
  readonly attempt: number;
  /** Retries allowed for this kind of failure, when known. */
  readonly maxAttempts?: number;
  /** Wait before that attempt, when known. */
  readonly delayMs?: number;
  /** Plain text, e.g. "rate limited (429)". */
  readonly reason?: string;
}

export type LoadStatus =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'loading';
      /** SIMs received so far in this load. */
      readonly loaded: number;
      /** `total_results` of the latest page, when the API sent one. */
      readonly total: number | undefined;
      readonly retry: RetryInfo | undefined;
      /** True while the previous complete list stays on screen until this load ends. */
      readonly showingPrevious: boolean;
    }
  | { readonly kind: 'complete'; readonly count: number; readonly loadedAt: number }
  | {
      readonly kind: 'partial';
      readonly loaded: number;
      /** About how many the API said there are. */
      readonly expected: number;
      /** Plain text; why the list is short (e.g. "the fleet changed while loading"). */
      readonly reason: string | undefined;
      readonly loadedAt: number;
    }
  | { readonly kind: 'error'; readonly error: unknown; readonly hasData: boolean };

/** How a load ended, as the loader reports it. */
export type LoadResult =
  | { readonly kind: 'complete' }
  | { readonly kind: 'partial'; readonly expected: number; readonly reason?: string }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'cancelled' };

/**
 * The view message for a status, or '' when nothing needs saying ("Loading 42,000 of
 * 100,000 SIM cards…", "Loaded 4,962 of about 5,000 SIM cards: … Refresh to try again.").
 */
export function loadStatusMessage(status: LoadStatus): string {
  switch (status.kind) {
    case 'loading': {
      // While a request is retried the page count stands still: say so instead ("Retrying (2 of 3)…").
      const r = status.retry;
      if (r)
        return r.maxAttempts !== undefined
          ? l10n.t('Retrying ({0} of {1})…', r.attempt, r.maxAttempts)
          : l10n.t('Retrying ({0})…', r.attempt);
      if (status.total !== undefined && status.total > 0) {
        return l10n.t('Loading {0} of {1} SIM cards…', formatCount(status.loaded), formatCount(status.total));
      }
      return l10n.t('Loading SIM cards…');
    }
    case 'partial': {
      const base = l10n.t('Loaded {0} of about {1} SIM cards', formatCount(status.loaded), formatCount(status.expected));
      const why = status.reason ? `: ${status.reason}` : '';
      return `${base}${why}. ${l10n.t('Refresh to try again.')}`;
    }
    default:
      return '';
  }
}
