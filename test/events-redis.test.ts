/**
 * Events survive a Redis outage: mutations keep succeeding while Redis is down, the outbox
 * holds their events, and every one is delivered once Redis is back: to a subscriber, and
 * exactly once to a consumer group (Redis restarts from its append-only file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RedisBus, type EventEnvelope } from '@tradegraph/kit';
import { ReceiveStockDocument } from '../operations/__generated__/graphql';
import { executeOk } from './support/client';
import { createProduct, createWarehouse } from './support/fixtures';
import { freePort } from './support/ports';
import { startStack, type TestStack } from './support/stack';


/** A Redis server of this test's own, so stopping it disturbs nobody else; it keeps its data in `dir` (append-only file). */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis-server did not start');
}

async function stopRedis(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM'); // Redis writes its append-only file and exits
  });
}

describe('Redis stops during mutations', () => {
  let stack: TestStack;
  let redis: ChildProcess;
  let port: number;
  let publisherBus: RedisBus;
  let listenerBus: RedisBus;
  let dir: string;
  const received: EventEnvelope[] = [];
  /** per event id, how often the consumer group was handed it */
  const consumed = new Map<string, number>();

  beforeAll(async () => {
    port = await freePort();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-redis-'));
    redis = await startRedis(port, dir);
    publisherBus = new RedisBus(`redis://127.0.0.1:${port}`);
    listenerBus = new RedisBus(`redis://127.0.0.1:${port}`);
    await listenerBus.subscribe('StockLevel', (event) => received.push(event));
    await listenerBus.consume('outage-test', ['StockLevel'], async (batch) => {
      for (const event of batch) consumed.set(event.id, (consumed.get(event.id) ?? 0) + 1);
    }, { retryMs: 50 });
    stack = await startStack({ subgraphs: ['products', 'inventory'], bus: publisherBus });
  });
  afterAll(async () => {
    await stack?.stop();
    await publisherBus?.close();
    await listenerBus?.close();
    if (redis && redis.exitCode === null) await stopRedis(redis);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('no event is lost once Redis is back', async () => {
    const admin = await stack.token('ADMIN');
    const productId = await createProduct(stack, admin);
    const warehouseId = await createWarehouse(stack, admin);
    const receiveOne = () => executeOk(stack.gatewayUrl, ReceiveStockDocument, { input: { productId, warehouseId, quantity: 1, reason: 'outage test' } }, { token: admin });

    for (let i = 0; i < 5; i++) await receiveOne();
    await stack.subgraphs.inventory.runtime.relay!.drain();
    await waitFor(() => received.length === 5);

    await stopRedis(redis);
    for (let i = 0; i < 20; i++) await receiveOne(); // the mutations still succeed
    const [{ pending }] = await stack.subgraphs.inventory.database.orm.em
      .getConnection()
      .execute(`select count(*)::int as pending from inventory.outbox_event where published_at is null and type = 'stock.changed'`);
    expect(pending).toBe(20);

    redis = await startRedis(port, dir);
    await waitFor(() => received.length >= 25 && consumed.size >= 25, 20_000);
    const changes = received.filter((e) => e.type === 'stock.changed');
    expect(changes).toHaveLength(25);
    expect(new Set(changes.map((e) => e.id)).size).toBe(25);
    // in order per entity: the level's versions arrive ascending
    const versions = changes.map((e) => e.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(changes[changes.length - 1].payload).toMatchObject({ onHand: 25 });
    await new Promise((r) => setTimeout(r, 300)); // a repeat would come now
    expect([...consumed.keys()].sort()).toEqual(changes.map((e) => e.id).sort());
    expect([...consumed.values()].every((n) => n === 1)).toBe(true);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
