/**
 * Resumable subscriptions through the gateway: every event carries its cursor
 * (`extensions.cursor`); a client that reconnects with `after: <last cursor>` gets exactly the
 * events it missed, in order, then live ones; a cursor the bus cannot continue from ends that
 * subscription alone with CURSOR_EXPIRED; and the gateway's own upstream subscription resumes
 * the same way when a subgraph restarts under a connected client.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { parse, type ExecutionResult } from 'graphql';
import { RedisBus, Role, type EventEnvelope, type StockChangedPayload } from '@tradegraph/kit';
import { createProduct, createWarehouse, receive } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';
import { describeWithRedis, testRedisUrl } from './support/test-redis';

const STOCK = 'subscription ($ids: [ID!], $after: String) { stockChanged(productIds: $ids, after: $after) { onHand } }';
type Stock = { stockChanged: { onHand: number } };

const cursorOf = (result: ExecutionResult): string => {
  const cursor = result.extensions?.cursor;
  if (typeof cursor !== 'string') throw new Error(`no cursor on ${JSON.stringify(result)}`);
  return cursor;
};
const onHands = (results: ExecutionResult<Stock>[]) => results.map((r) => r.data?.stockChanged.onHand);

/** Waits until the gateway holds `groups` upstream subscriptions and they had time to open. */
async function upstreamOpen(stack: TestStack, groups = 1): Promise<void> {
  await eventually(() => stack.gateway.subscriptions.stats().groups >= groups);
  await new Promise((r) => setTimeout(r, 300));
}

/**
 * Subscribes, sees two events, disconnects for `offlineMs` while three more happen, then
 * reconnects with the last cursor: exactly those three, in order, then a live one.
 */
