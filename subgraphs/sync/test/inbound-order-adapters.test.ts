/**
 * Each adapter's `orders()` read against its local fake over real HTTP: the request each
 * system needs (Shopify `status=any`, NetSuite records with their item sublist, SAP B1
 * `Orders` with `DocumentLines`, Business Central `$expand=salesOrderLines`, the REST
 * mapping), deltas, the status each source state maps to, and orders a Tradegraph push
 * created being recognised as Tradegraph's own.
 */
import { Dynamics365Adapter } from '../src/adapters/dynamics-365';
import { NetSuiteAdapter } from '../src/adapters/netsuite';
import { RestAdapter } from '../src/adapters/rest';
import { restOrderStatus } from '../src/adapters/rest-orders';
import { SapBusinessOneAdapter } from '../src/adapters/sap-business-one';
import { ShopifyAdapter } from '../src/adapters/shopify';
import { inboundOrderKey, sourceAccountOf } from '../src/services/inbound-orders';
import { ExternalSystem } from '../src/entities';
import { all, context, order } from './adapter-helpers';
import { serveDuringTests } from './fakes/fake-server';
import { FakeDynamics365 } from './fakes/dynamics-365';
import { FakeNetSuite } from './fakes/netsuite';
import { FakeRest } from './fakes/rest';
import { FakeSapBusinessOne } from './fakes/sap-business-one';
import { FakeShopify } from './fakes/shopify';

test('the idempotency key is <system>:<source account>:<external id>, and stays within placeOrder\'s 200 characters', () => {
  expect(inboundOrderKey(ExternalSystem.SAP_BUSINESS_ONE, 'https://b1.example:50000|companyDb=SBODEMO', '301')).toBe('sap_business_one:https://b1.example:50000|companyDb=SBODEMO:301');
  const long = inboundOrderKey(ExternalSystem.SAP_BUSINESS_ONE, 'https://b1.example', 'x'.repeat(200));
  expect(long.length).toBeLessThanOrEqual(200);
  expect(long).toMatch(/^sap_business_one:sha256:[0-9a-f]{64}$/);
  expect(inboundOrderKey(ExternalSystem.SAP_BUSINESS_ONE, 'https://b1.example', 'y'.repeat(200))).not.toBe(long);
  expect(inboundOrderKey(ExternalSystem.SAP_BUSINESS_ONE, 'https://other.example', 'x'.repeat(200))).not.toBe(long);
});

test('the source account is the baseUrl\'s origin (a REST API\'s path too) and what the adapter names within it; never the connector', () => {
  // Two connectors to the same shop, however their baseUrl is spelled, share it.
  expect(sourceAccountOf({ system: ExternalSystem.SHOPIFY, baseUrl: 'https://Acme.myshopify.com:443/' }, {})).toBe('https://acme.myshopify.com');
  expect(sourceAccountOf({ system: ExternalSystem.SHOPIFY, baseUrl: 'https://acme.myshopify.com/admin' }, {})).toBe('https://acme.myshopify.com');
  expect(sourceAccountOf({ system: ExternalSystem.REST, baseUrl: 'https://api.example.com/tenants/7/' }, {})).toBe('https://api.example.com/tenants/7');
  // Two SAP company databases (or BC companies) behind one server do not.
  const sap = (companyDb: string) => new SapBusinessOneAdapter(context('https://b1.example:50000', { companyDb, userName: 'u', password: 'p' }));
  expect(sourceAccountOf({ system: ExternalSystem.SAP_BUSINESS_ONE, baseUrl: 'https://b1.example:50000' }, sap('SBO_A'))).toBe('https://b1.example:50000|companyDb=SBO_A');
  expect(sourceAccountOf({ system: ExternalSystem.SAP_BUSINESS_ONE, baseUrl: 'https://b1.example:50000' }, sap('SBO_B'))).not.toBe(sourceAccountOf({ system: ExternalSystem.SAP_BUSINESS_ONE, baseUrl: 'https://b1.example:50000' }, sap('SBO_A')));
  const bc = new Dynamics365Adapter(context('https://api.businesscentral.dynamics.com/v2.0/t/Production', { accessToken: 't' }, { companyId: 'ABC-1' }));
  expect(sourceAccountOf({ system: ExternalSystem.DYNAMICS_365, baseUrl: 'https://api.businesscentral.dynamics.com/v2.0/t/Production' }, bc)).toBe('https://api.businesscentral.dynamics.com|company=abc-1');
});

