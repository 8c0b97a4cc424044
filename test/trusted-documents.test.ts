/**
 * Trusted documents (the codegen manifest, named by id) and automatic persisted queries,
 * through the gateway: HTTP, graphql-ws and SSE, partners restricted to trusted documents, and
 * the APQ store shared by replicas on one Redis.
 */
import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import manifest from '../operations/__generated__/persisted-documents.json';
import { CreateApiKeyDocument, CreatePartnerDocument, PublicProductsDocument, StockChangedDocument } from '../operations/__generated__/graphql';
import type { RunningGateway } from '../gateway/src/server';
import { documentHash } from '../gateway/src/trusted-documents';
import { executeOk, postGraphQL } from './support/client';
import { createProduct, createWarehouse, receive } from './support/fixtures';
import { startExtraGateway, startStack, type TestStack } from './support/stack';
import { eventually, wsClient } from './support/subscribe';
import { describeWithRedis, testRedisUrl } from './support/test-redis';


let stack: TestStack;
let admin: string;
const extras: RunningGateway[] = [];
const sockets: { dispose(): void | Promise<void> }[] = [];

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'inventory', 'partners'] });
  admin = await stack.token('ADMIN');
});
afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
  for (const gateway of extras) await gateway.stop();
  await stack?.stop();
});

/** The id codegen gave a document (`__meta__.hash`, the sha256 of its manifest text). */
const idOf = (document: TypedDocumentNode<unknown, never>) => (document as unknown as { __meta__: { hash: string } }).__meta__.hash;

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

/** POSTs any JSON body (a document id, an APQ extension …) to a gateway. */
async function post(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const codes = (answer: { errors?: readonly GraphQLFormattedError[] }) => answer.errors?.map((e) => e.extensions?.code);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A partner (restricted to trusted documents or not) and one API key of it. */
async function partnerKey(trustedDocumentsOnly: boolean): Promise<string> {
  const { createPartner } = await executeOk(stack.gatewayUrl, CreatePartnerDocument, { input: { name: `Partner ${randomUUID()}`, trustedDocumentsOnly } }, { token: admin });
  const { createApiKey } = await executeOk(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId: createPartner.id } }, { token: admin });
  return createApiKey.secret;
}

/** A document no manifest holds, unique per run so no earlier run registered it in Redis. */
const arbitraryQuery = () => `{ products(first: 1) { edges { node { sku } } } n${randomUUID().replace(/-/g, '')}: __typename }`;

