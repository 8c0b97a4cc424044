import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { CALLER_HEADER, CallerSignatureError, CallerSigner, REQUEST_ID_HEADER, type Caller } from './caller';
import type { SubgraphContext, SubgraphRuntime } from './context';
import { Database } from './database';
import { envBool, isProduction } from './env';
import { formatError } from './errors';
import { refuseWhileStopping, SERVICE_RESTART_CLOSE_CODE } from './graceful-stop';
import { subscribeWithCursors } from './event-subscription';
import { InProcessBus } from './events/bus';
import { OutboxEvent } from './events/outbox';
import { OutboxRelay } from './events/relay';
import { LoaderRegistry } from './loaders';
import { logger } from './logger';
import { requestScope, trackingRequests } from './request-scope';
import { schemaNameOf, subgraphSchema, type SubgraphDefinition } from './subgraph-definition';
import type { SubgraphOptions } from './subgraph-options';

/** A started subgraph. */
export interface RunningSubgraph {
  name: string;
  /** the GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql */
  url: string;
  sdl: string;
  database: Database;
  runtime: SubgraphRuntime;
  /** Stops accepting requests (`/ready` 503 at once), finishes the ones in flight within the grace period, closes subscriptions (1012) and the pool. */
  stop(): Promise<void>;
}


/**
 * Starts a subgraph: migrates its schema, then serves GraphQL at `/graphql` (only to callers
 * the gateway signed for: anything else gets 401), `/health` (alive) and `/ready` (database
 * reachable and migrated).
 */
export async function startSubgraph(definition: SubgraphDefinition, options: SubgraphOptions): Promise<RunningSubgraph> {
  const log = logger.child({ subgraph: definition.name });
  const { schema, sdl } = await subgraphSchema(definition);
  const database = await Database.connect({
    url: options.databaseUrl,
    schema: schemaNameOf(definition),
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: options.poolMax,
  });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  const signer = new CallerSigner(options.callerSecret);
  const bus = options.bus ?? new InProcessBus();
  const emitsEvents = definition.entities.includes(OutboxEvent);
  const relay = emitsEvents ? new OutboxRelay(database.orm, bus, schemaNameOf(definition), options.relay) : undefined;
  const runtime: SubgraphRuntime = { name: definition.name, database, bus, relay, gateway: options.gateway, settings: options.settings ?? {} };
  relay?.start();
  const jobs = definition.background?.(runtime) ?? [];
  for (const job of jobs) job.start();

  // Off only to measure what the per-hop savings are worth (`npm run bench:reads -- --compare`).
  const perHopCaches = envBool('PER_HOP_CACHES', true);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // The gateway lets idle connections go after 4 s (gateway/src/subgraph-http.ts); the subgraph
  // keeps them longer, so it is never the side closing a socket the gateway is about to reuse.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  let stopping: Promise<void> | undefined;
  app.use(refuseWhileStopping(() => stopping !== undefined));
  const server = new ApolloServer<SubgraphContext>({
    // The process that runs this server stops it in order on SIGINT/SIGTERM; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?" in validation errors: they would spell out the schema in production.
    hideSchemaDetailsFromClientErrors: isProduction(),
    plugins: [
      // On stop: no new connections, requests in flight finish within the grace period, then the rest is cut.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000 }),
      // Inline tracing is for Apollo Studio, which we do not report to.
      ApolloServerPluginInlineTraceDisabled(),
      // No field has a cache hint, and the gateway reads a subgraph answer without a Cache-Control
      // header as max-age 0 anyway: the plugin's per-field hook would only cost time.
      ...(perHopCaches ? [ApolloServerPluginCacheControlDisabled()] : []),
      // A mutation may have written outbox events: publish them now rather than at the next poll.
      { async requestDidStart() { return { async willSendResponse({ operation }) { if (operation?.operation === 'mutation') relay?.nudge(); } }; } },
    ],
  });
  await server.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ready = !stopping && (await database.isReady());
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  const createContext = (caller: Caller, requestId: string): SubgraphContext => {
    let requestLog: SubgraphContext['log'] | undefined;
    const context: SubgraphContext = {
      caller,
      requestId,
      em: database.orm.em.fork(),
      loaders: new LoaderRegistry(() => context),
      // Made on first use: most requests log nothing, and a pino child per request is not free.
      get log() {
        return (requestLog ??= log.child({ requestId }));
      },
      runtime,
    };
    if (!perHopCaches) void context.log;
    return context;
  };

  if (definition.routes) app.use(definition.routes(runtime));

  // Subscriptions: graphql-ws on the same URL. The gateway signs the caller into the
  // connection_init payload; a connection without a valid signature is closed with 4403.
  // Every event's result carries its bus cursor (`extensions.cursor`) for resuming.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCallers = new WeakMap<object, { caller: Caller; requestId: string }>();
  const wsCleanup = useServer<Record<string, unknown>, { caller?: Caller; requestId?: string }>(
    {
      schema,
      subscribe: subscribeWithCursors,
      onConnect: async (ctx) => {
        try {
          const { caller, requestId } = await signer.verify(ctx.connectionParams?.[CALLER_HEADER] as string | undefined);
          wsCallers.set(ctx.extra, { caller, requestId: requestId ?? randomUUID() });
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => {
        const known = wsCallers.get(ctx.extra)!;
        return createContext(known.caller, known.requestId);
      },
    },
    wsServer,
    15_000,
  );

  const verified = new WeakMap<express.Request, { caller: Caller; requestId: string }>();
  const trackRequests = trackingRequests();
  app.use(
    '/graphql',
    async (req, res, next) => {
      try {
        const { caller, requestId: signedRequestId } = await signer.verify(req.header(CALLER_HEADER));
        const requestId = signedRequestId ?? req.header(REQUEST_ID_HEADER) ?? randomUUID();
        verified.set(req, { caller, requestId });
        if (trackRequests) requestScope.run({ requestId }, next);
        else next();
      } catch (error) {
        if (!(error instanceof CallerSignatureError)) return next(error);
        res.status(401).json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
      }
    },
    express.json({ limit: '5mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const { caller, requestId } = verified.get(req)!;
        return createContext(caller, requestId);
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}/graphql`;
  log.info({ url }, 'subgraph ready');

  return {
    name: definition.name,
    url,
    sdl,
    database,
    runtime,
    stop() {
      stopping ??= (async () => {
        // graphql-ws would close with 1001; 1012 tells the gateway's upstream client the same and is retried by any graphql-ws client.
        for (const socket of wsServer.clients) socket.close(SERVICE_RESTART_CLOSE_CODE, 'Service Restart');
        await wsCleanup.dispose();
        wsServer.close();
        await server.stop();
        await Promise.all(jobs.map((job) => job.stop()));
        await relay?.stop();
        if (!options.bus) await bus.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
