/**
 * The public contract: partners (role PARTNER) are served public-schema.graphql, the API schema
 * filtered to what subgraphs tag `@tag(name: "public")`, over HTTP, introspection, graphql-ws
 * and SSE; composition writes that file and compose:check fails when it is stale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, validate, type GraphQLObjectType, type IntrospectionQuery } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { PublicCategoriesDocument, PublicProductDocument, PublicProductsDocument } from '../operations/__generated__/graphql';
import { composePublicSchema, composeSupergraph } from '../gateway/src/composition';
import { ContractError } from '../gateway/src/public-schema';
import { composedFiles, staleFiles } from '../scripts/compose';
import { isBreaking, publicSchemaChanges } from '../scripts/public-schema-diff';
import { execute, executeOk, postGraphQL } from './support/client';
import { createCustomer, stockedProduct } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';

let stack: TestStack;
let admin: string;
let partner: string;
let productId: string;
let customerId: string;
const sockets: { dispose(): void | Promise<void> }[] = [];

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('ADMIN');
  partner = await stack.token('PARTNER', [], 'partner-acme');
  ({ productId } = await stockedProduct(stack, admin, 7, '12.50', 'Contract drill'));
  customerId = await createCustomer(stack, admin);
});
afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
  await stack?.stop();
});

const introspect = async (token: string) => {
  const response = await postGraphQL<IntrospectionQuery>(stack.gatewayUrl, getIntrospectionQuery(), undefined, { token });
  expect(response.errors).toBeUndefined();
  return buildClientSchema(response.data!);
};

describe('what partners may read', () => {
  test('a PARTNER reads the public catalog: products, one product by sku, categories, availability', async () => {
    const page = await executeOk(stack.gatewayUrl, PublicProductsDocument, { filter: { ids: [productId] }, sort: 'PRICE_ASC', first: 5 }, { token: partner });
    expect(page.products.totalCount).toBe(1);
    const product = page.products.edges[0].node;
    expect(product).toMatchObject({ id: productId, name: 'Contract drill', basePrice: { amount: '12.50', currency: 'EUR' }, stock: { available: 7, inStock: true } });
    const bySku = await executeOk(stack.gatewayUrl, PublicProductDocument, { sku: product.sku }, { token: partner });
    expect(bySku.product?.id).toBe(productId);
    const categories = await execute(stack.gatewayUrl, PublicCategoriesDocument, {}, { token: partner });
    expect(categories.errors).toBeUndefined();
    expect(Array.isArray(categories.data?.rootCategories)).toBe(true);
    // what a partner's typed client is generated from: these documents stay inside public-schema.graphql
    const publicSchema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'public-schema.graphql'), 'utf8'));
    for (const document of [PublicProductsDocument, PublicProductDocument, PublicCategoriesDocument]) expect(validate(publicSchema, document)).toEqual([]);
  });

  const outside: [string, () => string][] = [
    ['customers', () => '{ customers(first: 1) { totalCount } }'],
    ['Product.stockLevels', () => `{ product(id: "${productId}") { name stockLevels { onHand } } }`],
    ['Product.priceFor', () => `{ product(id: "${productId}") { name priceFor(customerId: "${customerId}") { amount } } }`],
    ['warehouses', () => '{ warehouses { id code } }'],
    ['orders', () => '{ orders(first: 1) { totalCount } }'],
    ['ProductStock.byWarehouse', () => `{ product(id: "${productId}") { stock { available byWarehouse { onHand } } } }`],
    ['ProductFilter.status', () => '{ products(first: 1, filter: { status: [DRAFT] }) { totalCount } }'],
  ];
  test.each(outside)('%s fails validation for a PARTNER, before any subgraph is asked, and works for ADMIN', async (_name, query) => {
    const asPartner = await postGraphQL(stack.gatewayUrl, query(), undefined, { token: partner });
    expect(asPartner.status).toBe(400);
    expect(asPartner.data).toBeUndefined();
    expect(asPartner.errors).toHaveLength(1);
    expect(asPartner.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(asPartner.errors?.[0].message).toMatch(/^(Cannot query field|Field "\w+" is not defined by type|Unknown argument)/);
    const asAdmin = await postGraphQL(stack.gatewayUrl, query(), undefined, { token: admin });
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.status).toBe(200);
  });

  test('a hidden field is refused exactly like one that does not exist, with no name suggested', async () => {
    const hidden = await postGraphQL(stack.gatewayUrl, '{ warehouses { id } }', undefined, { token: partner });
    const unknown = await postGraphQL(stack.gatewayUrl, '{ storehouses { id } }', undefined, { token: partner });
    const shape = (r: typeof hidden) => ({ status: r.status, code: r.errors?.[0].extensions?.code, message: r.errors?.[0].message.replace(/"(warehouses|storehouses)"/, '"X"') });
    expect(shape(hidden)).toEqual(shape(unknown));
    expect(unknown.errors?.[0].message).toBe('Cannot query field "storehouses" on type "Query".');
  });

  test('no mutation or subscription is public: a PARTNER mutation fails validation, an ADMIN one runs', async () => {
    const mutation = 'mutation { publishProduct(id: "00000000-0000-4000-8000-000000000000") { id } }';
    const asPartner = await postGraphQL(stack.gatewayUrl, mutation, undefined, { token: partner });
    expect(asPartner.status).toBe(400);
    expect(asPartner.errors?.[0]).toMatchObject({ message: 'The mutation operation is not supported by the schema.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const asAdmin = await postGraphQL(stack.gatewayUrl, mutation, undefined, { token: admin });
    expect(asAdmin.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('what partners see of the schema', () => {
  test('PARTNER introspection shows the public schema only; ADMIN sees the whole API', async () => {
    const publicSchema = await introspect(partner);
    const query = publicSchema.getQueryType()!.getFields();
    expect(Object.keys(query).sort()).toEqual(['category', 'product', 'products', 'rootCategories']);
    const product = publicSchema.getType('Product') as GraphQLObjectType;
    expect(Object.keys(product.getFields())).toEqual(expect.arrayContaining(['name', 'sku', 'basePrice', 'stock']));
    expect(Object.keys(product.getFields())).not.toEqual(expect.arrayContaining(['stockLevels']));
    expect(product.getFields().priceFor).toBeUndefined();
    for (const hidden of ['Customer', 'Warehouse', 'StockLevel', 'Order', 'PriceList', 'Connector', 'FieldAgent']) expect(publicSchema.getType(hidden)).toBeUndefined();
    expect(publicSchema.getMutationType()).toBeFalsy();
    expect(publicSchema.getSubscriptionType()).toBeFalsy();

    const whole = await introspect(admin);
    expect(whole.getQueryType()!.getFields().customers).toBeDefined();
    expect((whole.getType('Product') as GraphQLObjectType).getFields().stockLevels).toBeDefined();
  });

  test('__type of a hidden type is null for a PARTNER; introspection mixed with data is refused', async () => {
    const type = await postGraphQL<{ __type: unknown }>(stack.gatewayUrl, '{ __type(name: "Customer") { name fields { name } } }', undefined, { token: partner });
    expect(type.errors).toBeUndefined();
    expect(type.data?.__type).toBeNull();
    const mixed = await postGraphQL(stack.gatewayUrl, '{ products(first: 1) { totalCount } __schema { types { name } } }', undefined, { token: partner });
    expect(mixed.status).toBe(400);
    expect(mixed.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(mixed)).not.toContain('Customer');
  });

  test('public-schema.graphql is exactly the schema the gateway serves to partners', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'public-schema.graphql'), 'utf8');
    // sorted: introspection lists types in the served schema's order, which printing does not keep
    expect(printSchema(lexicographicSortSchema(await introspect(partner)))).toBe(printSchema(lexicographicSortSchema(buildSchema(committed))));
  });
});

describe('subscriptions', () => {
  const STOCK = `subscription ($ids: [ID!]) { stockChanged(productIds: $ids) { available } }`;

  test('a PARTNER subscribing over graphql-ws gets the validation error; ADMIN subscribes', async () => {
    const socket = (token: string) => {
      const client = wsClient(stack.gatewayUrl, token);
      sockets.push(client);
      return client;
    };
    const refused = collect(socket(partner), STOCK, { ids: [productId] });
    const [result] = await refused.waitFor(1);
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors?.[0]).toMatchObject({ message: 'The subscription operation is not supported by the schema.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    await eventually(() => refused.ended.completed === true);
    expect(stack.gateway.subscriptions.stats().groups).toBe(0); // nothing was opened upstream

    const allowed = collect(socket(admin), STOCK, { ids: [productId] });
    await eventually(() => stack.gateway.subscriptions.stats().groups === 1);
    expect(allowed.results).toEqual([]);
    allowed.stop();
  });

  test('a PARTNER subscribing over SSE gets the validation error', async () => {
    const sse = createSseClient({ url: `${stack.gatewayUrl}/stream`, headers: { authorization: `Bearer ${partner}` }, retryAttempts: 0 });
    const received: { errors?: { extensions?: Record<string, unknown> }[] }[] = [];
    let done = false;
    sse.subscribe({ query: STOCK, variables: { ids: [productId] } }, { next: (r) => void received.push(r as never), error: (e) => void received.push({ errors: Array.isArray(e) ? e : [] }), complete: () => (done = true) });
    await eventually(() => received.length > 0);
    expect(received[0].errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await eventually(() => done || received.length > 0);
    sse.dispose();
  });
});

describe('composition', () => {
  test('compose:check finds a stale or missing public-schema.graphql', async () => {
    const files = await composedFiles();
    expect(files['public-schema.graphql']).toContain('type Product {');
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-compose-'));
    try {
      for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
        fs.writeFileSync(path.join(directory, file), content);
      }
      expect(staleFiles(files, directory)).toEqual([]);
      fs.writeFileSync(path.join(directory, 'public-schema.graphql'), files['public-schema.graphql'].replace('  brand: String\n', ''));
      expect(staleFiles(files, directory)).toEqual(['public-schema.graphql']);
      fs.rmSync(path.join(directory, 'public-schema.graphql'));
      expect(staleFiles(files, directory)).toEqual(['public-schema.graphql']);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  test('composition refuses a public element that reaches a non-public one', () => {
    const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag"])';
    const sdl = (secretTagged: boolean) => `${link}
      type Query { item(id: ID! @tag(name: "public")): Item @tag(name: "public") }
      type Item @key(fields: "id") { id: ID! @tag(name: "public") secret: Secret ${secretTagged ? '@tag(name: "public")' : ''} }
      type Secret { code: String }`;
    const composed = (secretTagged: boolean) => composeSupergraph([{ name: 'items', url: 'http://items.invalid/graphql', sdl: sdl(secretTagged) }]);
    expect(composePublicSchema(composed(false))).toContain('type Item {\n  id: ID!\n}');
    expect(() => composePublicSchema(composed(true))).toThrow(ContractError);
    expect(() => composePublicSchema(composed(true))).toThrow(/Item\.secret is public but its type Secret is not/);
  });

  test('schema:diff calls a removed public field breaking and an added one not', async () => {
    const before = fs.readFileSync(path.join(__dirname, '..', 'public-schema.graphql'), 'utf8');
    const removed = await publicSchemaChanges(before, before.replace('  brand: String\n', ''));
    expect(removed.map((c) => [c.message, isBreaking(c)])).toEqual([["Field 'brand' was removed from object type 'Product'", true]]);
    const added = await publicSchemaChanges(before, before.replace('  brand: String\n', '  brand: String\n  ean: String\n'));
    expect(added.map(isBreaking)).toEqual([false]);
  });
});
