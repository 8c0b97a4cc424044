/**
 * Rate limits and the limits that follow real work, through the gateway: per-client request and
 * cost budgets (shared by gateways on one Redis), 429 with RateLimit-* headers, alias, root-field
 * and token caps, database-weighted cost, and the per-request timeout.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { GatewayConfig } from '../gateway/src/config';
import { RateLimits } from '../gateway/src/rate-limits';
import type { RunningGateway } from '../gateway/src/server';
import { CreateApiKeyDocument, CreatePartnerDocument, PartnerCatalogDocument } from '../operations/__generated__/graphql';
import { execute, executeOk, postGraphQL, type GraphQLResponse } from './support/client';
import { startExtraGateway, startStack, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';
import { describeWithRedis } from './support/test-redis';

const REDIS_URL = process.env.TEST_REDIS_URL;
/** A fresh prefix per run: budgets of earlier runs (and of other test files) never count here. */
const PREFIX = `tradegraph-test:rate:${randomUUID()}`;
const LIMITS: Partial<GatewayConfig> = {
  redisUrl: REDIS_URL,
  rateLimitKeyPrefix: PREFIX,
  rateLimitRequestsPerMinute: 5,
  rateLimitCostPerMinute: 1000,
  maxCost: 3000,
};

/** cost 4: one page of one product id */
const CHEAP = '{ products(first: 1) { edges { node { id } } } }';
/** a count over a text search: what the database pays for, whatever the page size */
const searchCount = (alias: string, text: string) => `${alias}: products(first: 1, filter: { text: "${text}" }) { totalCount }`;
const aliases = (n: number, field: (i: number) => string) => Array.from({ length: n }, (_, i) => field(i)).join(' ');

let stack: TestStack;
const gateways: RunningGateway[] = [];
const sockets: { dispose(): void | Promise<void> }[] = [];
let hanging: http.Server | undefined;

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'inventory', 'partners'], gateway: LIMITS });
});
afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
  for (const gateway of gateways) await gateway.stop();
  hanging?.closeAllConnections();
  hanging?.close();
  await stack?.stop();
  if (!REDIS_URL) return;
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

/** Another gateway in front of the same subgraphs (a second replica, or one set up differently). */
async function extraGateway(overrides: Partial<GatewayConfig> = {}): Promise<RunningGateway> {
  const gateway = await startExtraGateway(stack, { ...LIMITS, ...overrides });
  gateways.push(gateway);
  return gateway;
}

const user = (subject: string) => stack.token('ADMIN', [], subject);
const partner = (name: string) => stack.token('PARTNER', [], `partner:${name}`);

function expectRateLimitHeaders(response: GraphQLResponse<unknown>, limit: number, remaining: number): void {
  expect(response.headers.get('ratelimit-limit')).toBe(String(limit));
  expect(response.headers.get('ratelimit-remaining')).toBe(String(remaining));
  const reset = Number(response.headers.get('ratelimit-reset'));
  expect(reset).toBeGreaterThanOrEqual(1);
  expect(reset).toBeLessThanOrEqual(60);
}

