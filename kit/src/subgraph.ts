import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { EntityClass } from '@mikro-orm/core';
import type { MigrationObject } from '@mikro-orm/core';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { CALLER_HEADER, CallerSignatureError, CallerSigner, REQUEST_ID_HEADER, type Caller } from './caller';
import type { SubgraphContext, SubgraphRuntime } from './context';
import { Database } from './database';
import { envInt, envOptional, envSecret, envString, ConfigError, isProduction } from './env';
import { createEventBus, InProcessBus, type EventBus } from './events/bus';
import { OutboxEvent } from './events/outbox';
import { OutboxRelay, type RelayOptions } from './events/relay';
import { GatewayClient, serviceTokenProvider } from './gateway-client';
import type { BackgroundJob } from './periodic';
import { formatError } from './errors';
import { LoaderRegistry } from './loaders';
import { logger } from './logger';
import { requestScope, trackingRequests } from './request-scope';
import { buildFederatedSchema, type BuiltSchema, type SchemaDefinition } from './schema';

/** Everything that makes one subgraph: its schema parts, its tables and its migrations. */
export interface SubgraphDefinition extends SchemaDefinition {
  /** the subgraph's name in supergraph.yaml; also its PostgreSQL schema (dashes become underscores) */
  name: string;
  /** MikroORM entities */
  entities: EntityClass<unknown>[];
  /** migrations in the order they apply */
  migrations: MigrationObject[];
  /** jobs that run while the subgraph runs (expiry sweeps …); stopped with it */
  background?: (runtime: SubgraphRuntime) => BackgroundJob[];
  /**
   * Extra HTTP routes on the subgraph's own server (webhooks …), mounted before `/graphql`.
   * They are not behind the gateway's caller signature: each route authenticates its callers
   * itself, and parses its own bodies (a webhook's signature is over the raw body).
   */
  routes?: (runtime: SubgraphRuntime) => express.Router | express.Express;
  /**
   * Scopes the subgraph's SERVICE token carries on its calls through the gateway, beyond the
   * role (sync needs `customers:pii`: it moves customers' contact data between systems).
   */
  serviceScopes?: string[];
}

/** How to run a subgraph. {@link subgraphOptionsFromEnv} fills it from the environment. */
export interface SubgraphOptions {
  /** 0 picks a free port (tests) */
  port: number;
  host?: string;
  databaseUrl: string;
  /** the secret shared with the gateway (CALLER_SIGNING_SECRET) */
  callerSecret: string;
  poolMax?: number;
  /** where events go; an in-process bus of its own when not given */
  bus?: EventBus;
  /** calls to other subgraphs through the gateway */
  gateway?: GatewayClient;
  /** the subgraph's own settings, handed to its resolvers and jobs as `runtime.settings` */
  settings?: Record<string, unknown>;
  /** outbox relay tuning */
  relay?: RelayOptions;
}

/** A started subgraph. */
export interface RunningSubgraph {
  name: string;
  /** the GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql */
  url: string;
  sdl: string;
  database: Database;
  runtime: SubgraphRuntime;
  /** Stops accepting requests, finishes the ones in flight, closes the pool. */
  stop(): Promise<void>;
}

/** The development secret for caller signatures; production must set CALLER_SIGNING_SECRET. */
export const DEVELOPMENT_CALLER_SECRET = 'tradegraph-development-caller-signing-secret';

/**
 * Reads a subgraph's options: `PORT` (else `defaultPort`), DATABASE_URL, CALLER_SIGNING_SECRET,
 * REDIS_URL (else an in-process bus) and GATEWAY_URL with JWT_SECRET (for calls to other
 * subgraphs as the SERVICE identity).
 */
export function subgraphOptionsFromEnv(defaultPort: number, name = 'subgraph', serviceScopes: string[] = []): SubgraphOptions {
  const databaseUrl = envOptional('DATABASE_URL');
  if (!databaseUrl) {
    throw new ConfigError('DATABASE_URL is not set. Set it to a PostgreSQL URL, or run `npm start`, which starts an embedded PostgreSQL.');
  }
  return {
    port: envInt('PORT', defaultPort, 0, 65535),
    host: envOptional('HOST'),
    databaseUrl,
    callerSecret: envSecret('CALLER_SIGNING_SECRET', DEVELOPMENT_CALLER_SECRET),
    poolMax: envInt('DATABASE_POOL_MAX', 10, 1, 1000),
    bus: createEventBus(envOptional('REDIS_URL')),
    gateway: gatewayClientFromEnv(name, serviceScopes),
  };
}

