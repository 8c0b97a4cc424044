/**
 * The gateway's per-hop savings keep every rule: a remembered client token is refused once it
 * expires and only its exact text is remembered; a request with a remembered token and an
 * already parsed, validated and planned document is still authorized field by field, masked and
 * held to the query limits on every request; the keep-alive subgraph client reads whole answers,
 * hands a subgraph's 503 to the breaker and stops when the timeout aborts it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueToken, keepAliveFetch, WholeResponse } from '@tradegraph/kit';
import { Authenticator, AuthenticationError } from '../gateway/src/auth';
import { SubgraphResilience } from '../gateway/src/subgraph-resilience';
import { postGraphQL } from './support/client';
import { createProduct } from './support/fixtures';
import { startStack, TEST_JWT_SECRET, type TestStack } from './support/stack';

const claims = { issuer: 'tradegraph', audience: 'tradegraph-api' };
const authenticator = () => new Authenticator({ jwtSecret: TEST_JWT_SECRET, ...claims, cacheVerified: true });

describe('remembered client tokens', () => {
  it('refuses a remembered token once it has expired', async () => {
    const auth = authenticator();
    const token = await issueToken(TEST_JWT_SECRET, { subject: 'short-lived', roles: ['ADMIN'], ...claims, expiresIn: Math.floor(Date.now() / 1000) + 2 });
    expect((await auth.verify(token)).caller.subject).toBe('short-lived');
    expect((await auth.verify(token)).caller.subject).toBe('short-lived'); // from the cache
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(auth.verify(token)).rejects.toThrow(new AuthenticationError('the token has expired'));
  });

  it('remembers only the exact token: a forged signature next to a remembered token is refused', async () => {
    const auth = authenticator();
    const token = await issueToken(TEST_JWT_SECRET, { subject: 'someone', roles: ['AGENT'], ...claims });
    await auth.verify(token);
    const [header, payload] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['ADMIN'] })).toString('base64url');
    await expect(auth.verify(`${header}.${forgedPayload}.${token.split('.')[2]}`)).rejects.toThrow(AuthenticationError);
    const forged = await issueToken('some-other-secret-that-is-long-enough', { subject: 'someone', roles: ['ADMIN'], ...claims });
    await expect(auth.verify(forged)).rejects.toThrow(AuthenticationError);
  });

  it('hands out a caller nobody can change in place', async () => {
    const auth = authenticator();
    const token = await issueToken(TEST_JWT_SECRET, { subject: 'frozen', roles: ['AGENT'], ...claims });
    const { caller } = await auth.verify(token);
    expect(() => (caller.roles as string[]).push('ADMIN')).toThrow(TypeError);
    expect((await auth.verify(token)).caller.roles).toEqual(['AGENT']);
  });
});

describe('the keep-alive subgraph client', () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.url === '/down') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
        res.writeHead(200, { 'content-type': 'application/json', 'x-echo': req.headers['x-tradegraph-caller'] ?? '' });
        res.write('{"data":');
        setTimeout(() => res.end(`${JSON.stringify({ echo: JSON.parse(body) })}}`), 20); // an answer in two parts
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends headers and body and reads the whole answer', async () => {
    const client = keepAliveFetch();
    try {
      const response = await client.fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tradegraph-caller': 'signed' }, body: JSON.stringify({ query: '{ a }' }) });
      expect(response.status).toBe(200);
      expect(response.ok).toBe(true);
      expect(response.headers.get('X-Echo')).toBe('signed');
      expect(await response.json()).toEqual({ data: { echo: { query: '{ a }' } } });
    } finally {
      client.close();
    }
  });

  it("hands a subgraph's 503 to the resilience policies (which count it against the breaker), and times out a subgraph that never answers", async () => {
    const client = keepAliveFetch();
    const resilience = new SubgraphResilience({ timeoutMs: 300, breakerFailures: 100, halfOpenAfterMs: 1000, queryRetries: 0 });
    try {
      const down = await resilience.fetcher('down', `${url}/down`, client.fetch)(`${url}/down`, { method: 'POST', body: JSON.stringify({ query: 'mutation { a }' }) });
      expect(down).toBeInstanceOf(WholeResponse);
      expect(down.status).toBe(503);
      const hung = resilience.fetcher('hung', `${url}/hang`, client.fetch)(`${url}/hang`, { method: 'POST', body: JSON.stringify({ query: 'mutation { a }' }) });
      await expect(hung).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE', serviceName: 'hung' } });
    } finally {
      client.close();
    }
  });
});

describe('a remembered token and a cached document, through the gateway', () => {
  let stack: TestStack;
  let draft: string;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: ['products', 'inventory'], gateway: { maxCost: 50 } });
    const admin = await stack.token('ADMIN');
    const created = await postGraphQL<{ createProduct: { id: string } }>(
      stack.gatewayUrl,
      'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }',
      { input: { sku: `CACHE-${Date.now()}`, name: 'Cached draft', basePrice: { amount: '1.00', currency: 'EUR' } } },
      { token: admin },
    );
    draft = created.data!.createProduct.id;
    await createProduct(stack, admin, '2.00', 'Cached published');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('authorizes and masks every request, not only the first', async () => {
    const agent = await stack.token('AGENT', [], 'agent-cached');
    const admin = await stack.token('ADMIN');
    const query = 'query ($id: ID!) { product(id: $id) { id name stock { available } } }';
    for (let i = 0; i < 3; i++) {
      const asAgent = await postGraphQL<{ product: unknown }>(stack.gatewayUrl, query, { id: draft }, { token: agent });
      expect(asAgent.data?.product).toBeNull(); // an AGENT does not see a DRAFT, however often it asks
      const asAdmin = await postGraphQL<{ product: { id: string } }>(stack.gatewayUrl, query, { id: draft }, { token: admin });
      expect(asAdmin.data?.product?.id).toBe(draft);
    }
    const denied = 'mutation { createWarehouse(input: { code: "CACHED", name: "Not for agents", priority: 1 }) { id } }';
    for (let i = 0; i < 3; i++) {
      const result = await postGraphQL(stack.gatewayUrl, denied, undefined, { token: agent });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('holds a cached document to the query limits on every request', async () => {
    const admin = await stack.token('ADMIN');
    const costly = 'query { products(first: 20) { edges { node { id name sku } } } }'; // 20 × 4 + 2 > the stack's MAX_QUERY_COST of 50
    for (let i = 0; i < 3; i++) {
      const result = await postGraphQL(stack.gatewayUrl, costly, undefined, { token: admin });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost' });
    }
    const cheap = await postGraphQL(stack.gatewayUrl, 'query { products(first: 2) { edges { node { id } } } }', undefined, { token: admin });
    expect(cheap.errors).toBeUndefined();
    const unknownToken = `${admin.slice(0, -4)}AAAA`;
    const refused = await postGraphQL(stack.gatewayUrl, '{ __typename }', undefined, { token: unknownToken });
    expect(refused.status).toBe(401);
  });
});
