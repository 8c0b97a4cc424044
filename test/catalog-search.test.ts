/**
 * Catalog text search through the gateway (products/src/services/product-search.ts): relevance
 * tiers (sku prefix, then sku/name/brand, then description only; by id within the word tiers), keyset pages that neither
 * repeat nor skip a match in either direction, the other filters and the visibility of
 * non-staff callers together with text, and texts that hold no searchable word or look like SQL.
 */
import type { GraphQLFormattedError } from 'graphql';
import { postGraphQL } from './support/client';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
let agent: string;
let toolsId: string;
const ids = new Map<string, string>();

interface Page {
  edges: { cursor: string; node: { id: string; sku: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount?: number;
}

const PRODUCTS = `query ($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String, $last: Int, $before: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id sku name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

async function search(variables: Record<string, unknown>, token = admin): Promise<{ page?: Page; errors?: readonly GraphQLFormattedError[] }> {
  const result = await postGraphQL<{ products: Page }>(stack.gatewayUrl, PRODUCTS, variables, { token });
  return { page: result.data?.products, errors: result.errors };
}

async function page(variables: Record<string, unknown>, token = admin): Promise<Page> {
  const { page: found, errors } = await search(variables, token);
  if (errors?.length || !found) throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  return found;
}

const skus = (p: Page) => p.edges.map((e) => e.node.sku);
/** The skus in id order: the order within a word tier of relevance. */
const byId = (...list: string[]) => [...list].sort((a, b) => (ids.get(a)! < ids.get(b)! ? -1 : 1));

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products'] });
  admin = await stack.token('ADMIN');
  agent = await stack.token('AGENT', [], 'agent-search');
  const category = await postGraphQL<{ createCategory: { id: string } }>(stack.gatewayUrl, 'mutation { createCategory(input: { name: "Search tools", slug: "search-tools" }) { id } }', {}, { token: admin });
  toolsId = category.data!.createCategory.id;
  const item = (sku: string, name: string, amount: string, extra: Record<string, unknown> = {}) => ({ sku, name, basePrice: { amount, currency: 'EUR' }, status: 'PUBLISHED', ...extra });
  const items = [
    item('CS-100', 'Cordless Hammer Drill', '120.00', { description: 'Compact tool for masonry', brand: 'Bosch', categorySlug: 'search-tools' }),
    item('CS-101', 'Masonry Bit Set', '15.00', { description: 'Fits any cordless hammer drill', categorySlug: 'search-tools' }),
    item('CS-102', 'Hammer Drill 800 W', '90.00', { status: 'DRAFT' }),
    item('CS-103', 'Drill Stand', '40.00', { description: 'Steel stand' }),
    // enough name and description matches of "drill" for several pages in each tier
    ...Array.from({ length: 100 }, (_, i) => item(`PG-${100 + i}`, `Pager Drill ${i}`, '10.00')),
    ...Array.from({ length: 11 }, (_, i) => item(`AC-${100 + i}`, `Accessory ${i}`, '5.00', { description: 'Works with any drill' })),
    item('INJ-1', `O'Brien "quoted" 50% off_set`, '1.00', { description: 'back\\slash' }),
  ];
  const upserted = await postGraphQL<{ upsertProducts: { items: { sku: string; product: { id: string } | null }[] } }>(
    stack.gatewayUrl,
    'mutation ($items: [UpsertProductInput!]!) { upsertProducts(items: $items) { items { sku product { id } } } }',
    { items },
    { token: admin },
  );
  expect(upserted.errors).toBeUndefined();
  for (const row of upserted.data!.upsertProducts.items) ids.set(row.sku, row.product!.id);
});
afterAll(() => stack?.stop());

describe('relevance', () => {
  test('a name match ranks above a description-only match, by id within each; without a sort, a text search is by relevance', async () => {
    expect(skus(await page({ filter: { text: 'hammer drill' } }))).toEqual([...byId('CS-100', 'CS-102'), 'CS-101']);
    expect(skus(await page({ filter: { text: 'hammer drill' }, sort: 'RELEVANCE' }))).toEqual([...byId('CS-100', 'CS-102'), 'CS-101']);
    // an explicit sort still wins
    expect(skus(await page({ filter: { text: 'hammer drill' }, sort: 'PRICE_ASC' }))).toEqual(['CS-101', 'CS-102', 'CS-100']);
  });

  test('skus the text prefixes come first, the exact sku before the others, case-insensitively', async () => {
    expect(skus(await page({ filter: { text: 'cs-10' }, first: 10 }))).toEqual(['CS-100', 'CS-101', 'CS-102', 'CS-103']);
    expect(skus(await page({ filter: { text: 'cs-101' } }))[0]).toBe('CS-101');
    expect(skus(await page({ filter: { text: 'bosch' } }))).toEqual(['CS-100']);
  });

  test('RELEVANCE without a text is name order', async () => {
    const byRelevance = await page({ sort: 'RELEVANCE', first: 5 });
    expect(skus(byRelevance)).toEqual(skus(await page({ sort: 'NAME_ASC', first: 5 })));
  });
});

