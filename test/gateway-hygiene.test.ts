/**
 * What the gateway answers a careless or hostile client: malformed and oversized bodies,
 * ambiguous operations, bad subscription documents, too many subscriptions, expired tokens
 * on open connections, and what production mode keeps to itself.
 */
import { SignJWT } from 'jose';
import { CallerSigner, CALLER_HEADER, DEVELOPMENT_CALLER_SECRET, DEVELOPMENT_JWT_SECRET, startSubgraph } from '@tradegraph/kit';
import { issueToken } from '../gateway/src/auth';
import { gatewayConfigFromEnv } from '../gateway/src/config';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { DEVELOPMENT_ENCRYPTION_KEY, syncSettingsFromEnv } from '../subgraphs/sync/src/settings';
import { postGraphQL } from './support/client';
import { createProduct, createWarehouse, receive } from './support/fixtures';
import { startStack, TEST_CALLER_SECRET, TEST_JWT_SECRET, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';

const MAX_PER_SOCKET = 3;
const BODY_LIMIT = 64 * 1024;

let stack: TestStack;
let admin: string;
let warehouse: string;
const clients: { dispose(): void | Promise<void> }[] = [];

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'inventory'], gateway: { subscriptionMaxPerSocket: MAX_PER_SOCKET, maxBodyBytes: BODY_LIMIT } });
  admin = await stack.token('ADMIN');
  warehouse = await createWarehouse(stack, admin);
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stack?.stop();
});

const client = (token?: string, onClose?: (code: number, reason: string) => void) => {
  const c = wsClient(stack.gatewayUrl, token, onClose);
  clients.push(c);
  return c;
};

/** Runs `body` with environment variables swapped in, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string | undefined>, body: () => T | Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  try {
    return await body();
  } finally {
    apply(saved);
  }
}

/** A raw POST to the gateway; the answer must be a JSON GraphQL error body without internals. */
async function rawPost(body: string | Buffer, headers: Record<string, string> = {}, url = stack.gatewayUrl) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers }, body });
  const text = await response.text();
  expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  expect(text).not.toMatch(/<html|\/work\/|node_modules|\n\s+at /i);
  return { status: response.status, body: JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown } };
}

const STOCK = 'subscription ($ids: [ID!]) { stockChanged(productIds: $ids) { onHand product { name } } }';

