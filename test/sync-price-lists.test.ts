import {
  CreateConnectorDocument,
  CreatePriceListDocument,
  CreateProductDocument,
  CustomerPriceForProductDocument,
  SetPriceListPricesDocument,
  SyncedCustomerPricingDocument,
  SyncedPriceListsDocument,
  type CreateConnectorInput,
} from '../operations/__generated__/graphql';
import { fakeConnectorInput, useSyncSession } from './support/sync';
import { FakeNetSuite } from '../subgraphs/sync/test/fakes/netsuite';
import { FakeSapBusinessOne } from '../subgraphs/sync/test/fakes/sap-business-one';
import { FakeDynamics365 } from '../subgraphs/sync/test/fakes/dynamics-365';
import { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';
import { serveDuringTests } from '../subgraphs/sync/test/fakes/fake-server';

/**
 * Inbound customer-specific prices through the gateway: an ERP's price levels (NetSuite), price
 * lists (SAP Business One) and customer price groups (Business Central), and Shopify B2B
 * catalogs' price lists (GraphQL Admin API) become Tradegraph price
 * lists assigned to the customers synced from the same connector, and change what `priceFor`
 * answers for them; a re-run changes nothing, a changed or dropped price at the source follows.
 * Lists are taken from customers only under deletions ARCHIVE and never on an empty read; a
 * synced list is tied to its source by its ref, never adopted by name.
 */

const session = useSyncSession();
const { gql } = session;

async function createConnector(input: CreateConnectorInput): Promise<string> {
  return (await gql(CreateConnectorDocument, { input })).createConnector.id;
}

/** What `priceFor` answers for the customer (by code) and product (by SKU). */
async function priceFor(customerCode: string, sku: string): Promise<{ amount: number; currency: string }> {
  const { customer } = await gql(SyncedCustomerPricingDocument, { code: customerCode, sku });
  if (!customer) throw new Error(`no customer ${customerCode}`);
  const { product } = await gql(CustomerPriceForProductDocument, { sku, customerId: customer.id });
  if (!product?.priceFor) throw new Error(`no price for ${sku}`);
  return { amount: Number(product.priceFor.amount), currency: product.priceFor.currency };
}

async function listOf(customerCode: string): Promise<string | null> {
  const { customer } = await gql(SyncedCustomerPricingDocument, { code: customerCode, sku: 'none' });
  return customer?.priceList?.name ?? null;
}

describe('NETSUITE price levels', () => {
  const ns = serveDuringTests(new FakeNetSuite());
  let connectorId: string;
  beforeAll(async () => {
    ns.latencyMs = 0;
    ns.seed(4, 3);
    // Base Price (1) is the products' own; Alternate Price 1 (2) and Online Price (5) are customers'.
    ns.items[0].prices = { '1': 10.5, '2': 8.25, '5': 9 };
    ns.items[1].prices = { '1': 11.5, '2': 20 };
    ns.customers[0].priceLevel = '2';
    ns.customers[1].priceLevel = '5';
    connectorId = await createConnector(fakeConnectorInput(ns, 'whsec-prices', { name: 'NetSuite prices', system: 'NETSUITE', mode: 'POLLING', entities: ['PRODUCT', 'CUSTOMER', 'PRICE_LIST'], deletions: 'ARCHIVE', fieldMapping: { product: { currency: 'USD' } } }));
  });

  it('turns the price levels customers buy at into price lists that priceFor follows; a re-run changes nothing', async () => {
    const first = await session.sync(connectorId);
    // 4 items, 3 customers, 2 price levels in use (Base Price is left out: its customers pay base prices).
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: 9, created: 9, failed: 0 });
    // Three SuiteQL queries (levels, prices, customers' levels), not a GET per item.
    expect(ns.received.filter((r) => r.method === 'POST' && r.path === '/services/rest/query/v1/suiteql' && r.headers.prefer === 'transient')).toHaveLength(3);

    expect(await priceFor('CUST-0000', 'NS-00000')).toEqual({ amount: 8.25, currency: 'USD' });
    expect(await priceFor('CUST-0001', 'NS-00000')).toEqual({ amount: 9, currency: 'USD' });
    expect(await priceFor('CUST-0002', 'NS-00000')).toEqual({ amount: 10.5, currency: 'USD' }); // no level: the base price
    expect(await priceFor('CUST-0000', 'NS-00001')).toEqual({ amount: 20, currency: 'USD' });
    expect(await priceFor('CUST-0001', 'NS-00001')).toEqual({ amount: 11.5, currency: 'USD' }); // Online Price has none for it
    expect(await listOf('CUST-0000')).toBe('Alternate Price 1 (NetSuite prices)');

    const again = await session.sync(connectorId, { full: true });
    expect(again).toMatchObject({ status: 'SUCCEEDED', total: 9, created: 0, updated: 0, unchanged: 9, failed: 0 });
    const { priceLists } = await gql(SyncedPriceListsDocument, {});
    expect(priceLists.filter((l) => l.name.endsWith('(NetSuite prices)')).map((l) => [l.name, l.currency, l.prices.totalCount]).sort()).toEqual([
      ['Alternate Price 1 (NetSuite prices)', 'USD', 2],
      ['Online Price (NetSuite prices)', 'USD', 1],
    ]);
  });

  it('follows a changed price, a dropped price, a customer moved to another level and one taken off its level', async () => {
    ns.items[0].prices!['2'] = 7.5;
    delete ns.items[1].prices!['2'];
    ns.customers[2].priceLevel = '5';
    ns.customers[1].priceLevel = null;
    const run = await session.sync(connectorId, { full: true });
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 2, failed: 0 });
    expect(await priceFor('CUST-0000', 'NS-00000')).toEqual({ amount: 7.5, currency: 'USD' });
    expect(await priceFor('CUST-0000', 'NS-00001')).toEqual({ amount: 11.5, currency: 'USD' });
    expect(await priceFor('CUST-0002', 'NS-00000')).toEqual({ amount: 9, currency: 'USD' });
    expect(await priceFor('CUST-0001', 'NS-00000')).toEqual({ amount: 10.5, currency: 'USD' });
    expect(await listOf('CUST-0001')).toBeNull();
  });

  it('takes a level made inactive in NetSuite from its customers (deletions ARCHIVE); the list stays', async () => {
    ns.priceLevels.find((l) => l.id === '5')!.isInactive = true;
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(await listOf('CUST-0002')).toBeNull();
    expect(await priceFor('CUST-0002', 'NS-00000')).toEqual({ amount: 10.5, currency: 'USD' });
    expect(await listOf('CUST-0000')).toBe('Alternate Price 1 (NetSuite prices)');
    const { priceLists } = await gql(SyncedPriceListsDocument, {});
    expect(priceLists.map((l) => l.name)).toContain('Online Price (NetSuite prices)');
  });

  it('takes nothing from anybody when the source returns no list at all', async () => {
    for (const level of ns.priceLevels) level.isInactive = true;
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(await listOf('CUST-0000')).toBe('Alternate Price 1 (NetSuite prices)');
    expect(await priceFor('CUST-0000', 'NS-00000')).toEqual({ amount: 7.5, currency: 'USD' });
  });
});

