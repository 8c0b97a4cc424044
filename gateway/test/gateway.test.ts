/**
 * The gateway is a gateway first: it serves any supergraph file, picks up a new version
 * without a restart, and applies its own authentication policy, whoever the subgraphs are.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { SignJWT } from 'jose';
import { postGraphQL } from '../../test/support/client';
import { issueToken } from '../src/auth';
import { composeSupergraph, CompositionError } from '../src/composition';
import { gatewayConfigFromEnv, type GatewayConfig } from '../src/config';
import { startGateway, type RunningGateway } from '../src/server';

const SECRET = 'gateway-test-jwt-secret-0123456789abcdef';

/** A subgraph that is not ours: plain @apollo/subgraph, no caller signature check. */
async function foreignSubgraph(typeDefs: string, resolvers: Record<string, unknown>) {
  const server = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs: parse(typeDefs), resolvers: resolvers as never }]) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, sdl: typeDefs, stop: () => server.stop() };
}

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

let dir: string;
const running: { stop(): Promise<void> }[] = [];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-gateway-'));
});
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function config(overrides: Partial<GatewayConfig>): GatewayConfig {
  return gatewayConfigFromEnv({ port: 0, host: '127.0.0.1', jwtSecret: SECRET, jwksUrl: undefined, subgraphUrls: {}, ...overrides });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('any supergraph, reloaded without restart', () => {
  let gateway: RunningGateway;
  let file: string;
  let weatherUrl: string;

  beforeAll(async () => {
    const weather = await foreignSubgraph(`${LINK}\ntype Query { forecast(city: String!): Forecast }\ntype Forecast @key(fields: "city") { city: String! celsius: Int! }`, {
      Query: { forecast: (_: unknown, { city }: { city: string }) => ({ city, celsius: 21 }) },
    });
    running.push(weather);
    weatherUrl = weather.url;
    file = path.join(dir, 'supergraph.graphql');
    fs.writeFileSync(file, composeSupergraph([{ name: 'weather', url: weather.url, sdl: weather.sdl }]).supergraphSdl);
    gateway = await startGateway(config({ supergraphPath: file, allowAnonymous: true }));
    running.push(gateway);
  });

  test('an anonymous caller reaches a subgraph that is not ours in development', async () => {
    const result = await postGraphQL(gateway.url, '{ forecast(city: "Oslo") { city celsius } }');
    expect(result.data).toEqual({ forecast: { city: 'Oslo', celsius: 21 } });
  });

  test('a new supergraph file is served without a restart; a broken one is ignored', async () => {
    const alerts = await foreignSubgraph(`${LINK}\ntype Query { alerts: [String!]! }\ntype Forecast @key(fields: "city") { city: String! storm: Boolean! }`, {
      Query: { alerts: () => ['gale warning'] },
      Forecast: { __resolveReference: (ref: { city: string }) => ({ city: ref.city, storm: ref.city === 'Bergen' }) },
    });
    running.push(alerts);
    const next = composeSupergraph([
      { name: 'weather', url: weatherUrl, sdl: `${LINK}\ntype Query { forecast(city: String!): Forecast }\ntype Forecast @key(fields: "city") { city: String! celsius: Int! }` },
      { name: 'alerts', url: alerts.url, sdl: alerts.sdl },
    ]);
    fs.writeFileSync(file, next.supergraphSdl);
    const answered = await waitFor(async () => {
      const result = await postGraphQL<{ alerts: string[]; forecast: { storm: boolean } }>(gateway.url, '{ alerts forecast(city: "Bergen") { celsius storm } }');
      return result.data ? result.data : undefined;
    });
    expect(answered).toEqual({ alerts: ['gale warning'], forecast: { celsius: 21, storm: true } });

    fs.writeFileSync(file, 'this is not a supergraph');
    await new Promise((r) => setTimeout(r, 1500));
    const still = await postGraphQL(gateway.url, '{ alerts }');
    expect(still.data).toEqual({ alerts: ['gale warning'] });
  });
});

describe('authentication policy', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    const echo = await foreignSubgraph(`${LINK}\ntype Query { ping: String! }`, { Query: { ping: () => 'pong' } });
    running.push(echo);
    gateway = await startGateway(config({ allowAnonymous: false }), { sdl: composeSupergraph([{ name: 'echo', url: echo.url, sdl: echo.sdl }]).supergraphSdl });
    running.push(gateway);
  });

  const token = (claims: { audience?: string; expiresIn?: string | number; roles?: string[] } = {}) =>
    new SignJWT({ roles: claims.roles ?? ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer('tradegraph')
      .setAudience(claims.audience ?? 'tradegraph-api')
      .setExpirationTime(claims.expiresIn ?? '5m')
      .sign(new TextEncoder().encode(SECRET));

  test('without credentials the gateway answers 401 when anonymous callers are not allowed', async () => {
    const result = await postGraphQL(gateway.url, '{ ping }');
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ message: 'Authentication is required: send "Authorization: Bearer <token>" or an API key ("Authorization: ApiKey <key>")', extensions: { code: 'UNAUTHENTICATED' } });
  });

  test('a valid token passes; expired, foreign-audience and role-less tokens say why they fail', async () => {
    expect((await postGraphQL(gateway.url, '{ ping }', undefined, { token: await token() })).data).toEqual({ ping: 'pong' });
    expect((await postGraphQL(gateway.url, '{ ping }', undefined, { token: await issueToken(SECRET, { subject: 's', roles: ['SERVICE'], issuer: 'tradegraph', audience: 'tradegraph-api' }) })).data).toEqual({ ping: 'pong' });
    const expired = await postGraphQL(gateway.url, '{ ping }', undefined, { token: await token({ expiresIn: Math.floor(Date.now() / 1000) - 60 }) });
    expect(expired.errors?.[0].message).toBe('Invalid credentials: the token has expired');
    const foreign = await postGraphQL(gateway.url, '{ ping }', undefined, { token: await token({ audience: 'someone-else' }) });
    expect(foreign.errors?.[0].message).toBe('Invalid credentials: the token\'s aud claim is not accepted');
    const roleless = await postGraphQL(gateway.url, '{ ping }', undefined, { token: await token({ roles: ['ROOT'] }) });
    expect(roleless.errors?.[0].message).toMatch(/^Invalid credentials: the token names no known role/);
    const malformed = await postGraphQL(gateway.url, '{ ping }', undefined, { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
    expect(malformed.errors?.[0].message).toBe('Invalid credentials: the Authorization header must be "Bearer <token>"');
  });

  test('health and readiness answer without credentials', async () => {
    const health = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
  });
});

describe('composition', () => {
  test('subgraphs that do not compose fail with every error listed', () => {
    const a = { name: 'a', url: 'http://a', sdl: `${LINK}\ntype Query { thing: Thing }\ntype Thing { id: ID! }` };
    const b = { name: 'b', url: 'http://b', sdl: `${LINK}\ntype Query { other: Thing }\ntype Thing { id: ID! }` };
    expect(() => composeSupergraph([a, b])).toThrow(CompositionError);
    try {
      composeSupergraph([a, b]);
    } catch (error) {
      expect((error as Error).message).toMatch(/composition failed with \d+ error\(s\):\n {2}- \[INVALID_FIELD_SHARING\]/);
    }
    expect(() => composeSupergraph([{ name: 'c', url: 'http://c', sdl: 'type Query {' }])).toThrow(/subgraph "c"/);
  });
});