describe('bodies the gateway cannot read', () => {
  test('malformed JSON is HTTP 400 BAD_REQUEST as a JSON GraphQL error', async () => {
    const { status, body } = await rawPost('{"query": "{ __typename }",');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  test('a body over the limit is HTTP 413 PAYLOAD_TOO_LARGE as a JSON GraphQL error', async () => {
    const { status, body } = await rawPost(JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(BODY_LIMIT) } }));
    expect(status).toBe(413);
    expect(body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors?.[0].message).toContain(String(BODY_LIMIT));
  });

  test('the SSE endpoint answers the same: a body over the limit is 413, a document that does not parse is 400 with a code', async () => {
    const stream = (body: string) =>
      rawPost(body, { accept: 'text/event-stream' }, `${stack.gatewayUrl}/stream`);
    const large = await stream(JSON.stringify({ query: STOCK, variables: { pad: 'x'.repeat(BODY_LIMIT) } }));
    expect(large.status).toBe(413);
    expect(large.body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    const unparsable = await stream(JSON.stringify({ query: 'subscription { stockChanged { onHand ' }));
    expect(unparsable.status).toBe(400);
    expect(unparsable.body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await stream(JSON.stringify({ query: 'subscription { stockChanged { onHnad } }' }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('several operations without operationName, or an unknown one, are BAD_USER_INPUT: HTTP 400 in application/graphql-response+json, 200 in application/json', async () => {
    const query = 'query A { __typename } query B { __typename }';
    const modern = { accept: 'application/graphql-response+json' };
    const none = await rawPost(JSON.stringify({ query }), modern);
    expect(none.status).toBe(400);
    expect(none.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await rawPost(JSON.stringify({ query, operationName: 'C' }), modern);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const legacy = await rawPost(JSON.stringify({ query, operationName: 'C' }), { accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect(legacy.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const chosen = await rawPost(JSON.stringify({ query, operationName: 'B' }));
    expect(chosen).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  test('a subscription sent over plain HTTP is BAD_USER_INPUT pointing to graphql-ws and SSE, not a 500', async () => {
    const answer = await rawPost(JSON.stringify({ query: 'subscription { stockChanged { onHand } }' }), { accept: 'application/graphql-response+json' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0].message).toMatch(/graphql-ws/);
  });
});

describe('tokens must expire, and open connections end when they do', () => {
  test('a token without exp is refused over HTTP and graphql-ws', async () => {
    const forever = await new SignJWT({ roles: ['ADMIN'], scope: '' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('no-expiry')
      .setIssuer('tradegraph')
      .setAudience('tradegraph-api')
      .setIssuedAt()
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const http = await postGraphQL(stack.gatewayUrl, '{ __typename }', undefined, { token: forever });
    expect(http.status).toBe(401);
    expect(http.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(http.errors?.[0].message).toMatch(/exp/);
    let closedWith = 0;
    collect(client(forever, (code) => (closedWith = code)), STOCK);
    await eventually(() => closedWith !== 0, 5000);
    expect(closedWith).toBe(4403);
  });

  test('graphql-ws closes with 4403 and an SSE stream ends when the token expires', async () => {
    const shortLived = await issueToken(TEST_JWT_SECRET, { subject: 'short-lived', roles: ['ADMIN'], issuer: 'tradegraph', audience: 'tradegraph-api', expiresIn: Math.floor(Date.now() / 1000) + 2 });
    let closed: { code: number; reason: string } | undefined;
    const ws = collect(client(shortLived, (code, reason) => (closed = { code, reason })), STOCK);
    const sse = fetch(`${stack.gatewayUrl}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${shortLived}` },
      body: JSON.stringify({ query: STOCK }),
    }).then(async (response) => ({ status: response.status, text: await response.text(), endedAt: Date.now() }));
    await eventually(() => stack.gateway.subscriptions.stats().clients === 2, 3000);
    expect(closed).toBeUndefined(); // open while the token is valid
    await eventually(() => closed !== undefined, 4000);
    expect(closed).toMatchObject({ code: 4403, reason: expect.stringMatching(/expired/) });
    expect(ws.results).toHaveLength(0);
    const stream = await Promise.race([sse, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the SSE stream did not end')), 3000))]);
    expect(stream.status).toBe(200);
    expect(stream.text).toContain('UNAUTHENTICATED');
    await eventually(() => stack.gateway.subscriptions.stats().clients === 0, 2000);
  });
});

describe('graphql-ws: one bad subscription does not take the socket down', () => {
  test('a document that does not parse or validate gets an error with a code; the other subscriptions go on', async () => {
    let closedWith = 0;
    const c = client(admin, (code) => (closedWith = code));
    const productId = await createProduct(stack, admin, '5.00', 'Hygiene drill');
    const good = collect<{ stockChanged: { onHand: number } }>(c, STOCK, { ids: [productId] });
    await eventually(() => stack.gateway.subscriptions.stats().clients === 1);
    const unparsable = collect(c, 'subscription { stockChanged { onHand ');
    const invalid = collect(c, 'subscription { stockChanged { onHnad } }');
    await eventually(() => unparsable.ended.error !== undefined && invalid.ended.error !== undefined, 5000);
    expect(closedWith).toBe(0);
    expect(unparsable.ended.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }) })]);
    expect(invalid.ended.error).toEqual([expect.objectContaining({ message: expect.stringContaining('onHnad'), extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) })]);
    await new Promise((r) => setTimeout(r, 200)); // the upstream subscription is being opened
    await receive(stack, admin, productId, warehouse, 4);
    const [event] = await good.waitFor(1);
    expect(event.data?.stockChanged.onHand).toBe(4);
    good.stop();
  });

  test('a subscription gets the same input checks as HTTP: a NUL character in a variable is BAD_USER_INPUT naming it', async () => {
    const c = client(admin);
    const bad = collect(c, STOCK, { ids: ['a\u0000b'] });
    await eventually(() => bad.results.length > 0 || bad.ended.error !== undefined, 5000);
    const errors = (bad.results[0]?.errors ?? bad.ended.error) as { extensions?: { code?: string; fields?: { field: string }[] } }[];
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'ids.0' })] }) })]);
    expect(stack.gateway.subscriptions.stats().clients).toBe(0);
  });

  test(`more than ${MAX_PER_SOCKET} subscriptions on one socket: the extra one is refused with RATE_LIMITED, the socket stays`, async () => {
    let closedWith = 0;
    const c = client(admin, (code) => (closedWith = code));
    const open = Array.from({ length: MAX_PER_SOCKET }, () => collect(c, STOCK));
    await eventually(() => stack.gateway.subscriptions.stats().clients === MAX_PER_SOCKET);
    const extra = collect(c, STOCK);
    await eventually(() => extra.ended.error !== undefined, 5000);
    expect(extra.ended.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', maximum: MAX_PER_SOCKET }) })]);
    expect(closedWith).toBe(0);
    expect(stack.gateway.subscriptions.stats().clients).toBe(MAX_PER_SOCKET);
    // Room again once one ends.
    open[0].stop();
    await eventually(() => stack.gateway.subscriptions.stats().clients === MAX_PER_SOCKET - 1);
    const again = collect(c, STOCK);
    await eventually(() => stack.gateway.subscriptions.stats().clients === MAX_PER_SOCKET);
    expect(again.ended.error).toBeUndefined();
    for (const s of [...open, again]) s.stop();
    await eventually(() => stack.gateway.subscriptions.stats().clients === 0);
  });
});

