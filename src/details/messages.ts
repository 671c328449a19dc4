// Messages between the details webview and the extension host. The host validates every
// webview message in full (the webview renders untrusted API data, so a bug there must not
// make the host copy or open something it did not choose). Host -> webview messages are
// typed; the webview only checks their envelope.
import type { ErrorKind } from '../telnyx/describeError';
import { COPY_FIELDS, type CopyField, type DetailsViewModel } from './model';

/** What the panel's action buttons ask for (the same commands as the tree's context menu). */
export const SIM_ACTION_KINDS = ['enable', 'disable', 'standby', 'editTags', 'moveToGroup', 'setDataLimit'] as const;
export type SimActionKind = (typeof SIM_ACTION_KINDS)[number];

/** Webview -> host. */
export type WebviewMessage =
  | { type: 'simAction'; action: SimActionKind }
  | { type: 'ready' }
  | { type: 'copy'; field: CopyField }
  | { type: 'copyJson' }
  | { type: 'openDocument' }
  | { type: 'refresh' }
  | { type: 'setApiKey' }
  /** "Keep Open" in a preview panel. */
  | { type: 'keepOpen' };

/** Why loading failed (the one list of kinds lives with describeError). */
export type DetailsErrorKind = ErrorKind;

/** Host -> webview. */
export type HostMessage =
  | { type: 'state'; model: DetailsViewModel }
  | { type: 'loading' }
  | { type: 'error'; message: string; kind: DetailsErrorKind }
  /** Whether the panel is the preview the next SIM replaces (then it offers "Keep Open"). */
  | { type: 'mode'; preview: boolean };

/** What the webview persists with setState (and the serializer gets back after a reload). */
export interface PersistedState {
  simId: string;
  model?: DetailsViewModel;
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Exactly these keys (no smuggled extras). */
function hasOnlyKeys(o: Obj, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

function isOneOf<T extends string>(list: readonly T[], x: unknown): x is T {
  return typeof x === 'string' && (list as readonly string[]).includes(x);
}

const isStr = (x: unknown): x is string => typeof x === 'string';

export function isCopyField(x: unknown): x is CopyField {
  return isOneOf(COPY_FIELDS, x);
}

const BARE_WEBVIEW_TYPES = ['ready', 'copyJson', 'openDocument', 'refresh', 'setApiKey', 'keepOpen'] as const;

export function isWebviewMessage(x: unknown): x is WebviewMessage {
  if (!isObj(x)) return false;
  if (x.type === 'copy') return hasOnlyKeys(x, ['type', 'field']) && isCopyField(x.field);
  // The SIM is the panel's own, never named by the webview.
  if (x.type === 'simAction') return hasOnlyKeys(x, ['type', 'action']) && isOneOf(SIM_ACTION_KINDS, x.action);
  return isOneOf(BARE_WEBVIEW_TYPES, x.type) && hasOnlyKeys(x, ['type']);
}

export function isHostMessage(x: unknown): x is HostMessage {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'state':
      // Built by the host from typed code: checked by the compiler, only its shape is checked here.
      return hasOnlyKeys(x, ['type', 'model']) && isObj(x.model) && isStr(x.model.simId);
    case 'loading':
      return hasOnlyKeys(x, ['type']);
    case 'error':
      return hasOnlyKeys(x, ['type', 'message', 'kind']) && isStr(x.message) && isStr(x.kind);
    case 'mode':
      return hasOnlyKeys(x, ['type', 'preview']) && typeof x.preview === 'boolean';
    default:
      return false;
  }
}

/**
 * The shape of a saved model: what rendering reads without further checks. A saved state
 * may come from an older version of the extension, so it is checked before it is drawn.
 */
function looksLikeModel(m: Obj): boolean {
  const status = m.status;
  const usage = m.usage;
  const sessions = m.sessions;
  return (
    isStr(m.title) &&
    isStr(m.heading) &&
    isStr(m.builtAt) &&
    isObj(status) &&
    isStr(status.tone) &&
    isStr(status.label) &&
    Array.isArray(m.identifiers) &&
    Array.isArray(m.summary) &&
    isObj(usage) &&
    isStr(usage.state) &&
    isStr(usage.codicon) &&
    isStr(usage.limitFactText) &&
    isObj(sessions) &&
    Array.isArray(sessions.rows)
  );
}

export function isPersistedState(x: unknown): x is PersistedState {
  if (!isObj(x) || !isStr(x.simId) || x.simId === '') return false;
  return x.model === undefined || (isObj(x.model) && x.model.simId === x.simId && looksLikeModel(x.model));
}
