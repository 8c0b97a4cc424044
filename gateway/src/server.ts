import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { answerGraphQLPost, CALLER_HEADER, headerOf, CallerSigner, exposeMetrics, inServerSpan, injectTraceContext, isGraphQLPost, logger, operationTypeOf, readGraphQLBody, refuseWhileStopping, REQUEST_ID_HEADER, sendError, serverSpans, serveSafely, serviceMetrics, tracingPlugins, keepAliveFetch, type Caller } from '@tradegraph/kit';
import { ApiKeyGrants } from './api-keys';
import { AuthenticationError, Authenticator } from './auth';
import { ClientAuthenticator, credentialsFromHeaders, type ClientSession } from './client-auth';
import type { ClientIdentity } from './client-identity';
import type { GatewayConfig } from './config';
import { PartnerContract } from './contract';
import { formatClientError, httpErrorHandler, operationChoicePlugin } from './errors';
import { httpCompliance, httpCompliancePlugins, setAnswerDefaults } from './http-compliance';
import { capParseOptions, capRules, capsOf, queryLimitsPlugin } from './limits';
import { RateLimits, rateLimitHeadersPlugin, type Budget } from './rate-limits';
import { withRequestTimeout } from './request-timeout';
import { serveRealtime } from './realtime';
import { persistedQueryStore } from './apq-cache';
import { documentIdInBody, documentIdRequests, TrustedDocuments, trustedDocumentsPlugin } from './trusted-documents';
import { FederatedSubscriptions } from './subscriptions';
import { UpstreamPool } from './upstream';
import { supergraphFromFile } from './supergraph-file';
import { OPERATION_TYPE_HEADER, SubgraphResilience } from './subgraph-resilience';
import { tracedFetch } from './tracing';
import { isUnavailable, unavailableResponse, type SubgraphResponse } from './subgraph-unavailable';
import { variableCoercionPlugin } from './variables';
import { mountDashboard } from './dashboard';
import { mountPage } from './web/pages';
import { countQueryPlanLookups, fetchObserver, GatewayRequestMetrics, operationNamesOf, subgraphGauges, SubscriptionMetrics, type FetchObserver } from './metrics';

/** What each client request carries through the gateway to the subgraphs. */
export interface GatewayContext {
  caller: Caller;
  /** who is calling, as the edge decides limits and documents: `user:<sub>`, `partner:<id>` or `anonymous:<ip>` */
  client: ClientIdentity;
  requestId: string;
  /** the signed caller context, made once per request and sent to every subgraph */
  signedCaller: string;
  /** where the client stands in its rate-limit budgets (RateLimit-* headers) */
  budgets: Budget[];
}

/** A running gateway. */
export interface RunningGateway {
  /** http://host:port/graphql (ws://host:port/graphql for subscriptions) */
  url: string;
  subscriptions: FederatedSubscriptions;
  /**
   * Stops gracefully: `/ready` 503 at once, no new connections, subscriptions closed (WebSocket
   * 1012, SSE a last SHUTTING_DOWN result), requests in flight finish within `shutdownGraceMs`.
   */
  stop(): Promise<void>;
}

/** Where the gateway gets its supergraph: a file it watches, or a fixed SDL (tests, embedding). */
export type SupergraphInput = { path: string } | { sdl: string };

/** A request to a subgraph: signed caller context and the request id ride along as headers. */
class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly serviceName: string, config: Partial<RemoteGraphQLDataSource<GatewayContext>>, private readonly fetches?: FetchObserver) {
    super(config);
  }

  /** A subgraph that cannot answer nulls the fields it owns, each with an UNAVAILABLE error at its path. */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    return tracedFetch(this.serviceName, options, async () => {
      try {
        const response = await super.process(options);
        if (response.errors?.length) this.fetches?.failed(this.serviceName, 'graphql_error');
        return response;
      } catch (error) {
        if (isUnavailable(error)) return unavailableResponse(this.serviceName, error, options);
        throw error;
      }
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(OPERATION_TYPE_HEADER, operationTypeOf(request.query, request.operationName) ?? '');
    if (!('signedCaller' in context)) return; // the gateway's own health checks carry no caller
    request.http?.headers.set(CALLER_HEADER, context.signedCaller);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    injectTraceContext((name, value) => request.http?.headers.set(name, value));
  }
}

/**
 * fetch to one subgraph: one that cannot be reached is UNAVAILABLE (retryable, a code a
 * subgraph calling through the gateway can act on), not an unexpected error whose message
 * would be masked as INTERNAL.
 */
function subgraphFetch(name: string, send: typeof fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await send(input, init);
    } catch (error) {
      logger.warn({ err: error, subgraph: name }, 'subgraph unreachable');
      throw new GraphQLError(`The ${name} service is unavailable`, { extensions: { code: 'UNAVAILABLE', retryable: true } });
    }
  };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Starts the gateway: Apollo's query planner over the supergraph, client authentication
 * (JWT), query limits, the signed caller context to every subgraph, `/health` and `/ready`.
 */
