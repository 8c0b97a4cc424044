/**
 * The NetSuite, SAP Business One and Dynamics 365 adapters against local fakes of each system
 * (test/fakes), over real HTTP on 127.0.0.1: paging, deltas, stock by location, customers,
 * order push, error classification and webhook mapping.
 */
import { Dynamics365Adapter } from '../src/adapters/dynamics-365';
import { NetSuiteAdapter } from '../src/adapters/netsuite';
import { odataPages, odataQuery, recordsOf, sinceFilter } from '../src/adapters/odata';
import { SapBusinessOneAdapter } from '../src/adapters/sap-business-one';
import type { AdapterContext, FieldMapping } from '../src/adapters/types';
import { ExternalSystem } from '../src/entities';
import { FakeDynamics365 } from './fakes/dynamics-365';
import { FakeNetSuite } from './fakes/netsuite';
import { FakeSapBusinessOne } from './fakes/sap-business-one';
import { all, context, failureOf, order } from './adapter-helpers';
import { serveDuringTests } from './fakes/fake-server';

test('the adapter registry builds the three ERP adapters', () => {
  // Required here so that another adapter in the registry being broken fails this test only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { adapterClasses } = require('../src/adapters') as typeof import('../src/adapters');
  const ns = new adapterClasses[ExternalSystem.NETSUITE]!(context('http://127.0.0.1:9', { accessToken: 't' }));
  const sap = new adapterClasses[ExternalSystem.SAP_BUSINESS_ONE]!(context('http://127.0.0.1:9', { companyDb: 'DB', userName: 'u', password: 'p' }));
  const bc = new adapterClasses[ExternalSystem.DYNAMICS_365]!(context('http://127.0.0.1:9', { accessToken: 't', companyId: 'c' }));
  expect([ns.system, sap.system, bc.system]).toEqual([ExternalSystem.NETSUITE, ExternalSystem.SAP_BUSINESS_ONE, ExternalSystem.DYNAMICS_365]);
  expect(ns).toBeInstanceOf(NetSuiteAdapter);
  expect(sap).toBeInstanceOf(SapBusinessOneAdapter);
  expect(bc).toBeInstanceOf(Dynamics365Adapter);
  // Systems with no "set stock" API say so by not having the method.
  expect(ns.pushStock).toBeUndefined();
  expect(bc.pushStock).toBeUndefined();
  expect(typeof sap.pushStock).toBe('function');
});

describe('shared OData helpers', () => {
  test('sinceFilter writes each system’s date literal, and nothing without a date', () => {
    const since = new Date('2026-05-29T15:30:12.345Z');
    expect(sinceFilter('UpdateDate', since, 'quoted-date')).toBe("UpdateDate ge '2026-05-29'");
    expect(sinceFilter('lastModifiedDateTime', since, 'datetimeoffset')).toBe('lastModifiedDateTime ge 2026-05-29T15:30:12Z');
    expect(sinceFilter('UpdateDate', null, 'quoted-date')).toBeNull();
  });

  test('odataQuery encodes values, keeps $ literal and drops null conditions', () => {
    expect(odataQuery('Items', { select: ['ItemCode', 'ItemName', 'ItemCode'], filter: [null, "CardType eq 'cCustomer'"], orderby: 'ItemCode' })).toBe(
      "Items?$select=ItemCode%2CItemName&$filter=CardType%20eq%20'cCustomer'&$orderby=ItemCode",
    );
    expect(odataQuery('items', { filter: [null] })).toBe('items');
  });

  test('odataPages refuses a next link it has already followed instead of looping', async () => {
    const get = async <T>(url: string) => ({ status: 200, headers: new Headers(), body: { value: [url], '@odata.nextLink': 'items?page=2' } as unknown as T });
    const error = await failureOf(all(odataPages(get, 'items?page=2', 10, 'Test ERP')));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/same next page link twice/);
  });

  test('recordsOf reads one record or a { value } collection', () => {
    expect(recordsOf({ value: [{ a: 1 }, null, { a: 2 }] })).toEqual([{ a: 1 }, { a: 2 }]);
    expect(recordsOf({ a: 1 })).toEqual([{ a: 1 }]);
    expect(recordsOf(null)).toEqual([]);
    expect(recordsOf('x')).toEqual([]);
  });
});

