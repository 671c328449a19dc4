import * as vscode from 'vscode';
import { isGroupBy, type GroupBy } from './fleet';
import { DEFAULT_BASE_URL, DEFAULT_CONCURRENCY } from './telnyx/client';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './telnyx/query';

export const SECTION = 'telnyxSims';

export interface ExplorerSettings {
  apiBaseUrl: string;
  pageSize: number;
  groupBy: GroupBy;
  maxConcurrentRequests: number;
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;
  return Math.min(max, Math.max(min, n));
}

/** Reads the settings, repairing out-of-range values instead of passing them to the API. */
export function readSettings(): ExplorerSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const baseUrl = c.get<string>('apiBaseUrl', DEFAULT_BASE_URL);
  const groupBy = c.get<string>('groupBy', 'status');
  // The defaults in package.json are the client's own (a unit test holds them together).
  return {
    apiBaseUrl: typeof baseUrl === 'string' && baseUrl.trim() ? baseUrl.trim() : DEFAULT_BASE_URL,
    pageSize: clampInt(c.get('pageSize'), 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    groupBy: isGroupBy(groupBy) ? groupBy : 'status',
    maxConcurrentRequests: clampInt(c.get('maxConcurrentRequests'), 1, 8, DEFAULT_CONCURRENCY),
  };
}
