import { CreateConnectorDocument, UpdateConnectorDocument, UpdateProductDocument, type CreateConnectorInput } from '../operations/__generated__/graphql';
import { postGraphQL } from './support/client';
import { sql } from './support/fixtures';
import { fakeConnectorInput, useSyncSession } from './support/sync';
import { eventually } from './support/subscribe';
import { serveDuringTests } from '../subgraphs/sync/test/fakes/fake-server';
import { FakeRest } from '../subgraphs/sync/test/fakes/rest';
import { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';

/**
 * Products and customers edited in Tradegraph reach the systems that have them, through the
 * gateway end to end: products.* / customer.* events → sync's durable consumer → a coalesced
 * outbound run → the adapter's push. What sync itself brought in from a system is not pushed
 * back to it (echo), and a burst of edits is pushed as its latest state. Only the groups
 * changed in Tradegraph are sent; a group the shop changed too is a conflict, not overwritten.
 */

const WEBHOOK_SECRET = 'whsec-outbound-records';
const session = useSyncSession();
const { gql } = session;

const UPDATE_CUSTOMER = 'mutation UpdateCustomerForSync($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id name } }';

async function updateCustomer(id: string, input: Record<string, unknown>): Promise<void> {
  const response = await postGraphQL(session.stack.gatewayUrl, UPDATE_CUSTOMER, { id, input }, { token: session.admin });
  expect(response.errors).toBeUndefined();
}

async function idOf(subgraph: 'products' | 'customers', column: 'sku' | 'code', value: string): Promise<string> {
  const [row] = await sql<{ id: string }>(session.stack, subgraph, `select id from ${subgraph}.${subgraph === 'products' ? 'product' : 'customer'} where ${column} = ?`, [value]);
  return row.id;
}

async function createConnector(input: CreateConnectorInput): Promise<string> {
  return (await gql(CreateConnectorDocument, { input })).createConnector.id;
}

describe('products and customers pushed to Shopify', () => {
  const shop = serveDuringTests(new FakeShopify());
  let connectorId: string;

  beforeAll(async () => {
    shop.seed(4, 'OUTREC');
    shop.seedCustomers(2);
    connectorId = await createConnector(fakeConnectorInput(shop, WEBHOOK_SECRET, { name: 'Two-way shop', system: 'SHOPIFY', direction: 'BOTH', entities: ['PRODUCT', 'CUSTOMER'], fieldMapping: { product: { currency: 'EUR' } } }));
    expect(await session.sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', created: 6, failed: 0 });
  });

  const variantPushes = (index: number) => shop.recordUpdates.filter((u) => u.resource === 'variants' && u.id === shop.products[index].variants[0].id);

  it('a product edited in Tradegraph reaches the shop: its title and its variant\'s price', async () => {
    const id = await idOf('products', 'sku', 'OUTREC-00001');
    await gql(UpdateProductDocument, { id, input: { name: 'Renamed in Tradegraph', basePrice: { amount: '99.50', currency: 'EUR' }, brand: 'Tradegraph Tools' } });
    await eventually(() => shop.products[1].title === 'Renamed in Tradegraph', 20_000);
    expect(shop.products[1]).toMatchObject({ vendor: 'Tradegraph Tools', variants: [expect.objectContaining({ price: '99.50' })] });
    expect(variantPushes(1)).toHaveLength(1);
    // Nothing else was pushed: the inbound sync's own writes (6 created) went nowhere.
    expect(shop.recordUpdates.map((u) => u.id)).toEqual([shop.products[1].variants[0].id, shop.products[1].id]);
  }, 30_000);

  it('a change that came in from the shop is not pushed back to it', async () => {
    const before = shop.recordUpdates.length;
    shop.editProduct(0, { title: 'Edited in the shop', price: '12.34' });
    const run = await session.sync(connectorId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    const id = await idOf('products', 'sku', 'OUTREC-00000');
    expect((await sql<{ name: string }>(session.stack, 'products', 'select name from products.product where id = ?', [id]))[0].name).toBe('Edited in the shop');
    // A later Tradegraph edit of another product is pushed after any push of the first (one
    // stream, one queue per connector): once it arrives, an echo would have arrived before it.
    await gql(UpdateProductDocument, { id: await idOf('products', 'sku', 'OUTREC-00002'), input: { name: 'Barrier' } });
    await eventually(() => shop.products[2].title === 'Barrier', 20_000);
    expect(variantPushes(0)).toEqual([]);
    // Only the name changed: the product's title is pushed, the variant (its price) is not touched.
    expect(shop.recordUpdates.slice(before).map((u) => u.id)).toEqual([shop.products[2].id]);
    const runs = await sql<{ n: string }>(session.stack, 'sync', `select count(*) as n from sync.sync_run where connector_id = ? and trigger = 'EVENT' and outbound->'productIds' @> jsonb_build_array(?::text)`, [connectorId, id]);
    expect(Number(runs[0].n)).toBe(0); // dropped when the event came, not even queued
  }, 60_000);

  it('several quick edits while sync is down are pushed once, as the latest', async () => {
    const id = await idOf('products', 'sku', 'OUTREC-00003');
    await session.stack.stopSubgraph('sync');
    for (const n of [1, 2, 3, 4, 5]) await gql(UpdateProductDocument, { id, input: { name: `Edit ${n}`, basePrice: { amount: `${n}0.00`, currency: 'EUR' } } });
    await session.stack.subgraphs.products.runtime.relay!.drain();
    await session.stack.restart('sync');
    await eventually(() => shop.products[3].title === 'Edit 5', 20_000);
    expect(variantPushes(3).map((u) => u.body.price)).toEqual(['50.00']);
  }, 60_000);

  it('a customer edited in Tradegraph reaches the shop', async () => {
    const id = await idOf('customers', 'code', `shopify-${shop.customers[1].id}`);
    await updateCustomer(id, { name: 'Renamed Buyer', email: 'renamed@shop.example', creditLimit: { amount: '900', currency: 'EUR' } });
    await eventually(() => shop.customers[1].email === 'renamed@shop.example', 20_000);
    expect(shop.customers[1]).toMatchObject({ first_name: 'Renamed', last_name: 'Buyer' });
    // The shop reads it back as it was pushed: no change for Tradegraph, and no conflict.
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', updated: 0, conflicts: 0 });
  }, 60_000);

  const idle = () => eventually(async () => Number((await sql<{ n: string }>(session.stack, 'sync', `select count(*) as n from sync.sync_run where connector_id = ? and status in ('QUEUED', 'RUNNING')`, [connectorId]))[0].n) === 0, 20_000);
  const nameOf = async (id: string) => (await sql<{ name: string; base_price_minor: string }>(session.stack, 'products', 'select name, base_price_minor from products.product where id = ?', [id]))[0];

  it('a rename in the shop and a price change in Tradegraph before the next inbound run: only the price is pushed, the shop keeps its title', async () => {
    const id = await idOf('products', 'sku', 'OUTREC-00001');
    const before = shop.recordUpdates.length;
    shop.editProduct(1, { title: 'Renamed in the shop' });
    await gql(UpdateProductDocument, { id, input: { basePrice: { amount: '88.00', currency: 'EUR' } } });
    await eventually(() => shop.products[1].variants[0].price === '88.00', 20_000);
    await idle();
    const variantId = shop.products[1].variants[0].id;
    expect(shop.recordUpdates.slice(before)).toEqual([{ resource: 'variants', id: variantId, body: { id: variantId, price: '88.00' } }]);
    expect(shop.products[1].title).toBe('Renamed in the shop');
    // The next inbound run takes the shop's title: only the shop changed it, no conflict.
    expect(await session.sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', updated: 1, conflicts: 0 });
    expect(await nameOf(id)).toMatchObject({ name: 'Renamed in the shop', base_price_minor: '8800' });
  }, 60_000);

  it('a title changed in both the shop and Tradegraph is not overwritten: a conflict settled by the connector\'s policy (SOURCE_WINS)', async () => {
    const id = await idOf('products', 'sku', 'OUTREC-00002');
    const before = shop.recordUpdates.length;
    shop.editProduct(2, { title: 'Shop title' });
    await gql(UpdateProductDocument, { id, input: { name: 'Tradegraph title' } });
    type Conflict = { status: string; resolution: string; resolved_by: string; source_value: unknown; supergraph_value: unknown };
    const conflicts = () => sql<Conflict>(session.stack, 'sync', 'select status, resolution, resolved_by, source_value, supergraph_value from sync.sync_conflict where connector_id = ? and entity_id = ?', [connectorId, id]);
    await eventually(async () => (await conflicts()).length === 1, 20_000);
    await idle();
    expect(await conflicts()).toEqual([{ status: 'RESOLVED', resolution: 'SOURCE', resolved_by: 'policy:SOURCE_WINS', source_value: { name: 'Shop title' }, supergraph_value: { name: 'Tradegraph title' } }]);
    expect(shop.products[2].title).toBe('Shop title');
    expect(shop.recordUpdates.slice(before)).toEqual([]);
    // The shop's version won: the next inbound run takes it, as a change of the shop's alone.
    expect(await session.sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', updated: 1, conflicts: 0 });
    expect((await nameOf(id)).name).toBe('Shop title');
    expect(await conflicts()).toHaveLength(1);
  }, 60_000);

  it('a price in another currency than the shop\'s is not pushed: the record fails with a clear message', async () => {
    const id = await idOf('products', 'sku', 'OUTREC-00000');
    const price = shop.products[0].variants[0].price;
    const before = shop.recordUpdates.length;
    await gql(UpdateProductDocument, { id, input: { basePrice: { amount: '15.00', currency: 'USD' } } });
    const errors = () => sql<{ external_id: string; message: string }>(session.stack, 'sync', 'select e.external_id, e.message from sync.sync_run_error e join sync.sync_run r on r.id = e.run_id where r.connector_id = ?', [connectorId]);
    await eventually(async () => (await errors()).length === 1, 20_000);
    expect(await errors()).toEqual([{ external_id: String(shop.products[0].variants[0].id), message: expect.stringMatching(/price is in USD but the shop sells in EUR/) }]);
    expect(shop.products[0].variants[0].price).toBe(price);
    expect(shop.recordUpdates.slice(before)).toEqual([]);
  }, 60_000);

  it('under MANUAL the group both changed stays OPEN and unwritten; the other changed group is pushed', async () => {
    await gql(UpdateConnectorDocument, { id: connectorId, input: { conflictPolicy: 'MANUAL' } });
    const id = await idOf('products', 'sku', 'OUTREC-00003');
    shop.editProduct(3, { title: 'Merchant title' });
    await gql(UpdateProductDocument, { id, input: { name: 'Tradegraph title 3', basePrice: { amount: '60.00', currency: 'EUR' } } });
    await eventually(() => shop.products[3].variants[0].price === '60.00', 20_000);
    await idle();
    expect(shop.products[3].title).toBe('Merchant title');
    expect(await sql(session.stack, 'sync', 'select status, resolution, source_value, supergraph_value from sync.sync_conflict where connector_id = ? and entity_id = ?', [connectorId, id])).toEqual([
      { status: 'OPEN', resolution: null, source_value: { name: 'Merchant title' }, supergraph_value: { name: 'Tradegraph title 3' } },
    ]);
    expect((await nameOf(id)).name).toBe('Tradegraph title 3');
  }, 60_000);
});

describe('customers and products pushed to a REST ERP', () => {
  const erp = serveDuringTests(new FakeRest());
  let connectorId: string;

  beforeAll(async () => {
    erp.seed(2, 'OUTERP');
    erp.seedCustomers(2);
    connectorId = await createConnector(fakeConnectorInput(erp, WEBHOOK_SECRET, {
      name: 'Two-way ERP',
      system: 'REST',
      direction: 'BOTH',
      entities: ['PRODUCT', 'CUSTOMER'],
      fieldMapping: {
        product: { path: '/v1/items', itemsPath: 'data', pagination: { type: 'cursor', cursorPath: 'meta.next_cursor' }, fields: { sku: 'code', name: 'title', brand: 'brand.name' } },
        customer: { path: '/v1/customers', itemsPath: 'data', pagination: { type: 'cursor', cursorPath: 'meta.next_cursor' }, fields: { code: 'number', name: 'company', 'creditLimit.amount': 'credit.limit', 'creditLimit.currency': 'credit.currency' } },
      },
    }));
    expect(await session.sync(connectorId)).toMatchObject({ status: 'SUCCEEDED', created: 4, failed: 0 });
  });

  it('a customer edited in Tradegraph reaches the ERP in its own shape; the ERP\'s read-back is no change', async () => {
    const id = await idOf('customers', 'code', 'C-0001');
    await updateCustomer(id, { name: 'Renamed GmbH', creditLimit: { amount: '9000', currency: 'EUR' } });
    await eventually(() => erp.customers[1].company === 'Renamed GmbH', 20_000);
    expect(erp.recordUpdates).toEqual([expect.objectContaining({ method: 'PATCH', url: '/v1/customers/1001', body: expect.objectContaining({ company: 'Renamed GmbH', credit: { limit: '9000.00', currency: 'EUR' } }) })]);
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', updated: 0, conflicts: 0 });
  }, 60_000);

  it('a product edited in Tradegraph reaches the ERP', async () => {
    const id = await idOf('products', 'sku', 'OUTERP-00000');
    await gql(UpdateProductDocument, { id, input: { name: 'ERP rename', basePrice: { amount: '7.25', currency: 'USD' } } });
    await eventually(() => erp.items[0].title === 'ERP rename', 20_000);
    expect(erp.items[0]).toMatchObject({ price: '7.25' });
  }, 60_000);
});

describe('one product in two shops', () => {
  const shopA = serveDuringTests(new FakeShopify());
  const shopB = serveDuringTests(new FakeShopify());

  it('a change that came in from shop A goes to shop B, which has the product too, and not back to A', async () => {
    shopA.seed(1, 'TWOSHOPS');
    shopB.seed(1, 'TWOSHOPS'); // the same sku, so both link to one product
    const connector = (shop: FakeShopify, name: string) => createConnector(fakeConnectorInput(shop, WEBHOOK_SECRET, { name, system: 'SHOPIFY', direction: 'BOTH', entities: ['PRODUCT'], fieldMapping: { product: { currency: 'EUR' } } }));
    const a = await connector(shopA, 'Shop A');
    const b = await connector(shopB, 'Shop B');
    expect(await session.sync(a)).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    expect(await session.sync(b)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });

    shopA.editProduct(0, { title: 'Renamed in shop A', price: '77.00' });
    expect(await session.sync(a)).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    await eventually(() => shopB.products[0].title === 'Renamed in shop A', 20_000);
    expect(shopB.products[0].variants[0].price).toBe('77.00');
    // Whatever shop A's connector had queued is done: it sent nothing.
    await eventually(async () => Number((await sql<{ n: string }>(session.stack, 'sync', `select count(*) as n from sync.sync_run where connector_id = ? and status in ('QUEUED', 'RUNNING')`, [a]))[0].n) === 0, 20_000);
    expect(shopA.recordUpdates).toEqual([]);
  }, 60_000);
});
