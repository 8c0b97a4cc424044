/**
 * Horizontal scale: two gateways and two inventory processes (replicas on one database)
 * with Redis between them. A client subscribed through gateway A receives a stock change made
 * through gateway B.
 */
import { randomUUID } from 'node:crypto';
import { RedisBus } from '@tradegraph/kit';
import { createProduct, createWarehouse, receive } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';
import { describeWithRedis, testRedisUrl } from './support/test-redis';

describeWithRedis('two gateways, two inventory replicas, one Redis', () => {
  let a: TestStack;
  let b: TestStack;
  const prefix = `fanout-${randomUUID().slice(0, 8)}`;
  let busA: RedisBus;
  let busB: RedisBus;

  beforeAll(async () => {
    busA = new RedisBus(testRedisUrl(), 10_000, prefix);
    busB = new RedisBus(testRedisUrl(), 10_000, prefix);
    a = await startStack({ subgraphs: ['products', 'inventory'], bus: busA });
    b = await startStack({ subgraphs: ['products', 'inventory'], bus: busB, database: a.database });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await busA?.close();
    await busB?.close();
  });

  test('a change made through gateway B reaches a subscriber of gateway A', async () => {
    const admin = await a.token('ADMIN');
    const productId = await createProduct(a, admin, '8.00', 'Replicated hammer');
    const warehouseId = await createWarehouse(a, admin);
    const client = wsClient(a.gatewayUrl, admin);
    try {
      const sub = collect<{ stockChanged: { onHand: number; product: { name: string } } }>(client, 'subscription ($ids: [ID!]) { stockChanged(productIds: $ids) { onHand product { name } } }', { ids: [productId] });
      await eventually(() => a.gateway.subscriptions.stats().groups === 1);
      await new Promise((r) => setTimeout(r, 500));
      await receive(b, admin, productId, warehouseId, 11); // through gateway B and inventory B
      const [event] = await sub.waitFor(1, 15_000);
      expect(event.data?.stockChanged).toEqual({ onHand: 11, product: { name: 'Replicated hammer' } });
      expect(b.gateway.subscriptions.stats().groups).toBe(0);
      sub.stop();
    } finally {
      await client.dispose();
    }
  });
});
