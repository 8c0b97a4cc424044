/**
 * Reading customer-specific price lists and inactive flags from the three ERPs against their
 * local fakes: NetSuite price levels by SuiteQL (paged past 1,000 rows), SAP B1 price lists
 * (the base list, inactive lists and lists nobody buys from left out; zero prices are "no
 * price"), Business Central customer price groups (expired and quantity-break prices left out);
 * and the `inactive` flags each system's records carry (Shopify's archived status too).
 */
import { assemblePriceLists } from '../src/adapters/erp-price-lists';
import { Dynamics365Adapter, productFromBusinessCentral, customerFromBusinessCentral } from '../src/adapters/dynamics-365';
import { NetSuiteAdapter, productFromNetSuite } from '../src/adapters/netsuite';
import { SapBusinessOneAdapter, productFromSap, customerFromSap, sapInactive } from '../src/adapters/sap-business-one';
import { productsFromShopify } from '../src/adapters/shopify';
import { all, context } from './adapter-helpers';
import { FakeDynamics365 } from './fakes/dynamics-365';
import { FakeNetSuite } from './fakes/netsuite';
import { FakeSapBusinessOne } from './fakes/sap-business-one';
import { serveDuringTests } from './fakes/fake-server';

describe('NetSuite price levels (SuiteQL)', () => {
  const fake = serveDuringTests(new FakeNetSuite());

  test('reads levels, prices and customers\' levels by SuiteQL, paging the 3,600 prices 1,000 a page; Base Price is left out, zero prices are no price', async () => {
    fake.seed(1200, 2);
    fake.latencyMs = 0;
    fake.reset();
    fake.items.forEach((item, i) => (item.prices = { '1': item.basePrice, '2': 5 + (i % 7), '5': 0 }));
    fake.customers[0].priceLevel = '2';
    fake.customers[1].priceLevel = '1';
    const adapter = new NetSuiteAdapter(context(fake.url, { accessToken: fake.accessToken }, { product: { currency: 'USD' } }));
    const { items: lists } = await all(adapter.priceLists());
    expect(lists.map((l) => [l.externalId, l.name, l.currency, l.prices.length, l.customerExternalIds])).toEqual([
      ['2', 'Alternate Price 1', 'USD', 1200, ['5000']],
      ['5', 'Online Price', 'USD', 0, []],
    ]);
    expect(lists[0].prices[3]).toEqual({ productExternalId: '1003', amount: '8' });
    const queries = fake.received.filter((r) => r.path === '/services/rest/query/v1/suiteql');
    // levels, then prices in 4 pages (3 levels × 1,200 items; the zero prices are dropped afterwards), then customers
    expect(queries.map((r) => (r.body as { q: string }).q.split(' FROM ')[1].split(' ')[0])).toEqual(['pricelevel', 'pricing', 'pricing', 'pricing', 'pricing', 'customer']);
    expect(queries.filter((r) => (r.body as { q: string }).q.includes('FROM pricing')).map((r) => r.query.get('offset'))).toEqual(['0', '1000', '2000', '3000']);
  });

  test('keeps only the prices in the list\'s currency (the connector\'s): a level priced in EUR too keeps its USD prices', async () => {
    fake.seed(3, 1);
    fake.latencyMs = 0;
    fake.reset();
    fake.items[0].prices = { '2': 7 };
    fake.items[0].foreignPrices = { EUR: { '2': 6 } }; // listed after the USD row: must not win
    fake.items[1].prices = {};
    fake.items[1].foreignPrices = { EUR: { '2': 4 } }; // no USD price: none on the list
    fake.items[2].prices = {};
    fake.customers[0].priceLevel = '2';
    const adapter = new NetSuiteAdapter(context(fake.url, { accessToken: fake.accessToken }, { product: { currency: 'USD' } }));
    const { items: lists } = await all(adapter.priceLists());
    expect(lists.find((l) => l.externalId === '2')).toMatchObject({ currency: 'USD', prices: [{ productExternalId: fake.items[0].id, amount: '7' }] });
  });

  test('an isInactive item is flagged inactive; an active one carries no flag', () => {
    const base = { id: '7', itemId: 'X', lastModifiedDate: null };
    expect(productFromNetSuite({ ...base, isInactive: true }, 'USD', {}).inactive).toBe(true);
    expect('inactive' in productFromNetSuite({ ...base, isInactive: false }, 'USD', {})).toBe(false);
  });
});

