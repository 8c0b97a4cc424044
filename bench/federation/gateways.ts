/**
 * The same supergraph served two ways: (A) stock @apollo/gateway on @apollo/server's standalone
 * server with default settings, (B) the Tradegraph gateway exactly as `startGateway` builds it
 * (JWT check, limits, rate limits, variable coercion, the signed caller context sent to every
 * subgraph). The demo subgraphs ignore the caller headers B adds, so B needs nothing from them.
 */
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { issueToken, Role } from '@tradegraph/kit';
import { composeSupergraph } from '../../gateway/src/composition';
import { gatewayConfigFromEnv } from '../../gateway/src/config';
import { startGateway } from '../../gateway/src/server';
import type { ServedSubgraph } from './subgraphs';

/** Secrets of this benchmark only (at least 32 characters, so production mode accepts them). */
const JWT_SECRET = 'federation-bench-jwt-secret-0123456789';
const CALLER_SECRET = 'federation-bench-caller-secret-0123456789';
const ISSUER = 'tradegraph';

/** The environment a gateway process of this benchmark runs with (production mode refuses to start without its own secrets). */
export const BENCH_SECRETS = { JWT_SECRET, CALLER_SIGNING_SECRET: CALLER_SECRET };
const AUDIENCE = 'tradegraph-api';

export type Side = 'stock' | 'ours';

/** A gateway being served: where, with which bearer token, and how to stop it. */
export interface ServedGateway {
  side: Side;
  url: string;
  /** what a client sends as `Authorization: Bearer …` (stock ignores it) */
  token: string;
  stop(): Promise<void>;
}

/** The supergraph of the demo subgraphs, composed in memory. */
export function demoSupergraph(subgraphs: ServedSubgraph[]): string {
  return composeSupergraph(subgraphs).supergraphSdl;
}

/** (A) Stock @apollo/gateway + @apollo/server, default settings. */
export async function serveStock(supergraphSdl: string): Promise<ServedGateway> {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { side: 'stock', url, token: 'unused', stop: () => server.stop() };
}

/**
 * (B) The Tradegraph gateway over the same supergraph, authenticated as an ADMIN with a token
 * from kit's issueToken. Rate limits stay on (in memory, as without REDIS_URL) but high enough
 * never to refuse a benchmark's single client; every other setting is the environment's default.
 */
export async function serveOurs(supergraphSdl: string): Promise<ServedGateway> {
  const config = gatewayConfigFromEnv({
    port: 0,
    host: '127.0.0.1',
    jwtSecret: JWT_SECRET,
    jwksUrl: undefined,
    jwtIssuer: ISSUER,
    jwtAudience: AUDIENCE,
    callerSecret: CALLER_SECRET,
    allowAnonymous: false,
    subgraphUrls: {},
    redisUrl: undefined,
    rateLimitRequestsPerMinute: 100_000_000,
    rateLimitCostPerMinute: 1_000_000_000,
  });
  const gateway = await startGateway(config, { sdl: supergraphSdl });
  const token = await issueToken(JWT_SECRET, { subject: 'federation-bench', roles: [Role.ADMIN], issuer: ISSUER, audience: AUDIENCE, expiresIn: '24h' });
  return { side: 'ours', url: gateway.url, token, stop: () => gateway.stop() };
}

/** Serves one side. */
export function serveSide(side: Side, supergraphSdl: string): Promise<ServedGateway> {
  return side === 'stock' ? serveStock(supergraphSdl) : serveOurs(supergraphSdl);
}

/** One POST of a GraphQL request; the raw body text, as the client receives it. */
export async function post(gateway: Pick<ServedGateway, 'url' | 'token'>, query: string, variables?: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${gateway.token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}
