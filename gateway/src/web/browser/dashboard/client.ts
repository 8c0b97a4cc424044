/**
 * The dashboard's GraphQL client: queries and mutations over HTTP, subscriptions over
 * graphql-ws, every operation sent by its trusted-document id (the `__meta__.hash` codegen puts
 * on each typed document), never as text. Subscriptions survive a dropped connection: each keeps
 * the `extensions.cursor` of the last event it delivered and subscribes again with
 * `after: <cursor>` once the socket is back, so the events missed meanwhile arrive first.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type Client, type FormattedExecutionResult, type SubscribePayload } from 'graphql-ws';

/** What the page shows about the socket. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'signed-out';

/** A GraphQL error response, with the codes of its errors (`FORBIDDEN`, `CURSOR_EXPIRED` …). */
export class ApiError extends Error {
  constructor(message: string, readonly codes: string[]) {
    super(message);
  }
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface SubscriptionHandlers<R> {
  next(data: R): void;
  /**
   * The events since the last one seen cannot be replayed (no event seen before the connection
   * dropped, or its cursor expired): read the current state again.
   */
  reset?(): void;
  /** the subscription was refused or ended with an error */
  error?(error: ApiError): void;
}

/** A typed document from operations/__generated__, which carries its trusted-document id. */
type Document<R, V> = TypedDocumentNode<R, V> & { __meta__?: { hash?: string } };

/** How the gateway ends a subscription that the client should take up again by itself. */
const ENDINGS_TO_FOLLOW = ['CURSOR_EXPIRED', 'SCHEMA_CHANGED', 'SUBSCRIBER_TOO_SLOW', 'SHUTTING_DOWN'];

function documentId(document: { __meta__?: { hash?: string } }): string {
  const id = document.__meta__?.hash;
  if (!id) throw new Error('a document without a trusted-document id: run npm run codegen');
  return id;
}

function apiError(errors: readonly GraphQLErrorLike[]): ApiError {
  return new ApiError(
    errors.map((e) => e.message).join('; '),
    errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'ERROR')),
  );
}

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';

/** 4403: the gateway refused the token in connection_init, or it expired while connected. */
const TOKEN_REFUSED = 4403;
/** Reconnecting waits 125 ms after the first failure, doubling up to this. */
const MAX_RETRY_DELAY_MS = 2000;

export class DashboardClient {
  private readonly ws: Client;
  private state: ConnectionState = 'connecting';
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private retryDelayMs = 125;
  private disposed = false;

  constructor(
    private readonly token: string,
    private readonly origin = location.origin,
  ) {
    this.ws = createClient({
      url: `${origin.replace(/^http/, 'ws')}/graphql`,
      connectionParams: { authorization: `Bearer ${token}` },
      // Retrying is ours (below), so that each subscription comes back with its cursor.
      retryAttempts: 0,
      lazy: true,
      keepAlive: 10_000,
    });
    this.ws.on('connected', () => {
      this.retryDelayMs = 125;
      this.setState('connected');
    });
    this.ws.on('closed', (event) => {
      if (this.disposed) return;
      // One step of backoff per failed connection, however many subscriptions wait for it.
      this.retryDelayMs = Math.min(MAX_RETRY_DELAY_MS, this.retryDelayMs * 2);
      this.setState(isCloseEvent(event) && event.code === TOKEN_REFUSED ? 'signed-out' : 'reconnecting');
    });
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** Calls `listener` on every change of the connection's state; returns the unsubscribe. */
  onState(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state || this.state === 'signed-out') return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  /** A query or mutation over HTTP; resolves to its data, rejects with an ApiError. */
  async request<R, V>(document: Document<R, V>, variables: V): Promise<R> {
    const response = await fetch(`${this.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ documentId: documentId(document), variables }),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: R | null; errors?: GraphQLErrorLike[] };
    if (response.status === 401) this.setState('signed-out');
    if (body.errors?.length) throw apiError(body.errors);
    if (!body.data) throw new ApiError(`HTTP ${response.status}`, ['HTTP_ERROR']);
    return body.data;
  }

  /**
   * Subscribes until the returned function is called. The subscription outlives dropped
   * connections: it comes back with `after` set to the last event's cursor.
   */
  subscribe<R, V extends { after?: string | null }>(document: Document<R, V>, variables: Omit<V, 'after'>, handlers: SubscriptionHandlers<R>): () => void {
    let cursor: string | undefined;
    let stopped = false;
    let endedWith: string | undefined;
    let cancel = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;

    const start = () => {
      if (stopped || this.disposed) return;
      endedWith = undefined;
      // `documentId` is the gateway's trusted-document form over graphql-ws; the text stays empty.
      const payload = { query: '', documentId: documentId(document), variables: { ...variables, after: cursor ?? null } } as SubscribePayload;
      cancel = this.ws.subscribe<R, { cursor?: unknown }>(payload, {
        next: (result: FormattedExecutionResult<R, { cursor?: unknown }>) => {
          if (typeof result.extensions?.cursor === 'string') cursor = result.extensions.cursor;
          if (result.errors?.length) {
            const error = apiError(result.errors);
            endedWith = error.codes[0];
            if (!result.data && !ENDINGS_TO_FOLLOW.includes(endedWith)) handlers.error?.(error);
          }
          if (result.data) handlers.next(result.data);
        },
        error: (error: unknown) => {
          if (stopped) return;
          if (Array.isArray(error)) return handlers.error?.(apiError(error as GraphQLErrorLike[]));
          if (isCloseEvent(error) && error.code === TOKEN_REFUSED) return this.setState('signed-out');
          // The socket went away: come back behind the last event. Without one, whatever
          // happened meanwhile cannot be replayed, so the panel reads its state again.
          if (cursor === undefined) endedWith = 'RESET';
          this.setState('reconnecting');
          timer = setTimeout(restart, this.retryDelayMs);
        },
        complete: () => {
          if (stopped) return;
          // The gateway ends a subscription with CURSOR_EXPIRED (start over from the current
          // state), or SCHEMA_CHANGED, SUBSCRIBER_TOO_SLOW, SHUTTING_DOWN (subscribe again where we were).
          if (endedWith === 'CURSOR_EXPIRED') cursor = undefined;
          if (endedWith && ENDINGS_TO_FOLLOW.includes(endedWith)) restart();
        },
      });
    };
    const restart = () => {
      if (endedWith === 'RESET' || endedWith === 'CURSOR_EXPIRED') handlers.reset?.();
      start();
    };

    start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      cancel();
    };
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    void this.ws.dispose();
  }
}