describe('pages under relevance', () => {
  const expectedDrills = () => {
    const nameTier = ['CS-100', 'CS-102', 'CS-103', ...Array.from({ length: 100 }, (_, i) => `PG-${100 + i}`)];
    return { nameTier, descriptionTier: ['CS-101', ...Array.from({ length: 11 }, (_, i) => `AC-${100 + i}`)] };
  };

  test('forward pages return every match once, name matches before description-only ones, each in id order, and count them all', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 40; n++) {
      const p: Page = await page({ filter: { text: 'drill' }, first: 7, after });
      seen.push(...skus(p));
      expect(p.totalCount).toBe(115);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    const { nameTier, descriptionTier } = expectedDrills();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(nameTier.length + descriptionTier.length);
    expect(seen).toEqual([...byId(...nameTier), ...byId(...descriptionTier)]);
  });

  test('backward pages (last/before) return the same rows in the same order', async () => {
    const all: Page['edges'] = [];
    let after: string | null = null;
    do {
      const p: Page = await page({ filter: { text: 'drill' }, first: 100, after });
      all.push(...p.edges);
      after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
    } while (after);
    expect(all).toHaveLength(115);
    const seen: string[] = [];
    let before: string | null = all[all.length - 1].cursor;
    for (let n = 0; n < 40 && before; n++) {
      const p: Page = await page({ filter: { text: 'drill' }, last: 6, before });
      seen.unshift(...skus(p));
      before = p.pageInfo.hasPreviousPage ? p.pageInfo.startCursor : null;
    }
    expect(seen).toEqual(all.slice(0, -1).map((e) => e.node.sku));
  });

  test('a cursor of another sort is refused, not misread', async () => {
    const byName = await page({ filter: { text: 'drill' }, sort: 'NAME_ASC', first: 2 });
    const { errors } = await search({ filter: { text: 'drill' }, first: 2, after: byName.pageInfo.endCursor });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('text with a column sort pages by that column', async () => {
    const first = await page({ filter: { text: 'drill' }, sort: 'PRICE_DESC', first: 3 });
    const second = await page({ filter: { text: 'drill' }, sort: 'PRICE_DESC', first: 3, after: first.pageInfo.endCursor });
    expect(skus(first)).toEqual(['CS-100', 'CS-102', 'CS-103']);
    expect(skus(second)).toHaveLength(3);
    expect(skus(second).filter((s) => skus(first).includes(s))).toEqual([]);
  });
});

describe('filters with text', () => {
  test('category, price range and ids narrow a text search', async () => {
    expect(skus(await page({ filter: { text: 'drill', categoryId: toolsId } }))).toEqual(['CS-100', 'CS-101']);
    expect(skus(await page({ filter: { text: 'drill', categoryId: toolsId, minPrice: { amount: '100', currency: 'EUR' } } }))).toEqual(['CS-100']);
    expect(skus(await page({ filter: { text: 'drill', ids: [ids.get('CS-101'), ids.get('CS-103'), ids.get('INJ-1')] } }))).toEqual(['CS-103', 'CS-101']);
    expect(skus(await page({ filter: { text: 'drill', status: ['DRAFT'] } }))).toEqual(['CS-102']);
  });

  test('non-staff see published products only, with or without a status filter', async () => {
    expect(skus(await page({ filter: { text: 'hammer drill' } }, agent))).toEqual(['CS-100', 'CS-101']);
    expect(skus(await page({ filter: { text: 'hammer drill', status: ['DRAFT'] } }, agent))).toEqual([]);
    expect(skus(await page({ filter: { text: 'cs-102' } }, agent))).toEqual([]);
    expect((await page({ filter: { text: 'drill' }, first: 1 }, agent)).totalCount).toBe(114);
  });
});

describe('odd texts', () => {
  test('only stop words or punctuation: no error, no products (nothing to match)', async () => {
    for (const text of ['the', 'the and of', '!!!', '&|!', '" "', '-', ':*', '()', 'or']) {
      const result = await search({ filter: { text } });
      expect({ text, errors: result.errors }).toEqual({ text, errors: undefined });
      expect({ text, skus: skus(result.page!) }).toEqual({ text, skus: [] });
    }
  });

  test('SQL-looking and tsquery-looking texts are only words; quotes, % and _ are literal', async () => {
    const texts = ["'; drop table products.product; --", "drill') or 1=1 --", 'drill:* & !x | y', '\\', '%', '_', "o'brien", '50%', 'off_set', '"hammer drill"', '-steel drill'];
    const results = new Map<string, string[]>();
    for (const text of texts) {
      const result = await search({ filter: { text }, first: 50 });
      expect({ text, errors: result.errors }).toEqual({ text, errors: undefined });
      results.set(text, skus(result.page!));
    }
    expect(results.get('%')).toEqual([]);
    expect(results.get('_')).toEqual([]);
    expect(results.get("o'brien")).toEqual(['INJ-1']);
    expect(results.get('50%')).toEqual(expect.arrayContaining(['INJ-1', 'PG-150'])); // the word 50
    expect(results.get('"hammer drill"')).toEqual([...byId('CS-100', 'CS-102'), 'CS-101']);
    expect(results.get('-steel drill')).not.toContain('CS-103');
    // over a hundred products hold "drill" and a tier is in id order (random), so CS-100 may be past any page: ask for the two
    expect(skus(await page({ filter: { text: '-steel drill', ids: [ids.get('CS-100'), ids.get('CS-103')] } }))).toEqual(['CS-100']);
    // the catalog is still there
    expect((await page({ first: 1 })).totalCount).toBe(116);
  });
});