describe('SAP Business One price lists', () => {
  const fake = serveDuringTests(new FakeSapBusinessOne());

  test('offers the active lists except the products\' own, with their business partners; zero prices are no price', async () => {
    fake.seed(3, 3);
    fake.reset();
    fake.priceLists.push({ PriceListNo: 3, PriceListName: 'Old list', DefaultPrimeCurrency: 'USD', Active: 'tNO' }, { PriceListNo: 4, PriceListName: 'Unused', DefaultPrimeCurrency: 'EUR', Active: 'tYES' });
    fake.partners[0].PriceListNum = 2;
    fake.partners[1].PriceListNum = 3; // inactive list: left out
    (fake.items[2].ItemPrices as { PriceList: number; Price: number }[])[1].Price = 0;
    const adapter = new SapBusinessOneAdapter(context(fake.url, { companyDb: fake.companyDb, userName: fake.userName, password: fake.password }, { product: { currency: 'EUR', priceList: 1 } }));
    const { items: lists } = await all(adapter.priceLists());
    expect(lists).toEqual([
      {
        externalId: '2',
        name: 'Retail',
        currency: 'EUR',
        prices: [
          { productExternalId: 'A00000', amount: '10' },
          { productExternalId: 'A00001', amount: '12' },
        ],
        customerExternalIds: ['C0000'],
      },
      { externalId: '4', name: 'Unused', currency: 'EUR', prices: [], customerExternalIds: [] },
    ]);
    await adapter.close();
  });

  test('keeps only the item prices in the list\'s currency (its DefaultPrimeCurrency)', async () => {
    fake.seed(2, 1);
    fake.reset();
    fake.partners[0].PriceListNum = 2;
    (fake.items[1].ItemPrices as { PriceList: number; Price: number; Currency: string }[])[1].Currency = 'USD'; // Retail is in EUR
    const adapter = new SapBusinessOneAdapter(context(fake.url, { companyDb: fake.companyDb, userName: fake.userName, password: fake.password }, { product: { currency: 'EUR', priceList: 1 } }));
    const { items: lists } = await all(adapter.priceLists());
    expect(lists.find((l) => l.externalId === '2')).toMatchObject({ currency: 'EUR', prices: [{ productExternalId: 'A00000', amount: '10' }] });
    await adapter.close();
  });

  test('Valid tNO or Frozen tYES is inactive', () => {
    expect(productFromSap({ ItemCode: 'A', Frozen: 'tYES' }, 'EUR', 1, {}).inactive).toBe(true);
    expect(customerFromSap({ CardCode: 'C', Valid: 'tNO' }, 'EUR').inactive).toBe(true);
    expect(productFromSap({ ItemCode: 'A', Valid: 'tYES', Frozen: 'tNO' }, 'EUR', 1, {}).inactive).toBeUndefined();
  });

  test('a frozen period or a validity period counts only while today is (or is not) in it', () => {
    const today = '2026-12-01';
    expect(sapInactive({ Frozen: 'tYES', FrozenFrom: '2026-11-01T00:00:00Z', FrozenTo: '2026-12-31T00:00:00Z' }, today)).toBe(true);
    expect(sapInactive({ Frozen: 'tYES', FrozenFrom: '2027-01-01T00:00:00Z', FrozenTo: null }, today)).toBe(false); // frozen from next year
    expect(sapInactive({ Frozen: 'tYES', FrozenFrom: null, FrozenTo: '2026-11-30T00:00:00Z' }, today)).toBe(false); // the block ended
    expect(sapInactive({ Valid: 'tYES', ValidFrom: '2027-01-01T00:00:00Z' }, today)).toBe(true); // valid from next year only
    expect(sapInactive({ Valid: 'tYES', ValidFrom: null, ValidTo: null }, today)).toBe(false);
  });
});