describeWithRedis('rate limits', () => {
  test('every response carries RateLimit-Limit, -Remaining and -Reset, a refused document too', async () => {
    const token = await user('rl-headers');
    const first = await postGraphQL(stack.gatewayUrl, CHEAP, undefined, { token });
    expect(first.status).toBe(200);
    expect(first.errors).toBeUndefined();
    expectRateLimitHeaders(first, 5, 4);
    const broken = await postGraphQL(stack.gatewayUrl, '{ products(', undefined, { token });
    expect(broken.status).toBe(400);
    expectRateLimitHeaders(broken, 5, 3);
  });

  test('over the request budget: HTTP 429 RATE_LIMITED with retryAfter, Retry-After and RateLimit-*', async () => {
    const token = await user('rl-burst');
    for (let i = 0; i < 5; i++) expect((await postGraphQL(stack.gatewayUrl, CHEAP, undefined, { token })).status).toBe(200);
    const refused = await postGraphQL(stack.gatewayUrl, CHEAP, undefined, { token });
    expect(refused.status).toBe(429);
    expect(refused.data).toBeUndefined();
    const error = refused.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'requests', maximum: 5 });
    const retryAfter = error?.extensions?.retryAfter as number;
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('retry-after')).toBe(String(retryAfter));
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expectRateLimitHeaders(refused, 5, 0);
    // another client's budget is its own
    expect((await postGraphQL(stack.gatewayUrl, CHEAP, undefined, { token: await user('rl-bystander') })).status).toBe(200);
  });

  test('two gateways on one Redis share a client budget', async () => {
    const second = await extraGateway();
    const token = await user('rl-shared');
    for (let i = 0; i < 3; i++) expect((await postGraphQL(stack.gatewayUrl, CHEAP, undefined, { token })).status).toBe(200);
    const fourth = await postGraphQL(second.url, CHEAP, undefined, { token });
    expect(fourth.status).toBe(200);
    expectRateLimitHeaders(fourth, 5, 1);
    expect((await postGraphQL(second.url, CHEAP, undefined, { token })).status).toBe(200);
    expect((await postGraphQL(second.url, CHEAP, undefined, { token })).status).toBe(429);
    expect((await postGraphQL(stack.gatewayUrl, CHEAP, undefined, { token })).status).toBe(429);
  });

  test('the cost budget: an expensive query uses it up faster than a cheap one', async () => {
    const expensive = `{ ${searchCount('a', 'x')} ${searchCount('b', 'y')} }`;
    const rich = await user('rl-cost-expensive');
    const first = await postGraphQL(stack.gatewayUrl, expensive, undefined, { token: rich });
    expect(first.status).toBe(200);
    // the cost budget is now the nearer one, so the headers speak of it
    expect(first.headers.get('ratelimit-limit')).toBe('1000');
    expect(Number(first.headers.get('ratelimit-remaining'))).toBeLessThan(500);
    const second = await postGraphQL(stack.gatewayUrl, expensive, undefined, { token: rich });
    expect(second.status).toBe(429);
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'cost', maximum: 1000 });
    expect(second.headers.get('ratelimit-remaining')).toBe('0');

    const frugal = await user('rl-cost-cheap');
    for (let i = 0; i < 5; i++) expect((await postGraphQL(stack.gatewayUrl, CHEAP, undefined, { token: frugal })).status).toBe(200);
  });

  test("a partner's own budget, set on the partner, wins over the default for its API keys", async () => {
    const admin = await user('rl-partner-admin');
    const { createPartner } = await executeOk(stack.gatewayUrl, CreatePartnerDocument, { input: { name: 'Small Reseller', requestsPerMinute: 2 } }, { token: admin });
    const { createApiKey } = await executeOk(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId: createPartner.id, scopes: ['catalog:read'] } }, { token: admin });
    const byKey = { headers: { authorization: `ApiKey ${createApiKey.secret}` } };
    const first = await execute(stack.gatewayUrl, PartnerCatalogDocument, { first: 1 }, byKey);
    expect(first.status).toBe(200);
    expectRateLimitHeaders(first, 2, 1);
    expect((await execute(stack.gatewayUrl, PartnerCatalogDocument, { first: 1 }, byKey)).status).toBe(200);
    const refused = await execute(stack.gatewayUrl, PartnerCatalogDocument, { first: 1 }, byKey);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'requests', maximum: 2 });
  });

  test('the budgets by themselves: a partner override, the default, and SERVICE callers exempt', async () => {
    const limits = new RateLimits({ requestsPerMinute: 5, costPerMinute: 1000, keyPrefix: `${PREFIX}:unit` });
    const client = { kind: 'partner' as const, id: 'partner:small', partner: { partnerId: 'small', keyId: 'k', keyPrefix: 'tg_k', trustedDocumentsOnly: false, rateLimit: { requestsPerMinute: 2 } } };
    expect((await limits.admitRequest({ client, budgets: [] }))?.limit).toBe(2);
    await limits.admitRequest({ client, budgets: [] });
    await expect(limits.admitRequest({ client, budgets: [] })).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED', maximum: 2 } });
    // the default budget for everyone else
    expect((await limits.admitRequest({ client: { kind: 'user', id: 'user:someone' }, budgets: [] }))?.limit).toBe(5);
    // subgraphs calling through the gateway are not limited
    for (let i = 0; i < 10; i++) expect(await limits.admitRequest({ client: { kind: 'user', id: 'user:service:orders' }, caller: { roles: ['SERVICE'] }, budgets: [] })).toBeUndefined();
    await limits.close();
  });

  test('each subscribe counts against the request budget', async () => {
    const token = await user('rl-subscriber');
    for (let i = 0; i < 5; i++) expect((await postGraphQL(stack.gatewayUrl, CHEAP, undefined, { token })).status).toBe(200);
    const socket = wsClient(stack.gatewayUrl, token);
    sockets.push(socket);
    const subscription = collect(socket, 'subscription { stockChanged { onHand } }');
    await eventually(() => subscription.ended.error !== undefined, 3000);
    expect(subscription.ended.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', limit: 'requests' }) })]);
    // and over SSE: HTTP 429 with the headers
    const stream = await fetch(`${stack.gatewayUrl}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'subscription { stockChanged { onHand } }' }),
    });
    expect(stream.status).toBe(429);
    const body = (await stream.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'requests', maximum: 5 });
    expect(stream.headers.get('retry-after')).toBe(String(body.errors[0].extensions.retryAfter));
    expect(stream.headers.get('ratelimit-remaining')).toBe('0');
  });
});

describe('limits that follow real work', () => {
  test('totalCount and text search weigh on a query cost, not only its width', async () => {
    const token = await user('rl-weights');
    const narrow = await postGraphQL(stack.gatewayUrl, `{ ${aliases(10, (i) => searchCount(`a${i}`, 'x'))} }`, undefined, { token });
    expect(narrow.status).toBe(400);
    expect(narrow.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost', maximum: 3000 });
    const wide = await postGraphQL(stack.gatewayUrl, `{ ${aliases(10, (i) => `a${i}: products(first: 1) { edges { node { id } } }`)} }`, undefined, { token });
    expect(wide.status).toBe(200);
  });

  test('the 1,000-alias partner request is refused before any work, in milliseconds; 300 aliases too', async () => {
    const lenient = await extraGateway({ maxTokens: 1_000_000, rateLimitKeyPrefix: `${PREFIX}:lenient` });
    /** The best of three tries (each a fresh partner, so budgets do not interfere), after a warm-up. */
    const refuse = async (url: string, count: number, boundMs: number) => {
      await postGraphQL(url, CHEAP, undefined, { token: await partner(`warm-${count}`) });
      const query = `{ ${aliases(count, (i) => searchCount(`a${i}`, 'x'))} }`;
      let best = Infinity;
      let refused: GraphQLResponse<unknown> | undefined;
      for (let attempt = 0; attempt < 3; attempt++) {
        const token = await partner(`bomb-${count}-${attempt}`);
        const started = performance.now();
        refused = await postGraphQL(url, query, undefined, { token });
        best = Math.min(best, performance.now() - started);
      }
      console.log(`${count}-alias request refused in ${best.toFixed(1)} ms (best of 3 HTTP round trips on loopback, ${query.length} bytes)`);
      expect(best).toBeLessThan(boundMs);
      return refused!;
    };
    // at parse: the document has more tokens than MAX_TOKENS, so the parser stops at token 2001
    for (const count of [1000, 300]) {
      const refused = await refuse(stack.gatewayUrl, count, 200);
      expect(refused.status).toBe(400);
      expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(refused.errors?.[0].message).toMatch(/Document contains more th\w+ 2000 tokens/);
    }
    // with the token cap lifted, at validation: too many aliases (and each alias costs 301); the
    // whole document is parsed and validated then, so the bound only catches a planner or a subgraph at work
    const refused = await refuse(lenient.url, 1000, 2000);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({ message: 'Aliases limit of 15 exceeded, found 1000.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', maximum: 15 } });
  });

  test('more aliases than MAX_ALIASES are refused at validation', async () => {
    const token = await user('rl-aliases');
    // aliases of __typename are free (graphql-armor's allow list): they cost nothing
    const over = await postGraphQL(stack.gatewayUrl, `{ ${aliases(16, (i) => `a${i}: rootCategories { name }`)} }`, undefined, { token });
    expect(over.status).toBe(400);
    expect(over.errors?.[0]).toMatchObject({ message: 'Aliases limit of 15 exceeded, found 16.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect((await postGraphQL(stack.gatewayUrl, `{ ${aliases(15, (i) => `a${i}: rootCategories { name }`)} }`, undefined, { token })).status).toBe(200);
  });

  test('MAX_ROOT_FIELDS and MAX_TOKENS are configurable caps', async () => {
    const strict = await extraGateway({ maxRootFields: 2, maxTokens: 100, rateLimitKeyPrefix: `${PREFIX}:strict` });
    const token = await user('rl-caps');
    const roots = await postGraphQL(strict.url, '{ rootCategories { name } priceLists { name } products(first: 1) { totalCount } }', undefined, { token });
    expect(roots.status).toBe(400);
    expect(roots.errors?.[0]).toMatchObject({ message: 'Root fields limit of 2 exceeded, found 3.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect((await postGraphQL(strict.url, '{ rootCategories { name } priceLists { name } }', undefined, { token })).status).toBe(200);
    // 101 tokens: braces and 99 __typename
    const tokens = await postGraphQL(strict.url, `{ ${aliases(99, () => '__typename')} }`, undefined, { token });
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(tokens.errors?.[0].message).toMatch(/Document contains more th\w+ 100 tokens/);
    expect((await postGraphQL(strict.url, `{ ${aliases(98, () => '__typename')} }`, undefined, { token })).status).toBe(200);
  });

  test('the caps apply to subscriptions too', async () => {
    const token = await user('rl-subscription-caps');
    const socket = wsClient(stack.gatewayUrl, token);
    sockets.push(socket);
    const subscription = collect(socket, `subscription { stockChanged { ${aliases(16, (i) => `a${i}: onHand`)} } }`);
    const [refused] = await subscription.waitFor(1, 3000);
    expect(refused.errors).toEqual([expect.objectContaining({ message: 'Aliases limit of 15 exceeded, found 16.', extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' }) })]);
    expect(refused.data).toBeUndefined();
  });

  test('a request that runs past REQUEST_TIMEOUT_MS is answered TIMEOUT, not left hanging', async () => {
    // a products subgraph that takes the request and answers only after 10 s
    hanging = http.createServer((_req, res) => void setTimeout(() => res.end(), 10_000).unref());
    await new Promise<void>((resolve) => hanging!.listen(0, '127.0.0.1', resolve));
    const slowUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
    const slow = await extraGateway({ subgraphUrls: { products: slowUrl }, requestTimeoutMs: 300, rateLimitKeyPrefix: `${PREFIX}:slow` });
    const started = performance.now();
    const result = await postGraphQL(slow.url, CHEAP, undefined, { token: await user('rl-timeout') });
    const elapsed = performance.now() - started;
    expect(result.status).toBe(504);
    expect(result.errors?.[0]).toMatchObject({ message: 'The request took longer than 300 ms and was stopped; retry later or ask for less', extensions: { code: 'TIMEOUT' } });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3000);
  }, 20_000);
});
