/**
 * Issue #14: an order placed while no sync replica runs is still pushed to the external
 * system once sync is back (sync consumes the bus as a consumer group), exactly once, also
 * when the bus delivers its events again, and when the shop created the order but its answer
 * was lost.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RedisBus, Role } from '@tradegraph/kit';
import { CreateConnectorDocument, PlaceOrderDocument } from '../operations/__generated__/graphql';
import { executeOk } from './support/client';
import { createCustomer, sql, stockedProduct } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';
import { eventually } from './support/subscribe';
import { shopifyConnectorInput } from './support/sync';
import { describeWithRedis, testRedisUrl } from './support/test-redis';
import { serveDuringTests } from '../subgraphs/sync/test/fakes/fake-server';
import { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';

describeWithRedis('an order placed while sync is down', () => {
  const shop = serveDuringTests(new FakeShopify());
  const prefix = `sync-durable-${randomUUID().slice(0, 8)}`;
  let bus: RedisBus;
  let stack: TestStack;
  let admin: string;

  beforeAll(async () => {
    bus = new RedisBus(testRedisUrl(), 10_000, prefix);
    stack = await startStack({
      subgraphs: ['products', 'customers', 'inventory', 'orders', 'sync'],
      settings: { sync: { retryBaseMs: 20, retryMaxMs: 2000, maxAttempts: 4, pollIntervalMs: 100, concurrency: 2, schedulerIntervalMs: 60_000 } },
      bus,
    });
    admin = await stack.token(Role.ADMIN, ['customers:pii']);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await bus?.close();
  });

  const place = async (customerId: string, productId: string) =>
    (await executeOk(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin })).placeOrder;

  test('is pushed to the shop once sync is back, and exactly once', async () => {
    await executeOk(stack.gatewayUrl, CreateConnectorDocument, { input: shopifyConnectorInput(shop, 'UNUSED', 'whsec-durable', { name: 'Durable shop', direction: 'OUTBOUND', entities: ['ORDER'] }) }, { token: admin });
    const { productId } = await stockedProduct(stack, admin, 10);
    const customerId = await createCustomer(stack, admin);

    await stack.stopSubgraph('sync');
    const order = await place(customerId, productId);
    await stack.subgraphs.orders.runtime.relay!.drain();
    await new Promise((r) => setTimeout(r, 300));
    expect(shop.orders.size).toBe(0);

    await stack.restart('sync');
    await eventually(() => shop.orders.size === 1, 20_000);
    expect([...shop.orders.values()][0].body).toMatchObject({ source_identifier: order.id });

    // The group delivers every order event again (as after a consumer died before its ack):
    // the pushes find the shop up to date and send nothing.
    const admin2 = new Redis(testRedisUrl());
    try {
      await admin2.xgroup('SETID', `${prefix}:events:Order`, 'sync-outbound', '0');
    } finally {
      admin2.disconnect();
    }
    await eventually(async () => {
      const runs = await sql<{ n: string }>(stack, 'sync', `select count(*) as n from sync.sync_run where trigger = 'EVENT' and status = 'SUCCEEDED' and outbound->>'orderId' = ?`, [order.id]);
      return Number(runs[0].n) >= 2;
    }, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(shop.orders.size).toBe(1);
    expect([...shop.orders.values()][0].updates).toEqual([]); // no PUT either
  }, 60_000);

  test('the shop created it but its answer was lost: the retry finds it there and does not create it again', async () => {
    const { productId } = await stockedProduct(stack, admin, 10);
    const customerId = await createCustomer(stack, admin);
    shop.loseOrderAnswers = 1;
    const order = await place(customerId, productId);
    const created = () => [...shop.orders.values()].filter((o) => o.body.source_identifier === order.id);

    let runs: { status: string; attempts: number }[] = [];
    await eventually(async () => {
      runs = await sql(stack, 'sync', `select status, attempts from sync.sync_run where trigger = 'EVENT' and outbound->>'orderId' = ?`, [order.id]);
      return runs[0]?.status === 'SUCCEEDED';
    }, 20_000);
    expect(runs).toEqual([{ status: 'SUCCEEDED', attempts: 2 }]); // the lost answer was a failed attempt
    expect(created()).toHaveLength(1);
    expect(shop.requestsTo('GET', 'orders.json')).toHaveLength(1);
    const [ref] = await sql<{ external_id: string }>(stack, 'sync', `select external_id from sync.external_ref where entity_type = 'ORDER' and entity_id = ?`, [order.id]);
    expect(ref.external_id).toBe(String(created()[0].id));
  }, 60_000);
});
