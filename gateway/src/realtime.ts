import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type ParseOptions } from 'graphql';
import type { OperationArgs, Response as SseResponse } from 'graphql-sse';
import { createHandler } from 'graphql-sse/lib/use/express';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import express from 'express';
import { REQUEST_ID_HEADER, SERVICE_RESTART_CLOSE_CODE, shuttingDownError, type Caller } from '@tradegraph/kit';
import { AuthenticationError } from './auth';
import { apiKeyParam, credentialsFromHeaders, whileValid, type ClientAuthenticator, type ClientSession, type Credentials } from './client-auth';
import { checkDocument } from './errors';
import type { RateLimits } from './rate-limits';
import type { ClientIdentity } from './client-identity';
import type { FederatedSubscriptions } from './subscriptions';
import { documentIdStreams, type TrustedDocuments } from './trusted-documents';
import { clientKindOf } from './metrics/labels';
import type { SubscriptionMetrics, Transport } from './metrics/subscriptions';

/** What a realtime transport knows about its client. */
interface ClientContext {
  caller: Caller;
  client: ClientIdentity;
  requestId: string;
  /** when the client's token expires (ms since the epoch) */
  expiresAt?: number;
}

const onlySubscriptions = (): ExecutionResult => ({
  errors: [new GraphQLError('Only subscriptions are served here; send queries and mutations over HTTP POST', { extensions: { code: 'BAD_USER_INPUT' } })],
});

const tokenExpired = () => new GraphQLError('The token has expired; subscribe again with a fresh one', { extensions: { code: 'UNAUTHENTICATED' } });

/** The credentials a graphql-ws client sends in connection_init: `{ authorization: "Bearer …" }` (or `Authorization`, or `token`). */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const token = params?.token;
  // A token that is not a string still makes a (wrong) credential, so it is refused, not ignored.
  const value = params?.authorization ?? params?.Authorization ?? (token ? `Bearer ${typeof token === 'string' ? token : JSON.stringify(token)}` : undefined);
  return typeof value === 'string' ? value : undefined;
}

/** How often an open WebSocket's API key is checked again (a revocation closes it within the grant cache's life plus this). */
const CREDENTIALS_RECHECK_MS = 1000;

/** setTimeout's longest wait (about 24.8 days); a longer one would fire at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Calls `onExpiry` once `expiresAt` has passed; returns the way to cancel it. */
function atExpiry(expiresAt: number | undefined, onExpiry: () => void): () => void {
  if (expiresAt === undefined) return () => {};
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const wait = expiresAt - Date.now();
    if (wait <= 0) return onExpiry();
    timer = setTimeout(arm, Math.min(wait, LONGEST_TIMER_MS));
  };
  arm();
  return () => clearTimeout(timer);
}

