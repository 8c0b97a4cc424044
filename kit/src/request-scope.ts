import { AsyncLocalStorage } from 'node:async_hooks';

/** What is known about the request a piece of async work belongs to. */
export interface RequestScope {
  requestId: string;
}

/**
 * The request the current async work belongs to: set around every GraphQL request a subgraph
 * serves, so that work deep inside (SQL statements, logs) can be attributed to it.
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();
