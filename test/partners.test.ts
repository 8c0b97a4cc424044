/**
 * Partners and their API keys, through the gateway: ADMIN manages partners and keys in the
 * partners subgraph, a key reads the catalog over HTTP and opens graphql-ws connections, and a
 * revoked, rotated-out, expired or suspended key is refused by every gateway replica within
 * seconds (each asks the partners subgraph and caches the answer briefly). The gateways here
 * refuse anonymous callers, so an accepted request shows that the key was accepted.
 */
import { createHash } from 'node:crypto';
import type { RunningGateway } from '../gateway/src/server';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  CreateApiKeyDocument,
  CreatePartnerDocument,
  PartnerApiKeysDocument,
  PartnerCatalogDocument,
  RevokeApiKeyDocument,
  RotateApiKeyDocument,
  UpdatePartnerDocument,
} from '../operations/__generated__/graphql';
import { execute, executeOk, postGraphQL, type GraphQLResponse } from './support/client';
import { createProduct } from './support/fixtures';
import { startExtraGateway, startStack, type TestStack } from './support/stack';
import { eventually } from './support/subscribe';

let stack: TestStack;
let second: RunningGateway;
let admin: string;
let partnerId: string;
let productId: string;
const sockets: { dispose(): void | Promise<void> }[] = [];

/** Revocation must reach every replica within this (the promise). */
const PROPAGATION_MS = 5000;

const byApiKey = (key: string) => ({ headers: { authorization: `ApiKey ${key}` } });
const byHeader = (key: string) => ({ headers: { 'x-api-key': key } });
const readCatalog = (url: string, options: { headers: Record<string, string> }) => execute(url, PartnerCatalogDocument, { first: 50 }, options);

async function newKey(expiresAt?: Date): Promise<{ id: string; secret: string }> {
  const { createApiKey } = await executeOk(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId, scopes: ['catalog:read'], expiresAt: expiresAt?.toISOString() } }, { token: admin });
  return { id: createApiKey.apiKey.id, secret: createApiKey.secret };
}

function expectCatalog(result: GraphQLResponse<{ products: { edges: { node: { id: string } }[] } }>): void {
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  expect(result.data!.products.edges.map((e) => e.node.id)).toContain(productId);
}

function expectRefused(result: GraphQLResponse<unknown>): void {
  expect(result.status).toBe(401);
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.data ?? undefined).toBeUndefined();
}

