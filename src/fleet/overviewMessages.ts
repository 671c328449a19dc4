// Messages between the fleet overview webview and the host, and their validators. Both
// sides check what they receive: the host acts on ids only after checking them against
// the loaded fleet, and the webview never renders a model that fails the structural check.
import { OVERVIEW_LABEL_KEYS, OVERVIEW_STATUS_TONES, USAGE_BUCKETS, USAGE_TONES, type OverviewModel } from './overview';
import { ATTENTION_REASONS } from './attention';

/** Webview -> host. */
export type OverviewWebviewMessage =
  | { type: 'ready' }
  | { type: 'filterStatus'; status: string }
  | { type: 'filterGroup'; groupId: string }
  | { type: 'openSim'; simId: string };

/** Host -> webview. */
export type OverviewHostMessage = { type: 'state'; model: OverviewModel } | { type: 'loading' };

/** What the webview keeps with setState, so a reloaded window shows the last overview at once. */
export interface OverviewPersistedState {
  model: OverviewModel;
}

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const hasOnlyKeys = (o: Obj, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));
const isOneOf = (list: readonly string[], x: unknown): boolean => typeof x === 'string' && list.includes(x);

/** An id or status as it may travel in a message: non-empty, bounded, one line. */
function isToken(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= 200 && !/[\u0000-\u001f\u007f]/.test(x);
}

export function isOverviewWebviewMessage(x: unknown): x is OverviewWebviewMessage {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'ready':
      return hasOnlyKeys(x, ['type']);
    case 'filterStatus':
      return hasOnlyKeys(x, ['type', 'status']) && isToken(x.status);
    case 'filterGroup':
      return hasOnlyKeys(x, ['type', 'groupId']) && isToken(x.groupId);
    case 'openSim':
      return hasOnlyKeys(x, ['type', 'simId']) && isToken(x.simId);
    default:
      return false;
  }
}

const every = (x: unknown, check: (row: Obj) => boolean): boolean => Array.isArray(x) && x.every((r) => isObj(r) && check(r));
const strs = (r: Obj, keys: readonly string[]): boolean => keys.every((k) => isStr(r[k]));

/** Structural check of everything the webview reads from a model. */
export function isOverviewModel(x: unknown): x is OverviewModel {
  if (!isObj(x) || !isObj(x.labels)) return false;
  const labels = x.labels;
  return (
    strs(x, ['title', 'totalText', 'attentionText', 'loadedText']) &&
    isCount(x.total) &&
    isCount(x.attentionTotal) &&
    OVERVIEW_LABEL_KEYS.every((k) => isStr(labels[k])) &&
    every(
      x.statuses,
      (r) =>
        isToken(r.status) &&
        isOneOf(OVERVIEW_STATUS_TONES, r.tone) &&
        isCount(r.count) &&
        strs(r, ['label', 'countText', 'shareText', 'hint']),
    ) &&
    every(
      x.buckets,
      (r) => isOneOf(USAGE_BUCKETS, r.bucket) && isOneOf(USAGE_TONES, r.tone) && isCount(r.count) && strs(r, ['label', 'countText']),
    ) &&
    every(
      x.top,
      (r) =>
        isToken(r.simId) &&
        isOneOf(OVERVIEW_STATUS_TONES, r.statusTone) &&
        isOneOf(USAGE_TONES, r.tone) &&
        strs(r, ['label', 'statusLabel', 'groupName', 'usedText', 'limitText', 'percentText', 'hint']),
    ) &&
    every(
      x.groups,
      (r) =>
        isToken(r.groupId) &&
        isCount(r.simCount) &&
        isCount(r.overLimit) &&
        isCount(r.nearLimit) &&
        isOneOf(USAGE_TONES, r.tone) &&
        strs(r, ['name', 'simCountText', 'usedText', 'limitText', 'hint']),
    ) &&
    every(x.attention, (r) => isOneOf(ATTENTION_REASONS, r.reason) && isCount(r.count) && strs(r, ['label', 'countText']))
  );
}

export function isOverviewHostMessage(x: unknown): x is OverviewHostMessage {
  if (!isObj(x)) return false;
  if (x.type === 'state') return hasOnlyKeys(x, ['type', 'model']) && isOverviewModel(x.model);
  if (x.type === 'loading') return hasOnlyKeys(x, ['type']);
  return false;
}

export function isOverviewPersistedState(x: unknown): x is OverviewPersistedState {
  return isObj(x) && isOverviewModel(x.model);
}
