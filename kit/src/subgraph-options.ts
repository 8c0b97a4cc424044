import { DEVELOPMENT_CALLER_SECRET } from './development-secrets';
import { ConfigError, envInt, envOptional, envSecret } from './env';
import { createEventBus, type EventBus } from './events/bus';
import type { RelayOptions } from './events/relay';
import type { GatewayClient } from './gateway-client';
import { shutdownGraceMsFromEnv } from './graceful-stop';
import { gatewayClientFromEnv } from './gateway-client-from-env';
import { metricsPortFromEnv } from './metrics/endpoint';

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
  /** how long stop() lets requests in flight finish before it cuts them (SHUTDOWN_GRACE_MS; default 10 s) */
  shutdownGraceMs?: number;
  /** METRICS_PORT: `/metrics` only on this port (bound to `host`), not on `port`; unset, on `port` */
  metricsPort?: number;
}

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
    shutdownGraceMs: shutdownGraceMsFromEnv(),
    metricsPort: metricsPortFromEnv(),
  };
}
