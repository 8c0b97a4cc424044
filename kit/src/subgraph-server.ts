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
import { headerOf, isGraphQLPost, sendError, serveGraphQLPost, serveSafely } from './graphql-http';
import { refuseWhileStopping, SERVICE_RESTART_CLOSE_CODE } from './graceful-stop';
import { subscribeWithCursors } from './event-subscription';
import { InProcessBus } from './events/bus';
import { OutboxEvent } from './events/outbox';
import { OutboxRelay } from './events/relay';
import { LoaderRegistry } from './loaders';
import { exposeMetrics, instrumentSubgraph, relayMetrics, serviceMetrics, statementObserver } from './metrics';
import { logger } from './logger';
import { requestScope, trackingRequests } from './request-scope';
import { schemaNameOf, subgraphSchema, type SubgraphDefinition } from './subgraph-definition';
import type { SubgraphOptions } from './subgraph-options';
import { inServerSpan, serverSpans, traceRootFields, tracingPlugins } from './tracing';

/** Whom a request is for, as the gateway signed it, and the id its logs and statements carry. */
interface VerifiedCaller {
  caller: Caller;
  requestId: string;
}

/**
 * Verifies the caller the gateway signed into `callerHeader` (HTTP header or graphql-ws
 * connection parameter). The request id is the signed one, else `requestIdHeader`, else new.
 * @throws CallerSignatureError for a missing, expired or forged signature
 */