describe('SAP_BUSINESS_ONE price lists', () => {
  const sap = serveDuringTests(new FakeSapBusinessOne());
  let connectorId: string;
  beforeAll(async () => {
    sap.seed(3, 2);
    sap.partners[0].PriceListNum = 2; // Retail: double the base price
    connectorId = await createConnector(
      fakeConnectorInput(sap, 'whsec-prices', {
        name: 'SAP prices',
        system: 'SAP_BUSINESS_ONE',
        mode: 'POLLING',
        entities: ['PRODUCT', 'CUSTOMER', 'PRICE_LIST'],
        fieldMapping: { product: { currency: 'EUR', priceList: 1 } },
        credentials: { companyDb: sap.companyDb, userName: sap.userName, password: sap.password },
      }),
    );
  });

  it('assigns the Retail list (PriceListNum 2) to its business partner and priceFor answers its prices; a changed price follows', async () => {
    const first = await session.sync(connectorId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: 3 + 2 + 1, created: 6, failed: 0 });
    expect(await priceFor('C0000', 'A00001')).toEqual({ amount: 12, currency: 'EUR' });
    expect(await priceFor('C0001', 'A00001')).toEqual({ amount: 6, currency: 'EUR' }); // on the base list
    expect(await listOf('C0000')).toBe('Retail (SAP prices)');
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: 6, failed: 0 });

    const prices = sap.items[1].ItemPrices as { PriceList: number; Price: number }[];
    prices.find((p) => p.PriceList === 2)!.Price = 13.4;
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', updated: 1, failed: 0 });
    expect(await priceFor('C0000', 'A00001')).toEqual({ amount: 13.4, currency: 'EUR' });
  });

  it('under deletions IGNORE, a list made inactive keeps its customers', async () => {
    sap.priceLists.push({ PriceListNo: 3, PriceListName: 'Export', DefaultPrimeCurrency: 'EUR', Active: 'tYES' });
    sap.partners[1].PriceListNum = 3;
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(await listOf('C0001')).toBe('Export (SAP prices)');
    sap.priceLists.find((l) => l.PriceListNo === 2)!.Active = 'tNO';
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(await listOf('C0000')).toBe('Retail (SAP prices)');
  });
});