describe('NetSuite (SuiteTalk REST)', () => {
  const fake = serveDuringTests(new FakeNetSuite(), (f) => f.seed(1200, 3));
  const mapping: FieldMapping = { product: { currency: 'USD' }, inventory: { locations: { '1': 'WH-MAIN' } } };
  const adapter = (overrides: Partial<AdapterContext> = {}, options = {}) => new NetSuiteAdapter({ ...context(fake.url, { accessToken: fake.accessToken }, mapping), ...overrides }, options);

  test('reads 1,200 items in two collection pages of 1,000 and fetches every record within the concurrency limit', async () => {
    const { pages, items } = await all(adapter().products({ since: null, withStock: false }));
    expect(pages).toBe(2);
    expect(items).toHaveLength(1200);
    expect(new Set(items.map((p) => p.externalId)).size).toBe(1200);
    const lists = fake.requestsTo('GET', 'inventoryItem').filter((r) => r.path.endsWith('/inventoryItem'));
    expect(lists.map((r) => [r.query.get('limit'), r.query.get('offset')])).toEqual([['1000', '0'], ['1000', '1000']]);
    expect(fake.requestsTo('GET', 'inventoryItem/')).toHaveLength(1200);
    expect(fake.received.every((r) => r.headers.authorization === `Bearer ${fake.accessToken}`)).toBe(true);
    expect(fake.maxInFlight).toBeGreaterThan(1); // batched, not one by one
    expect(fake.maxInFlight).toBeLessThanOrEqual(4);
    expect(items[3]).toEqual({
      externalId: '1003',
      updatedAt: '2026-06-01T09:00:00Z',
      item: { sku: 'NS-00003', name: 'NetSuite item 3', description: 'Description 3', brand: 'Acme Manufacturing', basePrice: { amount: '13.5', currency: 'USD' } },
      stock: [],
    });
  });

  test('since sends lastModifiedDate ON_OR_AFTER the day before in M/D/YYYY and returns only records changed since', async () => {
    const since = new Date('2026-06-01T00:00:00Z');
    const { items } = await all(adapter().products({ since, withStock: false }));
    const [list] = fake.requestsTo('GET', 'inventoryItem').filter((r) => r.path.endsWith('/inventoryItem'));
    expect(list.query.get('q')).toBe('lastModifiedDate ON_OR_AFTER "5/31/2026"');
    // item i changed at 12:00 − i hours: the server sends 0..36 (from 5/31), the adapter keeps 0..12
    expect(fake.requestsTo('GET', 'inventoryItem/')).toHaveLength(37);
    expect(items.map((p) => p.item.sku)).toEqual(Array.from({ length: 13 }, (_, i) => `NS-${String(i).padStart(5, '0')}`));
    expect(items.every((p) => Date.parse(p.updatedAt!) >= since.getTime())).toBe(true);
  });

  test('the query date follows the account date format from the mapping', async () => {
    const a = adapter({ mapping: { ...mapping, netsuite: { queryDateFormat: 'D/M/YYYY' } } });
    const error = await failureOf(all(a.customers({ since: new Date('2026-06-20T10:00:00Z') })));
    // the fake speaks M/D/YYYY, so 19/6/2026 is an invalid date to it — but the adapter sent the configured format
    expect(fake.requestsTo('GET', 'customer')[0].query.get('q')).toBe('lastModifiedDate ON_OR_AFTER "19/6/2026"');
    expect(error.retryable).toBe(false);
  });

  test('withStock expands the locations sublist and maps location ids to warehouses, skipping unmapped ones', async () => {
    fake.seed(12);
    const { items } = await all(adapter().products({ since: null, withStock: true }));
    expect(fake.requestsTo('GET', 'inventoryItem/').every((r) => r.query.get('expandSubResources') === 'true')).toBe(true);
    expect(items[5].stock).toEqual([{ warehouseCode: 'WH-MAIN', onHand: 5 }]); // location 3 is not mapped
    expect(items[11].stock).toEqual([{ warehouseCode: 'WH-MAIN', onHand: 11 }]);
  });

  test('a record deleted between the listing and its read is skipped, not a failure', async () => {
    fake.seed(5);
    fake.deletedAfterListing.add('1002');
    const { items } = await all(adapter().products({ since: null, withStock: false }));
    expect(items.map((p) => p.externalId)).toEqual(['1000', '1001', '1003', '1004']);
    expect(fake.requestsTo('GET', 'inventoryItem/1002')).toHaveLength(1);
  });

  test('customers map entityId, company, contact, credit limit and currency', async () => {
    const { items } = await all(adapter().customers({ since: null }));
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      externalId: '5000',
      updatedAt: '2026-06-01T12:00:00Z',
      item: { code: 'CUST-0000', name: 'Customer 0 Ltd', email: 'buyer0@example.com', phone: '+1 555 0100', creditLimit: { amount: '5000', currency: 'USD' } },
    });
    expect(items[1].item.phone).toBeNull();
  });

  test('pushOrder creates a sales order (id from Location) and then updates it, replacing its item lines', async () => {
    const a = adapter();
    const first = order({
      customer: { ...order().customer, externalId: '5001' },
      lines: [
        { sku: 'NS-00000', name: 'NetSuite item 0', quantity: 2, unitPrice: '12.50', externalId: '1000' },
        { sku: 'NS-00001', name: 'NetSuite item 1', quantity: 1, unitPrice: '15', externalId: '1001' },
      ],
    });
    const created = await a.pushOrder(first, null);
    expect(created).toEqual({ externalId: '9001' });
    const [post] = fake.requestsTo('POST', 'salesOrder');
    expect(post.body).toEqual({
      entity: { id: '5001' },
      tranDate: '2026-06-02',
      otherRefNum: 'SO-1001',
      memo: 'Tradegraph order SO-1001 (CONFIRMED)',
      item: { items: [{ item: { id: '1000' }, quantity: 2, rate: 12.5 }, { item: { id: '1001' }, quantity: 1, rate: 15 }] },
      externalId: first.id,
    });

    const updated = await a.pushOrder({ ...first, status: 'SHIPPED', lines: [{ sku: 'NS-00002', name: 'NetSuite item 2', quantity: 3, unitPrice: '9.99', externalId: '1002' }] }, '9001');
    expect(updated).toEqual({ externalId: '9001' });
    const [patch] = fake.requestsTo('PATCH', 'salesOrder/9001');
    expect(patch.query.get('replace')).toBe('item');
    expect(patch.body).toEqual({
      entity: { id: '5001' },
      tranDate: '2026-06-02',
      otherRefNum: 'SO-1001',
      memo: 'Tradegraph order SO-1001 (SHIPPED)',
      item: { items: [{ item: { id: '1002' }, quantity: 3, rate: 9.99 }] },
    });
    expect(fake.salesOrders.get('9001')!.item).toEqual({ items: [{ item: { id: '1002' }, quantity: 3, rate: 9.99 }] });
  });

  test('pushOrder refuses, before any request, lines or customers that have no NetSuite id', async () => {
    const error = await failureOf(adapter().pushOrder(order({ customer: { ...order().customer, externalId: '5001' }, lines: [{ sku: 'LOCAL-1', name: 'x', quantity: 1, unitPrice: '1', externalId: null }] }), null));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('products LOCAL-1 have no NetSuite item id');
    expect(fake.received).toHaveLength(0);
  });

  test('429 (scripted, or over the concurrency limit) is retryable with Retry-After; 5xx is retryable', async () => {
    fake.failures = [{ status: 429, retryAfterSeconds: 7 }];
    const limited = await failureOf(all(adapter().products({ since: null, withStock: false })));
    expect(limited.retryable).toBe(true);
    expect(limited.retryAfterMs).toBe(7000);
    expect(limited.message).toContain('CONCURRENCY_LIMIT_EXCEEDED');

    fake.seed(40);
    fake.latencyMs = 20;
    try {
      const greedy = await failureOf(all(adapter({}, { concurrency: 10 }).products({ since: null, withStock: false })));
      expect(greedy.retryable).toBe(true);
      expect(greedy.retryAfterMs).toBe(1000);
    } finally {
      fake.latencyMs = 1;
    }

    await fake.idle(); // the greedy read's other requests must not take the scripted 503
    fake.failures = [{ status: 503 }];
    const down = await failureOf(all(adapter().customers({ since: null })));
    expect(down.retryable).toBe(true);
    expect(down.message).toContain('HTTP 503');
  });

  test('400 and 404 are permanent and carry NetSuite’s error detail', async () => {
    const unknownCustomer = order({ customer: { ...order().customer, externalId: '999' }, lines: [{ sku: 'NS-00000', name: 'x', quantity: 1, unitPrice: '1', externalId: '1000' }] });
    const bad = await failureOf(adapter().pushOrder(unknownCustomer, null));
    expect(bad.retryable).toBe(false);
    expect(bad.message).toContain('HTTP 400');
    expect(bad.message).toContain("field 'entity'");

    const missing = await failureOf(adapter().pushOrder({ ...unknownCustomer, customer: { ...unknownCustomer.customer, externalId: '5000' } }, '424242'));
    expect(missing.retryable).toBe(false);
    expect(missing.message).toContain('HTTP 404');
    expect(missing.message).toContain('NONEXISTENT_ID');
  });

  test('a rejected token is a permanent failure', async () => {
    const error = await failureOf(all(adapter({ credentials: { accessToken: 'expired' } }).customers({ since: null })));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('Invalid login attempt');
  });

  test('fromWebhook maps inventoryItem and customer records, one or { value: [...] }, and ignores other topics', () => {
    const a = adapter();
    const item = { id: '77', itemId: 'NS-HOOK', displayName: 'Hooked', basePrice: 3.2, lastModifiedDate: '2026-06-03T08:00:00Z', locations: { items: [{ locationId: { id: '1' }, quantityOnHand: 9 }, { locationId: { id: '2' }, quantityOnHand: 4 }] } };
    const result = a.fromWebhook('product.updated', { value: [item, { ...item, id: '78', itemId: 'NS-HOOK-2', locations: null }] })!;
    expect(result.products).toEqual([
      { externalId: '77', updatedAt: '2026-06-03T08:00:00Z', item: { sku: 'NS-HOOK', name: 'Hooked', description: null, brand: null, basePrice: { amount: '3.2', currency: 'USD' } }, stock: [{ warehouseCode: 'WH-MAIN', onHand: 9 }] },
      { externalId: '78', updatedAt: '2026-06-03T08:00:00Z', item: { sku: 'NS-HOOK-2', name: 'Hooked', description: null, brand: null, basePrice: { amount: '3.2', currency: 'USD' } }, stock: [] },
    ]);
    const customers = a.fromWebhook('customer.updated', { id: '12', entityId: 'C-12', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', currency: { id: '2', refName: 'GBP' } })!.customers!;
    expect(customers[0].item).toEqual({ code: 'C-12', name: 'Ada Lovelace', email: 'ada@example.com', phone: null, creditLimit: { amount: '0', currency: 'GBP' } });
    expect(a.fromWebhook('salesorder.updated', { id: '1' })).toBeNull();
  });

  test('field mapping overrides the default source paths', async () => {
    fake.seed(2);
    const a = adapter({ mapping: { ...mapping, product: { currency: 'USD', fields: { name: 'itemId', brand: 'itemType.refName' } } } });
    const { items } = await all(a.products({ since: null, withStock: false }));
    expect(items[0].item.name).toBe('NS-00000');
    expect(items[0].item.brand).toBe('InvtPart');
  });
});

