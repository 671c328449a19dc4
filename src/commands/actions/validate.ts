// Validation of what people type for edits (pure, unit-tested): tags and data limits.
import * as l10n from '@vscode/l10n';

export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS_PER_SIM = 50;
/** The largest limit accepted here, in GB (a typo guard, far above any IoT plan). */
const MAX_LIMIT_GB = 100_000;

/** Tags typed as one line, separated by commas; trimmed, duplicates dropped. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
}

/** Why the typed tags cannot be used, or undefined when they can. */
export function tagsProblem(text: string): string | undefined {
  const tags = parseTags(text);
  if (tags.length === 0) return undefined;
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
  if (long !== undefined) return l10n.t('A tag can have at most {0} characters.', MAX_TAG_LENGTH);
  // Control characters would be invisible in every list that shows the tag.
  if (tags.some((t) => /[\u0000-\u001f\u007f]/.test(t))) return l10n.t('Tags cannot contain control characters.');
  if (tags.length > MAX_TAGS_PER_SIM) return l10n.t('A SIM card can have at most {0} tags.', MAX_TAGS_PER_SIM);
  return undefined;
}

/** A data amount as the API takes it ("500", "1.5"), or undefined with `dataAmountProblem` saying why. */
export function parseDataAmount(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d+(\.\d{1,3})?$/.test(t)) return undefined;
  const n = Number(t);
  return n > 0 ? String(n) : undefined;
}

export function dataAmountProblem(text: string, unit: 'MB' | 'GB'): string | undefined {
  const amount = parseDataAmount(text);
  if (amount === undefined) return l10n.t('Type a positive number, e.g. 500 or 1.5.');
  const gb = unit === 'GB' ? Number(amount) : Number(amount) / 1024;
  if (gb > MAX_LIMIT_GB) return l10n.t('That is more than {0} GB; check the amount.', MAX_LIMIT_GB);
  return undefined;
}