describe('Shopify orders', () => {
  const shop = serveDuringTests(new FakeShopify(), (fake) => {
    fake.seed(3);
    fake.seedCustomers(1);
    fake.orders.clear();
  });
  const adapter = () => new ShopifyAdapter(context(shop.url, { accessToken: shop.accessToken }));

  test('reads orders of any status with their customer and variant lines; cancelled, fulfilled, closed unfulfilled and pushed ones say so', async () => {
    const open = shop.placeShopOrder(shop.customers[0].id, [{ variantId: shop.products[1].variants[0].id, quantity: 2 }, { variantId: null, quantity: 1 }]);
    const cancelled = shop.placeShopOrder(shop.customers[0].id, [{ variantId: shop.products[2].variants[0].id, quantity: 1 }]);
    shop.changeShopOrder(cancelled, 'cancel');
    const fulfilled = shop.placeShopOrder(null, [{ variantId: shop.products[0].variants[0].id, quantity: 1 }]);
    shop.changeShopOrder(fulfilled, 'fulfil');
    shop.changeShopOrder(fulfilled, 'close');
    const closed = shop.placeShopOrder(null, [{ variantId: shop.products[0].variants[0].id, quantity: 1 }]);
    shop.changeShopOrder(closed, 'close');
    const tagged = shop.placeShopOrder(shop.customers[0].id, [{ variantId: shop.products[0].variants[0].id, quantity: 1 }]);
    shop.orders.get(tagged)!.body.tags = 'Tradegraph, vip';
    const pushed = await adapter().pushOrder(order({ lines: [{ sku: 'X', name: 'X', quantity: 1, unitPrice: '1', externalId: String(shop.products[0].variants[0].id) }] }), null);

    const { items } = await all(adapter().orders({ since: null }));
    const [get] = shop.requestsTo('GET', 'orders.json');
    expect(get.query.get('status')).toBe('any');
    expect(get.query.get('updated_at_min')).toBeNull();
    expect(items).toEqual([
      { externalId: String(open), number: '#1001', updatedAt: expect.any(String), status: 'OPEN', customerExternalId: String(shop.customers[0].id), lines: [{ productExternalId: String(shop.products[1].variants[0].id), quantity: 2 }, { productExternalId: null, quantity: 1 }], fromTradegraph: false, claimedOrderId: null },
      expect.objectContaining({ externalId: String(cancelled), status: 'CANCELLED', fromTradegraph: false }),
      expect.objectContaining({ externalId: String(fulfilled), status: 'FULFILLED', customerExternalId: null }),
      expect.objectContaining({ externalId: String(closed), status: 'CANCELLED' }),
      // A tag typed in the shop admin proves nothing; the push's source_identifier is checked against our pushes.
      expect.objectContaining({ externalId: String(tagged), status: 'OPEN', fromTradegraph: false, claimedOrderId: null }),
      expect.objectContaining({ externalId: pushed.externalId, fromTradegraph: false, claimedOrderId: order().id }),
    ]);
  });

  test('a delta asks for updated_at_min and gets only the orders changed since', async () => {
    const old = shop.placeShopOrder(shop.customers[0].id, [{ variantId: shop.products[0].variants[0].id, quantity: 1 }]);
    const since = new Date(Date.now() + 5000);
    shop.orders.get(old)!.body.updated_at = new Date(since.getTime() - 60_000).toISOString();
    const recent = shop.placeShopOrder(shop.customers[0].id, [{ variantId: shop.products[0].variants[0].id, quantity: 1 }]);
    shop.orders.get(recent)!.body.updated_at = new Date(since.getTime() + 1000).toISOString();
    const { items } = await all(adapter().orders({ since }));
    expect(shop.requestsTo('GET', 'orders.json')[0].query.get('updated_at_min')).toBe(since.toISOString());
    expect(items.map((o) => o.externalId)).toEqual([String(recent)]);
  });
});

