import path from 'node:path';
import { DEVELOPMENT_CALLER_SECRET, DEVELOPMENT_JWT_SECRET, envBool, envInt, envOptional, envSecret, envString, isProduction } from '@tradegraph/kit';


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
  introspection: boolean;
  /** routing URL overrides by subgraph name (SUBGRAPH_URL_<NAME>) */
  subgraphUrls: Record<string, string>;
  /** events held per subscriber before the oldest are dropped */
  subscriptionQueueSize: number;
  /** graphql-ws ping interval to clients (ms) */
  subscriptionKeepAliveMs: number;
  /** subscriptions one graphql-ws connection may hold open at once */
  subscriptionMaxPerSocket: number;
  /** the largest HTTP request body accepted (bytes); larger ones get 413 */
  maxBodyBytes: number;
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
    introspection: envBool('INTROSPECTION', !isProduction()),
    subgraphUrls,
    subscriptionQueueSize: envInt('SUBSCRIPTION_QUEUE_SIZE', 1000, 1, 1_000_000),
    subscriptionKeepAliveMs: envInt('SUBSCRIPTION_KEEPALIVE_MS', 12_000, 1000, 600_000),
    subscriptionMaxPerSocket: envInt('SUBSCRIPTION_MAX_PER_SOCKET', 100, 1, 100_000),
    maxBodyBytes: envInt('MAX_REQUEST_BODY_BYTES', 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    ...overrides,
  };
}
