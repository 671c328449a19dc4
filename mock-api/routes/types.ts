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

export interface Reply {
  status: number;
  body: unknown;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handle(ctx: RouteContext): Reply;
}
