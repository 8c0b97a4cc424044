import { randomUUID } from 'node:crypto';
import { formatError, Role } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { inventorySubgraph } from '../src/subgraph';
import { execute, newProduct, stock, warehouse } from './helpers';

let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(inventorySubgraph);
});
afterAll(() => db?.close());

const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

const PRODUCT_STOCK = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Product { id stock { onHand reserved available inStock byWarehouse { onHand warehouse { code } } } }
    }
  }
`;

describe('Product.stock', () => {
  test('sums active warehouses, gives zeros for a product without levels, and costs one statement for any number of products', async () => {
    const [a, b, closed] = [await warehouse(db, 1), await warehouse(db, 2), await warehouse(db, 3)];
    const products = Array.from({ length: 12 }, () => newProduct());
    for (const p of products) {
      await stock(db, p, a.id, 5, 1);
      await stock(db, p, b.id, 3);
      await stock(db, p, closed.id, 100);
    }
    await execute(db, [Role.ADMIN], `mutation ($id: ID!) { updateWarehouse(id: $id, input: { active: false }) { active } }`, { id: closed.id });
    const empty = newProduct();

    const result = await execute(db, [Role.MANAGER], PRODUCT_STOCK, { reps: [...products, empty].map((id) => ({ __typename: 'Product', id })) });
    expect(result.errors).toBeUndefined();
    const entities = (result.data as { _entities: { stock: { onHand: number; available: number; inStock: boolean; byWarehouse: { warehouse: { code: string } }[] } }[] })._entities;
    expect(entities[0].stock).toMatchObject({ onHand: 8, reserved: 0, available: 7, inStock: true });
    expect(entities[0].stock.byWarehouse.map((l) => l.warehouse.code)).toEqual([a.code, b.code]);
    expect(entities[12].stock).toEqual({ onHand: 0, reserved: 0, available: 0, inStock: false, byWarehouse: [] });
    expect(result.statements).toBe(1); // the levels of all 13 products with their warehouses
  });

  test('any authenticated caller sees the totals; only stock readers see where the stock is', async () => {
    const p = newProduct();
    const partner = await execute(db, [Role.PARTNER], `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { stock { available inStock } } } }`, {
      reps: [{ __typename: 'Product', id: p }],
    });
    expect(partner.errors).toBeUndefined();
    const detail = await execute(db, [Role.PARTNER], PRODUCT_STOCK, { reps: [{ __typename: 'Product', id: p }] });
    expect(codes(detail)).toContain('FORBIDDEN');
    const anonymous = await execute(db, [], `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { stock { available } } } }`, {
      reps: [{ __typename: 'Product', id: p }],
    });
    expect(codes(anonymous)).toContain('UNAUTHENTICATED');
  });
});

describe('mutations through the schema', () => {
  const RESERVE = /* GraphQL */ `
    mutation ($orderId: ID!, $lines: [ReservationLineInput!]!) {
      reserveStock(orderId: $orderId, lines: $lines) { id orderId status lines { productId quantity warehouse { code } } }
    }
  `;

  test('SERVICE reserves and commits; AGENT and MANAGER may not', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 4);
    const orderId = randomUUID();
    const lines = [{ productId: p, quantity: 3 }];

    expect(codes(await execute(db, [Role.AGENT], RESERVE, { orderId, lines }))).toEqual(['FORBIDDEN']);
    expect(codes(await execute(db, [Role.MANAGER], RESERVE, { orderId, lines }))).toEqual(['FORBIDDEN']);
    const reserved = await execute(db, [Role.SERVICE], RESERVE, { orderId, lines });
    expect(reserved.errors).toBeUndefined();
    expect(reserved.data).toMatchObject({ reserveStock: { orderId, status: 'ACTIVE', lines: [{ productId: p, quantity: 3, warehouse: { code: w.code } }] } });

    const short = await execute(db, [Role.SERVICE], RESERVE, { orderId: randomUUID(), lines: [{ productId: p, quantity: 2 }] });
    expect(short.errors?.[0]).toMatchObject({ message: expect.stringContaining(p), extensions: { code: 'INSUFFICIENT_STOCK', productId: p, requested: 2, available: 1 } });

    const committed = await execute(db, [Role.SERVICE], `mutation ($orderId: ID!) { commitReservation(orderId: $orderId) { status } }`, { orderId });
    expect(committed.data).toEqual({ commitReservation: { status: 'COMMITTED' } });
    const released = await execute(db, [Role.SERVICE], `mutation ($orderId: ID!) { releaseReservation(orderId: $orderId) { status } }`, { orderId: randomUUID() });
    expect(released.data).toEqual({ releaseReservation: null });
  });

  test('invalid input is BAD_USER_INPUT naming the field', async () => {
    const w = await warehouse(db, 1);
    const result = await execute(db, [Role.MANAGER], `mutation ($input: ReceiveStockInput!) { receiveStock(input: $input) { onHand } }`, {
      input: { productId: newProduct(), warehouseId: w.id, quantity: 0 },
    });
    // what a client receives: kit's formatError turns class-validator's report into named fields
    const error = result.errors![0];
    expect(formatError(error.toJSON(), error)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'quantity' }] } }); // kit names the field without the argument
  });
});

describe('queries', () => {
  test('lowStock pages by keyset, least available first', async () => {
    const w = await warehouse(db, 1);
    const products = [newProduct(), newProduct(), newProduct(), newProduct()];
    for (const [i, p] of products.entries()) {
      await stock(db, p, w.id, i * 2);
      await execute(db, [Role.MANAGER], `mutation ($input: StockPolicyInput!) { setStockPolicy(input: $input) { id } }`, {
        input: { productId: p, warehouseId: w.id, safetyStock: 0, reorderPoint: 5 },
      });
    }
    const QUERY = `query ($w: ID, $after: String) { lowStock(warehouseId: $w, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { productId available } } } }`;
    type Page = { lowStock: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { productId: string; available: number } }[] } };
    const first = (await execute(db, [Role.AGENT], QUERY, { w: w.id })).data as Page;
    expect(first.lowStock.totalCount).toBe(3); // available 0, 2, 4 ≤ 5; 6 is not low
    expect(first.lowStock.edges.map((e) => e.node.available)).toEqual([0, 2]);
    expect(first.lowStock.pageInfo.hasNextPage).toBe(true);
    const second = (await execute(db, [Role.AGENT], QUERY, { w: w.id, after: first.lowStock.pageInfo.endCursor })).data as Page;
    expect(second.lowStock.edges.map((e) => e.node)).toEqual([{ productId: products[2], available: 4 }]);
    expect(second.lowStock.pageInfo.hasNextPage).toBe(false);
  });

  test('stockMovements reads newest first, in the order movements happened', async () => {
    const w = await warehouse(db, 1);
    const p = newProduct();
    await stock(db, p, w.id, 1);
    await stock(db, p, w.id, 2);
    await stock(db, p, w.id, 3);
    const QUERY = `query ($p: ID!, $after: String) { stockMovements(productId: $p, first: 2, after: $after) { pageInfo { endCursor } edges { node { quantity type } } } }`;
    type Page = { stockMovements: { pageInfo: { endCursor: string }; edges: { node: { quantity: number } }[] } };
    const first = (await execute(db, [Role.ADMIN], QUERY, { p })).data as Page;
    expect(first.stockMovements.edges.map((e) => e.node.quantity)).toEqual([3, 2]);
    const second = (await execute(db, [Role.ADMIN], QUERY, { p, after: first.stockMovements.pageInfo.endCursor })).data as Page;
    expect(second.stockMovements.edges.map((e) => e.node.quantity)).toEqual([1]);
    expect(codes(await execute(db, [Role.PARTNER], QUERY, { p }))).toEqual(['FORBIDDEN']);
  });

  test('warehouses by priority; a warehouse id that is not a UUID finds nothing', async () => {
    await warehouse(db, 0);
    const result = await execute(db, [Role.AGENT], `{ warehouses { priority } warehouse(id: "nope") { id } }`);
    const priorities = (result.data as { warehouses: { priority: number }[] }).warehouses.map((w) => w.priority);
    expect(priorities).toEqual([...priorities].sort((x, y) => x - y));
    expect(priorities[0]).toBe(0);
    expect((result.data as { warehouse: null }).warehouse).toBeNull();
  });
});
