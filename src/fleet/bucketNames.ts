// Names of the tree's fixed buckets and SIM types. Functions, not constants, so they are worded
// after activation has configured @vscode/l10n with the display language's bundle.
import * as l10n from '@vscode/l10n';

/** Real tags are never empty, so 'tag:' cannot collide with one. */
export const UNTAGGED_KEY = 'tag:';
/** Group ids are never empty, so 'group:' cannot collide with one. */
export const NO_GROUP_KEY = 'group:';
/** SIMs without a type. */
export const NO_TYPE_KEY = 'type:';
export const ALL_KEY = 'all';

export const allSimsLabel = (): string => l10n.t('All SIM cards');
export const untaggedLabel = (): string => l10n.t('Untagged');
export const noGroupLabel = (): string => l10n.t('No group');
export const unknownTypeLabel = (): string => l10n.t('Unknown type');
export const unprintableTagLabel = (): string => l10n.t('(unprintable tag)');
export const unprintableTypeLabel = (): string => l10n.t('(unprintable type)');

/** SIM types the app knows, in tree order. */
export const KNOWN_SIM_TYPES: readonly string[] = ['physical', 'esim'];

/** "Physical" / "eSIM" for a known lower-case type, else undefined. */
export function knownTypeLabel(type: string): string | undefined {
  if (type === 'physical') return l10n.t('Physical');
  if (type === 'esim') return l10n.t('eSIM');
  return undefined;
}
