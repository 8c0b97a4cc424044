/**
 * Relevance pages of product-search.ts against the order they must have, computed by one plain
 * query that reads every match: tier (sku prefix, then sku/name/brand, then description only),
 * then the sku within the sku tier and the id within the word tiers. Every page of every text is
 * compared, forwards and backwards, with filters, under the real walk lengths and under walks so
 * short that a small catalog takes every path (walking on, giving up for the GIN index in the
 * middle of a tier, reaching the last product).
 */
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { pageRequest, type CursorValue } from '@tradegraph/kit';
import type { FilterQuery } from '@mikro-orm/core';
import type { Product } from '../src/entities';
import { productsSubgraph } from '../src/subgraph';
import { searchPage, SEARCH_WALKS, type SearchWalks } from '../src/services/product-search';

let db: TestSubgraphDatabase;
const PRODUCTS = 1200;

beforeAll(async () => {
  db = await openTestDatabase(productsSubgraph);
  // words of every density: `common` in a quarter of the names, `pair` and `mate` always
  // together (the estimate PostgreSQL gets wrong), `rare` in 1 of 97, `desconly` only in
  // descriptions, `twin` in some names and other descriptions; every tenth product a draft
  await db.em().getConnection().execute(`
    insert into products.product (id, sku, name, description, status, brand, base_price_minor, currency, attributes, created_at, updated_at)
    select gen_random_uuid(), 'SR-' || lpad(n::text, 5, '0'),
      concat_ws(' ', 'Item', n, case when n % 4 = 0 then 'common' end, case when n % 7 = 0 then 'pair mate' end, case when n % 97 = 0 then 'rare' end, case when n % 6 = 0 then 'twin' end),
      concat_ws(' ', 'Text', case when n % 5 = 0 then 'desconly' end, case when n % 9 = 0 then 'twin' end, case when n % 11 = 0 then 'common' end),
      case when n % 10 = 0 then 'DRAFT' else 'PUBLISHED' end, 'Brand', 100 + n % 50, 'EUR', '[]', now(), now()
    from generate_series(1, ${PRODUCTS}) as n`);
  await db.em().getConnection().execute('analyze products.product');
});
afterAll(() => db?.close());

/** The whole relevance order of `text` among the products `condition` (SQL on `p`) keeps. */
async function expected(text: string, condition: string): Promise<string[]> {
  const rows: { id: string }[] = await db.em().getConnection().execute(
    `with q as (select websearch_to_tsquery('english', ?) as q, case when ? !~ '\\s' then upper(?) || '%' end as prefix)
     select p.id from products.product p, q
     where ${condition} and (p.search_vector @@ q.q or upper(p.sku) collate "C" like q.prefix)
     order by case when upper(p.sku) collate "C" like q.prefix then 2 when p.name_vector @@ q.q then 1 else 0 end desc,
       case when upper(p.sku) collate "C" like q.prefix then upper(p.sku) collate "C" end, p.id`,
    [text, text.trim(), text.trim()],
  );
  return rows.map((r) => r.id);
}

/** Every page of the search, forwards (first/after) or backwards (last/before), in relevance order. */
async function allPages(text: string, where: FilterQuery<Product>, size: number, backward: boolean, walks: SearchWalks): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 500; n++) {
    const request = pageRequest(backward ? { last: size, before: cursor } : { first: size, after: cursor });
    const page = await searchPage(db.em(), where, text, { relevance: true }, request, walks);
    const ids = page.edges.map((e) => e.node.id);
    if (backward) seen.unshift(...ids);
    else seen.push(...ids);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return seen;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  throw new Error('more than 500 pages');
}

const SHORT: SearchWalks = { index: { firstWalk: 5, maxWalk: 40, minShare: 1 / 20 }, table: { firstWalk: 3, maxWalk: 12, minShare: 1 / 10 } };
const WALK_ONLY: SearchWalks = { index: { firstWalk: 2, maxWalk: PRODUCTS * 2, minShare: 0 }, table: { firstWalk: 2, maxWalk: PRODUCTS * 2, minShare: 0 } };
const GIN_ONLY: SearchWalks = { index: { firstWalk: 1, maxWalk: 1, minShare: 1 }, table: { firstWalk: 1, maxWalk: 1, minShare: 1 } };
const FILTERS: [string, FilterQuery<Product>, string][] = [
  ['published', { status: { $in: ['PUBLISHED'] } }, `p.status = 'PUBLISHED'`],
  ['price 120–140, any status', { basePriceMinor: { $gte: 120, $lte: 140 } }, 'p.base_price_minor between 120 and 140'],
];
const TEXTS = ['common', 'pair mate', 'rare', 'desconly', 'twin', 'common -desconly', 'SR-001', 'nothing', '"mate pair"'];

describe.each([
  ['the real walks', SEARCH_WALKS],
  ['short walks', SHORT],
  ['walks only', WALK_ONLY],
  ['the GIN index only', GIN_ONLY],
])('relevance pages with %s', (_, walks) => {
  test.each(FILTERS)('%s: every page of every text, forwards and backwards, in relevance order', async (_name, where, condition) => {
    for (const text of TEXTS) {
      const all = await expected(text, condition);
      expect({ text, forward: await allPages(text, where, 25, false, walks) }).toEqual({ text, forward: all });
      expect({ text, backward: await allPages(text, where, 30, true, walks) }).toEqual({ text, backward: all });
    }
  });
});

test('the texts reach every tier, and words PostgreSQL takes as independent are found in full', async () => {
  const published = `p.status = 'PUBLISHED'`;
  const numbers = (keep: (n: number) => boolean) => Array.from({ length: PRODUCTS }, (_, i) => i + 1).filter((n) => n % 10 !== 0 && keep(n));
  // no text of the comparisons above but two is empty (a stop word would match nothing)
  for (const text of TEXTS.filter((t) => t !== 'nothing' && t !== '"mate pair"')) expect({ text, matches: (await expected(text, published)).length > 10 }).toEqual({ text, matches: true });
  expect((await expected('pair mate', published)).length).toBe(numbers((n) => n % 7 === 0).length);
  // SR-00100 … SR-00199 less their drafts, by sku prefix
  expect((await expected('SR-001', published)).length).toBe(90);
  const twin = await expected('twin', published);
  expect(twin.length).toBe(numbers((n) => n % 6 === 0 || n % 9 === 0).length);
  const page = await searchPage(db.em(), { status: { $in: ['PUBLISHED'] } }, 'twin', { relevance: true }, pageRequest({ first: 100 }));
  expect(page.edges.map((e) => e.node.id)).toEqual(twin.slice(0, 100));
  // a cursor names its tier: the last name match continues with the first description-only one
  const nameMatches = numbers((n) => n % 6 === 0).length;
  const tierOf = (cursor: string) => (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as CursorValue)[0];
  const first = await searchPage(db.em(), { status: { $in: ['PUBLISHED'] } }, 'twin', { relevance: true }, pageRequest({ first: 100 }), SHORT);
  const second = await searchPage(db.em(), { status: { $in: ['PUBLISHED'] } }, 'twin', { relevance: true }, pageRequest({ first: 100, after: first.pageInfo.endCursor }), SHORT);
  const tiers = [...first.edges, ...second.edges].map((e) => tierOf(e.cursor));
  expect(tiers.slice(0, nameMatches).every((c) => c === '1|')).toBe(true);
  expect(tiers.slice(nameMatches).every((c) => c === '0|')).toBe(true);
  expect([tiers.length, nameMatches < 200]).toEqual([200, true]);
});