export async function startGateway(config: GatewayConfig, supergraph: SupergraphInput = { path: config.supergraphPath }): Promise<RunningGateway> {
  const authenticator = new Authenticator({ jwtSecret: config.jwtSecret, jwksUrl: config.jwksUrl, issuer: config.jwtIssuer, audience: config.jwtAudience, cacheVerified: config.perHopCaches });
  const signer = new CallerSigner(config.callerSecret);
  const dataSources = new Map<string, SignedDataSource>();
  // Partner API keys are checked with the partners subgraph, through the gateway's own data source.
  const apiKeys = new ApiKeyGrants(signer, () => dataSources.get('partners'));
  const clients = new ClientAuthenticator(authenticator, apiKeys);
  // Keep-alive node:http to the subgraphs; undici's fetch (with web streams) is the fallback only to measure the difference.
  const subgraphHttp = config.perHopCaches ? keepAliveFetch() : undefined;
  // This server's own registry (`GET /metrics`): several servers may share the process (`npm start`).
  const metrics = serviceMetrics('gateway', { processMetrics: 'take' });
  const fetches = metrics && fetchObserver(metrics);
  const resilience = new SubgraphResilience({ timeoutMs: config.subgraphTimeoutMs, breakerFailures: config.subgraphBreakerFailures, halfOpenAfterMs: config.subgraphBreakerHalfOpenMs, queryRetries: config.subgraphQueryRetries, observer: fetches });

  // @apollo/gateway otherwise reports usage to Apollo's own endpoint; an operator opts in.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: 'path' in supergraph ? supergraphFromFile(supergraph.path) : async () => ({ supergraphSdl: supergraph.sdl }),
    buildService: ({ name, url }) => {
      const source = new SignedDataSource(name, { url: config.subgraphUrls[name] ?? url, fetcher: resilience.fetcher(name, config.subgraphUrls[name] ?? url, subgraphFetch(name, subgraphHttp?.fetch ?? fetch)) }, fetches);
      dataSources.set(name, source);
      return source;
    },
    logger: logger.child({ component: 'apollo-gateway' }),
  });
  const contract = new PartnerContract(gateway);

  const app = express();
  app.disable('x-powered-by');
  // Its request handler is attached once everything it routes to exists (below).
  const httpServer = http.createServer();
  let stopping: Promise<void> | undefined;
  let ready = false;
  app.use(refuseWhileStopping(() => stopping !== undefined));
  const trustedDocuments = TrustedDocuments.fromFile(config.trustedDocumentsPath, { requiredForAllPartners: config.trustedDocumentsOnlyForPartners });
  const persistedQueries = persistedQueryStore(trustedDocuments, config.redisUrl);
  const requestMetrics = metrics && new GatewayRequestMetrics(metrics, operationNamesOf(trustedDocuments.texts()));
  const rateLimits = new RateLimits({ requestsPerMinute: config.rateLimitRequestsPerMinute, costPerMinute: config.rateLimitCostPerMinute, redisUrl: config.redisUrl, keyPrefix: config.rateLimitKeyPrefix, onRefused: requestMetrics?.rateLimited });
  await rateLimits.start();
  const server = new ApolloServer<GatewayContext>({
    // The process that runs this server stops it in order on SIGINT/SIGTERM; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    gateway: withRequestTimeout(gateway, config.requestTimeoutMs, config.executor),
    parseOptions: capParseOptions(config),
    validationRules: capRules(config),
    formatError: formatClientError,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    persistedQueries: { cache: persistedQueries.cache, ttl: config.apqTtlSeconds },
    // httpCompliance() refuses every POST that is not application/json and GET runs queries only;
    // Apollo's own check would also refuse plain GET queries (docs/architecture.md, "GraphQL over HTTP and CSRF").
    csrfPrevention: false,
    plugins: [
      // On stop: no new connections, requests in flight finish within the grace period, then the rest is cut.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      // Apollo's landing page loads its scripts from Apollo's CDN; browsers get our own explorer instead.
      ApolloServerPluginLandingPageDisabled(),
      operationChoicePlugin(),
      contract.plugin(),
      variableCoercionPlugin(),
      queryLimitsPlugin<GatewayContext>({ maxDepth: config.maxDepth, maxCost: config.maxCost }, (cost, context) => rateLimits.chargeCost(context, cost)),
      rateLimitHeadersPlugin<GatewayContext>(rateLimits),
      trustedDocumentsPlugin<GatewayContext>(trustedDocuments),
      ...httpCompliancePlugins(),
      ...tracingPlugins<GatewayContext>({ traceIdExtension: true }),
      ...(requestMetrics ? [requestMetrics.plugin<GatewayContext>()] : []),
    ],
  });
  await server.start();
  ready = true;

  // Subscriptions: graphql-ws on /graphql and SSE on /graphql/stream (registered before the
  // POST handler, which would otherwise take /graphql/stream too).
  const upstream = new UpstreamPool(signer);
  if (metrics) {
    subgraphGauges(metrics, resilience, upstream);
    countQueryPlanLookups(metrics, gateway);
  }
  const subscriptions = new FederatedSubscriptions(gateway, upstream, signer, { ...capsOf(config), queueSize: config.subscriptionQueueSize, maxDepth: config.maxDepth, maxCost: config.maxCost, contract, executor: config.executor });
  const realtime = serveRealtime({
    server: httpServer,
    app,
    path: '/graphql',
    schema: () => (gateway as unknown as { schema?: GraphQLSchema }).schema,
    subscriptions,
    authenticator: clients,
    allowAnonymous: config.allowAnonymous,
    keepAliveMs: config.subscriptionKeepAliveMs,
    maxPerSocket: config.subscriptionMaxPerSocket,
    maxBodyBytes: config.maxBodyBytes,
    trustedDocuments,
    rateLimits,
    parseOptions: capParseOptions(config),
    metrics: metrics && requestMetrics && new SubscriptionMetrics(metrics, requestMetrics),
  });

  const metricsEndpoint = metrics && (await exposeMetrics(metrics, app, { port: config.metricsPort, host: config.host }));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // 200 while the gateway serves, even degraded: a subgraph down means partial answers, not none,
  // so a load balancer should keep the replica; `subgraphs` says which answer.
  app.get('/ready', async (_req, res) => {
    if (!ready) return void res.status(503).json({ status: 'not ready' });
    res.json(await resilience.ready());
  });
  // GraphiQL for browser navigations (Accept prefers text/html); GraphQL GETs go on to Apollo.
  if (config.explorer) mountPage(app, '/graphql', { page: 'explorer', title: 'Tradegraph explorer' });
  // The live operations dashboard (and, in development only, its one-click sign-in).
  mountDashboard(app, config);
  const requestIdFor = (req: http.IncomingMessage, res: http.ServerResponse): string => {
    const requestId = headerOf(req, REQUEST_ID_HEADER) || randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    return requestId;
  };
  const contextFor = async (req: http.IncomingMessage, res: http.ServerResponse, requestId: string): Promise<GatewayContext> => {
    let session: ClientSession;
    try {
      session = await clients.session(credentialsFromHeaders((name) => headerOf(req, name), req.socket.remoteAddress));
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(`Invalid credentials: ${error.message}`);
      throw error;
    }
    const { caller, client } = session;
    if (caller.subject === null && !config.allowAnonymous) throw unauthenticated('Authentication is required: send "Authorization: Bearer <token>" or an API key ("Authorization: ApiKey <key>")');
    const context: GatewayContext = { caller, client, requestId, signedCaller: await signer.sign(caller, requestId), budgets: [] };
    requestMetrics?.identify(res, context);
    await rateLimits.admitRequest(context); // RATE_LIMITED (HTTP 429) once the client's budget is spent
    return context;
  };
  // A JSON POST to /graphql, nearly every request, takes the steps below on node:http itself
  // (kit's graphql-http.ts says what that saves); this chain serves the rest: GET, other content
  // types (refused) and compressed or non-UTF-8 bodies.
  app.use(
    '/graphql',
    ...(requestMetrics ? [requestMetrics.refusals()] : []),
    express.json({ limit: config.maxBodyBytes }),
    ...serverSpans('gateway'),
    (req, res, next) => {
      res.locals.requestId = requestIdFor(req, res);
      next();
    },
    httpCompliance(),
    documentIdRequests(),
    expressMiddleware(server, { context: ({ req, res }) => contextFor(req, res, res.locals.requestId as string) }),
  );
  const serveGraphQLPost = (req: http.IncomingMessage, res: http.ServerResponse) =>
    serveSafely(res, logger, async () => {
      let body: unknown;
      requestMetrics?.watch(res, () => body);
      await inServerSpan('gateway', req, res, async () => {
        body = await readGraphQLBody(req, res, config.maxBodyBytes);
        if (body === undefined) return;
        const requestId = requestIdFor(req, res);
        setAnswerDefaults(res);
        const refusal = documentIdInBody(body);
        if (refusal) return sendError(res, 400, refusal.extensions.code as string, refusal.message);
        await answerGraphQLPost(server, req, res, body, () => contextFor(req, res, requestId));
      });
    });
  // Last: what the body parsers refused, here or at /graphql/stream, answered as GraphQL errors.
  app.use(httpErrorHandler(config.maxBodyBytes));
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!stopping && isGraphQLPost(req, '/graphql')) serveGraphQLPost(req, res);
    else app(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/graphql`;
  logger.info({ url }, 'gateway ready');
  return {
    url,
    subscriptions,
    stop() {
      ready = false;
      stopping ??= (async () => {
        await metricsEndpoint?.close();
        await realtime.close();
        await upstream.close();
        await server.stop();
        await apiKeys.close();
        await persistedQueries.close();
        await rateLimits.close();
        subgraphHttp?.close();
        metrics?.close();
      })();
      return stopping;
    },
  };
}
