/**
 * An operation's cost is computed once per document and per value of the variables it can
 * depend on (page sizes, search filters, @skip/@include), and never served stale for another.
 */
import { buildSchema, parse } from 'graphql';
import { operationCost } from '../src/limits';

const schema = buildSchema(`
  type Query { product(sku: String!): Product  products(first: Int, filter: ProductFilter): ProductConnection! }
  input ProductFilter { text: String }
  type ProductConnection { edges: [Edge!]! totalCount: Int! }
  type Edge { node: Product! }
  type Product { sku: String! name: String! related(first: Int): ProductConnection! }
`);

describe('operationCost', () => {
  const document = parse(`query Q($sku: String!, $n: Int!, $text: String, $withRelated: Boolean!) {
    product(sku: $sku) { name }
    products(first: $n, filter: { text: $text }) { edges { node { sku related(first: 2) @include(if: $withRelated) { edges { node { sku } } } } } }
  }`);
  const cost = (variables: Record<string, unknown>) => operationCost(schema, document, 'Q', variables);
  const base = { sku: 'A', n: 10, text: null, withRelated: false };

  it('is the same whatever a variable outside cost-bearing arguments holds', () => {
    expect(cost({ ...base, sku: 'B' })).toBe(cost(base));
  });

  it('follows the page size, the search filter and @include, asked in any order', () => {
    const small = cost(base);
    const large = cost({ ...base, n: 20 });
    const searched = cost({ ...base, text: 'drill' });
    const related = cost({ ...base, withRelated: true });
    expect(large).toBeGreaterThan(small);
    expect(searched).toBeGreaterThan(small);
    expect(related).toBeGreaterThan(small);
    // the same values again give the same costs (from the cache), and the first one is not overwritten
    expect(cost({ ...base, n: 20 })).toBe(large);
    expect(cost({ ...base, sku: 'C' })).toBe(small);
    expect(cost({ ...base, n: 20, text: 'drill', withRelated: true })).toBeGreaterThan(Math.max(large, searched, related));
  });

  it('counts a fresh parse of the same text the same as the cached document', () => {
    const again = parse(`query Q($sku: String!, $n: Int!, $text: String, $withRelated: Boolean!) {
    product(sku: $sku) { name }
    products(first: $n, filter: { text: $text }) { edges { node { sku related(first: 2) @include(if: $withRelated) { edges { node { sku } } } } } }
  }`);
    expect(operationCost(schema, again, 'Q', { ...base, n: 30 })).toBe(cost({ ...base, n: 30 }));
  });

  it('tells a variable sent as null from one left out for its default', () => {
    const text = 'query D($n: Int = 100) { products(first: $n) { edges { node { related(first: $n) { edges { node { sku } } } } } } }';
    const cached = parse(text);
    const asNull = operationCost(schema, cached, 'D', { n: null });
    const omitted = operationCost(schema, cached, 'D', {});
    expect(omitted).toBeGreaterThan(asNull);
    expect(omitted).toBe(operationCost(schema, parse(text), 'D', {}));
  });
});
