import path from 'node:path';
import { DEVELOPMENT_CALLER_SECRET, DEVELOPMENT_JWT_SECRET, envBool, envInt, envOptional, envSecret, envString, isProduction, metricsPortFromEnv, shutdownGraceMsFromEnv } from '@tradegraph/kit';
import type { ExecutorChoice } from './plan-executor/gateway-executor';

function executorFromEnv(): ExecutorChoice {
  const value = envString('GATEWAY_EXECUTOR', 'tradegraph');
  if (value !== 'tradegraph' && value !== 'apollo') throw new Error(`GATEWAY_EXECUTOR must be tradegraph or apollo, not ${value}`);
  return value;
}

/** Everything the gateway reads from its environment, validated at start. */
export interface GatewayConfig {
  port: number;
  host: string;
  /** the supergraph file to serve; watched and reloaded when it changes */
  supergraphPath: string;
  jwtSecret?: string;
  jwksUrl?: string;
  jwtIssuer: string;
  jwtAudience: string;
  callerSecret: string;
  /** let requests without credentials through (rules downstream still apply) */
  allowAnonymous: boolean;
  maxDepth: number;
  maxCost: number;
  /** caps per operation: aliases, distinct root fields, directives; per document: lexical tokens */
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  maxTokens: number;
  /** past this, an operation is answered TIMEOUT (HTTP 504) */
  requestTimeoutMs: number;
  /** per-client budgets per minute (0: no limit); a partner's own limits win */
  rateLimitRequestsPerMinute: number;
  rateLimitCostPerMinute: number;
  /** prefix of the rate-limit keys in Redis */
  rateLimitKeyPrefix: string;
  introspection: boolean;
  /** GraphiQL on GET /graphql for browsers (EXPLORER_ENABLED; off in production by default) */
  explorer: boolean;
  /** routing URL overrides by subgraph name (SUBGRAPH_URL_<NAME>) */
  subgraphUrls: Record<string, string>;
  /** one attempt at a subgraph past this is UNAVAILABLE */
  subgraphTimeoutMs: number;
  /** consecutive failed requests to a subgraph that open its circuit breaker */
  subgraphBreakerFailures: number;
  /** how long an open breaker fails fast before it lets a probe request through */
  subgraphBreakerHalfOpenMs: number;
  /** retries of a query whose subgraph could not be reached (never of a mutation) */
  subgraphQueryRetries: number;
  /** events held per subscriber before its subscription ends with SUBSCRIBER_TOO_SLOW */
  subscriptionQueueSize: number;
  /** graphql-ws ping interval to clients (ms) */
  subscriptionKeepAliveMs: number;
  /** subscriptions one graphql-ws connection may hold open at once */
  subscriptionMaxPerSocket: number;
  /** the largest HTTP request body accepted (bytes); larger ones get 413 */
  maxBodyBytes: number;
  /** Redis for state that gateway replicas share (rate limits, the APQ store); in memory when absent */
  redisUrl?: string;
  /** the trusted-documents manifest codegen writes (sha256 → document) */
  trustedDocumentsPath: string;
  /** every partner may send only trusted documents, whatever its own setting */
  trustedDocumentsOnlyForPartners: boolean;
  /** how long an automatic persisted query stays registered (seconds) */
  apqTtlSeconds: number;
  /** on SIGTERM, how long requests in flight may finish before what is left is cut (ms) */
  shutdownGraceMs: number;
  /** METRICS_PORT: `/metrics` only on this port (bound to `host`), not on `port`; unset, on `port` */
  metricsPort?: number;
  /**
   * the hot path's caches and keep-alive subgraph client (PER_HOP_CACHES; on): off only to
   * measure what they save, side by side (`npm run bench:reads -- --compare`)
   */
  perHopCaches: boolean;
  /**
   * what runs query plans (GATEWAY_EXECUTOR): `tradegraph`, the gateway's own executor
   * (gateway/src/plan-executor), or `apollo`, @apollo/gateway's executeQueryPlan
   */
  executor: ExecutorChoice;
}

