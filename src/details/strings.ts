// The words of the details webview: the host words them (hostStrings.ts) and writes them into
// the panel's document; the webview has no l10n bundle and shows only these. Free of
// @vscode/l10n because the webview imports this file. `{0}` is filled in the webview.
import { COPY_FIELDS, type CopyField } from './model';

export const DETAILS_STRING_KEYS = [
  /** Placeholder until the first model: "Loading SIM details…". */
  'loading',
  /** Heading before any model. */
  'heading',
  'refresh',
  'refreshing',
  /** "Updated {0}" with the viewer's clock time. */
  'updated',
  'keepOpen',
  'toolbarLabel',
  'actionsLabel',
  'enable',
  'disable',
  'standby',
  'editTags',
  'moveToGroup',
  'dataLimit',
  'setApiKey',
  'retry',
  'identifiers',
  'usage',
  'summary',
  'network',
  'networkNotLoaded',
  'sessions',
  'raw',
  'copyJson',
  'openDocument',
  'none',
  'notSet',
  'unknown',
  /** "of {0} used" after the amount used. */
  'usedOfLimit',
  'usedThisPeriod',
  'meterLabel',
  'limit',
  'remaining',
  'colStart',
  'colStop',
  'colType',
  'colApn',
  'colNetwork',
  'colIp',
  'colRat',
  'sessionsCaption',
  'sessionsTableLabel',
  'jsonLabel',
  'jsonOneItem',
  /** "{0} items" */
  'jsonItems',
  'jsonOneKey',
  /** "{0} keys" */
  'jsonKeys',
] as const;
export type DetailsStringKey = (typeof DETAILS_STRING_KEYS)[number];

export type DetailsStrings = Record<DetailsStringKey, string> & {
  /** Label of each copy button ("Copy ICCID"). */
  copy: Record<CopyField, string>;
};

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

export function isDetailsStrings(x: unknown): x is DetailsStrings {
  if (!isObj(x) || !DETAILS_STRING_KEYS.every((k) => typeof x[k] === 'string')) return false;
  const copy = x.copy;
  return isObj(copy) && COPY_FIELDS.every((f) => typeof copy[f] === 'string');
}

/** The strings the host wrote into the document (JSON), or undefined when they are missing or broken. */
export function parseDetailsStrings(json: string | undefined): DetailsStrings | undefined {
  if (json === undefined) return undefined;
  try {
    const x: unknown = JSON.parse(json);
    return isDetailsStrings(x) ? x : undefined;
  } catch {
    return undefined;
  }
}
