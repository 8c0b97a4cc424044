import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ExecutionResult } from 'graphql';

/** A graphql-ws client of the gateway, as a dashboard would open one. */
export function wsClient(httpUrl: string, token?: string, onClose?: (code: number, reason: string) => void): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    on: { closed: (event) => onClose?.((event as { code: number }).code, (event as { reason: string }).reason) },
  });
}

/** One subscription whose results are collected, with a way to wait for them. */
export interface Collected<T> {
  results: ExecutionResult<T>[];
  /** Resolves once `n` results arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ExecutionResult<T>[]>;
  /** Set when the subscription errored or completed. */
  ended: { error?: unknown; completed?: boolean };
  stop(): void;
}

/** Subscribes and collects every result. */
export function collect<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Collected<T> {
  const results: ExecutionResult<T>[] = [];
  const ended: Collected<T>['ended'] = {};
  const stop = client.subscribe<T>({ query, variables }, {
    next: (result) => results.push(result as ExecutionResult<T>),
    error: (error) => (ended.error = error),
    complete: () => (ended.completed = true),
  });
  return {
    results,
    ended,
    stop,
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (results.length < n) {
        if (ended.error) throw new Error(`subscription failed: ${JSON.stringify(ended.error)}`);
        if (Date.now() > deadline) throw new Error(`got ${results.length} of ${n} results in time: ${JSON.stringify(results)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return results;
    },
  };
}

/** Waits until a condition holds. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