/** Reads the gateway's configuration; `overrides` win (the CLI's --supergraph and --port). */
export function gatewayConfigFromEnv(overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  const jwksUrl = envOptional('JWKS_URL');
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    const match = /^SUBGRAPH_URL_(\w+)$/.exec(key);
    if (match && value) subgraphUrls[match[1].toLowerCase().replace(/_/g, '-')] = value;
  }
  return {
    port: envInt('PORT', 4000, 0, 65535),
    host: envString('HOST', '127.0.0.1'),
    supergraphPath: path.resolve(envString('SUPERGRAPH_PATH', 'supergraph.graphql')),
    jwtSecret: jwksUrl ? envOptional('JWT_SECRET') : envSecret('JWT_SECRET', DEVELOPMENT_JWT_SECRET),
    jwksUrl,
    jwtIssuer: envString('JWT_ISSUER', 'tradegraph'),
    jwtAudience: envString('JWT_AUDIENCE', 'tradegraph-api'),
    callerSecret: envSecret('CALLER_SIGNING_SECRET', DEVELOPMENT_CALLER_SECRET),
    allowAnonymous: envBool('ALLOW_ANONYMOUS', !isProduction()),
    maxDepth: envInt('MAX_QUERY_DEPTH', 12, 1, 100),
    maxCost: envInt('MAX_QUERY_COST', 10000, 1, 10_000_000),
    maxAliases: envInt('MAX_ALIASES', 15, 0, 10_000),
    maxRootFields: envInt('MAX_ROOT_FIELDS', 15, 1, 10_000),
    maxDirectives: envInt('MAX_DIRECTIVES', 50, 0, 10_000),
    maxTokens: envInt('MAX_TOKENS', 2000, 10, 1_000_000),
    requestTimeoutMs: envInt('REQUEST_TIMEOUT_MS', 30_000, 10, 3_600_000),
    rateLimitRequestsPerMinute: envInt('RATE_LIMIT_REQUESTS_PER_MINUTE', 1200, 0, 100_000_000),
    rateLimitCostPerMinute: envInt('RATE_LIMIT_COST_PER_MINUTE', 300_000, 0, 1_000_000_000),
    rateLimitKeyPrefix: envString('RATE_LIMIT_KEY_PREFIX', 'tradegraph:rate'),
    explorer: envBool('EXPLORER_ENABLED', !isProduction()),
    // The explorer needs introspection: enabling it in production enables introspection too.
    introspection: envBool('INTROSPECTION', envBool('EXPLORER_ENABLED', !isProduction())),
    subgraphUrls,
    subgraphTimeoutMs: envInt('SUBGRAPH_TIMEOUT_MS', 10_000, 10, 3_600_000),
    subgraphBreakerFailures: envInt('SUBGRAPH_BREAKER_FAILURES', 5, 1, 10_000),
    subgraphBreakerHalfOpenMs: envInt('SUBGRAPH_BREAKER_HALF_OPEN_MS', 2000, 10, 3_600_000),
    subgraphQueryRetries: envInt('SUBGRAPH_QUERY_RETRIES', 1, 0, 10),
    subscriptionQueueSize: envInt('SUBSCRIPTION_QUEUE_SIZE', 1000, 1, 1_000_000),
    subscriptionKeepAliveMs: envInt('SUBSCRIPTION_KEEPALIVE_MS', 12_000, 1000, 600_000),
    subscriptionMaxPerSocket: envInt('SUBSCRIPTION_MAX_PER_SOCKET', 100, 1, 100_000),
    maxBodyBytes: envInt('MAX_REQUEST_BODY_BYTES', 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    redisUrl: envOptional('REDIS_URL'),
    trustedDocumentsPath: path.resolve(envString('TRUSTED_DOCUMENTS_PATH', 'operations/__generated__/persisted-documents.json')),
    trustedDocumentsOnlyForPartners: envBool('TRUSTED_DOCUMENTS_ONLY_FOR_PARTNERS', false),
    apqTtlSeconds: envInt('APQ_TTL_SECONDS', 86_400, 1, 365 * 86_400),
    shutdownGraceMs: shutdownGraceMsFromEnv(),
    metricsPort: metricsPortFromEnv(),
    perHopCaches: envBool('PER_HOP_CACHES', true),
    executor: executorFromEnv(),
    ...overrides,
  };
}