async function verifyCaller(signer: CallerSigner, callerHeader: string | undefined, requestIdHeader?: string): Promise<VerifiedCaller> {
  const { caller, requestId } = await signer.verify(callerHeader);
  return { caller, requestId: requestId ?? requestIdHeader ?? randomUUID() };
}

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
  const { schema: builtSchema, sdl } = await subgraphSchema(definition);
  const schema = traceRootFields(builtSchema);
  const metrics = serviceMetrics(definition.name);
  const database = await Database.connect({
    url: options.databaseUrl,
    schema: schemaNameOf(definition),
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: options.poolMax,
    observeStatement: metrics && statementObserver(metrics),
  });
  try {
    await database.migrate();
  } catch (error) {
    metrics?.close();
    await database.close();
    throw error;
  }
  const signer = new CallerSigner(options.callerSecret);
  const bus = options.bus ?? new InProcessBus();
  const emitsEvents = definition.entities.includes(OutboxEvent);
  const relay = emitsEvents ? new OutboxRelay(database.orm, bus, schemaNameOf(definition), options.relay, metrics && relayMetrics(metrics)) : undefined;
  const runtime: SubgraphRuntime = { name: definition.name, database, bus, relay, gateway: options.gateway, settings: options.settings ?? {}, metrics };
  relay?.start();
  const jobs = definition.background?.(runtime) ?? [];
  for (const job of jobs) job.start();

  // Off only to measure what the per-hop savings are worth (`npm run bench:reads -- --compare`).
  const perHopCaches = envBool('PER_HOP_CACHES', true);
  const app = express();
  app.disable('x-powered-by');
  // POST /graphql, what the gateway sends on every hop, is served on node:http itself (see
  // graphql-http.ts); everything else (health, readiness, routes, refusals) goes to express.
  const httpServer = http.createServer((req, res) => {
    if (!stopping && isGraphQLPost(req, '/graphql')) verifyAndServeGraphQLPost(req, res);
    else app(req, res);
  });
  // The gateway lets idle connections go after 4 s (kit/src/keep-alive-fetch.ts); the subgraph
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
      ...tracingPlugins<SubgraphContext>(),
      ...(metrics ? [instrumentSubgraph(metrics, { database, schema, emitsEvents })] : []),
    ],
  });
  await server.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const metricsEndpoint = metrics && (await exposeMetrics(metrics, app, { port: options.metricsPort, host: options.host }));
  app.get('/ready', async (_req, res) => {
    const ready = !stopping && (await database.isReady());
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  // The request's logger is made on first use: most requests log nothing, and a pino child per
  // request is not free. It lives on the prototype because Apollo Server copies the context's
  // own properties per request, which would call an own getter every time.
  const contextPrototype = {
    get log(): SubgraphContext['log'] {
      const self = this as unknown as SubgraphContext & { requestLog?: SubgraphContext['log'] };
      return (self.requestLog ??= log.child({ requestId: self.requestId }));
    },
  };
  const createContext = (caller: Caller, requestId: string): SubgraphContext => {
    const context = Object.create(contextPrototype) as SubgraphContext;
    Object.assign(context, { caller, requestId, em: database.orm.em.fork(), loaders: new LoaderRegistry(() => context), runtime });
    if (!perHopCaches) void context.log;
    return context;
  };

  if (definition.routes) app.use(definition.routes(runtime));

  // Subscriptions: graphql-ws on the same URL. The gateway signs the caller into the
  // connection_init payload; a connection without a valid signature is closed with 4403.
  // Every event's result carries its bus cursor (`extensions.cursor`) for resuming.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCallers = new WeakMap<object, VerifiedCaller>();
  const wsCleanup = useServer<Record<string, unknown>, { caller?: Caller; requestId?: string }>(
    {
      schema,
      subscribe: subscribeWithCursors,
      onConnect: async (ctx) => {
        try {
          wsCallers.set(ctx.extra, await verifyCaller(signer, ctx.connectionParams?.[CALLER_HEADER] as string | undefined));
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => {
        const connection = wsCallers.get(ctx.extra)!;
        return createContext(connection.caller, connection.requestId);
      },
    },
    wsServer,
    15_000,
  );

  const verified = new WeakMap<express.Request, VerifiedCaller>();
  const trackRequests = trackingRequests();
  app.use(
    '/graphql',
    async (req, res, next) => {
      let verifiedCaller: VerifiedCaller;
      try {
        verifiedCaller = await verifyCaller(signer, req.header(CALLER_HEADER), req.header(REQUEST_ID_HEADER));
      } catch (error) {
        if (!(error instanceof CallerSignatureError)) return next(error);
        return sendError(res, 401, 'UNAUTHENTICATED', error.message);
      }
      verified.set(req, verifiedCaller);
      if (trackRequests) requestScope.run({ requestId: verifiedCaller.requestId }, next);
      else next();
    },
    // After the caller's signature is checked: an unsigned request makes no span.
    ...serverSpans(definition.name),
    express.json({ limit: '5mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const { caller, requestId } = verified.get(req)!;
        return createContext(caller, requestId);
      },
    }),
  );

  const verifyAndServeGraphQLPost = (req: http.IncomingMessage, res: http.ServerResponse) =>
    serveSafely(res, log, async () => {
      let verifiedCaller: VerifiedCaller;
      try {
        verifiedCaller = await verifyCaller(signer, headerOf(req, CALLER_HEADER), headerOf(req, REQUEST_ID_HEADER));
      } catch (error) {
        if (!(error instanceof CallerSignatureError)) throw error;
        return sendError(res, 401, 'UNAUTHENTICATED', error.message);
      }
      const run = () => serveGraphQLPost(server, req, res, async () => createContext(verifiedCaller.caller, verifiedCaller.requestId));
      // The span starts once the caller's signature is checked: an unsigned request makes none.
      await inServerSpan(definition.name, req, res, () => (trackRequests ? requestScope.run({ requestId: verifiedCaller.requestId }, run) : run()));
    });

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
        // First the scrapes, which would query a pool being closed.
        await metricsEndpoint?.close();
        await server.stop();
        await Promise.all(jobs.map((job) => job.stop()));
        await relay?.stop();
        if (!options.bus) await bus.close();
        await database.close();
        metrics?.close();
      })();
      return stopping;
    },
  };
}
