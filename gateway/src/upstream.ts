import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { CALLER_HEADER, logger, type Caller, type CallerSigner } from '@tradegraph/kit';
import type { ExecutionResult } from 'graphql';
import type { ResumableRequest } from './subscription-cursor';

/** One subscription opened on a subgraph. */
export interface UpstreamSubscription {
  /** Ends it (the subgraph is told to stop). */
  close(): void;
}

/** What the upstream pool reports for one subscription. */
export interface UpstreamSink {
  next(result: ExecutionResult): void;
  /** the subgraph ended the subscription or refused it */
  error(error: unknown): void;
  complete(): void;
}

/**
 * graphql-ws connections from the gateway to subgraphs, one per (subgraph URL, caller), with
 * the caller's signed context in `connection_init`. A connection that drops is reopened with
 * exponential backoff and its subscriptions are sent again, each resuming after the cursor of
 * the last event it delivered (see {@link ResumableRequest}), so a subgraph restart costs
 * clients no event the bus still retains.
 */
export class UpstreamPool {
  private readonly clients = new Map<string, { client: Client; users: number }>();

  constructor(private readonly signer: CallerSigner) {}

  /** Opens `request` on the subgraph at `url` as `caller`. */
  subscribe(url: string, caller: Caller, requestId: string, request: ResumableRequest, sink: UpstreamSink): UpstreamSubscription {
    const key = `${url}\n${JSON.stringify([caller.subject, [...caller.roles].sort(), [...caller.scopes].sort()])}`;
    let entry = this.clients.get(key);
    if (!entry) {
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 1000,
        keepAlive: 10_000,
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => true,
        retryWait: async (retries) => {
          const ms = Math.min(100 * 2 ** retries, 5000) * (0.5 + Math.random() / 2);
          await new Promise((resolve) => setTimeout(resolve, ms));
        },
        // Signed afresh on every (re)connect: the signature is short-lived and only checked there.
        connectionParams: async () => ({ [CALLER_HEADER]: await this.signer.sign(caller, requestId) }),
        on: {
          closed: (event) => logger.debug({ url, code: (event as { code?: number }).code }, 'upstream subscription connection closed'),
        },
      });
      entry = { client, users: 0 };
      this.clients.set(key, entry);
    }
    entry.users++;
    // graphql-ws sends this same payload object again on every reconnect (6.x: client.subscribe
    // retries with the payload it was given), so moving its cursor variable along here makes a
    // resubscription start behind the last event delivered; test/subscription-resume.test.ts holds it to that.
    const { cursorVariable, ...payload } = request;
    const dispose = entry.client.subscribe<Record<string, unknown>>(payload, {
      next: (result) => {
        const cursor = (result.extensions as { cursor?: unknown } | undefined)?.cursor;
        if (cursorVariable && typeof cursor === 'string') payload.variables = { ...payload.variables, [cursorVariable]: cursor };
        sink.next(result as ExecutionResult);
      },
      error: (error) => sink.error(error),
      complete: () => sink.complete(),
    });
    let closed = false;
    return {
      close: () => {
        if (closed) return;
        closed = true;
        dispose();
        const current = this.clients.get(key);
        if (current && --current.users === 0) {
          this.clients.delete(key);
          void current.client.dispose();
        }
      },
    };
  }

  /** Upstream subscriptions open, per subgraph URL (metrics). */
  openByUrl(): Map<string, number> {
    const open = new Map<string, number>();
    for (const [key, { users }] of this.clients) {
      const url = key.slice(0, key.indexOf('\n'));
      open.set(url, (open.get(url) ?? 0) + users);
    }
    return open;
  }

  /** How many upstream connections are open (for metrics and tests). */
  get connections(): number {
    return this.clients.size;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map(async ({ client }) => client.dispose()));
    this.clients.clear();
  }
}
