// Exports SIM records as CSV (RFC 4180, UTF-8, guarded against spreadsheet formulas) or
// JSON (the API's records as received), streamed row by row to a Node stream so a fleet
// of 100,000 SIMs never sits in memory as one text. Pure Node: no vscode.
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { SimCard, SimCardGroup } from '../telnyx/types';
import { groupForSim, simGroupId } from './groups';
import { simStatus, simStatusReason, UNKNOWN_STATUS } from './status';
import { simUsage } from './usage';
import { formatDataAmount } from './dataAmount';

export type ExportFormat = 'csv' | 'json';

/** CSV header, stable machine names (the file is data, not UI). */
export const EXPORT_COLUMNS = [
  'id',
  'iccid',
  'imsi',
  'msisdn',
  'status',
  'status_reason',
  'type',
  'tags',
  'sim_card_group_id',
  'sim_card_group_name',
  'data_used_bytes',
  'data_used',
  'data_limit_bytes',
  'data_limit',
  'data_limit_source',
  'usage_percent',
  'created_at',
  'updated_at',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export interface ExportOptions {
  groupsById?: ReadonlyMap<string, SimCardGroup>;
  /** Start the CSV with a byte order mark so Excel reads it as UTF-8 (default true). */
  bom?: boolean;
}

/** Tags are joined with this in one cell. */
export const TAG_SEPARATOR = '; ';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * A number with at most two decimals and no grouping ("2048", "1.5"). Not formatNumber:
 * toLocaleString costs tens of microseconds a call, which dominated a 100,000-SIM export.
 */
export function plainNumber(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '';
}

/** One SIM as CSV values (before quoting), in EXPORT_COLUMNS order. */
export function exportRow(sim: SimCard, groupsById?: ReadonlyMap<string, SimCardGroup>): Record<ExportColumn, string> {
  const group = groupForSim(sim, groupsById);
  const usage = simUsage(sim, group);
  const status = simStatus(sim);
  return {
    id: str(sim.id),
    iccid: str(sim.iccid),
    imsi: str(sim.imsi),
    msisdn: str(sim.msisdn),
    status: status === UNKNOWN_STATUS ? '' : status,
    status_reason: simStatusReason(sim) ?? '',
    type: str(sim.type),
    tags: Array.isArray(sim.tags) ? sim.tags.filter((t) => typeof t === 'string').join(TAG_SEPARATOR) : '',
    sim_card_group_id: simGroupId(sim) ?? '',
    sim_card_group_name: str(group?.name),
    data_used_bytes: usage.usedBytes === undefined ? '' : String(Math.round(usage.usedBytes)),
    data_used: usage.usedBytes === undefined ? '' : formatDataAmount(usage.usedBytes),
    data_limit_bytes: usage.limitBytes === undefined ? '' : String(Math.round(usage.limitBytes)),
    data_limit: usage.limitBytes === undefined ? '' : formatDataAmount(usage.limitBytes),
    data_limit_source: usage.limitSource,
    usage_percent: usage.percent === undefined ? '' : plainNumber(usage.percent),
    created_at: str(sim.created_at),
    updated_at: str(sim.updated_at),
  };
}

/**
 * One CSV field: a value a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`,
 * tab or carriage return) gets a leading apostrophe so it stays text; fields holding a
 * comma, quote or line break are quoted with inner quotes doubled (RFC 4180).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record with its CRLF line end. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const e = new Error('Export cancelled');
  e.name = 'AbortError';
  return e;
}

/** Writes with backpressure: waits for 'drain' when the stream's buffer is full. */
async function write(out: Writable, chunk: string, signal?: AbortSignal): Promise<void> {
  if (out.write(chunk, 'utf8')) return;
  await once(out, 'drain', signal ? { signal } : {});
}

// Rows are batched into chunks of about this many characters: fewer write calls, bounded memory.
const CHUNK = 64 * 1024;

/** What to write and how: writeExport's and exportToFile's arguments after the destination. */
type ExportJob = [format: ExportFormat, rows: AsyncIterable<SimCard> | Iterable<SimCard>, signal?: AbortSignal, options?: ExportOptions];

/**
 * Streams `rows` to `out` as CSV or JSON; returns how many SIMs were written. Stops with
 * an AbortError when `signal` aborts. Does not end `out`.
 */
export async function writeExport(
  out: Writable,
  format: ExportFormat,
  rows: AsyncIterable<SimCard> | Iterable<SimCard>,
  signal?: AbortSignal,
  options: ExportOptions = {},
): Promise<number> {
  let buffer = format === 'csv' ? `${options.bom === false ? '' : '\uFEFF'}${csvLine(EXPORT_COLUMNS)}` : '[';
  let count = 0;
  for await (const sim of rows) {
    if (signal?.aborted) throw abortError(signal);
    if (format === 'csv') {
      const row = exportRow(sim, options.groupsById);
      buffer += csvLine(EXPORT_COLUMNS.map((c) => row[c]));
    } else {
      buffer += `${count === 0 ? '' : ','}\n${JSON.stringify(sim)}`;
    }
    count++;
    if (buffer.length >= CHUNK) {
      await write(out, buffer, signal);
      buffer = '';
    }
  }
  if (signal?.aborted) throw abortError(signal);
  if (format === 'json') buffer += count === 0 ? ']\n' : '\n]\n';
  if (buffer !== '') await write(out, buffer, signal);
  return count;
}

/**
 * Exports to `target` through a temporary file next to it, renamed into place only when
 * everything was written; on an error or cancel the temporary file is removed and
 * `target` is left as it was. Returns the number of SIMs written.
 */
export async function exportToFile(target: string, ...job: ExportJob): Promise<number> {
  const signal = job[2];
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  const out = fs.createWriteStream(temp, { flags: 'wx', encoding: 'utf8' });
  // A failed stream rejects the 'drain' wait below through this listener.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    await once(out, 'open');
    const count = await Promise.race([writeExport(out, ...job), failed]);
    out.end();
    await Promise.race([once(out, 'close'), failed]);
    if (signal?.aborted) throw abortError(signal);
    await fs.promises.rename(temp, target);
    return count;
  } catch (e) {
    out.destroy();
    // Close before removing, so the file is not held open (Windows refuses to delete it then).
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    await fs.promises.rm(temp, { force: true });
    throw e;
  }
}
