/**
 * Documents over the demo supergraph that a federated executor must answer exactly as
 * @apollo/gateway does (test/federation-differential.test.ts runs each through both).
 * Each names what it exercises; `expectErrors` marks those whose answer carries errors.
 */
export interface DifferentialDocument {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  expectErrors?: boolean;
  /** refused before execution (parse, validation, variables): the HTTP status may differ, see the test */
  requestError?: boolean;
}

export const DOCUMENTS: DifferentialDocument[] = [
  { name: 'one subgraph, one field', query: '{ topProducts { name } }' },
  { name: '__typename at the root and nested', query: '{ __typename topProducts(first: 2) { __typename upc reviews { __typename id } } }' },
  {
    name: 'aliases, the same field twice with different arguments',
    query: '{ a: topProducts(first: 2) { n: name p: price } b: topProducts(first: 3) { upc n: name } me { who: name handle: username } }',
  },
  { name: 'the same field aliased across subgraphs', query: '{ topProducts(first: 4) { x: inStock y: shippingEstimate z: upc w: reviewCount } }' },
  { name: '@requires: products needs inventory\'s weight', query: '{ topProducts(first: 10) { upc shippingEstimate } }' },
  { name: '@requires: inventory needs products\' price', query: '{ topProducts(first: 10) { upc deliveryNote } }' },
  { name: '@requires both ways in one selection', query: '{ topProducts(first: 12) { deliveryNote shippingEstimate weight price } }' },
  { name: '@provides: the username comes from reviews', query: '{ latestReviews(first: 8) { id author { username } } }' },
  { name: '@provides and a field it does not provide', query: '{ latestReviews(first: 8) { author { id username name birthDate } } }' },
  {
    name: 'nested fragments over four subgraphs',
    query: `query Q { topProducts(first: 3) { ...P reviews { ...R } } }
      fragment P on Product { upc name ...Stock }
      fragment Stock on Product { inStock shippingEstimate }
      fragment R on Review { body author { ...A } }
      fragment A on User { name account { __typename } reviews { product { ...P } } }`,
  },
  {
    name: 'interface: inline fragments on Media',
    query: '{ media(first: 6) { __typename id title ... on Book { pages } ... on Movie { minutes } } }',
  },
  { name: '@interfaceObject: reviews of an interface entity', query: '{ media(first: 10) { id title reviews { id rating } } }' },
  {
    name: '@interfaceObject reached through an entity, with type conditions',
    query: '{ topProducts(first: 9) { upc bundleOf { __typename ... on Book { pages reviews { body } } ... on Movie { title } } } }',
  },
  {
    name: 'union across types of one subgraph, fields from others',
    query: '{ search(term: "1") { __typename ... on Product { upc inStock reviews { rating } } ... on Media { id reviews { id } } ... on Movie { minutes } } }',
  },
  {
    name: 'value-type union in users',
    query: '{ users(first: 7) { id account { __typename ... on PersonalAccount { email } ... on BusinessAccount { company seats } } } }',
  },
  {
    name: 'fragment on an interface spread inside a union',
    query: 'query S { search(term: "Book") { ...M } } fragment M on Media { id title ... on Book { pages } }',
  },
  {
    name: 'variables, defaults and @include/@skip',
    query: `query V($upc: String!, $first: Int = 2, $withReviews: Boolean!, $noStock: Boolean = false) {
      product(upc: $upc) { name reviews @include(if: $withReviews) { id } inStock @skip(if: $noStock) }
      topProducts(first: $first) { upc }
    }`,
    variables: { upc: 'p5', withReviews: true },
  },
  { name: '@skip removing a whole fetch', query: 'query V($s: Boolean!) { topProducts(first: 3) { upc reviews @skip(if: $s) { id } } }', variables: { s: true } },
  { name: 'an unknown key answers null', query: '{ product(upc: "nope") { name inStock } user(id: "nobody") { name } }' },
  {
    name: 'a chain: users → reviews → products → inventory → products',
    query: '{ user(id: "u12") { name reviews { id product { name weight shippingEstimate deliveryNote reviews { author { username } } } } } }',
  },
  { name: 'an entity fetch for the same entity twice', query: '{ review(id: "r3") { product { upc reviews { product { upc name inStock } } } } }' },
  {
    name: 'a subgraph resolver throws an unexpected error',
    query: '{ topProducts(first: 15) { upc restockDate } }',
    expectErrors: true,
  },
  {
    name: 'a subgraph resolver throws a coded error (FORBIDDEN)',
    query: '{ topProducts(first: 23) { upc supplier } }',
    expectErrors: true,
  },
  {
    name: 'a subgraph answers null for a non-null field: its nullable parent becomes null',
    query: '{ product(upc: "p13") { upc audited } other: product(upc: "p12") { upc audited } }',
    expectErrors: true,
  },
  {
    name: 'a null for a non-null field in a list of non-null entities: data becomes null',
    query: '{ topProducts(first: 14) { upc audited } }',
    expectErrors: true,
  },
  {
    name: 'a null for a non-null field propagates up through non-null parents',
    query: '{ review(id: "r17") { id product { upc audited } } }',
    expectErrors: true,
  },
  {
    name: 'errors from two subgraphs in one answer',
    query: '{ topProducts(first: 26) { upc restockDate supplier name reviewCount } }',
    expectErrors: true,
  },
  {
    name: 'an error inside a nested list of entities',
    query: '{ user(id: "u39") { reviews { id product { upc restockDate } } } }',
    expectErrors: true,
  },
  { name: 'a validation error', query: '{ topProducts { nam } }', expectErrors: true, requestError: true },
  { name: 'a variable of the wrong type', query: 'query V($f: Int!) { topProducts(first: $f) { upc } }', variables: { f: 'x' }, expectErrors: true, requestError: true },
  { name: 'a missing required variable', query: 'query V($upc: String!) { product(upc: $upc) { upc } }', expectErrors: true, requestError: true },
];
