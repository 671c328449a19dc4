// What a route handler sees and returns.
import type { Query } from '../query';
import type { MockState } from '../state';

export interface RouteContext {
  state: MockState;
  method: string;
  params: string[];
  query: Query;
  /** Parsed JSON body (PATCH only). */
  body?: unknown;
}

/** An answer's body as a value, or already serialized in parts (`json`, e.g. a page built from cached texts). */
export type Reply = { status: number; body: unknown } | { status: number; json: readonly string[] };

export interface Route {
  method: string;
  pattern: RegExp;
  handle(ctx: RouteContext): Reply;
}
