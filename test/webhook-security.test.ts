import { createHmac, randomUUID } from 'node:crypto';
import { Role } from '@tradegraph/kit';
import { CreateConnectorDocument, type CreateConnectorInput } from '../operations/__generated__/graphql';
import { executeOk } from './support/client';
import { startStack, type TestStack } from './support/stack';
import { sharedSecretHeaders } from './support/sync';
import { FakeRest } from '../subgraphs/sync/test/fakes/rest';
import { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';

/**
 * The webhook endpoint against an attacker, over real HTTP to the sync subgraph: a captured
 * shared-secret delivery cannot be replayed under another delivery id, another topic or
 * outside the replay window; nothing about a connector (whether it exists, its mode or
 * direction) is told before the signature holds; Shopify's header is taken only in canonical
 * base64.
 */

const SECRET = 'whsec-security-secret';
const WINDOW_SECONDS = 300; // the default replay window

let stack: TestStack;
let admin: string;
let base: string;
let restId: string;
let shopId: string;
const rest = new FakeRest();
const shop = new FakeShopify();

async function createConnector(input: Partial<CreateConnectorInput> & Pick<CreateConnectorInput, 'name' | 'system' | 'baseUrl'>): Promise<string> {
  const { createConnector } = await executeOk(stack.gatewayUrl, CreateConnectorDocument, {
    input: { direction: 'INBOUND', entities: ['PRODUCT'], mode: 'WEBHOOK', conflictPolicy: 'SOURCE_WINS', ...input },
  }, { token: admin });
  return createConnector.id;
}

const restConnector = (name: string, input: Partial<CreateConnectorInput> = {}) =>
  createConnector({
    name,
    system: 'REST',
    baseUrl: rest.url,
    fieldMapping: { product: { path: '/v1/items', itemsPath: 'data', currency: 'USD', fields: { sku: 'code', name: 'title', brand: 'brand.name' } } },
    credentials: { accessToken: rest.accessToken, webhookSecret: SECRET },
    ...input,
  });

function post(connectorId: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}/webhooks/${connectorId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** A REST item payload with its own sku, so every accepted delivery applies cleanly. */
function itemBody(): string {
  const code = `SEC-${randomUUID().slice(0, 8)}`;
  return JSON.stringify({ id: code, code, title: `Item ${code}`, description: null, brand: { name: 'Sec' }, price: '10.00', currency: 'USD', updated_at: new Date().toISOString(), stock: [] });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const now = () => Math.floor(Date.now() / 1000);
const shopifySignature = (body: string) => createHmac('sha256', SECRET).update(body).digest('base64');

beforeAll(async () => {
  await Promise.all([rest.start(), shop.start()]);
  stack = await startStack({ subgraphs: ['products', 'sync'], settings: { sync: { pollIntervalMs: 200, maxAttempts: 1 } } });
  base = stack.subgraphs.sync.url.replace(/\/graphql$/, '');
  admin = await stack.token(Role.ADMIN);
  restId = await restConnector('Secure REST');
  shopId = await createConnector({
    name: 'Secure shop',
    system: 'SHOPIFY',
    baseUrl: shop.url,
    fieldMapping: { product: { currency: 'EUR' } },
    credentials: { accessToken: shop.accessToken, webhookSecret: SECRET },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all([rest.stop(), shop.stop()]);
});

describe('shared-secret webhooks', () => {
  it('signs the delivery id and topic: a captured delivery replayed under a new id or topic is refused', async () => {
    const body = itemBody();
    const captured = sharedSecretHeaders(SECRET, body, { delivery: `d-${randomUUID()}`, topic: 'product.updated' });
    expect((await post(restId, body, captured)).status).toBe(202);

    const newId = await post(restId, body, { ...captured, 'x-tradegraph-delivery': `d-${randomUUID()}` });
    expect(newId.status).toBe(401);
    const newTopic = await post(restId, body, { ...captured, 'x-tradegraph-topic': 'customer.updated' });
    expect(newTopic.status).toBe(401);
    // Moving the separator between id and topic must not make another valid delivery either.
    const shifted = await post(restId, body, { ...captured, 'x-tradegraph-delivery': `${captured['x-tradegraph-delivery']}.product`, 'x-tradegraph-topic': 'updated' });
    expect(shifted.status).toBe(401);
    // A signature over the body alone (the old scheme) is no signature.
    const bodyOnly = await post(restId, body, { ...captured, 'x-tradegraph-signature': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` });
    expect(bodyOnly.status).toBe(401);

    const again = await post(restId, body, captured);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate' });
  });

  it('refuses a timestamp outside the replay window even when the signature over it is valid', async () => {
    const body = itemBody();
    const signed = (timestamp: number) => sharedSecretHeaders(SECRET, body, { delivery: `d-${randomUUID()}`, topic: 'product.updated', timestamp });
    const stale = await post(restId, body, signed(now() - WINDOW_SECONDS - 60));
    expect(stale.status).toBe(401);
    // Only a validly signed delivery learns why (a sender's clock is off).
    expect(await stale.json()).toEqual({ error: `X-Tradegraph-Timestamp is more than ${WINDOW_SECONDS} seconds away from now` });
    const future = await post(restId, body, signed(now() + WINDOW_SECONDS + 60));
    expect(future.status).toBe(401);
    const { 'x-tradegraph-timestamp': _, ...untimed } = signed(now());
    expect((await post(restId, body, untimed)).status).toBe(401);
    const notSeconds = await post(restId, body, { ...signed(now()), 'x-tradegraph-timestamp': new Date().toISOString() });
    expect(notSeconds.status).toBe(401);

    // Within the window (either side) the same delivery is fine.
    expect((await post(restId, body, signed(now() - WINDOW_SECONDS + 30))).status).toBe(202);
    expect((await post(restId, body, signed(now() + 30))).status).toBe(202);
  });
});

describe('nothing about a connector before the signature holds', () => {
  it('answers an unknown connector exactly like a known one with a bad signature', async () => {
    const body = itemBody();
    const forged = sharedSecretHeaders('not-the-secret', body, { delivery: `d-${randomUUID()}`, topic: 'product.updated' });
    const answers = await Promise.all([
      post(randomUUID(), body, forged),
      post('not-a-uuid', body, forged),
      post(restId, body, forged),
      post(shopId, body, { 'x-shopify-topic': 'products/update', 'x-shopify-webhook-id': randomUUID(), 'x-shopify-hmac-sha256': createHmac('sha256', 'nope').update(body).digest('base64') }),
      post(randomUUID(), body, { 'x-shopify-topic': 'products/update', 'x-shopify-webhook-id': randomUUID(), 'x-shopify-hmac-sha256': createHmac('sha256', 'nope').update(body).digest('base64') }),
    ]);
    const seen = await Promise.all(answers.map(async (r) => ({ status: r.status, type: r.headers.get('content-type'), body: await r.text() })));
    expect(seen[0].status).toBe(401);
    for (const answer of seen) expect(answer).toEqual(seen[0]);
  });

  it('tells a polling-only or outbound-only connector (409) only to a correctly signed delivery', async () => {
    const polling = await restConnector('Polling-only REST', { mode: 'POLLING' });
    const outbound = await restConnector('Outbound-only REST', { direction: 'OUTBOUND', entities: ['ORDER'], fieldMapping: { order: { path: '/v1/orders', idPath: 'data.id' } } });
    const body = itemBody();
    const unknown = await post(randomUUID(), body, sharedSecretHeaders('not-the-secret', body, { delivery: 'x', topic: 'product.updated' }));
    const unknownAnswer = { status: unknown.status, body: await unknown.text() };
    expect(unknownAnswer.status).toBe(401);

    for (const [id, message] of [[polling, 'the connector takes no webhooks (its mode is POLLING)'], [outbound, 'the connector takes nothing in (its direction is OUTBOUND)']]) {
      const forged = await post(id, body, sharedSecretHeaders('not-the-secret', body, { delivery: randomUUID(), topic: 'product.updated' }));
      expect({ status: forged.status, body: await forged.text() }).toEqual(unknownAnswer);
      const signed = await post(id, body, sharedSecretHeaders(SECRET, body, { delivery: randomUUID(), topic: 'product.updated' }));
      expect(signed.status).toBe(409);
      expect(await signed.json()).toEqual({ error: message });
    }
  });
});

describe('Shopify signatures', () => {
  it('takes X-Shopify-Hmac-Sha256 only in canonical base64', async () => {
    const body = JSON.stringify({ id: 9_100_001, title: 'Canonical', vendor: 'Sec', variants: [{ id: 9_200_001, product_id: 9_100_001, title: 'Default Title', sku: `SHOPSEC-${process.pid}`, price: '5.00', inventory_item_id: 9_300_001 }] });
    const canonical = shopifySignature(body);
    expect(canonical).toMatch(/=$/);
    const deliver = (signature: string) => post(shopId, body, { 'x-shopify-topic': 'products/update', 'x-shopify-webhook-id': randomUUID(), 'x-shopify-hmac-sha256': signature });

    const variants = {
      junkInside: `${canonical.slice(0, 10)}!*${canonical.slice(10)}`,
      spaceInside: `${canonical.slice(0, 20)} ${canonical.slice(20)}`,
      noPadding: canonical.replace(/=+$/, ''),
      extraPadding: `${canonical}=`,
      trailingJunk: `${canonical}.`,
      urlSafe: canonical.replace(/\+/g, '-').replace(/\//g, '_'),
      // The last character carries 2 unused bits; a set one decodes to the same bytes.
      nonZeroPadBits: `${canonical.slice(0, 42)}${BASE64[BASE64.indexOf(canonical[42]) + 1]}=`,
    };
    const statuses: Record<string, number> = {};
    for (const [name, signature] of Object.entries(variants)) {
      if (signature === canonical) continue;
      statuses[name] = (await deliver(signature)).status;
    }
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((k) => [k, 401])));
    expect(Object.keys(statuses).length).toBeGreaterThanOrEqual(6);
    expect((await deliver(canonical)).status).toBe(202);
  });
});