/** Polls until `url` refuses the key; returns how long that took. */
async function msUntilRefused(url: string, key: string, limitMs = 15_000): Promise<number> {
  const started = Date.now();
  while ((await readCatalog(url, byApiKey(key))).status !== 401) {
    if (Date.now() - started > limitMs) throw new Error(`still accepted after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

/** A graphql-ws connection opened eagerly with `params`; resolves how it went. */
function connect(url: string, params: Record<string, unknown>) {
  const state: { connected: boolean; closedWith?: number } = { connected: false };
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: params,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => (state.connected = true),
      closed: (event) => (state.closedWith = (event as { code: number }).code),
    },
  });
  sockets.push(client);
  return state;
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'partners'], gateway: { allowAnonymous: false } });
  second = await startExtraGateway(stack, { allowAnonymous: false });
  admin = await stack.token('ADMIN', [], 'admin-1');
  productId = await createProduct(stack, admin, '12.50', 'Partner catalog drill');
  const { createPartner } = await executeOk(stack.gatewayUrl, CreatePartnerDocument, { input: { name: 'Acme Marketplace', requestsPerMinute: 600 } }, { token: admin });
  partnerId = createPartner.id;
});

afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
  await second?.stop();
  await stack?.stop();
});

describe('managing partners and keys', () => {
  test('ADMIN creates a partner and a key: the secret is shown once, only its prefix is readable later, never the secret or its hash', async () => {
    const { createApiKey } = await executeOk(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId, scopes: ['catalog:read', 'catalog:read'] } }, { token: admin });
    expect(createApiKey.secret).toMatch(/^tgk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(createApiKey.apiKey).toMatchObject({ prefix: createApiKey.secret.slice(0, 12), scopes: ['catalog:read'], revokedAt: null, expiresAt: null, lastUsedAt: null });

    const listed = await executeOk(stack.gatewayUrl, PartnerApiKeysDocument, { partnerId }, { token: admin });
    const mine = listed.apiKeys.find((k) => k.id === createApiKey.apiKey.id);
    expect(mine).toMatchObject({ prefix: createApiKey.apiKey.prefix, partner: { id: partnerId, name: 'Acme Marketplace' } });
    const text = JSON.stringify(listed);
    expect(text).not.toContain(createApiKey.secret.slice(13));
    expect(text).not.toContain(createHash('sha256').update(createApiKey.secret).digest('hex'));

    // No field holds the hash or the secret, and the gateway's own lookup is not in the API.
    const asked = await postGraphQL(stack.gatewayUrl, 'query ($p: ID!) { apiKeys(partnerId: $p) { secretHash } }', { p: partnerId }, { token: admin });
    expect(asked.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const service = await stack.token('SERVICE', [], 'service:test');
    const grant = await postGraphQL(stack.gatewayUrl, 'query ($h: String!) { apiKeyGrant(secretHash: $h) { keyId } }', { h: 'x' }, { token: service });
    expect(grant.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('AGENT, MANAGER, PARTNER and a partner\'s own key may neither create keys nor read them', async () => {
    const { secret } = await newKey();
    const callers: [string, { token?: string; headers?: Record<string, string> }][] = [
      ['AGENT', { token: await stack.token('AGENT', [], 'agent-1') }],
      ['MANAGER', { token: await stack.token('MANAGER', [], 'manager-1') }],
      ['PARTNER', { token: await stack.token('PARTNER', [], 'partner-1') }],
      ['API key', byApiKey(secret)],
    ];
    for (const [who, options] of callers) {
      const created = await execute(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId, scopes: [] } }, options);
      const read = await execute(stack.gatewayUrl, PartnerApiKeysDocument, { partnerId }, options);
      // Staff are refused by the partners subgraph; partners are served the public contract,
      // which has no key management at all, so theirs fails validation.
      const refusal = who === 'AGENT' || who === 'MANAGER' ? ['FORBIDDEN'] : ['GRAPHQL_VALIDATION_FAILED'];
      expect([who, created.errors?.map((e) => e.extensions?.code), created.data ?? null]).toEqual([who, refusal, null]);
      expect([who, read.errors?.map((e) => e.extensions?.code), read.data ?? null]).toEqual([who, refusal, null]);
    }
    const partners = await executeOk(stack.gatewayUrl, PartnerApiKeysDocument, { partnerId }, { token: admin });
    expect(partners.apiKeys.length).toBeGreaterThan(0);
  });

  test('a key expiring in the past and a key of an unknown partner are refused with their codes', async () => {
    const past = await execute(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId, expiresAt: new Date(Date.now() - 1000).toISOString() } }, { token: admin });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.expiresAt' }] });
    const unknown = await execute(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId: '00000000-0000-4000-8000-000000000000' } }, { token: admin });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('a key at the gateway', () => {
  test('reads the catalog over HTTP as "Authorization: ApiKey" or x-api-key; no or a bad key is 401', async () => {
    const { secret } = await newKey();
    expectCatalog(await readCatalog(stack.gatewayUrl, byApiKey(secret)));
    expectCatalog(await readCatalog(stack.gatewayUrl, byHeader(secret)));
    expectCatalog(await readCatalog(second.url, byApiKey(secret)));
    expectRefused(await readCatalog(stack.gatewayUrl, { headers: {} }));
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    const refused = await readCatalog(stack.gatewayUrl, byApiKey(tampered));
    expectRefused(refused);
    expect(JSON.stringify(refused.errors)).not.toContain(tampered);
    expectRefused(await readCatalog(stack.gatewayUrl, byHeader('not-a-key')));
  });

  test('opens graphql-ws connections with the key in connection_init; a bad key closes the socket with 4403', async () => {
    const { secret } = await newKey();
    const viaAuthorization = connect(stack.gatewayUrl, { authorization: `ApiKey ${secret}` });
    const viaHeader = connect(stack.gatewayUrl, { 'x-api-key': secret });
    const bad = connect(stack.gatewayUrl, { 'x-api-key': `${secret}x` });
    await eventually(() => viaAuthorization.connected && viaHeader.connected && bad.closedWith !== undefined);
    expect(bad).toEqual({ connected: false, closedWith: 4403 });
  });

  test('SSE at /graphql/stream takes the key too; a bad key is 401', async () => {
    const { secret } = await newKey();
    const open = (key: string) =>
      fetch(`${stack.gatewayUrl}/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': key },
        body: JSON.stringify({ query: 'subscription { __typename }' }),
        signal: AbortSignal.timeout(5000),
      });
    expect((await open(`${secret}x`)).status).toBe(401);
    const accepted = await open(secret);
    expect(accepted.status).not.toBe(401);
    await accepted.body?.cancel();
  });

  test('a revoked key is refused by a second gateway within 5 s, and its open graphql-ws connection is closed', async () => {
    const { id, secret } = await newKey();
    // Both replicas have seen (and cached) the key as valid.
    expectCatalog(await readCatalog(stack.gatewayUrl, byApiKey(secret)));
    expectCatalog(await readCatalog(second.url, byApiKey(secret)));
    const socket = connect(second.url, { 'x-api-key': secret });
    await eventually(() => socket.connected);

    await executeOk(stack.gatewayUrl, RevokeApiKeyDocument, { id }, { token: admin });
    expect(await msUntilRefused(second.url, secret)).toBeLessThan(PROPAGATION_MS);
    expectRefused(await readCatalog(stack.gatewayUrl, byHeader(secret)));
    await eventually(() => socket.closedWith !== undefined, 10_000);
    expect(socket.closedWith).toBe(4403);
  });

  test('rotation: old and new keys both work during the overlap, the old one is refused after it', async () => {
    const old = await newKey();
    expectCatalog(await readCatalog(second.url, byApiKey(old.secret)));
    const { rotateApiKey } = await executeOk(stack.gatewayUrl, RotateApiKeyDocument, { id: old.id, overlapSeconds: 2 }, { token: admin });
    const keys = await executeOk(stack.gatewayUrl, PartnerApiKeysDocument, { partnerId }, { token: admin });
    const overlapEnds = Date.parse(keys.apiKeys.find((k) => k.id === old.id)!.expiresAt!);
    expect(overlapEnds - Date.now()).toBeGreaterThan(1000);
    expect(rotateApiKey.secret).not.toBe(old.secret);
    expect(rotateApiKey.apiKey.scopes).toEqual(['catalog:read']);

    expectCatalog(await readCatalog(second.url, byApiKey(rotateApiKey.secret)));
    expectCatalog(await readCatalog(second.url, byApiKey(old.secret)));
    expectCatalog(await readCatalog(stack.gatewayUrl, byHeader(old.secret)));

    await msUntilRefused(second.url, old.secret);
    expect(Date.now() - overlapEnds).toBeLessThan(PROPAGATION_MS);
    expect(Date.now()).toBeGreaterThanOrEqual(overlapEnds);
    expectCatalog(await readCatalog(second.url, byApiKey(rotateApiKey.secret)));
  });

  test('an expired key is refused', async () => {
    const expiresAt = new Date(Date.now() + 1500);
    const { secret } = await newKey(expiresAt);
    expectCatalog(await readCatalog(stack.gatewayUrl, byApiKey(secret)));
    await msUntilRefused(stack.gatewayUrl, secret);
    // The cached grant carries the expiry, so it ends on time rather than when the cache does.
    expect(Date.now() - expiresAt.getTime()).toBeLessThan(1000);
  });

  test('a suspended partner\'s keys are refused until it is ACTIVE again', async () => {
    const { createPartner } = await executeOk(stack.gatewayUrl, CreatePartnerDocument, { input: { name: 'Suspendable GmbH' } }, { token: admin });
    const { createApiKey } = await executeOk(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId: createPartner.id } }, { token: admin });
    expectCatalog(await readCatalog(second.url, byApiKey(createApiKey.secret)));
    const suspended = await executeOk(stack.gatewayUrl, UpdatePartnerDocument, { id: createPartner.id, input: { status: 'SUSPENDED' } }, { token: admin });
    expect(suspended.updatePartner.statusHistory.map((c) => c.to)).toEqual(['ACTIVE', 'SUSPENDED']);
    expect(await msUntilRefused(second.url, createApiKey.secret)).toBeLessThan(PROPAGATION_MS);
    await executeOk(stack.gatewayUrl, UpdatePartnerDocument, { id: createPartner.id, input: { status: 'ACTIVE' } }, { token: admin });
    await eventually(async () => (await readCatalog(second.url, byApiKey(createApiKey.secret))).status === 200, PROPAGATION_MS + 1000);
  });

  test('lastUsedAt is recorded after use, off the request path, at most once a minute per key', async () => {
    const { id, secret } = await newKey();
    const lastUsed = async () => (await executeOk(stack.gatewayUrl, PartnerApiKeysDocument, { partnerId }, { token: admin })).apiKeys.find((k) => k.id === id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const before = Date.now();
    expectCatalog(await readCatalog(stack.gatewayUrl, byApiKey(secret)));
    await eventually(async () => (await lastUsed()) !== null, 5000);
    const first = Date.parse((await lastUsed())!);
    expect(first).toBeGreaterThanOrEqual(before - 1000);
    expectCatalog(await readCatalog(stack.gatewayUrl, byApiKey(secret)));
    await new Promise((r) => setTimeout(r, 1500));
    expect(Date.parse((await lastUsed())!)).toBe(first);
  });
});