describe('DYNAMICS_365 customer price groups', () => {
  const bc = serveDuringTests(new FakeDynamics365());
  let connectorId: string;
  let handList: string;
  beforeAll(async () => {
    bc.seed(3, 2);
    bc.customerPriceGroups = [{ id: 'a0000000-0000-4000-8000-000000000001', code: 'WHOLESALE', description: 'Wholesale' }];
    const price = { salesType: 'Customer Price Group', salesCode: 'WHOLESALE', currencyCode: '', minimumQuantity: 0 };
    bc.salesPrices = [
      { id: 'b0000000-0000-4000-8000-000000000001', itemNumber: '1000-0001', unitPrice: 15.5, startingDate: '2020-01-01', endingDate: '0001-01-01', ...price },
      // expired: not a price any more
      { id: 'b0000000-0000-4000-8000-000000000002', itemNumber: '1000-0002', unitPrice: 1, startingDate: '2020-01-01', endingDate: '2021-12-31', ...price },
    ];
    bc.customers[0].customerPriceGroup = 'WHOLESALE';
    // A list made by hand that happens to have the name sync would give the group, with a price of its own.
    handList = (await gql(CreatePriceListDocument, { input: { name: 'Wholesale (BC prices)', currency: 'EUR' } })).createPriceList.id;
    const hand = (await gql(CreateProductDocument, { input: { sku: 'HAND-1', name: 'Made by hand', basePrice: { amount: '3', currency: 'EUR' } } })).createProduct.id;
    await gql(SetPriceListPricesDocument, { input: { priceListId: handList, prices: [{ productId: hand, price: { amount: '2.5', currency: 'EUR' } }] } });
    connectorId = await createConnector(
      fakeConnectorInput(bc, 'whsec-prices', { name: 'BC prices', system: 'DYNAMICS_365', mode: 'POLLING', entities: ['PRODUCT', 'CUSTOMER', 'PRICE_LIST'], fieldMapping: { companyId: bc.companyId, product: { currency: 'EUR' } } }),
    );
  });

  it('turns the WHOLESALE group into a price list of its current sales prices for the customers in it', async () => {
    const first = await session.sync(connectorId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: 3 + 2 + 1, created: 6, failed: 0 });
    expect(await priceFor('C-0000', '1000-0001')).toEqual({ amount: 15.5, currency: 'EUR' });
    expect(await priceFor('C-0000', '1000-0002')).toEqual({ amount: 22, currency: 'EUR' }); // the expired price is not taken
    expect(await priceFor('C-0001', '1000-0001')).toEqual({ amount: 21, currency: 'EUR' });
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: 6, failed: 0 });
  });

  it('leaves a hand-made list of the same name alone: the synced one gets a suffix', async () => {
    expect(await listOf('C-0000')).toBe('Wholesale (BC prices) (2)');
    const { priceLists } = await gql(SyncedPriceListsDocument, {});
    const hand = priceLists.find((l) => l.id === handList)!;
    expect(hand.prices.edges.map((e) => [e.node.product?.sku, e.node.price.amount])).toEqual([['HAND-1', '2.50']]);
  });
});

