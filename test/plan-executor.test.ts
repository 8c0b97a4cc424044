/**
 * Differential tests of Tradegraph's plan executor (gateway/src/plan-executor) against
 * @apollo/gateway's own executeQueryPlan: the same query plan, data sources and subgraphs, and
 * the serialised answers (data, errors with paths and extensions, valueCompletion) must be the
 * same bytes. Three supergraphs: the benchmark's demo graph, a library graph (entity interface
 * with an @interfaceObject, value unions, @requires with two fields, @provides, unknown
 * entities in lists, enums), and the demo graph with a subgraph down or answering errors
 * without paths. The HTTP-level comparison with stock Apollo is test/federation-differential.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { DOCUMENTS } from '../bench/federation/documents';
import { DEEP_FIRST, DEEP_QUERY } from '../bench/federation/query';
import { DEMO_SUBGRAPHS } from '../bench/federation/subgraphs';
import { LIBRARY_SUBGRAPHS, PROTOTYPE_KEY_SUBGRAPHS } from './support/library-subgraphs';
import { planHarness, type PlanCase, type PlanHarness } from './support/plan-differential';

const LIBRARY_CASES: PlanCase[] = [
  { name: 'entity interface, fields of both implementations', query: '{ shelf { __typename id title ... on Book { format } ... on Magazine { issue } } }' },
  { name: '@interfaceObject fields on every implementation, non-null nulls in a list', query: '{ shelf(first: 14) { id stars } }' },
  { name: '@interfaceObject: a coded error and an unexpected one, with paths', query: '{ shelf(first: 12) { id score reviewers } }' },
  { name: '@interfaceObject field then an implementation\'s type condition', query: '{ shelf(first: 9) { id ... on Book { title stars author { id name } } ... on Magazine { t: title s: score } } }' },
  { name: '__typename after an @interfaceObject fetch', query: '{ featured { __typename id score } }' },
  { name: '@provides: the name comes with the book', query: '{ shelf(first: 8) { ... on Book { author { name } } } }' },
  { name: '@provides and fields from the owner, some authors unknown there', query: '{ shelf(first: 14) { ... on Book { id author { id name born } } } }' },
  { name: 'a non-null field null in an entity of a list: the nullable author becomes null', query: '{ shelf(first: 14) { ... on Book { author { id agent { name phone } } } } }' },
  { name: 'a value union from another subgraph, a null list', query: '{ shelf(first: 6) { ... on Book { author { contacts { __typename ... on Email { address } ... on Phone { number } } } } } }' },
  { name: '@requires of two fields, one entity unknown there', query: '{ shelf(first: 12) { id ... on Book { label price } } }' },
  { name: 'a non-null Boolean null in a list of non-null: the list\'s parent bubbles', query: '{ shelf(first: 12) { ... on Book { id inStock } } }' },
  { name: 'aliases over every subgraph', query: '{ a: shelf(first: 4) { i: id ... on Book { f: format l: label w: author { n: name } } r: stars } b: featured { x: title } }' },
  { name: 'a nullable list with a null element', query: '{ gaps { id title stars } }' },
  { name: 'a root field answering null', query: '{ book(id: "p2") { id title } }' },
  { name: 'a root field answering an entity, then three subgraphs', query: '{ book(id: "p4") { id title label price stars author { name agent { name } } } }' },
  {
    name: '@skip and @include with variables, on fields and fragments',
    query: 'query Q($withStars: Boolean!, $noAuthor: Boolean = false) { shelf(first: 9) { id stars @include(if: $withStars) ... on Book @skip(if: $noAuthor) { author { name } } } }',
    variables: { withStars: false },
    operationName: 'Q',
  },
  {
    name: '@include true, @skip true',
    query: 'query Q($withStars: Boolean!, $noAuthor: Boolean = false) { shelf(first: 9) { id stars @include(if: $withStars) ... on Book @skip(if: $noAuthor) { author { name } } } }',
    variables: { withStars: true, noAuthor: true },
  },
  {
    name: 'named fragments on the interface and its implementations, two operations',
    query: `query A { shelf(first: 10) { ...Pub } } query B { featured { ...Pub } }
      fragment Pub on Publication { id title stars ...BookBits ...MagBits }
      fragment BookBits on Book { format label author { name born } }
      fragment MagBits on Magazine { issue }`,
    operationName: 'A',
  },
  { name: 'the same field through two fragments', query: '{ shelf(first: 5) { ... on Book { author { name } } ... on Publication { ... on Book { author { id born } } } } }' },
  { name: 'authors from the root, agents with a null in a non-null position', query: '{ authors { id name agent { name } contacts { ... on Phone { number } } } }' },
  { name: '__typename on the root and aliased', query: '{ __typename t: __typename featured { kind: __typename } }' },
];

/** Response names that are Object.prototype members: an output object must not answer them from its prototype. */
const PROTOTYPE_ALIAS_CASES: PlanCase[] = [
  { name: 'leaf aliases named after Object.prototype members', query: '{ shelf(first: 4) { toString: id constructor: title valueOf: stars hasOwnProperty: id isPrototypeOf: title ... on Book { propertyIsEnumerable: format } } }' },
  { name: 'a __proto__ alias on a leaf', query: '{ featured { __proto__: id title } }' },
  { name: '__typename aliased as Object.prototype members', query: '{ toString: __typename featured { constructor: __typename valueOf: id } }' },
  { name: '__typename aliased as __proto__ and as Object.prototype members', query: '{ toString: __typename featured { constructor: __typename valueOf: id __proto__: __typename } }' },
  { name: 'composite aliases named after Object.prototype members, across subgraphs', query: '{ toString: featured { valueOf: id constructor: stars } constructor: shelf(first: 6) { id ... on Book { hasOwnProperty: author { toLocaleString: name born } } } }' },
  { name: 'a __proto__ alias on a composite field, then the same field unaliased', query: '{ __proto__: book(id: "p4") { id author { name } } book(id: "p4") { title } }' },
  { name: 'introspection aliased as Object.prototype members', query: '{ toString: __type(name: "Book") { valueOf: name } featured { id } }' },
  { name: 'the same prototype alias through two fragments (merged)', query: '{ shelf(first: 5) { ... on Book { toString: author { name } } ... on Publication { ... on Book { toString: author { id born } } } } }' },
];