describe('NetSuite sales orders', () => {
  const ns = serveDuringTests(new FakeNetSuite(), (fake) => fake.seed(3, 2));
  const adapter = () => new NetSuiteAdapter(context(ns.url, { accessToken: ns.accessToken }));

  test('reads each salesOrder with its item sublist inline; status C and H (closed) are CANCELLED, F and G (billed) FULFILLED; a pushed one is Tradegraph\'s', async () => {
    const open = ns.addSalesOrder('5001', [{ itemId: '1001', quantity: 4 }]);
    const cancelled = ns.addSalesOrder('5000', [{ itemId: '1002', quantity: 1 }]);
    await ns.setSalesOrderStatus(cancelled, { id: 'C', refName: 'Cancelled' });
    const billed = ns.addSalesOrder('5000', [{ itemId: '1000', quantity: 1 }]);
    await ns.setSalesOrderStatus(billed, { id: 'G', refName: 'Billed' });
    const closed = ns.addSalesOrder('5000', [{ itemId: '1000', quantity: 1 }]);
    await ns.setSalesOrderStatus(closed, { id: 'H', refName: 'Closed' });
    const pendingBilling = ns.addSalesOrder('5000', [{ itemId: '1000', quantity: 1 }]);
    await ns.setSalesOrderStatus(pendingBilling, { id: 'F', refName: 'Pending Billing' });
    const pushed = await adapter().pushOrder(order({ customer: { ...order().customer, externalId: '5000' }, lines: [{ sku: 'NS-00000', name: 'n', quantity: 1, unitPrice: '10', externalId: '1000' }] }), null);

    const { items } = await all(adapter().orders({ since: null }));
    expect(ns.received.filter((r) => /\/salesOrder\/\d+$/.test(r.path)).every((r) => r.query.get('expandSubResources') === 'true')).toBe(true);
    expect(items).toEqual([
      { externalId: open, number: `SO${open}`, updatedAt: expect.any(String), status: 'OPEN', customerExternalId: '5001', lines: [{ productExternalId: '1001', quantity: 4 }], fromTradegraph: false },
      expect.objectContaining({ externalId: cancelled, status: 'CANCELLED' }),
      expect.objectContaining({ externalId: billed, status: 'FULFILLED' }),
      expect.objectContaining({ externalId: closed, status: 'CANCELLED' }),
      expect.objectContaining({ externalId: pendingBilling, status: 'FULFILLED' }),
      expect.objectContaining({ externalId: pushed.externalId, customerExternalId: '5000', fromTradegraph: true }),
    ]);
  });
});

describe('SAP Business One Orders', () => {
  const sap = serveDuringTests(new FakeSapBusinessOne(), (fake) => fake.seed(3, 2));
  const adapter = () => new SapBusinessOneAdapter(context(sap.url, { companyDb: sap.companyDb, userName: sap.userName, password: sap.password }));

  test('reads Orders with DocumentLines by DocEntry, a delta by UpdateDate; Cancelled tYES is CANCELLED, delivered in full FULFILLED, closed by hand CANCELLED', async () => {
    const open = sap.addSapOrder('C0001', [{ itemCode: 'A00001', quantity: 3 }]);
    const cancelled = sap.addSapOrder('C0000', [{ itemCode: 'A00002', quantity: 1 }]);
    sap.changeSapOrder(cancelled, 'Cancel');
    const closed = sap.addSapOrder('C0000', [{ itemCode: 'A00000', quantity: 1 }]);
    sap.changeSapOrder(closed, 'Close');
    const delivered = sap.addSapOrder('C0000', [{ itemCode: 'A00000', quantity: 2 }]);
    sap.changeSapOrder(delivered, 'Deliver');
    const a = adapter();
    try {
      const { items } = await all(a.orders({ since: new Date() }));
      const [get] = sap.requestsTo('GET', 'Orders');
      expect(get.query.get('$filter')).toBe(`UpdateDate ge '${new Date().toISOString().slice(0, 10)}'`);
      expect(get.query.get('$orderby')).toBe('DocEntry');
      expect(get.query.get('$select')).toContain('DocumentLines');
      expect(items).toEqual([
        { externalId: String(open), number: String(open + 1000), updatedAt: expect.any(String), status: 'OPEN', customerExternalId: 'C0001', lines: [{ productExternalId: 'A00001', quantity: 3 }], fromTradegraph: false },
        expect.objectContaining({ externalId: String(cancelled), status: 'CANCELLED' }),
        expect.objectContaining({ externalId: String(closed), status: 'CANCELLED' }),
        expect.objectContaining({ externalId: String(delivered), status: 'FULFILLED' }),
      ]);
      const pushed = await a.pushOrder(order({ customer: { ...order().customer, externalId: 'C0001' }, lines: [{ sku: 'A00001', name: 'a', quantity: 1, unitPrice: '5', externalId: 'A00001' }] }), null);
      expect((await all(a.orders({ since: null }))).items.find((o) => o.externalId === pushed.externalId)).toMatchObject({ fromTradegraph: true });
    } finally {
      await a.close();
    }
  });
});