/** `source` until `expiresAt`, then one last result saying so, then done. */
function untilExpiry(source: AsyncIterableIterator<ExecutionResult>, expiresAt: number | undefined): AsyncIterableIterator<ExecutionResult> {
  if (expiresAt === undefined) return source;
  let done = false;
  let cancel = () => {};
  const expired = new Promise<'expired'>((resolve) => (cancel = atExpiry(expiresAt, () => resolve('expired'))));
  const finish = () => {
    done = true;
    cancel();
    return source.return?.();
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (done) return { done: true, value: undefined };
      const outcome = await Promise.race([source.next(), expired]);
      if (outcome === 'expired') {
        void finish();
        return { done: false, value: { errors: [tokenExpired()] } };
      }
      if (outcome.done) void finish();
      return outcome;
    },
    async return() {
      await finish();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/**
 * Serves subscriptions to clients: graphql-ws (graphql-transport-ws) on the same URL as HTTP,
 * and Server-Sent Events (graphql-sse, "distinct connections" mode) at `<path>/stream` for
 * clients that cannot open a WebSocket. Both authenticate like HTTP (a bad credential closes
 * the WebSocket with 4403 Forbidden, or answers 401), end when the token expires (the
 * WebSocket closes with 4403, the stream ends with an UNAUTHENTICATED result), answer a bad
 * document for that subscription alone, and hand subscriptions to {@link FederatedSubscriptions}.
 */
export function serveRealtime(options: {
  server: http.Server;
  app: express.Express;
  path: string;
  schema: () => GraphQLSchema | undefined;
  subscriptions: FederatedSubscriptions;
  authenticator: ClientAuthenticator;
  allowAnonymous: boolean;
  keepAliveMs?: number;
  /** subscriptions one WebSocket may hold open at once */
  maxPerSocket: number;
  /** the largest SSE request body (bytes); the app's error handler answers a larger one */
  maxBodyBytes: number;
  /** documents a client may name by id, and who may send nothing else */
  trustedDocuments: TrustedDocuments;
  /** each subscribe counts against the client's request budget */
  rateLimits: RateLimits;
  /** the document caps applied while parsing (MAX_TOKENS) */
  parseOptions?: ParseOptions;
  /** counts subscribes and follows each subscription (absent when METRICS_ENABLED=false) */
  metrics?: SubscriptionMetrics;
}): { close(): Promise<void> } {
  const { subscriptions, authenticator, maxPerSocket } = options;
  const authenticate = async (credentials: Credentials): Promise<ClientSession | null> => {
    try {
      const session = await authenticator.session(credentials);
      return session.caller.subject === null && !options.allowAnonymous ? null : session;
    } catch (error) {
      if (error instanceof AuthenticationError) return null;
      throw error;
    }
  };
  const subscribe = (args: ExecutionArgs) => {
    const client = args.contextValue as ClientContext;
    return subscriptions.subscribe({ document: args.document, operationName: args.operationName, variables: (args.variableValues ?? {}), caller: client.caller, requestId: client.requestId });
  };
  const tracked = (transport: Transport, args: ExecutionArgs, result: Awaited<ReturnType<typeof subscribe>>) => {
    if (!options.metrics) return result;
    const client = args.contextValue as ClientContext;
    return options.metrics.track(transport, { document: args.document, operationName: args.operationName, clientKind: clientKindOf(client.caller, client.client) }, result);
  };

  const wsServer = new WebSocketServer({ server: options.server, path: options.path });
  const clients = new WeakMap<object, ClientContext & { cancelExpiry: () => void }>();
  const ws = useServer<Record<string, unknown>, { socket: WebSocket; request: http.IncomingMessage }>(
    {
      schema: () => options.schema() as GraphQLSchema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams;
        const session = await authenticate({ authorization: authorizationOf(params), apiKey: apiKeyParam(params), address: ctx.extra.request.socket.remoteAddress });
        if (!session) return false; // graphql-ws closes with 4403 Forbidden
        const requestId = ctx.extra.request.headers[REQUEST_ID_HEADER];
        // The socket lives only as long as the token that opened it.
        const cancelTimer = atExpiry(session.expiresAt, () => ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the token has expired'));
        // …and as long as its API key is not revoked (re-checked; answers are cached for seconds).
        const cancelRecheck = whileValid(session, CREDENTIALS_RECHECK_MS, () => ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the API key is no longer valid'));
        const cancelExpiry = () => (cancelTimer(), cancelRecheck());
        clients.set(ctx.extra, { ...session, requestId: typeof requestId === 'string' ? requestId : randomUUID(), cancelExpiry });
        return true;
      },
      onClose: (ctx) => clients.get(ctx.extra)?.cancelExpiry(),
      // Answered here rather than by graphql-ws, which closes the whole socket (4500) on a
      // document that does not parse and sends validation errors without a code.
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already reserved this subscription's slot.
        if (Object.keys(ctx.subscriptions).length > maxPerSocket) {
          return [new GraphQLError(`A connection may hold at most ${maxPerSocket} subscriptions; complete one or open another connection`, { extensions: { code: 'RATE_LIMITED', limit: 'subscriptionsPerSocket', maximum: maxPerSocket } })];
        }
        const session = clients.get(ctx.extra);
        const { refusal: overBudget } = session ? await options.rateLimits.admitSubscribe(session) : {};
        if (overBudget) return [overBudget];
        // graphql-ws requires a `query` string: a client naming a trusted document sends "".
        const query = options.trustedDocuments.documentFor(payload);
        if (query instanceof GraphQLError) return [query];
        const refused = options.trustedDocuments.refusal(session?.client, query);
        if (refused) return [refused];
        const schema = options.schema();
        const checked = checkDocument(schema, query, payload.operationName, options.parseOptions);
        if (Array.isArray(checked)) return checked;
        return { schema: schema!, document: checked, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx) => clients.get(ctx.extra),
      subscribe: (async (args: ExecutionArgs) => tracked('ws', args, await subscribe(args))) as never,
      execute: onlySubscriptions as never,
    },
    wsServer,
    options.keepAliveMs ?? 12_000,
  );

  const badRequest = (errors: GraphQLError[]): SseResponse => [
    JSON.stringify({ errors: errors.map((e) => e.toJSON()) }),
    { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/json; charset=utf-8' } },
  ];
  const refusal = (error: GraphQLError): SseResponse => [
    JSON.stringify({ errors: [error.toJSON()] }),
    { status: 403, statusText: 'Forbidden', headers: { 'content-type': 'application/json; charset=utf-8' } },
  ];
  const sse = createHandler<Record<PropertyKey, unknown>>({
    schema: () => options.schema() as GraphQLSchema,
    authenticate: async (req) => {
      const session = await authenticate(credentialsFromHeaders((name) => req.headers.get(name), req.raw.socket.remoteAddress));
      if (!session) return [null, { status: 401, statusText: 'Unauthorized' }];
      return randomUUID();
    },
    onSubscribe: async (req, params): Promise<SseResponse | OperationArgs<Record<PropertyKey, unknown>>> => {
      const schema = options.schema();
      const checked = checkDocument(schema, params.query, params.operationName, options.parseOptions);
      if (Array.isArray(checked)) return badRequest(checked);
      const session = (await authenticate(credentialsFromHeaders((name) => req.headers.get(name), req.raw.socket.remoteAddress)))!;
      const refused = options.trustedDocuments.refusal(session.client, params.query);
      if (refused) return refusal(refused);
      const admitted = await options.rateLimits.admitSubscribe(session);
      if (admitted.refusal) return [JSON.stringify({ errors: [admitted.refusal.toJSON()] }), { status: 429, statusText: 'Too Many Requests', headers: { 'content-type': 'application/json; charset=utf-8', ...admitted.headers } }];
      const contextValue: ClientContext = { ...session, requestId: req.headers.get(REQUEST_ID_HEADER) ?? randomUUID() };
      return { schema: schema!, document: checked, operationName: params.operationName, variableValues: params.variables, contextValue: contextValue as unknown as Record<PropertyKey, unknown> };
    },
    subscribe: async (args) => {
      const result = await subscribe(args);
      return tracked('sse', args, Symbol.asyncIterator in result ? untilExpiry(result, (args.contextValue as unknown as ClientContext).expiresAt) : result);
    },
    execute: onlySubscriptions as never,
  });
  // Parsed here so the body limit applies; a refused body reaches the app's error handler.
  options.app.use(`${options.path}/stream`, express.json({ limit: options.maxBodyBytes }), documentIdStreams(options.trustedDocuments), (req, res) => void sse(req, res));

  return {
    /** Ends every subscription as the server stops: WebSockets close with 1012 (clients reconnect), SSE streams end with a retryable SHUTTING_DOWN result. */
    async close() {
      for (const socket of wsServer.clients) socket.close(SERVICE_RESTART_CLOSE_CODE, 'Service Restart');
      subscriptions.endAll({ errors: [shuttingDownError()] });
      subscriptions.close();
      await ws.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