describe('Business Central customer price groups', () => {
  const fake = serveDuringTests(new FakeDynamics365());

  test('takes the prices valid today for a quantity of 1, by item number mapped to the item id', async () => {
    fake.seed(3, 2);
    fake.reset();
    fake.customerPriceGroups = [{ id: 'g1', code: 'RETAIL', description: 'Retail' }, { id: 'g2', code: 'EXPORT', description: 'Export' }];
    const price = { salesType: 'Customer Price Group', salesCode: 'RETAIL', currencyCode: '', startingDate: '2020-01-01', endingDate: '0001-01-01', minimumQuantity: 0 };
    fake.salesPrices = [
      { id: 'p1', itemNumber: '1000-0000', unitPrice: 9.99, ...price },
      { id: 'p2', itemNumber: '1000-0001', unitPrice: 5, ...price, minimumQuantity: 10 },
      { id: 'p3', itemNumber: '1000-0002', unitPrice: 5, ...price, startingDate: '2999-01-01' },
      { id: 'p4', itemNumber: '1000-0002', unitPrice: 7, ...price, salesType: 'Customer', salesCode: 'C-0000' },
      { id: 'p5', itemNumber: '1000-0001', unitPrice: 30, ...price, salesCode: 'EXPORT', currencyCode: 'USD' },
    ];
    fake.customers[0].customerPriceGroup = 'RETAIL';
    fake.customers[1].customerPriceGroup = 'EXPORT';
    const adapter = new Dynamics365Adapter(context(fake.url, { accessToken: fake.accessToken }, { companyId: fake.companyId, product: { currency: 'EUR' } }));
    const { items: lists } = await all(adapter.priceLists());
    expect(lists).toEqual([
      { externalId: 'RETAIL', name: 'Retail', currency: 'EUR', prices: [{ productExternalId: fake.items[0].id, amount: '9.99' }], customerExternalIds: [fake.customers[0].id] },
      { externalId: 'EXPORT', name: 'Export', currency: 'USD', prices: [{ productExternalId: fake.items[1].id, amount: '30' }], customerExternalIds: [fake.customers[1].id] },
    ]);
    expect(fake.requestsTo('GET', 'salesPrices')[0].query.get('$filter')).toBe("salesType eq 'Customer Price Group'");
  });

  test('a group priced in the local currency (blank) keeps only those prices; one priced only abroad takes its first currency', async () => {
    fake.seed(3, 2);
    fake.reset();
    fake.customerPriceGroups = [{ id: 'g1', code: 'RETAIL', description: 'Retail' }, { id: 'g2', code: 'EXPORT', description: 'Export' }];
    const price = { salesType: 'Customer Price Group', startingDate: '2020-01-01', endingDate: '0001-01-01', minimumQuantity: 0 };
    fake.salesPrices = [
      { id: 'p1', itemNumber: '1000-0000', unitPrice: 11, ...price, salesCode: 'RETAIL', currencyCode: 'USD' }, // before the local one: must not set the currency
      { id: 'p2', itemNumber: '1000-0001', unitPrice: 9, ...price, salesCode: 'RETAIL', currencyCode: '' },
      { id: 'p3', itemNumber: '1000-0002', unitPrice: 8, ...price, salesCode: 'RETAIL', currencyCode: 'EUR' }, // the local currency, named
      { id: 'p4', itemNumber: '1000-0000', unitPrice: 30, ...price, salesCode: 'EXPORT', currencyCode: 'USD' },
      { id: 'p5', itemNumber: '1000-0001', unitPrice: 20, ...price, salesCode: 'EXPORT', currencyCode: 'GBP' },
    ];
    fake.customers[0].customerPriceGroup = 'RETAIL';
    fake.customers[1].customerPriceGroup = 'EXPORT';
    const adapter = new Dynamics365Adapter(context(fake.url, { accessToken: fake.accessToken }, { companyId: fake.companyId, product: { currency: 'EUR' } }));
    const { items: lists } = await all(adapter.priceLists());
    expect(lists.map((l) => [l.externalId, l.currency, l.prices.map((p) => p.amount)])).toEqual([
      ['RETAIL', 'EUR', ['9', '8']],
      ['EXPORT', 'USD', ['30']],
    ]);
  });

  test('a blocked item and a customer blocked for All are inactive; Ship / Invoice blocks are not', () => {
    const item = { id: 'i', number: 'N' };
    expect(productFromBusinessCentral({ ...item, blocked: true }, 'EUR', {}).inactive).toBe(true);
    expect(customerFromBusinessCentral({ id: 'c', number: 'C', blocked: 'All' }, 'EUR').inactive).toBe(true);
    expect(customerFromBusinessCentral({ id: 'c', number: 'C', blocked: 'Ship' }, 'EUR').inactive).toBeUndefined();
  });
});

test('assemblePriceLists drops the base list and unreadable amounts', () => {
  const lists = assemblePriceLists({
    lists: [
      { externalId: 'base', name: 'Base', currency: 'EUR' },
      { externalId: 'a', name: 'A', currency: 'EUR' },
      { externalId: 'b', name: 'B', currency: 'EUR' },
    ],
    prices: [
      { list: 'a', productExternalId: 'p1', amount: '12.50' },
      { list: 'a', productExternalId: 'p2', amount: 'n/a' },
      { list: 'b', productExternalId: 'p1', amount: 3 },
    ],
    customers: [
      { list: 'a', customerExternalId: 'c1' },
      { list: 'base', customerExternalId: 'c2' },
    ],
    baseList: 'base',
  });
  expect(lists).toEqual([
    { externalId: 'a', name: 'A', currency: 'EUR', prices: [{ productExternalId: 'p1', amount: '12.5' }], customerExternalIds: ['c1'] },
    { externalId: 'b', name: 'B', currency: 'EUR', prices: [{ productExternalId: 'p1', amount: '3' }], customerExternalIds: [] },
  ]);
});

test('a Shopify product with status archived is inactive, variant by variant', () => {
  const variant = (id: number) => ({ id, product_id: 1, title: 'Default Title', sku: `S-${id}`, price: '5.00', inventory_item_id: id });
  const product = { id: 1, title: 'Mug', variants: [variant(11), variant(12)] };
  expect(productsFromShopify({ ...product, status: 'archived' }, 'EUR', new Map()).map((p) => p.inactive)).toEqual([true, true]);
  expect(productsFromShopify({ ...product, status: 'active' }, 'EUR', new Map()).map((p) => p.inactive)).toEqual([undefined, undefined]);
});
