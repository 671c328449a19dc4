// Shared bits for the mock-api tests: a real-HTTP JSON fetch and the repo root.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MockApi } from '../../../mock-api/server';

export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/** GET/POST against the mock with the right key (unless `key` overrides it). */
export async function call<T = unknown>(
  api: MockApi,
  pathAndQuery: string,
  init: { method?: string; key?: string | null } = {},
): Promise<JsonAnswer<T>> {
  const headers: Record<string, string> = {};
  const key = init.key === undefined ? api.apiKey : init.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const res = await fetch(api.url + pathAndQuery, { method: init.method ?? 'GET', headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The folder holding tsconfig.json, walking up from this (compiled) file; out/ has a package.json copy too. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'tsconfig.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('tsconfig.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

export interface ErrorBody {
  errors: { code: string; title: string; detail?: string; source?: { parameter?: string; pointer?: string } }[];
}