describe('Business Central salesOrders', () => {
  const bc = serveDuringTests(new FakeDynamics365(), (fake) => fake.seed(3, 2));
  const adapter = () => new Dynamics365Adapter(context(bc.url, { accessToken: bc.accessToken }, { companyId: bc.companyId }));

  test('reads salesOrders with $expand=salesOrderLines (Item lines only); fullyShipped is FULFILLED; a pushed one is Tradegraph\'s', async () => {
    const open = bc.addSalesOrder(bc.customers[1].id, [{ itemId: bc.items[1].id, quantity: 2 }]);
    bc.salesOrderLines.get(open)!.push({ id: 'comment-line', lineType: 'Comment', description: 'Deliver to the back door' });
    const shipped = bc.addSalesOrder(bc.customers[0].id, [{ itemId: bc.items[2].id, quantity: 1 }]);
    bc.shipSalesOrder(shipped);
    const pushed = await adapter().pushOrder(order({ number: 'SO-001001', customer: { ...order().customer, externalId: bc.customers[0].id }, lines: [{ sku: '1000-0000', name: 'b', quantity: 1, unitPrice: '20', externalId: bc.items[0].id }] }), null);
    const since = new Date(Date.now() - 60_000);
    const { items } = await all(adapter().orders({ since }));
    const [get] = bc.requestsTo('GET', 'salesOrders');
    expect(get.query.get('$expand')).toBe('salesOrderLines');
    expect(get.query.get('$filter')).toMatch(/^lastModifiedDateTime ge \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(items).toEqual([
      { externalId: open, number: expect.stringMatching(/^S-ORD/), updatedAt: expect.any(String), status: 'OPEN', customerExternalId: bc.customers[1].id, lines: [{ productExternalId: bc.items[1].id, quantity: 2 }], fromTradegraph: false },
      expect.objectContaining({ externalId: shipped, status: 'FULFILLED' }),
      expect.objectContaining({ externalId: pushed.externalId, fromTradegraph: true }),
    ]);
  });
});

describe('REST orders', () => {
  const rest = serveDuringTests(new FakeRest(), (fake) => {
    fake.sourceOrders = [
      { id: 'o1', number: 'R-1', status: 'open', customer_id: 1000, lines: [{ product_id: 'item_1', quantity: 2 }], updated_at: '2026-01-02T00:00:00.000Z' },
      { id: 'o2', number: 'R-2', status: 'Cancelled', customer_id: 1001, lines: [{ product_id: 'item_2', quantity: 1 }], updated_at: '2026-01-03T00:00:00.000Z' },
    ];
  });
  const spec = { path: '/v1/orders', itemsPath: 'data', updatedSinceParam: 'updated_since', pagination: { type: 'cursor', cursorPath: 'meta.next_cursor', param: 'cursor', sizeParam: 'limit', size: 1 } };

  test('reads mapping.inboundOrder page by page with the default fields, a delta by its updatedSinceParam', async () => {
    const adapter = new RestAdapter(context(rest.url, { accessToken: rest.accessToken }, { inboundOrder: spec }));
    const { pages, items } = await all(adapter.orders({ since: null }));
    expect(pages).toBe(2);
    expect(items).toEqual([
      { externalId: 'o1', number: 'R-1', updatedAt: '2026-01-02T00:00:00.000Z', status: 'OPEN', customerExternalId: '1000', lines: [{ productExternalId: 'item_1', quantity: 2 }], fromTradegraph: false },
      expect.objectContaining({ externalId: 'o2', status: 'CANCELLED' }),
    ]);
    const delta = await all(adapter.orders({ since: new Date('2026-01-02T12:00:00Z') }));
    expect(delta.items.map((o) => o.externalId)).toEqual(['o2']);
  });

  test('field overrides reach nested lines; without mapping.inboundOrder no orders are read', async () => {
    rest.sourceOrders = [{ id: 'o9', number: 'R-9', status: 'shipped', customer_id: 7, lines: [{ product_id: 'item_4', quantity: 5 }], updated_at: '2026-01-02T00:00:00.000Z' }];
    const mapped = new RestAdapter(context(rest.url, { accessToken: rest.accessToken }, { inboundOrder: { ...spec, fields: { number: 'id', lineQuantity: 'quantity', lineProduct: 'product_id' } } }));
    expect((await all(mapped.orders({ since: null }))).items).toEqual([expect.objectContaining({ number: 'o9', status: 'FULFILLED', lines: [{ productExternalId: 'item_4', quantity: 5 }] })]);
    const pushOnly = new RestAdapter(context(rest.url, { accessToken: rest.accessToken }, { order: { path: '/v1/orders' } }));
    expect(await all(pushOnly.orders({ since: null }))).toEqual({ pages: 0, items: [] });
    expect(restOrderStatus('VOIDED')).toBe('CANCELLED');
    expect(restOrderStatus('Closed')).toBe('CANCELLED');
    expect(restOrderStatus('delivered')).toBe('FULFILLED');
    expect(restOrderStatus('pending')).toBe('OPEN');
  });
});
