/**
 * Shopify B2B price lists through the GraphQL Admin API, against the local fake: the mapping to
 * SourcePriceList (variant and customer ids as the REST reads give them, Shopify's relative
 * prices, which catalogs count), paging of lists, prices, locations and contacts, cost
 * throttling waited out or handed to the run, and a refused token.
 */
import { JsonHttpClient } from '../src/adapters/http';
import { ShopifyAdapter } from '../src/adapters/shopify';
import { ShopifyGraphQL, throttleWaitMs } from '../src/adapters/shopify-price-lists';
import { all, context, failureOf } from './adapter-helpers';
import { serveDuringTests } from './fakes/fake-server';
import { FakeShopify } from './fakes/shopify';
import { MAX_QUERY_COST } from './fakes/shopify-graphql';

const fake = serveDuringTests(new FakeShopify(), (shop) => {
  shop.seed(4);
  shop.b2b.clear();
  shop.b2b.bucket = { maximumAvailable: 2000, restoreRate: 1000, currentlyAvailable: 2000 };
});
const adapter = (accessToken = fake.accessToken) => new ShopifyAdapter(context(fake.url, { accessToken }, { product: { currency: 'EUR' } }));
const variant = (i: number) => 9_000_000 + i;
const customer = (i: number) => 6_000_000 + i;

test('maps a company location catalog\'s list: fixed prices by variant id, customers by customer id, the list\'s currency', async () => {
  fake.b2b.addB2BPriceList({ name: 'Wholesale', currency: 'EUR', contacts: [customer(0), customer(1)], fixed: { [variant(0)]: '7.50', [variant(2)]: '11.00' } });
  const { items } = await all(adapter().priceLists());
  expect(items).toEqual([
    {
      externalId: '4401',
      name: 'Wholesale',
      currency: 'EUR',
      prices: [
        { productExternalId: String(variant(0)), amount: '7.5' },
        { productExternalId: String(variant(2)), amount: '11' },
      ],
      customerExternalIds: [String(customer(0)), String(customer(1))],
    },
  ]);
  // A list without an adjustment is read for its FIXED prices only.
  const pricesQuery = fake.received.find((r) => (r.body as { query: string }).query.includes('TradegraphPriceListPrices'))!;
  expect((pricesQuery.body as { variables: Record<string, unknown> }).variables.originType).toBe('FIXED');
  expect(pricesQuery.headers['x-shopify-access-token']).toBe(fake.accessToken);
});

test('a percentage adjustment is taken as Shopify computes it (RELATIVE prices), fixed prices win; market catalogs are left out, archived ones have no customers', async () => {
  fake.b2b.addB2BPriceList({ name: 'Dealers', currency: 'EUR', contacts: [customer(2)], fixed: { [variant(1)]: '3.00' }, adjustment: { type: 'PERCENTAGE_DECREASE', value: 15 } });
  const market = fake.b2b.addB2BPriceList({ name: 'Switzerland', currency: 'CHF', contacts: [customer(3)], fixed: { [variant(0)]: '12.00' } });
  fake.b2b.catalogs.find((c) => c.id === market.catalogId)!.kind = 'MarketCatalog';
  const archived = fake.b2b.addB2BPriceList({ name: 'Old', currency: 'EUR', contacts: [customer(3)], fixed: { [variant(0)]: '1.00' } });
  fake.b2b.catalogs.find((c) => c.id === archived.catalogId)!.status = 'ARCHIVED';
  const { items } = await all(adapter().priceLists());
  expect(items.map((l) => l.name)).toEqual(['Dealers', 'Old']);
  // Base prices 10, 11, 12, 13: 15 % off, except variant 1's fixed 3.00.
  expect(items[0].prices).toEqual([
    { productExternalId: String(variant(1)), amount: '3' },
    { productExternalId: String(variant(0)), amount: '8.5' },
    { productExternalId: String(variant(2)), amount: '10.2' },
    { productExternalId: String(variant(3)), amount: '11.05' },
  ]);
  expect(items[0].customerExternalIds).toEqual([String(customer(2))]);
  expect(items[1]).toMatchObject({ customerExternalIds: [], prices: [{ productExternalId: String(variant(0)), amount: '1' }] });
});