async function resumesWithoutLoss(stack: TestStack, offlineMs: number): Promise<void> {
  const admin = await stack.token('ADMIN');
  const warehouse = await createWarehouse(stack, admin);
  const productId = await createProduct(stack, admin);

  const first = wsClient(stack.gatewayUrl, admin);
  const live = collect<Stock>(first, STOCK, { ids: [productId] });
  await upstreamOpen(stack);
  await receive(stack, admin, productId, warehouse, 1);
  await receive(stack, admin, productId, warehouse, 1);
  const seen = await live.waitFor(2);
  expect(onHands(seen)).toEqual([1, 2]);
  const cursors = seen.map(cursorOf);
  expect(new Set(cursors).size).toBe(2);
  await first.dispose();
  await eventually(() => stack.gateway.subscriptions.stats().groups === 0);

  const offlineUntil = Date.now() + offlineMs;
  for (let i = 0; i < 3; i++) await receive(stack, admin, productId, warehouse, 1);
  await new Promise((r) => setTimeout(r, Math.max(0, offlineUntil - Date.now())));

  const second = wsClient(stack.gatewayUrl, admin);
  try {
    const resumed = collect<Stock>(second, STOCK, { ids: [productId], after: cursors[1] });
    expect(onHands(await resumed.waitFor(3))).toEqual([3, 4, 5]);
    // The same resume again while the first runs: it gets its own catch-up, not a share of a running one.
    const again = collect<Stock>(second, STOCK, { ids: [productId], after: cursors[1] });
    expect(onHands(await again.waitFor(3))).toEqual([3, 4, 5]);
    await upstreamOpen(stack, 2);
    await receive(stack, admin, productId, warehouse, 1);
    const all = await resumed.waitFor(4);
    await again.waitFor(4);
    await new Promise((r) => setTimeout(r, 300));
    expect(onHands(resumed.results)).toEqual([3, 4, 5, 6]);
    expect(onHands(again.results)).toEqual([3, 4, 5, 6]);
    expect(all.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const resumedCursors = all.map(cursorOf);
    expect(new Set([...cursors, ...resumedCursors]).size).toBe(6);
  } finally {
    await second.dispose();
  }
}

const QUEUE_SIZE = 5;

describe('resuming through the gateway (in-process bus)', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    // A small per-client queue, so a test can overflow it; the others never hold more than 4 events.
    stack = await startStack({ subgraphs: ['products', 'inventory'], gateway: { subscriptionQueueSize: QUEUE_SIZE } });
    admin = await stack.token('ADMIN');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test('a subscriber away for 5 s resumes with its last cursor: the missed events in order, then live ones, none twice', async () => {
    await resumesWithoutLoss(stack, 5000);
  });

  test('a cursor that is not one ends that subscription with CURSOR_EXPIRED; the others on the socket carry on', async () => {
    const warehouse = await createWarehouse(stack, admin);
    const productId = await createProduct(stack, admin);
    const client = wsClient(stack.gatewayUrl, admin);
    try {
      const healthy = collect<Stock>(client, STOCK, { ids: [productId] });
      const garbage = collect<Stock>(client, STOCK, { ids: [productId], after: 'not-a-cursor' });
      await eventually(() => garbage.ended.completed === true || garbage.ended.error !== undefined);
      const refusal = garbage.results[0]?.errors ?? (garbage.ended.error as ExecutionResult['errors']);
      expect(refusal?.[0]).toMatchObject({ extensions: { code: 'CURSOR_EXPIRED' } });
      await upstreamOpen(stack);
      await receive(stack, admin, productId, warehouse, 7);
      expect(onHands(await healthy.waitFor(1))).toEqual([7]);
      expect(typeof cursorOf(healthy.results[0])).toBe('string');
    } finally {
      await client.dispose();
    }
  });

  test('a client that falls further behind than its queue gets what it holds, then SUBSCRIBER_TOO_SLOW; the others of its group carry on', async () => {
    const warehouse = await createWarehouse(stack, admin);
    const productId = await createProduct(stack, admin);
    const request = { document: parse(STOCK), variables: { ids: [productId] }, caller: { subject: 'admin', roles: [Role.ADMIN], scopes: [] }, requestId: randomUUID() };
    const reader = await stack.gateway.subscriptions.subscribe(request);
    const slow = await stack.gateway.subscriptions.subscribe(request);
    if (!(Symbol.asyncIterator in reader) || !(Symbol.asyncIterator in slow)) throw new Error('not subscribed');
    expect(stack.gateway.subscriptions.stats()).toMatchObject({ clients: 2, groups: 1 });
    const read: ExecutionResult<Stock>[] = [];
    const reading = (async () => {
      for await (const result of reader) read.push(result as ExecutionResult<Stock>);
    })();
    try {
      await upstreamOpen(stack);
      const levelId = randomUUID();
      for (let onHand = 1; onHand <= 8; onHand++) {
        const payload: StockChangedPayload = { productId, warehouseId: warehouse, onHand, reserved: 0, available: onHand, safetyStock: 0, reorderPoint: 0, movementType: 'RECEIPT', quantity: 1 };
        await stack.bus.publish({ id: randomUUID(), type: 'stock.changed', entity: 'StockLevel', entityId: levelId, version: onHand, occurredAt: new Date().toISOString(), payload });
      }
      await eventually(() => read.length === 8);
      expect(stack.gateway.subscriptions.stats()).toMatchObject({ clients: 1, groups: 1 });
      // Only now does the slow one read: the first QUEUE_SIZE events, none skipped, then the error, then the end.
      const got: ExecutionResult<Stock>[] = [];
      for await (const result of slow) got.push(result as ExecutionResult<Stock>);
      expect(onHands(got.slice(0, QUEUE_SIZE))).toEqual([1, 2, 3, 4, 5]);
      expect(got).toHaveLength(QUEUE_SIZE + 1);
      expect(got[QUEUE_SIZE].errors?.[0]).toMatchObject({ extensions: { code: 'SUBSCRIBER_TOO_SLOW', retryable: true } });
      expect(got[QUEUE_SIZE].errors?.[0].message).toMatch(/after.*cursor.*last event you processed/);
      // The reader got every event and is still subscribed.
      expect(onHands(read)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(new Set(read.map(cursorOf)).size).toBe(8);
    } finally {
      await reader.return?.();
      await reading;
    }
  });

  test('a subgraph restarted under a connected client: the events published while it was down still arrive, in order', async () => {
    const warehouse = await createWarehouse(stack, admin);
    const productId = await createProduct(stack, admin);
    const client = wsClient(stack.gatewayUrl, admin);
    try {
      const sub = collect<Stock>(client, STOCK, { ids: [productId] });
      await upstreamOpen(stack);
      await receive(stack, admin, productId, warehouse, 1);
      await sub.waitFor(1);
      await stack.stopSubgraph('inventory');
      // Published while inventory is down, as another inventory replica would.
      const payload = (onHand: number): StockChangedPayload => ({ productId, warehouseId: warehouse, onHand, reserved: 0, available: onHand, safetyStock: 0, reorderPoint: 0, movementType: 'RECEIPT', quantity: 1 });
      const levelId = randomUUID();
      for (const onHand of [2, 3]) {
        const event: EventEnvelope = { id: randomUUID(), type: 'stock.changed', entity: 'StockLevel', entityId: levelId, version: onHand, occurredAt: new Date().toISOString(), payload: payload(onHand) };
        await stack.bus.publish(event);
      }
      await stack.restart('inventory');
      // The gateway reconnects with backoff and resumes behind the last event it delivered.
      await sub.waitFor(3, 15_000);
      // …then live ones (the level itself went from 1 to 2: the two above were published by hand).
      await receive(stack, admin, productId, warehouse, 1);
      await sub.waitFor(4);
      await new Promise((r) => setTimeout(r, 300));
      expect(sub.ended).toEqual({});
      expect(onHands(sub.results)).toEqual([1, 2, 3, 2]);
      expect(new Set(sub.results.map(cursorOf)).size).toBe(4);
    } finally {
      await client.dispose();
    }
  });
});

describeWithRedis('resuming through the gateway (Redis bus)', () => {
  const prefix = `resume-${randomUUID().slice(0, 8)}`;
  let stack: TestStack;
  let bus: RedisBus;
  beforeAll(async () => {
    bus = new RedisBus(testRedisUrl(), 1000, prefix);
    stack = await startStack({ subgraphs: ['products', 'inventory'], bus });
  });
  afterAll(async () => {
    await stack?.stop();
    await bus?.close();
    const redis = new Redis(testRedisUrl());
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  test('a subscriber resumes with its last cursor: the missed events in order, then live ones, none twice', async () => {
    await resumesWithoutLoss(stack, 0);
  });
});