describe('trusted documents', () => {
  test('codegen persists every operation under the sha256 of its text, and the typed documents carry that id', () => {
    const entries = Object.entries(manifest as Record<string, string>);
    expect(entries.length).toBeGreaterThan(50);
    for (const [hash, text] of entries) expect(documentHash(text)).toBe(hash);
    expect((manifest as Record<string, string>)[idOf(PublicProductsDocument)]).toContain('query PublicProducts(');
  });

  test('a manifest document runs by id over HTTP: documentId, the APQ extension, and GET', async () => {
    const productId = await createProduct(stack, admin, '4.50', 'Trusted drill');
    const id = idOf(PublicProductsDocument);
    const variables = { first: 50 };
    const byDocumentId = await post(stack.gatewayUrl, { documentId: id, variables }, bearer(admin));
    expect(byDocumentId.errors).toBeUndefined();
    const skus = (answer: Answer) => (answer.data as { products: { edges: { node: { id: string } }[] } }).products.edges.map((e) => e.node.id);
    expect(skus(byDocumentId)).toContain(productId);

    const prefixed = await post(stack.gatewayUrl, { documentId: `sha256:${id}`, variables }, bearer(admin));
    expect(skus(prefixed)).toContain(productId);

    const byExtension = await post(stack.gatewayUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: id } }, variables }, bearer(admin));
    expect(skus(byExtension)).toContain(productId);

    const search = new URLSearchParams({ documentId: id, variables: JSON.stringify(variables) });
    const get = await fetch(`${stack.gatewayUrl}?${search.toString()}`, { headers: { ...bearer(admin), 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(skus((await get.json()) as Answer)).toContain(productId);
  });

  test('an unknown document id is refused with PERSISTED_QUERY_NOT_FOUND on every transport', async () => {
    const unknown = documentHash(`query Unknown${randomUUID().replace(/-/g, '')} { __typename }`);
    expect(codes(await post(stack.gatewayUrl, { documentId: unknown }, bearer(admin)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    const sse = await fetch(`${stack.gatewayUrl}/stream`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(admin) }, body: JSON.stringify({ documentId: unknown }) });
    expect(sse.status).toBe(400);
    expect(codes((await sse.json()) as Answer)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    const socket = wsClient(stack.gatewayUrl, admin);
    sockets.push(socket);
    const outcome = await new Promise<unknown>((resolve) => {
      socket.subscribe({ query: '', documentId: unknown } as never, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    expect((outcome as GraphQLFormattedError[]).map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  test('a manifest subscription runs by id over graphql-ws and SSE', async () => {
    const productId = await createProduct(stack, admin);
    const warehouseId = await createWarehouse(stack, admin);
    const id = idOf(StockChangedDocument);
    const socket = wsClient(stack.gatewayUrl, admin);
    sockets.push(socket);
    const results: unknown[] = [];
    const stop = socket.subscribe({ query: '', documentId: id, variables: { productIds: [productId] } } as never, { next: (r) => results.push(r), error: (e) => results.push(e), complete: () => {} });

    const controller = new AbortController();
    const sse = await fetch(`${stack.gatewayUrl}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(admin) },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: id } }, variables: { productIds: [productId] } }),
      signal: controller.signal,
    });
    expect(sse.status).toBe(200);
    let streamed = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of sse.body as unknown as AsyncIterable<Uint8Array>) streamed += decoder.decode(chunk);
    })().catch(() => {});

    await eventually(() => stack.gateway.subscriptions.stats().clients >= 2);
    await new Promise((r) => setTimeout(r, 200)); // the upstream subscription is being opened
    await receive(stack, admin, productId, warehouseId, 6);
    await eventually(() => results.length >= 1 && streamed.includes('"onHand":6'));
    expect(results[0]).toMatchObject({ data: { stockChanged: { onHand: 6, product: { id: productId } } } });
    stop();
    controller.abort();
    await reading;
  });
});

describe('partners restricted to trusted documents', () => {
  let restricted: string;
  let unrestricted: string;
  beforeAll(async () => {
    restricted = await partnerKey(true);
    unrestricted = await partnerKey(false);
  });
  const apiKey = (key: string) => ({ authorization: `ApiKey ${key}` });

  test('may run a manifest document by id or by its text, and nothing else (403 PERSISTED_QUERY_REQUIRED)', async () => {
    const id = idOf(PublicProductsDocument);
    const byId = await post(stack.gatewayUrl, { documentId: id, variables: { first: 1 } }, apiKey(restricted));
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toHaveProperty('products');
    const byText = await post(stack.gatewayUrl, { query: (manifest as Record<string, string>)[id], variables: { first: 1 } }, apiKey(restricted));
    expect(byText.errors).toBeUndefined();

    const arbitrary = await post(stack.gatewayUrl, { query: arbitraryQuery() }, apiKey(restricted));
    expect(arbitrary.status).toBe(403);
    expect(codes(arbitrary)).toEqual(['PERSISTED_QUERY_REQUIRED']);
    expect(arbitrary.data).toBeUndefined();
    // Registering it through APQ does not launder it either.
    const query = arbitraryQuery();
    const registered = await post(stack.gatewayUrl, { query, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } }, apiKey(restricted));
    expect(codes(registered)).toEqual(['PERSISTED_QUERY_REQUIRED']);

    // The same arbitrary document is fine for an unrestricted partner and for ADMIN.
    expect((await post(stack.gatewayUrl, { query: arbitraryQuery() }, apiKey(unrestricted))).errors).toBeUndefined();
    expect((await postGraphQL(stack.gatewayUrl, arbitraryQuery(), undefined, { token: admin })).errors).toBeUndefined();
  });

  test('over graphql-ws and SSE too', async () => {
    const query = 'subscription { stockChanged { onHand } }';
    // graphql-ws sends connection params, not headers: the key goes in connection_init.
    const keyed = createClient({
      url: stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `ApiKey ${restricted}` },
      retryAttempts: 0,
    });
    sockets.push(keyed);
    const outcome = await new Promise<unknown>((resolve) => {
      keyed.subscribe({ query }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    expect((outcome as GraphQLFormattedError[]).map((e) => e.extensions)).toEqual([{ code: 'PERSISTED_QUERY_REQUIRED' }]);

    const sse = await fetch(`${stack.gatewayUrl}/stream`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...apiKey(restricted) }, body: JSON.stringify({ query }) });
    expect(sse.status).toBe(403);
    expect(codes((await sse.json()) as Answer)).toEqual(['PERSISTED_QUERY_REQUIRED']);
  });

  test('TRUSTED_DOCUMENTS_ONLY_FOR_PARTNERS restricts every partner, and no one else', async () => {
    const strict = await startExtraGateway(stack, { trustedDocumentsOnlyForPartners: true });
    extras.push(strict);
    expect(codes(await post(strict.url, { query: arbitraryQuery() }, apiKey(unrestricted)))).toEqual(['PERSISTED_QUERY_REQUIRED']);
    expect((await post(strict.url, { documentId: idOf(PublicProductsDocument), variables: { first: 1 } }, apiKey(unrestricted))).errors).toBeUndefined();
    expect((await post(strict.url, { query: arbitraryQuery() }, bearer(admin))).errors).toBeUndefined();
  });
});

describeWithRedis('automatic persisted queries', () => {
  test('hash only → PERSISTED_QUERY_NOT_FOUND; hash and text registers; then the hash alone runs, on any replica sharing the Redis', async () => {
    const [first, second] = [await startExtraGateway(stack, { redisUrl: testRedisUrl() }), await startExtraGateway(stack, { redisUrl: testRedisUrl() })];
    extras.push(first, second);
    const query = arbitraryQuery();
    const persistedQuery = { version: 1, sha256Hash: documentHash(query) };

    const miss = await post(first.url, { extensions: { persistedQuery } }, bearer(admin));
    expect(codes(miss)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const register = await post(first.url, { query, extensions: { persistedQuery } }, bearer(admin));
    expect(register.errors).toBeUndefined();
    expect(register.data).toHaveProperty('products');

    await eventually(async () => (await post(first.url, { extensions: { persistedQuery } }, bearer(admin))).errors === undefined, 2000);
    const elsewhere = await post(second.url, { extensions: { persistedQuery } }, bearer(admin));
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data).toHaveProperty('products');
  });

  test('without Redis the store is the gateway\'s own memory', async () => {
    const query = arbitraryQuery();
    const persistedQuery = { version: 1, sha256Hash: documentHash(query) };
    expect(codes(await post(stack.gatewayUrl, { extensions: { persistedQuery } }, bearer(admin)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await post(stack.gatewayUrl, { query, extensions: { persistedQuery } }, bearer(admin))).errors).toBeUndefined();
    await eventually(async () => (await post(stack.gatewayUrl, { extensions: { persistedQuery } }, bearer(admin))).errors === undefined, 2000);
  });

  test('a hash that does not match the text is the client\'s mistake (400 BAD_REQUEST), not an internal error', async () => {
    const answer = await post(stack.gatewayUrl, { query: arbitraryQuery(), extensions: { persistedQuery: { version: 1, sha256Hash: documentHash('something else') } } }, bearer(admin));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
  });
});