test('pages lists (2 a query), prices (100), catalog locations (10) and a location\'s contacts (10, then 50); every query under the 1,000-point ceiling', async () => {
  fake.seed(250);
  fake.b2b.bucket = { maximumAvailable: 20_000, restoreRate: 1000, currentlyAvailable: 20_000 }; // no throttling: every query is counted once
  for (let i = 0; i < 4; i++) fake.b2b.addB2BPriceList({ name: `List ${i}`, currency: 'EUR', contacts: [customer(i)], fixed: { [variant(i)]: '5.00' } });
  const big = fake.b2b.addB2BPriceList({ name: 'Big', currency: 'EUR', contacts: Array.from({ length: 13 }, (_, i) => customer(100 + i)), fixed: Object.fromEntries(Array.from({ length: 250 }, (_, i) => [variant(i), '1.25'])) });
  const catalog = fake.b2b.catalogs.find((c) => c.id === big.catalogId)!;
  for (let i = 0; i < 11; i++) {
    fake.b2b.companies.push({ id: 9_000 + i, name: `Branch company ${i}`, mainContact: null });
    fake.b2b.locations.push({ id: 8_000 + i, name: `Branch ${i}`, companyId: 9_000 + i, contacts: [customer(200 + i)] });
    catalog.locationIds.push(8_000 + i);
  }
  const { items, pages } = await all(adapter().priceLists());
  expect(pages).toBe(3);
  expect(items.map((l) => l.name)).toEqual(['List 0', 'List 1', 'List 2', 'List 3', 'Big']);
  const bigList = items[4];
  expect(bigList.prices).toHaveLength(250);
  expect(new Set(bigList.customerExternalIds)).toEqual(new Set([...Array.from({ length: 13 }, (_, i) => String(customer(100 + i))), ...Array.from({ length: 11 }, (_, i) => String(customer(200 + i)))]));
  const names = fake.received.map((r) => /query (\w+)/.exec((r.body as { query: string }).query)![1]);
  expect(names.filter((n) => n === 'TradegraphPriceLists')).toHaveLength(3);
  expect(names.filter((n) => n === 'TradegraphPriceListPrices')).toHaveLength(4 + 3);
  expect(names.filter((n) => n === 'TradegraphCatalogLocations')).toHaveLength(1);
  expect(names.filter((n) => n === 'TradegraphLocationContacts')).toHaveLength(1);
  expect(fake.b2b.queries.filter((q) => q.throttled)).toEqual([]);
  expect(Math.max(...fake.b2b.queries.map((q) => q.cost))).toBeLessThanOrEqual(MAX_QUERY_COST);
});

test('a THROTTLED answer is waited out by the throttle status (missing points / restoreRate) and the query sent again', async () => {
  fake.b2b.addB2BPriceList({ name: 'Wholesale', currency: 'EUR', contacts: [customer(0)], fixed: { [variant(0)]: '7.50' } });
  fake.b2b.bucket.restoreRate = 2000;
  fake.b2b.drain(0);
  const started = Date.now();
  const { items } = await all(adapter().priceLists());
  expect(items).toHaveLength(1);
  expect(fake.b2b.queries[0]).toMatchObject({ throttled: true });
  expect(fake.b2b.queries[1]).toMatchObject({ throttled: false, cost: fake.b2b.queries[0].cost });
  // 512 points at 2,000 a second: about a quarter of a second, not a blind retry.
  expect(Date.now() - started).toBeGreaterThanOrEqual(200);
});

test('a bucket that would take too long to refill leaves the retry to the run, with the wait Shopify implies', async () => {
  fake.b2b.addB2BPriceList({ name: 'Wholesale', currency: 'EUR', contacts: [customer(0)], fixed: { [variant(0)]: '7.50' } });
  fake.b2b.bucket = { maximumAvailable: 1000, restoreRate: 10, currentlyAvailable: 1000 };
  fake.b2b.drain(0);
  const error = await failureOf(all(adapter().priceLists()));
  expect(error).toMatchObject({ retryable: true });
  expect(error.retryAfterMs).toBeGreaterThan(30_000);
  expect(fake.b2b.queries).toHaveLength(1);
  expect(throttleWaitMs({ requestedQueryCost: 500, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 } })).toBe(8000);
});

test('a wrong access token is a permanent 401; a query over the cost ceiling is a permanent GraphQL error', async () => {
  const refused = await failureOf(all(adapter('shpat_wrong').priceLists()));
  expect(refused).toMatchObject({ retryable: false, status: 401 });
  const api = new ShopifyGraphQL(new JsonHttpClient('Shopify', fake.url, { 'x-shopify-access-token': fake.accessToken }), '/admin/api/2024-01/graphql.json');
  const tooBig = await failureOf(api.query('{ priceLists(first: 250) { nodes { prices(first: 250) { nodes { variant { id } } } } } }', {}));
  expect(tooBig.retryable).toBe(false);
  expect(tooBig.message).toMatch(/exceeds the single query max cost/);
});