/** The development JWT secret the gateway accepts by default (see gateway/src/config.ts). */
export const DEVELOPMENT_JWT_SECRET = 'tradegraph-development-jwt-secret-change-me';

/**
 * A client for calls through the gateway as `service:<name>`: GATEWAY_URL, and SERVICE_TOKEN
 * (a token from your identity provider) or else a token minted with JWT_SECRET.
 */
export function gatewayClientFromEnv(name: string, scopes: string[] = []): GatewayClient {
  const staticToken = envOptional('SERVICE_TOKEN');
  return new GatewayClient({
    url: envString('GATEWAY_URL', 'http://127.0.0.1:4000/graphql'),
    timeoutMs: envInt('GATEWAY_TIMEOUT_MS', 10_000, 100, 600_000),
    token: staticToken ? async () => staticToken : serviceTokenProvider({
      secret: envSecret('JWT_SECRET', DEVELOPMENT_JWT_SECRET),
      issuer: envString('JWT_ISSUER', 'tradegraph'),
      audience: envString('JWT_AUDIENCE', 'tradegraph-api'),
      subject: `service:${name}`,
      scopes,
    }),
  });
}

/** The PostgreSQL schema a subgraph keeps its tables in. */
export function schemaNameOf(definition: Pick<SubgraphDefinition, 'name'>): string {
  return definition.name.replace(/-/g, '_');
}

const schemaCache = new WeakMap<SubgraphDefinition, Promise<BuiltSchema>>();

/** Builds (once per definition) the subgraph's schema and SDL; needs no database. */
export function subgraphSchema(definition: SubgraphDefinition): Promise<BuiltSchema> {
  let built = schemaCache.get(definition);
  if (!built) {
    built = buildFederatedSchema(definition);
    schemaCache.set(definition, built);
  }
  return built;
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
  const emitsEvents = definition.entities.includes(OutboxEvent as EntityClass<unknown>);
  const relay = emitsEvents ? new OutboxRelay(database.orm, bus, schemaNameOf(definition), options.relay) : undefined;
  const runtime: SubgraphRuntime = { name: definition.name, database, bus, relay, gateway: options.gateway, settings: options.settings ?? {} };
  relay?.start();
  const jobs = definition.background?.(runtime) ?? [];
  for (const job of jobs) job.start();

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const server = new ApolloServer<SubgraphContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?" in validation errors: they would spell out the schema in production.
    hideSchemaDetailsFromClientErrors: isProduction(),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 3000 }),
      // Inline tracing is for Apollo Studio, which we do not report to.
      ApolloServerPluginInlineTraceDisabled(),
      // A mutation may have written outbox events: publish them now rather than at the next poll.
      { async requestDidStart() { return { async willSendResponse({ operation }) { if (operation?.operation === 'mutation') relay?.nudge(); } }; } },
    ],
  });
  await server.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ready = await database.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  const createContext = (caller: Caller, requestId: string): SubgraphContext => {
    const context: SubgraphContext = {
      caller,
      requestId,
      em: database.orm.em.fork(),
      loaders: new LoaderRegistry(() => context),
      log: log.child({ requestId }),
      runtime,
    };
    return context;
  };

  if (definition.routes) app.use(definition.routes(runtime));

  // Subscriptions: graphql-ws on the same URL. The gateway signs the caller into the
  // connection_init payload; a connection without a valid signature is closed with 4403.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCallers = new WeakMap<object, { caller: Caller; requestId: string }>();
  const wsCleanup = useServer<Record<string, unknown>, { caller?: Caller; requestId?: string }>(
    {
      schema,
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
        return createContext(known.caller, known.requestId) as never;
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

  let stopping: Promise<void> | undefined;
  return {
    name: definition.name,
    url,
    sdl,
    database,
    runtime,
    stop() {
      stopping ??= (async () => {
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

/**
 * The body of every subgraph's `src/index.ts`: start from the environment (plus the subgraph's
 * own settings, read by `settingsFromEnv`), stop cleanly on SIGINT/SIGTERM, and exit with a
 * readable message when configuration is wrong.
 */
export async function runSubgraphMain(definition: SubgraphDefinition, defaultPort: number, settingsFromEnv?: () => object): Promise<void> {
  try {
    const settings = settingsFromEnv?.() as Record<string, unknown> | undefined;
    const running = await startSubgraph(definition, { ...subgraphOptionsFromEnv(defaultPort, definition.name, definition.serviceScopes), settings });
    const shutdown = () => void running.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.fatal(error.message);
    } else {
      logger.fatal({ err: error }, `${definition.name} failed to start`);
    }
    process.exit(1);
  }
}