describe('SAP Business One (Service Layer)', () => {
  const fake = serveDuringTests(new FakeSapBusinessOne(), (f) => f.seed(1200, 4));
  const mapping: FieldMapping = { product: { currency: 'EUR' }, inventory: { locations: { '01': 'WH-BER' } } };
  const credentials = () => ({ companyDb: fake.companyDb, userName: fake.userName, password: fake.password });
  const adapter = (overrides: Partial<AdapterContext> = {}) => new SapBusinessOneAdapter({ ...context(fake.url, credentials(), mapping), ...overrides });

  test('close() logs the session out, so the next call has to log in again', async () => {
    const sap = adapter();
    await all(sap.customers({ since: null }));
    await sap.close();
    const [logout] = fake.requestsTo('POST', 'Logout');
    expect(logout).toBeDefined();
    await all(sap.customers({ since: null }));
    expect(fake.logins).toBe(2);
  });

  test('logs in once and reads 1,200 items in three pages of 500 by Prefer: odata.maxpagesize and odata.nextLink', async () => {
    const { pages, items } = await all(adapter().products({ since: null, withStock: false }));
    expect(pages).toBe(3);
    expect(items).toHaveLength(1200);
    expect(new Set(items.map((p) => p.externalId)).size).toBe(1200);
    expect(fake.logins).toBe(1);
    const [login] = fake.requestsTo('POST', 'Login');
    expect(login.body).toEqual({ CompanyDB: 'SBODEMOUS', UserName: 'manager', Password: 'b1-fake-password' });
    const gets = fake.requestsTo('GET', 'Items');
    expect(gets).toHaveLength(3);
    expect(gets.map((r) => r.query.get('$skip'))).toEqual([null, '500', '1000']);
    expect(gets.every((r) => r.headers.prefer === 'odata.maxpagesize=500')).toBe(true);
    expect(gets.every((r) => /B1SESSION=[\w-]+; ROUTEID=\.node1/.test(String(r.headers.cookie)))).toBe(true);
    expect(gets[0].query.get('$select')).toBe('ItemCode,ItemName,User_Text,ItemPrices,UpdateDate,UpdateTime');
    expect(items[3]).toEqual({
      externalId: 'A00003',
      updatedAt: '2026-05-29T08:15:00Z',
      item: { sku: 'A00003', name: 'SAP item 3', description: 'Remarks 3', brand: null, basePrice: { amount: '8', currency: 'EUR' } },
      stock: [],
    });
  });

  test('follows an OData v4 @odata.nextLink too', async () => {
    fake.nextLinkStyle = 'v4';
    const { pages, items } = await all(adapter().products({ since: null, withStock: false }));
    expect(pages).toBe(3);
    expect(items).toHaveLength(1200);
  });

  test("since filters UpdateDate ge 'day' and returns only items updated from that day", async () => {
    const { items } = await all(adapter().products({ since: new Date('2026-05-29T15:30:00Z'), withStock: false }));
    expect(fake.requestsTo('GET', 'Items')[0].query.get('$filter')).toBe("UpdateDate ge '2026-05-29'");
    expect(items).toHaveLength(160); // i % 30 in 0..3 of 1,200
    expect(items.every((p) => p.updatedAt! >= '2026-05-29')).toBe(true);
  });

  test('withStock selects ItemWarehouseInfoCollection and maps warehouses; the price list and mapped fields are read', async () => {
    const a = adapter({ mapping: { ...mapping, product: { currency: 'EUR', priceList: 2, fields: { brand: 'ForeignName' } } } });
    const { items } = await all(a.products({ since: null, withStock: true }));
    const select = fake.requestsTo('GET', 'Items')[0].query.get('$select')!.split(',');
    expect(select).toEqual(expect.arrayContaining(['ItemWarehouseInfoCollection', 'ForeignName']));
    expect(items[7].stock).toEqual([{ warehouseCode: 'WH-BER', onHand: 7 }]); // warehouse 02 is not mapped
    expect(items[7].item.basePrice).toEqual({ amount: '24', currency: 'EUR' }); // price list 2 = 2 × (5 + 7)
    expect(items[7].item.brand).toBe('Artikel 7');
  });

  test("customers read BusinessPartners of CardType 'cCustomer' only; '##' takes the mapping's currency", async () => {
    const { items } = await all(adapter().customers({ since: new Date('2026-05-30T00:00:00Z') }));
    expect(fake.requestsTo('GET', 'BusinessPartners')[0].query.get('$filter')).toBe("CardType eq 'cCustomer' and UpdateDate ge '2026-05-30'");
    expect(items.map((c) => c.externalId)).toEqual(['C0000', 'C0001', 'C0002']);
    expect(items[0].item).toEqual({ code: 'C0000', name: 'SAP customer 0', email: 'orders0@example.de', phone: '+49 30 1000', creditLimit: { amount: '10000', currency: 'USD' } });
    expect(items[1].item.creditLimit).toEqual({ amount: '10001', currency: 'EUR' });
  });

  test('pushOrder posts an Order (DocEntry back) and patches it replacing its DocumentLines', async () => {
    const a = adapter();
    const first = order({
      customer: { ...order().customer, externalId: 'C0001' },
      lines: [
        { sku: 'A00001', name: 'SAP item 1', quantity: 2, unitPrice: '12.50', externalId: 'A00001' },
        { sku: 'A00002', name: 'SAP item 2', quantity: 1, unitPrice: '15', externalId: null },
      ],
    });
    expect(await a.pushOrder(first, null)).toEqual({ externalId: '301' });
    expect(fake.requestsTo('POST', 'Orders')[0].body).toEqual({
      CardCode: 'C0001',
      DocDate: '2026-06-02',
      DocDueDate: '2026-06-02',
      NumAtCard: 'SO-1001',
      Comments: 'Tradegraph order SO-1001 (CONFIRMED)',
      DocumentLines: [
        { ItemCode: 'A00001', Quantity: 2, UnitPrice: 12.5 },
        { ItemCode: 'A00002', Quantity: 1, UnitPrice: 15 },
      ],
    });

    expect(await a.pushOrder({ ...first, status: 'SHIPPED', lines: [{ sku: 'A00003', name: 'SAP item 3', quantity: 4, unitPrice: '8', externalId: 'A00003' }] }, '301')).toEqual({ externalId: '301' });
    const [patch] = fake.requestsTo('PATCH', 'Orders(301)');
    expect(patch.headers['b1s-replacecollectionsonpatch']).toBe('true');
    expect(patch.body).toEqual({ NumAtCard: 'SO-1001', Comments: 'Tradegraph order SO-1001 (SHIPPED)', DocumentLines: [{ ItemCode: 'A00003', Quantity: 4, UnitPrice: 8 }] });
    expect(fake.orders.get(301)!.DocumentLines).toEqual([{ ItemCode: 'A00003', Quantity: 4, UnitPrice: 8, LineNum: 0 }]);
    expect(fake.logins).toBe(1);
  });

  test('an expired session is renewed by one new login and the call succeeds', async () => {
    const a = adapter();
    await all(a.customers({ since: null }));
    fake.expireSessions();
    const result = await a.pushOrder(order({ customer: { ...order().customer, externalId: 'C0000' }, lines: [{ sku: 'A00001', name: 'x', quantity: 1, unitPrice: '5', externalId: 'A00001' }] }), null);
    expect(result).toEqual({ externalId: '301' });
    expect(fake.logins).toBe(2);
    expect(fake.requestsTo('POST', 'Orders')).toHaveLength(2); // the 401 and the retry
    expect(fake.orders.size).toBe(1);
  });

  test('an expired session whose new login is refused fails permanently after exactly one login attempt', async () => {
    const a = adapter();
    await all(a.customers({ since: null }));
    fake.expireSessions();
    (fake as { password: string }).password = 'rotated';
    try {
      const error = await failureOf(all(a.customers({ since: null })));
      expect(error.retryable).toBe(false);
      expect(error.message).toContain('refused the login of user "manager"');
      expect(fake.requestsTo('POST', 'Login')).toHaveLength(2);
    } finally {
      (fake as { password: string }).password = 'b1-fake-password';
    }
  });

  test('wrong credentials are a permanent failure naming the user and database', async () => {
    const error = await failureOf(all(adapter({ credentials: { ...credentials(), password: 'wrong' } }).products({ since: null, withStock: false })));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('company database "SBODEMOUS"');
    expect(error.message).toContain('Login failed');
    expect(fake.requestsTo('GET', 'Items')).toHaveLength(0);
  });

  test('429 is retryable with Retry-After, 5xx retryable, 400 and 404 permanent', async () => {
    const a = adapter();
    await all(a.customers({ since: null })); // logged in, so the scripted answers hit the data calls
    fake.failures = [{ status: 429, retryAfterSeconds: 30 }];
    const limited = await failureOf(all(a.products({ since: null, withStock: false })));
    expect([limited.retryable, limited.retryAfterMs]).toEqual([true, 30_000]);

    fake.failures = [{ status: 502 }];
    const gateway = await failureOf(all(a.products({ since: null, withStock: false })));
    expect([gateway.retryable, gateway.retryAfterMs]).toEqual([true, undefined]);

    const bad = await failureOf(a.pushOrder(order({ customer: { ...order().customer, externalId: 'NOPE' }, lines: [{ sku: 'A00001', name: 'x', quantity: 1, unitPrice: '1', externalId: 'A00001' }] }), null));
    expect(bad.retryable).toBe(false);
    expect(bad.message).toContain("Business partner code 'NOPE' is invalid");

    const missing = await failureOf(a.pushOrder(order({ lines: [{ sku: 'A00001', name: 'x', quantity: 1, unitPrice: '1', externalId: 'A00001' }] }), '999'));
    expect(missing.retryable).toBe(false);
    expect(missing.message).toContain('HTTP 404');
    expect(missing.message).toContain('-2028');
  });

  test('pushStock posts one InventoryPostings document with counted quantities at mapped warehouses', async () => {
    await adapter().pushStock([
      { externalId: 'A00003', sku: 'A00003', warehouseCode: 'WH-BER', onHand: 42, available: 40 },
      { externalId: 'A00004', sku: 'A00004', warehouseCode: 'WH-ELSEWHERE', onHand: 1, available: 1 },
    ]);
    const [posting] = fake.requestsTo('POST', 'InventoryPostings');
    expect((posting.body as { InventoryPostingLines: unknown[] }).InventoryPostingLines).toEqual([{ ItemCode: 'A00003', WarehouseCode: '01', CountedQuantity: 42 }]);
    const info = fake.items[3].ItemWarehouseInfoCollection as { WarehouseCode: string; InStock: number }[];
    expect(info.find((w) => w.WarehouseCode === '01')!.InStock).toBe(42);
  });

  test('fromWebhook maps Items and customer BusinessPartners (suppliers dropped) and ignores other topics', () => {
    const a = adapter();
    const item = { ItemCode: 'HOOK-1', ItemName: 'Hooked', UpdateDate: '2026-06-03T00:00:00Z', UpdateTime: '10:11', ItemPrices: [{ PriceList: 1, Price: 4.25, Currency: 'CHF' }], ItemWarehouseInfoCollection: [{ WarehouseCode: '01', InStock: 6 }, { WarehouseCode: '99', InStock: 1 }] };
    expect(a.fromWebhook('item.updated', { value: [item] })!.products).toEqual([
      { externalId: 'HOOK-1', updatedAt: '2026-06-03T10:11:00Z', item: { sku: 'HOOK-1', name: 'Hooked', description: null, brand: null, basePrice: { amount: '4.25', currency: 'CHF' } }, stock: [{ warehouseCode: 'WH-BER', onHand: 6 }] },
    ]);
    const partners = a.fromWebhook('businesspartner.updated', { value: [{ CardCode: 'C9', CardName: 'Nine', CardType: 'cCustomer', Currency: '##' }, { CardCode: 'V9', CardType: 'cSupplier' }] })!;
    expect(partners.customers!.map((c) => [c.externalId, c.item.creditLimit.currency])).toEqual([['C9', 'EUR']]);
    expect(a.fromWebhook('customer.updated', { CardCode: 'C10', CardName: 'Ten' })!.customers![0].item.name).toBe('Ten');
    expect(a.fromWebhook('order.updated', { DocEntry: 1 })).toBeNull();
  });
});