describe('production mode', () => {
  const SUGGESTION = /Did you mean/;

  test('validation errors suggest no field names over HTTP and graphql-ws', async () => {
    const query = '{ warehouses { nme } }';
    const development = await postGraphQL(stack.gatewayUrl, query, undefined, { token: admin });
    expect(development.errors?.[0].message).toMatch(SUGGESTION); // the probe does trigger a suggestion
    await withEnv({ NODE_ENV: 'production' }, async () => {
      const http = await postGraphQL(stack.gatewayUrl, query, undefined, { token: admin });
      expect(http.status).toBe(400);
      expect(http.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(http.errors?.[0].message).not.toMatch(SUGGESTION);
      const ws = collect(client(admin), 'subscription { stockChanged { onHnad } }');
      await eventually(() => ws.ended.error !== undefined, 5000);
      const [error] = ws.ended.error as { message: string }[];
      expect(error.message).toContain('onHnad');
      expect(error.message).not.toMatch(SUGGESTION);
    });
  });

  test('a subgraph started in production suggests no field names either', async () => {
    const signed = await new CallerSigner(TEST_CALLER_SECRET).sign({ subject: 'probe', roles: ['ADMIN'], scopes: [] }, 'probe');
    const ask = (url: string) => postGraphQL(url, '{ products(first: 1) { edges { node { nme } } } }', undefined, { headers: { [CALLER_HEADER]: signed } });
    expect((await ask(stack.subgraphs.products.url)).errors?.[0].message).toMatch(SUGGESTION);
    const definition = SUBGRAPHS.find((s) => s.definition.name === 'products')!.definition;
    const production = await withEnv({ NODE_ENV: 'production' }, () => startSubgraph(definition, { port: 0, databaseUrl: stack.database.url, callerSecret: TEST_CALLER_SECRET }));
    try {
      const answer = await ask(production.url);
      expect(answer.errors?.[0].message).toContain('nme');
      expect(answer.errors?.[0].message).not.toMatch(SUGGESTION);
    } finally {
      await production.stop();
    }
  });

  test.each([
    ['JWT_SECRET', DEVELOPMENT_JWT_SECRET, () => gatewayConfigFromEnv()],
    ['CALLER_SIGNING_SECRET', DEVELOPMENT_CALLER_SECRET, () => gatewayConfigFromEnv()],
    ['SYNC_ENCRYPTION_KEY', DEVELOPMENT_ENCRYPTION_KEY, () => syncSettingsFromEnv()],
  ])('refuses to start with the published development %s', async (name, developmentValue, start) => {
    const own = { JWT_SECRET: 'a-production-jwt-secret-of-32-characters-or-more', CALLER_SIGNING_SECRET: 'a-production-caller-secret-of-32-characters-or-more', SYNC_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };
    await withEnv({ NODE_ENV: 'production', JWKS_URL: undefined, ...own }, () => expect(start).not.toThrow());
    await withEnv({ NODE_ENV: 'production', JWKS_URL: undefined, ...own, [name]: developmentValue }, () => expect(start).toThrow(new RegExp(`^${name} .*development`)));
    await withEnv({ NODE_ENV: undefined, JWKS_URL: undefined, ...own, [name]: developmentValue }, () => expect(start).not.toThrow());
  });
});