describe('SHOPIFY B2B catalog price lists', () => {
  const shop = serveDuringTests(new FakeShopify());
  let connectorId: string;
  let wholesale: ReturnType<typeof shop.b2b.addB2BPriceList>;
  beforeAll(async () => {
    shop.seed(3); // SHOP-00000 … 00002 at 10, 11, 12 EUR; variants 9000000 …
    shop.seedCustomers(2); // shopify-6000000, shopify-6000001
    shop.b2b.clear();
    shop.b2b.bucket = { maximumAvailable: 20_000, restoreRate: 1000, currentlyAvailable: 20_000 }; // B2B is a Shopify Plus feature: Plus's 1,000 points a second
    // Customer 6000000 buys for a company location whose catalog's list has one fixed price and 10 % off the rest.
    wholesale = shop.b2b.addB2BPriceList({ name: 'Wholesale', currency: 'EUR', contacts: [6_000_000], fixed: { 9_000_000: '7.50' }, adjustment: { type: 'PERCENTAGE_DECREASE', value: 10 } });
    connectorId = await createConnector(fakeConnectorInput(shop, 'whsec-prices', { name: 'Shop prices', system: 'SHOPIFY', mode: 'POLLING', entities: ['PRODUCT', 'CUSTOMER', 'PRICE_LIST'], fieldMapping: { product: { currency: 'EUR' } } }));
  });

  it('turns the catalog\'s price list into a list assigned to the synced customer, and priceFor follows it; a re-run changes nothing', async () => {
    const first = await session.sync(connectorId);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: 3 + 2 + 1, created: 6, failed: 0 });
    expect(shop.requestsTo('POST', 'graphql.json').length).toBeGreaterThan(0);
    expect(await listOf('shopify-6000000')).toBe('Wholesale (Shop prices)');
    expect(await priceFor('shopify-6000000', 'SHOP-00000')).toEqual({ amount: 7.5, currency: 'EUR' }); // fixed
    expect(await priceFor('shopify-6000000', 'SHOP-00001')).toEqual({ amount: 9.9, currency: 'EUR' }); // 10 % off 11
    expect(await priceFor('shopify-6000001', 'SHOP-00001')).toEqual({ amount: 11, currency: 'EUR' }); // no company location: base price
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: 6, failed: 0 });
  });

  it('follows a fixed price changed in the shop, and a base price change through the adjustment', async () => {
    wholesale.fixed.set(9_000_000, '6.00');
    shop.editProduct(1, { price: '20.00' });
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 2, failed: 0 }); // the product and the list
    expect(await priceFor('shopify-6000000', 'SHOP-00000')).toEqual({ amount: 6, currency: 'EUR' });
    expect(await priceFor('shopify-6000000', 'SHOP-00001')).toEqual({ amount: 18, currency: 'EUR' });
  });

  it('takes the list from the customer when the shop archives the catalog, waiting out a throttled bucket', async () => {
    shop.b2b.catalogs.find((c) => c.id === wholesale.catalogId)!.status = 'ARCHIVED';
    shop.b2b.queries = [];
    shop.b2b.drain(0); // other apps used the shop's points
    expect(await session.sync(connectorId, { full: true })).toMatchObject({ status: 'SUCCEEDED', updated: 1, failed: 0 });
    expect(await listOf('shopify-6000000')).toBeNull();
    expect(await priceFor('shopify-6000000', 'SHOP-00000')).toEqual({ amount: 10, currency: 'EUR' });
    expect(shop.b2b.queries[0]).toMatchObject({ throttled: true });
  });
});