describe('Dynamics 365 Business Central (API v2.0)', () => {
  const fake = serveDuringTests(new FakeDynamics365(), (f) => f.seed(1200, 3));
  const mapping: FieldMapping = { product: { currency: 'GBP' }, inventory: { locations: { '*': 'WH-ALL' } } };
  const adapter = (overrides: Partial<AdapterContext> = {}, options = {}) => new Dynamics365Adapter({ ...context(fake.url, { accessToken: fake.accessToken, companyId: fake.companyId }, mapping), ...overrides }, options);

  test('reads 1,200 items by @odata.nextLink: two pages of 1,000, or three of 500', async () => {
    const { pages, items } = await all(adapter().products({ since: null, withStock: false }));
    expect(pages).toBe(2);
    expect(new Set(items.map((p) => p.externalId)).size).toBe(1200);
    const gets = fake.requestsTo('GET', 'items');
    expect(gets.map((r) => r.headers.prefer)).toEqual(['odata.maxpagesize=1000', 'odata.maxpagesize=1000']);
    expect(gets[1].query.get('$skiptoken')).not.toBeNull();
    expect(gets.every((r) => r.headers.authorization === `Bearer ${fake.accessToken}`)).toBe(true);
    expect(items[4]).toEqual({
      externalId: '00000001-0000-4000-8000-000000000004',
      updatedAt: '2026-06-01T11:56:00Z',
      item: { sku: '1000-0004', name: 'BC item 4', description: 'Second line 4', brand: null, basePrice: { amount: '24', currency: 'GBP' } },
      stock: [],
    });

    fake.received = [];
    const small = await all(adapter({}, { pageSize: 500 }).products({ since: null, withStock: false }));
    expect(small.pages).toBe(3);
    expect(small.items).toHaveLength(1200);
  });

  test('since filters lastModifiedDateTime ge <DateTimeOffset> and returns only newer items', async () => {
    const since = new Date('2026-06-01T11:00:00Z');
    const { items } = await all(adapter().products({ since, withStock: false }));
    expect(fake.requestsTo('GET', 'items')[0].query.get('$filter')).toBe('lastModifiedDateTime ge 2026-06-01T11:00:00Z');
    expect(items).toHaveLength(61); // item i changed at 12:00 − i minutes
    expect(items.every((p) => Date.parse(p.updatedAt!) >= since.getTime())).toBe(true);
  });

  test('withStock books the all-locations inventory to the warehouse mapped from "*", and nothing without that mapping', async () => {
    fake.seed(10);
    expect((await all(adapter().products({ since: null, withStock: true }))).items[7].stock).toEqual([{ warehouseCode: 'WH-ALL', onHand: 7 }]);
    expect((await all(adapter().products({ since: null, withStock: false }))).items[7].stock).toEqual([]);
    const perLocation = adapter({ mapping: { ...mapping, inventory: { locations: { MAIN: 'WH-1' } } } });
    expect((await all(perLocation.products({ since: null, withStock: true }))).items[7].stock).toEqual([]);
  });

  test('customers map number, name, contact and credit limit; local currency takes the mapping’s', async () => {
    const { items } = await all(adapter().customers({ since: new Date('2026-06-01T10:30:00Z') }));
    expect(fake.requestsTo('GET', 'customers')[0].query.get('$filter')).toBe('lastModifiedDateTime ge 2026-06-01T10:30:00Z');
    expect(items.map((c) => c.item.code)).toEqual(['C-0000', 'C-0001']);
    expect(items[0]).toEqual({
      externalId: '00000002-0000-4000-8000-000000000000',
      updatedAt: '2026-06-01T12:00:00Z',
      item: { code: 'C-0000', name: 'BC customer 0', email: 'ap0@example.co.uk', phone: '+44 20 7946 0000', creditLimit: { amount: '2500', currency: 'GBP' } },
    });
    expect(items[1].item.phone).toBeNull();
  });

  test('pushOrder posts a salesOrder and its lines, then patches it with If-Match: * and replaces the lines', async () => {
    const a = adapter();
    const customerId = fake.customers[1].id;
    const first = order({
      customer: { ...order().customer, externalId: customerId },
      lines: [
        { sku: '1000-0000', name: 'BC item 0', quantity: 2, unitPrice: '20', externalId: fake.items[0].id },
        { sku: '1000-0001', name: 'BC item 1', quantity: 5, unitPrice: '21.5', externalId: null },
      ],
    });
    const { externalId } = await a.pushOrder(first, null);
    expect(fake.salesOrders.has(externalId)).toBe(true);
    expect(fake.requestsTo('POST', 'salesOrders')[0].body).toEqual({ externalDocumentNumber: 'SO-1001', orderDate: '2026-06-02', customerId });
    expect(fake.requestsTo('POST', `salesOrders(${externalId})/salesOrderLines`).map((r) => r.body)).toEqual([
      { lineType: 'Item', itemId: fake.items[0].id, quantity: 2, unitPrice: 20 },
      { lineType: 'Item', lineObjectNumber: '1000-0001', quantity: 5, unitPrice: 21.5 },
    ]);

    fake.received = [];
    const again = await a.pushOrder({ ...first, number: 'SO-1001-A', lines: [{ sku: '1000-0002', name: 'BC item 2', quantity: 1, unitPrice: '22', externalId: fake.items[2].id }] }, externalId);
    expect(again).toEqual({ externalId });
    const [patch] = fake.requestsTo('PATCH', `salesOrders(${externalId})`);
    expect(patch.headers['if-match']).toBe('*');
    expect(patch.body).toEqual({ externalDocumentNumber: 'SO-1001-A' });
    expect(fake.requestsTo('DELETE', `salesOrders(${externalId})/salesOrderLines(`)).toHaveLength(2);
    expect(fake.salesOrderLines.get(externalId)!.map((l) => [l.lineObjectNumber, l.quantity])).toEqual([['1000-0002', 1]]);
    expect(fake.salesOrders.get(externalId)!.externalDocumentNumber).toBe('SO-1001-A');
  });

  test('a line the system rejects fails permanently and the half-made order is deleted', async () => {
    const bad = order({ customer: { ...order().customer, code: 'C-0002' }, lines: [{ sku: 'NOT-AN-ITEM', name: 'x', quantity: 1, unitPrice: '1', externalId: null }] });
    const error = await failureOf(adapter().pushOrder(bad, null));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("No.='NOT-AN-ITEM'");
    expect(fake.requestsTo('POST', 'salesOrders')[0].body).toMatchObject({ customerNumber: 'C-0002' });
    expect(fake.requestsTo('DELETE', 'salesOrders(')).toHaveLength(1);
    expect(fake.salesOrders.size).toBe(0);
  });

  test('429 is retryable with Retry-After; 5xx retryable; 400 and 404 permanent; a rejected token permanent', async () => {
    fake.failures = [{ status: 429, retryAfterSeconds: 12 }];
    const limited = await failureOf(all(adapter().customers({ since: null })));
    expect([limited.retryable, limited.retryAfterMs]).toEqual([true, 12_000]);
    expect(limited.message).toContain('Application_TooManyRequests');

    fake.failures = [{ status: 500 }];
    expect((await failureOf(all(adapter().customers({ since: null })))).retryable).toBe(true);

    const bad = await failureOf(adapter().pushOrder(order({ customer: { ...order().customer, code: 'NOBODY' } }), null));
    expect(bad.retryable).toBe(false);
    expect(bad.message).toContain("customerNumber 'NOBODY'");

    const otherCompany = await failureOf(all(adapter({ mapping: { ...mapping, companyId: 'not-a-company' } }).products({ since: null, withStock: false })));
    expect(otherCompany.retryable).toBe(false);
    expect(otherCompany.message).toContain('HTTP 404');
    expect(fake.received.at(-1)!.path).toContain('companies(not-a-company)');

    const unknownOrder = await failureOf(adapter().pushOrder(order(), '00000000-dead-4000-8000-000000000000'));
    expect(unknownOrder.retryable).toBe(false);
    expect(unknownOrder.message).toContain('BadRequest_NotFound');

    const denied = await failureOf(all(adapter({ credentials: { accessToken: 'stale', companyId: fake.companyId } }).customers({ since: null })));
    expect(denied.retryable).toBe(false);
    expect(denied.message).toContain('Authentication_InvalidCredentials');
  });

  test('fromWebhook maps items and customers, drops BC change notifications, and ignores other topics', () => {
    const a = adapter();
    const item = { id: 'a1', number: 'HOOK-1', displayName: 'Hooked', unitPrice: 7.125, inventory: 3, lastModifiedDateTime: '2026-06-03T10:00:00Z' };
    const notification = { subscriptionId: 's', resource: 'api/v2.0/companies(x)/items(a2)', changeType: 'updated', lastModifiedDateTime: '2026-06-03T10:00:00Z' };
    expect(a.fromWebhook('product.updated', { value: [item, notification] })!.products).toEqual([
      { externalId: 'a1', updatedAt: '2026-06-03T10:00:00Z', item: { sku: 'HOOK-1', name: 'Hooked', description: null, brand: null, basePrice: { amount: '7.125', currency: 'GBP' } }, stock: [{ warehouseCode: 'WH-ALL', onHand: 3 }] },
    ]);
    const customers = a.fromWebhook('customer.created', { id: 'c1', number: 'C-9', displayName: 'Nine', currencyCode: 'USD', creditLimit: 100 })!.customers!;
    expect(customers[0].item).toEqual({ code: 'C-9', name: 'Nine', email: null, phone: null, creditLimit: { amount: '100', currency: 'USD' } });
    expect(a.fromWebhook('salesOrder.updated', { id: 'o1', number: 'S-1' })).toBeNull();
  });

  test('a connector without a company id is refused when the adapter is built', () => {
    expect(() => new Dynamics365Adapter(context(fake.url, { accessToken: 't' }))).toThrow(/names no Business Central company/);
  });
});