const DEMO_CASES: PlanCase[] = [{ name: 'the benchmark\'s deep query', query: DEEP_QUERY, variables: { first: DEEP_FIRST } }, ...DOCUMENTS.filter((d) => !d.requestError)];

/** Reviews answers errors without a path (and no data) when asked for more than five entities. */
function overloadedReviews(name: string, source: GraphQLDataSource): GraphQLDataSource {
  if (name !== 'reviews') return source;
  return {
    process: (options: GraphQLDataSourceProcessOptions) => {
      const representations = options.request.variables?.representations as unknown[] | undefined;
      if (representations && representations.length > 5) return Promise.resolve({ errors: [{ message: 'reviews is overloaded', extensions: { code: 'OVERLOADED' } }] });
      return (source as RemoteGraphQLDataSource).process(options);
    },
  };
}

const FAILURE_CASES: PlanCase[] = [
  { name: 'a subgraph down under nullable fields: partial data', query: '{ topProducts(first: 4) { upc name weight restockDate } }' },
  { name: 'a subgraph down: its fields null, UNAVAILABLE at each', query: '{ topProducts(first: 4) { upc name inStock quantity shippingEstimate } }' },
  { name: 'a subgraph down under non-null fields: parents bubble', query: '{ topProducts(first: 3) { upc reviews { id body } } }' },
  { name: 'a subgraph down at the root', query: '{ latestReviews(first: 3) { id } topProducts(first: 2) { upc } }' },
];

function describeCases(title: string, cases: PlanCase[], start: () => Promise<PlanHarness>) {
  describe(title, () => {
    let harness: PlanHarness;
    beforeAll(async () => {
      harness = await start();
    });
    afterAll(() => harness?.stop());
    test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
      const { apollo, ours } = await harness.run(testCase);
      expect(ours).toBe(apollo);
    });
  });
}

describeCases('the demo supergraph (bench/federation)', DEMO_CASES, () => planHarness(DEMO_SUBGRAPHS));
describeCases('the library supergraph', LIBRARY_CASES, () => planHarness(LIBRARY_SUBGRAPHS));
describeCases('the library supergraph, aliases named after Object.prototype members', PROTOTYPE_ALIAS_CASES, () => planHarness(LIBRARY_SUBGRAPHS));
const PROTOTYPE_KEY_CASES: PlanCase[] = [
  { name: 'a key named constructor, a required field named valueOf, one entity unknown there', query: '{ parts { constructor name toString } }' },
  { name: 'the same with aliases and __typename', query: '{ p: parts { __typename k: constructor s: toString v: valueOf } }' },
];
describeCases('entities keyed and required by fields named after Object.prototype members', PROTOTYPE_KEY_CASES, () => planHarness(PROTOTYPE_KEY_SUBGRAPHS));
describeCases('the demo supergraph with inventory down', FAILURE_CASES, () => planHarness(DEMO_SUBGRAPHS, { down: ['inventory'] }));
const OVERLOADED: PlanCase = { name: 'reviews of eight products: an error without a path', query: '{ topProducts(first: 8) { upc name reviews { id } } }' };
describeCases('the demo supergraph with reviews answering errors without paths', [OVERLOADED, ...FAILURE_CASES, ...DOCUMENTS.slice(0, 12)], () => planHarness(DEMO_SUBGRAPHS, { wrap: overloadedReviews }));

test('the cases cover errors, nulls and partial data (the comparison is not of empty answers)', async () => {
  const harness = await planHarness(LIBRARY_SUBGRAPHS);
  try {
    const stars = JSON.parse((await harness.run(LIBRARY_CASES[1])).ours) as { errors?: unknown[]; data?: unknown };
    expect(stars.errors?.length ?? 0).toBeGreaterThan(0);
    const agents = JSON.parse((await harness.run(LIBRARY_CASES[7])).ours) as { data: { shelf: { author?: unknown }[] } };
    expect(agents.data.shelf.some((b) => b.author === null)).toBe(true);
    expect(agents.data.shelf.some((b) => b.author)).toBe(true);
  } finally {
    await harness.stop();
  }
  const down = await planHarness(DEMO_SUBGRAPHS, { down: ['inventory'] });
  const overloaded = await planHarness(DEMO_SUBGRAPHS, { wrap: overloadedReviews });
  try {
    const partial = JSON.parse((await down.run(FAILURE_CASES[0])).ours) as { errors: { extensions: { code: string } }[]; data: { topProducts: { name: string }[] } };
    expect(partial.errors.map((e) => e.extensions.code)).toContain('UNAVAILABLE');
    expect(partial.data.topProducts[0].name).toEqual(expect.any(String));
    const pathless = JSON.parse((await overloaded.run(OVERLOADED)).ours) as { errors: { path?: unknown; extensions: { code: string } }[] };
    expect(pathless.errors.some((e) => e.extensions.code === 'OVERLOADED' && e.path === undefined)).toBe(true);
  } finally {
    await Promise.all([down.stop(), overloaded.stop()]);
  }
});
