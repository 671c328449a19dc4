// The data the details webview renders. Every string is final display text (the webview
// only puts it into the DOM with textContent), and all of it is JSON so it can cross
// postMessage and be persisted with setState.
import type { Severity } from '../fleet/severity';
import type { JsonValue } from './json';

/**
 * Identifier fields the webview can ask the host to copy (the host looks the value up). Their
 * names are worded on the host (copyFieldLabel.ts) and reach the webview with its strings.
 */
export const COPY_FIELDS = ['iccid', 'imsi', 'msisdn', 'id', 'eid', 'groupId', 'currentImei', 'ipv4', 'ipv6'] as const;
export type CopyField = (typeof COPY_FIELDS)[number];

/** Colour family of a status, one CSS class each: the severity table the tree icons use too. */
export type StatusTone = Severity;

export interface DateText {
  /** Machine form for <time datetime>, '' when the API text was not a date. */
  iso: string;
  /** "2024-05-01 12:34:56 UTC", or the raw text when it was not a date. */
  text: string;
  /** "3 days ago" relative to the model's `now`; '' when unknown. */
  relative: string;
}

export interface FieldRow {
  label: string;
  /** Display text; '' means "not set" (the webview shows a muted dash). */
  value: string;
  /** Shown as a copy button when the value is present. */
  copy?: CopyField;
  /** Identifier-like values get a monospace font. */
  mono?: boolean;
  date?: DateText;
  /** An identifier: kept on one line (ellipsis when narrow, full value on hover and copy). */
  oneLine?: boolean;
  /** Several values (tags, IMEIs) shown as chips; `value` then holds them joined. */
  items?: string[];
  /** A second, muted line (a group id under its name). */
  secondary?: string;
}

export interface StatusModel {
  /** The status key ("enabled", "unknown", or whatever new string the API sent). */
  value: string;
  label: string;
  reason: string;
  tone: StatusTone;
  /** Codicon id without the "codicon-" prefix. */
  codicon: string;
}

export const USAGE_STATES = ['noLimit', 'ok', 'near', 'over', 'dataLimitExceeded'] as const;
export type UsageState = (typeof USAGE_STATES)[number];

export interface UsageModel {
  state: UsageState;
  /** "1.5 GB", or '' when the API sent no consumption. */
  usedText: string;
  /** '' without a limit. */
  limitText: string;
  /** Never negative ("0 MB" when over); '' without a limit. */
  remainingText: string;
  /** The real share of the limit, which may exceed 100; absent without a limit. */
  percent?: number;
  /** "75%", "123%"; '' without a limit. */
  percentText: string;
  /** Width of the bar, clamped to 0..100. */
  barPercent: number;
  limitSource: 'sim' | 'group' | 'none';
  /** "SIM data limit", "Group data limit: Fleet A", "No data limit" (never nested parentheses). */
  limitSourceText: string;
  /** The Limit line: "2 GB, set on this SIM", "100 MB, from group Smart meters EU"; '' without a limit. */
  limitFactText: string;
  /** From the shared severity table: colour and icon of the state line and the meter. */
  severity: Severity;
  /** Codicon of the state line. */
  codicon: string;
  /** One line describing the state: "Within limit", "Over limit by 200 MB"... */
  stateText: string;
  /** Sentence for screen readers (aria-valuetext). */
  ariaText: string;
}

export interface SessionRow {
  id: string;
  start?: DateText;
  stop?: DateText;
  apn: string;
  /** "310/410" */
  network: string;
  ip: string;
  rat: string;
  logType: string;
}

export interface SessionsModel {
  /** 'notLoaded' while the logs were not fetched (yet), 'error' when fetching failed. */
  status: 'loaded' | 'notLoaded' | 'error';
  rows: SessionRow[];
  /** Why there are no rows ('error'/'notLoaded'). */
  message: string;
}

export interface DetailsViewModel {
  simId: string;
  /** Panel title: "SIM 123456". */
  title: string;
  /** Main heading: the ICCID, else the id. */
  heading: string;
  status: StatusModel;
  identifiers: FieldRow[];
  summary: FieldRow[];
  /** Live fields from GET /sim_cards/{id}; absent until the detail record is loaded. */
  network?: FieldRow[];
  usage: UsageModel;
  sessions: SessionsModel;
  /** The detail record merged over the list item. */
  record: JsonValue;
  /** `record` pretty-printed (what "Copy JSON" copies). */
  recordJson: string;
  /** When the model was built (ISO), shown as "Updated ..." in the panel. */
  builtAt: string;
}
