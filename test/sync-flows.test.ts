import { createHmac, randomUUID } from 'node:crypto';
import { Role } from '@tradegraph/kit';
import {
  CreateConnectorDocument,
  CustomerExternalRefsDocument,
  OrderExternalRefsDocument,
  PlaceOrderDocument,
  ProductExternalRefsDocument,
  ProductSyncStateDocument,
  PublishProductDocument,
  ResolveConflictDocument,
  SyncConflictsDocument,
  UpdateProductDocument,
  type ConflictPolicy,
  type CreateConnectorInput,
  type SyncRunPartsFragment,
} from '../operations/__generated__/graphql';
import { execute, postGraphQL } from './support/client';
import { createCustomer, sql } from './support/fixtures';
import { shopifyConnectorInput, useSyncSession } from './support/sync';
import { collect, eventually, wsClient } from './support/subscribe';
import { serveDuringTests } from '../subgraphs/sync/test/fakes/fake-server';
import { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';

/**
 * Sync end to end through the gateway: 10,000 products from a fake Shopify and an order pushed
 * back out, each conflict policy, a webhook storm, customers, and live run status.
 */

const WEBHOOK_SECRET = 'whsec-flows-secret';
type Run = SyncRunPartsFragment;

const warehouseCode = `FLOW-${process.pid}`;
const session = useSyncSession({ warehouse: { code: warehouseCode, name: 'Shop stock' } });
const { gql } = session;

async function createConnector(shop: FakeShopify, name: string, input: Partial<CreateConnectorInput> = {}): Promise<string> {
  const { createConnector } = await gql(CreateConnectorDocument, { input: shopifyConnectorInput(shop, warehouseCode, WEBHOOK_SECRET, { name, ...input }) });
  return createConnector.id;
}

const sync = (connectorId: string, full = false): Promise<Run> => session.sync(connectorId, { full, timeoutMs: 120_000 });

async function productIdOf(sku: string): Promise<string> {
  const [row] = await sql<{ id: string }>(session.stack, 'products', 'select id from products.product where sku = ?', [sku]);
  return row.id;
}

describe('a shop in both directions', () => {
  const shop = serveDuringTests(new FakeShopify());

  it('syncs 10,000 products with stock into the supergraph, then pushes an order and its stock changes back out', async () => {
    shop.seed(10_000, 'BIG');
    const connectorId = await createConnector(shop, 'Big shop', { direction: 'BOTH', entities: ['PRODUCT', 'INVENTORY', 'ORDER'] });
    const run = await sync(connectorId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', total: 10_000, processed: 10_000, created: 10_000, failed: 0, conflicts: 0 });

    const [counts] = await sql<{ refs: string }>(session.stack, 'sync', 'select count(*) as refs from sync.external_ref where connector_id = ?', [connectorId]);
    expect(Number(counts.refs)).toBe(10_000);
    const first = await productIdOf('BIG-00007');
    const second = await productIdOf('BIG-09999');
    const { products } = await gql(ProductExternalRefsDocument, { ids: [first, second] });
    const byId = new Map(products.edges.map((e) => [e.node.id, e.node]));
    expect(byId.get(first)).toMatchObject({ sku: 'BIG-00007', stock: { onHand: 7 }, externalRefs: [{ connectorId, system: 'SHOPIFY', externalId: String(shop.products[7].variants[0].id) }] });
    expect(byId.get(second)).toMatchObject({ sku: 'BIG-09999', stock: { onHand: 9999 % 50 } });

    // An order for two of them goes out as a Shopify order, by variant id.
    for (const id of [first, second]) await gql(PublishProductDocument, { id });
    const customerId = await createCustomer(session.stack, session.admin);
    const { placeOrder } = await gql(PlaceOrderDocument, { input: { customerId, lines: [{ productId: first, quantity: 2 }, { productId: second, quantity: 1 }] }, idempotencyKey: randomUUID() });
    await eventually(() => shop.orders.size === 1, 60_000); // after 10,000 inbound records the queue may still be busy on a loaded machine
    const [pushed] = [...shop.orders.values()];
    expect(pushed.body).toMatchObject({
      note: `Tradegraph order ${placeOrder.number}`,
      source_identifier: placeOrder.id,
      currency: 'EUR',
      line_items: [
        { variant_id: shop.products[7].variants[0].id, quantity: 2, price: expect.stringMatching(/^17(\.0+)?$/) },
        { variant_id: shop.products[9999].variants[0].id, quantity: 1 },
      ],
    });
    await eventually(async () => (await gql(OrderExternalRefsDocument, { id: placeOrder.id })).order?.externalRefs?.length === 1, 10_000);
    const { order } = await gql(OrderExternalRefsDocument, { id: placeOrder.id });
    expect(order?.externalRefs).toEqual([expect.objectContaining({ connectorId, system: 'SHOPIFY', externalId: String(pushed.id) })]);

    // The reservation moved their stock: the shop is told what is available now.
    await eventually(() => shop.stockSets.some((s) => s.inventory_item_id === shop.products[7].variants[0].inventory_item_id && s.available === 5), 20_000);
    expect(shop.levels.get(shop.products[9999].variants[0].inventory_item_id)).toBe((9999 % 50) - 1);
  }, 300_000);
});

describe('conflict policies', () => {
  const shop = serveDuringTests(new FakeShopify());

  let scenarios = 0;

  /** Syncs three products in, then changes product 0 on both sides: name in Tradegraph, title in Shopify. */
  async function bothSidesChanged(policy: ConflictPolicy, shopUpdatedAt?: string): Promise<{ connectorId: string; productId: string; run: Run }> {
    const prefix = `CF${policy.slice(0, 3)}${++scenarios}`;
    shop.seed(3, prefix);
    const connectorId = await createConnector(shop, `Conflicts ${policy}`, { conflictPolicy: policy });
    expect(await sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', created: 3 });
    const productId = await productIdOf(`${prefix}-00000`);
    await gql(UpdateProductDocument, { id: productId, input: { name: 'Renamed in Tradegraph' } });
    shop.editProduct(0, { title: 'Renamed in Shopify' }, shopUpdatedAt);
    // Full: a delta would not see an edit dated before the last run (NEWEST_WINS's old edit).
    const run = await sync(connectorId, true);
    return { connectorId, productId, run };
  }

  async function nameOf(id: string): Promise<string | undefined> {
    return (await gql(ProductSyncStateDocument, { id })).product?.name;
  }

  async function conflictsOf(connectorId: string) {
    return (await gql(SyncConflictsDocument, { connectorId, first: 10 })).syncConflicts.edges.map((e) => e.node);
  }

  it('SOURCE_WINS applies the shop\'s version and records the conflict as settled by the policy', async () => {
    const { connectorId, productId, run } = await bothSidesChanged('SOURCE_WINS');
    expect(run).toMatchObject({ status: 'SUCCEEDED', conflicts: 1, updated: 1, unchanged: 2 });
    expect(await nameOf(productId)).toBe('Renamed in Shopify');
    expect(await conflictsOf(connectorId)).toEqual([expect.objectContaining({ status: 'RESOLVED', resolution: 'SOURCE', resolvedBy: 'policy:SOURCE_WINS', entityId: productId, supergraphValue: expect.objectContaining({ name: 'Renamed in Tradegraph' }) })]);
  });

  it('SUPERGRAPH_WINS keeps Tradegraph\'s version, and the same versions are no conflict the next time', async () => {
    const { connectorId, productId, run } = await bothSidesChanged('SUPERGRAPH_WINS');
    expect(run).toMatchObject({ status: 'SUCCEEDED', conflicts: 1, updated: 0, unchanged: 2 });
    expect(await nameOf(productId)).toBe('Renamed in Tradegraph');
    expect(await conflictsOf(connectorId)).toEqual([expect.objectContaining({ status: 'RESOLVED', resolution: 'SUPERGRAPH', resolvedBy: 'policy:SUPERGRAPH_WINS' })]);
    expect(await sync(connectorId, true)).toMatchObject({ status: 'SUCCEEDED', conflicts: 0, unchanged: 3 });
    expect(await conflictsOf(connectorId)).toHaveLength(1);
  });

  it('NEWEST_WINS takes the later change: Tradegraph\'s over an older shop edit, the shop\'s when it is newer', async () => {
    const older = await bothSidesChanged('NEWEST_WINS', '2020-01-01T00:00:00Z');
    expect(older.run).toMatchObject({ conflicts: 1, updated: 0 });
    expect(await nameOf(older.productId)).toBe('Renamed in Tradegraph');
    expect((await conflictsOf(older.connectorId))[0]).toMatchObject({ resolution: 'SUPERGRAPH', resolvedBy: 'policy:NEWEST_WINS' });

    const newer = await bothSidesChanged('NEWEST_WINS', new Date(Date.now() + 60_000).toISOString());
    expect(newer.run).toMatchObject({ conflicts: 1, updated: 1 });
    expect(await nameOf(newer.productId)).toBe('Renamed in Shopify');
    expect((await conflictsOf(newer.connectorId))[0]).toMatchObject({ resolution: 'SOURCE', resolvedBy: 'policy:NEWEST_WINS' });
  });

  it('MANUAL leaves the conflict open (the product shows it) until a person chooses; the choice is audited', async () => {
    const { connectorId, productId, run } = await bothSidesChanged('MANUAL');
    expect(run).toMatchObject({ status: 'SUCCEEDED', conflicts: 1, updated: 0 });
    expect(await nameOf(productId)).toBe('Renamed in Tradegraph');
    const { product } = await gql(ProductSyncStateDocument, { id: productId });
    expect(product?.syncState).toMatchObject({ status: 'CONFLICT', openConflicts: 1, linkedSystems: 1 });

    // Found again on the next run: still one open conflict, not two.
    expect(await sync(connectorId, true)).toMatchObject({ conflicts: 1 });
    const [open] = await conflictsOf(connectorId);
    expect(open).toMatchObject({ status: 'OPEN', resolution: null, sourceValue: { name: 'Renamed in Shopify' }, supergraphValue: { name: 'Renamed in Tradegraph' } });
    expect((await gql(SyncConflictsDocument, { connectorId, status: 'OPEN' })).syncConflicts.totalCount).toBe(1);

    const manager = await session.stack.token(Role.MANAGER, [], 'manager-1');
    const refused = await execute(session.stack.gatewayUrl, ResolveConflictDocument, { id: open.id, choice: 'SOURCE' }, { token: manager });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const chooser = await session.stack.token(Role.ADMIN, [], 'admin-ann');
    const { resolveConflict } = await gql(ResolveConflictDocument, { id: open.id, choice: 'SOURCE' }, chooser);
    expect(resolveConflict).toMatchObject({ status: 'RESOLVED', resolution: 'SOURCE', resolvedBy: 'admin-ann' });
    expect(await nameOf(productId)).toBe('Renamed in Shopify');
    expect((await gql(ProductSyncStateDocument, { id: productId })).product?.syncState).toMatchObject({ status: 'IN_SYNC', openConflicts: 0 });
    const again = await execute(session.stack.gatewayUrl, ResolveConflictDocument, { id: open.id, choice: 'SUPERGRAPH' }, { token: session.admin });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // Both sides now agree: nothing to do.
    expect(await sync(connectorId, true)).toMatchObject({ conflicts: 0, unchanged: 3 });
  });
});

describe('deltas and customers', () => {
  const shop = serveDuringTests(new FakeShopify());

  it('asks only for records changed since the last run, and lands customers with their contact data', async () => {
    shop.seed(300, 'DELTA');
    shop.seedCustomers(40);
    const connectorId = await createConnector(shop, 'Delta shop', { entities: ['PRODUCT', 'CUSTOMER'] });
    expect(await sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', total: 340, created: 340 });
    shop.editProduct(5, { price: '99.00' }, new Date(Date.now() + 1000).toISOString());
    const delta = await sync(connectorId);
    // Only records at or after the newest updated-at of the last run are read: the edited
    // product, plus the newest product and customer (the cursor is inclusive).
    expect(delta.total).toBe(3);
    expect(delta).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    expect(await sync(connectorId, true)).toMatchObject({ total: 340, unchanged: 340 });

    const { customer } = await gql(CustomerExternalRefsDocument, { code: `shopify-${shop.customers[3].id}` });
    expect(customer).toMatchObject({ name: 'Shop Customer 3', email: 'customer-3@shop.example', externalRefs: [{ system: 'SHOPIFY', externalId: String(shop.customers[3].id) }] });
  });
});

describe('webhook storm', () => {
  const shop = serveDuringTests(new FakeShopify());

  it('1,000 deliveries, 10% repeated and 5% badly signed: each unique one applied once, the rest deduplicated or refused, nothing lost', async () => {
    shop.seed(850, 'STORM');
    const connectorId = await createConnector(shop, 'Storm shop', { entities: ['PRODUCT'] });
    const url = `${session.webhookBase}/webhooks/${connectorId}`;
    type Delivery = { id: string; body: string; good: boolean };
    const unique: Delivery[] = shop.products.map((p, i) => ({ id: `storm-${i}`, body: JSON.stringify({ ...p, title: `Storm ${i}` }), good: true }));
    const repeats: Delivery[] = unique.slice(0, 100).map((d) => ({ ...d }));
    const forged: Delivery[] = unique.slice(100, 150).map((d, i) => ({ id: `forged-${i}`, body: d.body.replace('Storm', 'Forged'), good: false }));
    const all = [...unique, ...repeats, ...forged];
    // Interleave deterministically so repeats and forgeries arrive among the originals.
    all.sort((a, b) => hash(a.id + a.good + all.indexOf(a)) - hash(b.id + b.good + all.indexOf(b)));
    const statuses = new Map<number, number>();
    const send = async (d: Delivery) => {
      const signature = createHmac('sha256', d.good ? WEBHOOK_SECRET : 'not-the-secret').update(d.body).digest('base64');
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-topic': 'products/update', 'x-shopify-webhook-id': d.id, 'x-shopify-hmac-sha256': signature }, body: d.body });
      await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    };
    for (let i = 0; i < all.length; i += 25) await Promise.all(all.slice(i, i + 25).map(send));
    // A repeat that raced its original can see either answer first; the counts cannot differ.
    expect(Object.fromEntries(statuses)).toEqual({ 202: 850, 200: 100, 401: 50 });

    const [receipts] = await sql<{ n: string }>(session.stack, 'sync', 'select count(*) as n from sync.webhook_delivery where connector_id = ?', [connectorId]);
    expect(Number(receipts.n)).toBe(850);
    await eventually(async () => {
      const [row] = await sql<{ done: string }>(session.stack, 'sync', `select count(*) as done from sync.sync_run where connector_id = ? and status in ('SUCCEEDED', 'FAILED', 'PARTIALLY_SUCCEEDED')`, [connectorId]);
      return Number(row.done) === 850;
    }, 240_000);
    const runs = await sql<{ status: string; n: string }>(session.stack, 'sync', 'select status, count(*) as n from sync.sync_run where connector_id = ? group by status', [connectorId]);
    expect(runs.map((r) => [r.status, Number(r.n)])).toEqual([['SUCCEEDED', 850]]);
    const names = await sql<{ name: string }>(session.stack, 'products', `select name from products.product where sku like 'STORM-%'`);
    expect(names).toHaveLength(850);
    expect(names.filter((n) => n.name.startsWith('Storm ')).length).toBe(850);
  }, 300_000);
});

describe('live sync status through the gateway', () => {
  const shop = serveDuringTests(new FakeShopify());

  it('streams a run from RUNNING to SUCCEEDED with throttled progress, and connector status changes', async () => {
    shop.seed(3000, 'LIVE');
    const connectorId = await createConnector(shop, 'Live shop');
    const client = wsClient(session.stack.gatewayUrl, session.admin);
    const runs = collect<{ syncRunUpdated: { id: string; status: string; processed: number; total: number; startedAt: string | null; entities: string[]; maxAttempts: number; connector: { name: string } } }>(
      client,
      // Fields the event does not carry (times, entities, attempts allowed) are read as the run is now.
      'subscription($c: ID!) { syncRunUpdated(connectorId: $c) { id status processed total startedAt entities maxAttempts connector { name } } }',
      { c: connectorId },
    );
    const statuses = collect<{ connectorStatusChanged: { id: string; status: string } }>(client, 'subscription($c: ID) { connectorStatusChanged(connectorId: $c) { id status } }', { c: connectorId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const run = await sync(connectorId);
    expect(run.status).toBe('SUCCEEDED');
    await eventually(() => runs.results.some((r) => r.data?.syncRunUpdated.status === 'SUCCEEDED'), 10_000);
    expect(runs.results.filter((r) => r.errors)).toEqual([]);
    const seen = runs.results.map((r) => r.data!.syncRunUpdated);
    expect(seen[0]).toMatchObject({ id: run.id, status: 'RUNNING', connector: { name: 'Live shop' } });
    expect(seen[0].startedAt).toEqual(expect.any(String));
    expect(seen[0].entities.length).toBeGreaterThan(0);
    expect(seen[0].maxAttempts).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ status: 'SUCCEEDED', processed: 3000, total: 3000 });
    const progress = seen.filter((e) => e.status === 'RUNNING');
    // Counts only grow; at most one progress event per 500 ms (the run took a while, so there are a few).
    for (let i = 1; i < progress.length; i++) expect(progress[i].processed).toBeGreaterThanOrEqual(progress[i - 1].processed);
    const [timing] = await sql<{ ms: number }>(session.stack, 'sync', 'select extract(epoch from finished_at - started_at) * 1000 as ms from sync.sync_run where id = ?', [run.id]);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(Number(timing.ms) / 500) + 1);

    const paused = await postGraphQL(session.stack.gatewayUrl, 'mutation($id: ID!) { pauseConnector(id: $id) { status } }', { id: connectorId }, { token: session.admin });
    expect(paused.errors).toBeUndefined();
    const [changed] = await statuses.waitFor(1);
    expect(changed.data?.connectorStatusChanged).toEqual({ id: connectorId, status: 'PAUSED' });
    await client.dispose();
  }, 120_000);
});

/** A stable 32-bit hash (FNV-1a) for a deterministic shuffle. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
