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

/**
 * The fields the panel reads without further checks. The host builds the model from typed
 * code; a saved state comes back from storage, so a broken one must not reach the renderer
 * (it would throw before the panel says it is ready).
 */
function isViewModelShape(x: unknown): x is DetailsViewModel {
  if (!isObj(x) || !isStr(x.simId) || !isStr(x.title) || !isStr(x.heading)) return false;
  const status = x.status;
  if (!isObj(status) || !isStr(status.value) || !isStr(status.label) || !isStr(status.tone) || !isStr(status.codicon)) return false;
  if (!Array.isArray(x.identifiers) || !Array.isArray(x.summary)) return false;
  if (x.network !== undefined && !Array.isArray(x.network)) return false;
  const usage = x.usage;
  const sessions = x.sessions;
  // What rendering reads without further checks (a saved state may come from an older version).
  if (!isObj(usage) || !isStr(usage.state) || !isStr(usage.codicon) || !isStr(usage.limitFactText)) return false;
  return isObj(sessions) && Array.isArray(sessions.rows) && 'record' in x && isStr(x.recordJson) && isStr(x.builtAt);
}

export function isHostMessage(x: unknown): x is HostMessage {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'state':
      return hasOnlyKeys(x, ['type', 'model']) && isViewModelShape(x.model);
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

export function isPersistedState(x: unknown): x is PersistedState {
  if (!isObj(x) || !isStr(x.simId) || x.simId === '') return false;
  return x.model === undefined || (isViewModelShape(x.model) && x.model.simId === x.simId);
}
