import { AsyncLocalStorage } from 'node:async_hooks';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';

/** What is known about the request a piece of async work belongs to. */
export interface RequestScope {
  requestId: string;
}

/**
 * The request the current async work belongs to: set around every GraphQL request a subgraph
 * serves, so that work deep inside (SQL statements, logs) can be attributed to it.
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Whether subgraphs attribute SQL statements to requests (TRACK_SQL_PER_REQUEST; on by
 * default outside production). On Node 20 an AsyncLocalStorage in use makes every promise
 * pay for async hooks (a few per cent of CPU), so production leaves it off unless asked.
 */
export const trackingRequests = (): boolean => {
  const value = process.env.TRACK_SQL_PER_REQUEST;
  if (value === undefined || value === '') return process.env.NODE_ENV !== 'production';
  return value === 'true' || value === '1';
};

/**
 * Runs `start` — code that schedules background work (a timer, a poll) — outside the current
 * request: neither its scope (SQL counted per request) nor its OpenTelemetry context carries
 * over into what it schedules. Without this a timer a request starts (a relay nudge) would put
 * every later pass's SQL and logs into that request's trace.
 */
export function inBackground<T>(start: () => T): T {
  return requestScope.exit(() => context.with(ROOT_CONTEXT, start));
}
