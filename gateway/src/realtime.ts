import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type express from 'express';
import { REQUEST_ID_HEADER, type Caller } from '@tradegraph/kit';
import { AuthenticationError, type Authenticator } from './auth';
import type { FederatedSubscriptions } from './subscriptions';

/** What a realtime transport knows about its client. */
interface ClientContext {
  caller: Caller;
  requestId: string;
}

const onlySubscriptions = (): ExecutionResult => ({
  errors: [new GraphQLError('Only subscriptions are served here; send queries and mutations over HTTP POST', { extensions: { code: 'BAD_USER_INPUT' } })],
});

/** The credentials a graphql-ws client sends in connection_init: `{ authorization: "Bearer …" }` (or `Authorization`, or `token`). */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization ?? (params?.token ? `Bearer ${String(params.token)}` : undefined);
  return typeof value === 'string' ? value : undefined;
}

/**
 * Serves subscriptions to clients: graphql-ws (graphql-transport-ws) on the same URL as HTTP,
 * and Server-Sent Events (graphql-sse, "distinct connections" mode) at `<path>/stream` for
 * clients that cannot open a WebSocket. Both authenticate like HTTP (a bad credential closes
 * the WebSocket with 4403 Forbidden, or answers 401) and hand subscriptions to
 * {@link FederatedSubscriptions}.
 */
export function serveRealtime(options: {
  server: http.Server;
  app: express.Express;
  path: string;
  schema: () => GraphQLSchema | undefined;
  subscriptions: FederatedSubscriptions;
  authenticator: Authenticator;
  allowAnonymous: boolean;
  keepAliveMs?: number;
}): { close(): Promise<void> } {
  const { subscriptions, authenticator } = options;
  const authenticate = async (authorization: string | undefined): Promise<Caller | null> => {
    try {
      const caller = await authenticator.authenticate(authorization);
      return caller.subject === null && !options.allowAnonymous ? null : caller;
    } catch (error) {
      if (error instanceof AuthenticationError) return null;
      throw error;
    }
  };

  const wsServer = new WebSocketServer({ server: options.server, path: options.path });
  const clients = new WeakMap<object, ClientContext>();
  const ws = useServer<Record<string, unknown>, Record<PropertyKey, unknown>>(
    {
      schema: () => options.schema() as GraphQLSchema,
      onConnect: async (ctx) => {
        const caller = await authenticate(authorizationOf(ctx.connectionParams));
        if (!caller) return false; // graphql-ws closes with 4403 Forbidden
        const requestId = (ctx.extra as { request?: http.IncomingMessage }).request?.headers[REQUEST_ID_HEADER];
        clients.set(ctx.extra, { caller, requestId: typeof requestId === 'string' ? requestId : randomUUID() });
        return true;
      },
      context: (ctx) => clients.get(ctx.extra) as never,
      subscribe: (args) => {
        const client = args.contextValue as unknown as ClientContext;
        return subscriptions.subscribe({ document: args.document, operationName: args.operationName, variables: (args.variableValues ?? {}) as Record<string, unknown>, caller: client.caller, requestId: client.requestId }) as never;
      },
      execute: onlySubscriptions as never,
    },
    wsServer,
    options.keepAliveMs ?? 12_000,
  );

  const sse = createHandler<Record<PropertyKey, unknown>>({
    schema: () => options.schema() as GraphQLSchema,
    authenticate: async (req) => {
      const caller = await authenticate(req.headers.get('authorization') ?? undefined);
      if (!caller) return [null, { status: 401, statusText: 'Unauthorized' }];
      return randomUUID();
    },
    context: async (req) => {
      const caller = (await authenticate(req.headers.get('authorization') ?? undefined))!;
      return { caller, requestId: req.headers.get(REQUEST_ID_HEADER) ?? randomUUID() };
    },
    subscribe: (args) => {
      const client = args.contextValue as unknown as ClientContext;
      return subscriptions.subscribe({ document: args.document, operationName: args.operationName, variables: (args.variableValues ?? {}) as Record<string, unknown>, caller: client.caller, requestId: client.requestId }) as never;
    },
    execute: onlySubscriptions as never,
  });
  options.app.use(`${options.path}/stream`, (req, res) => void sse(req, res));

  return {
    async close() {
      subscriptions.close();
      await ws.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
