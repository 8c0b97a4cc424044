/**
 * Events survive a Redis outage: mutations keep succeeding while Redis is down, the outbox
 * holds their events, and every one is delivered once Redis is back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { RedisBus, type EventEnvelope } from '@tradegraph/kit';
import { ReceiveStockDocument } from '../operations/__generated__/graphql';
import { executeOk } from './support/client';
import { createProduct, createWarehouse } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A Redis server of this test's own, so stopping it disturbs nobody else. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
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
    child.kill('SIGKILL');
  });
}

describe('Redis stops during mutations', () => {
  let stack: TestStack;
  let redis: ChildProcess;
  let port: number;
  let publisherBus: RedisBus;
  let listenerBus: RedisBus;
  const received: EventEnvelope[] = [];

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    publisherBus = new RedisBus(`redis://127.0.0.1:${port}`);
    listenerBus = new RedisBus(`redis://127.0.0.1:${port}`);
    await listenerBus.subscribe('StockLevel', (event) => received.push(event));
    stack = await startStack({ subgraphs: ['products', 'inventory'], bus: publisherBus });
  });
  afterAll(async () => {
    await stack?.stop();
    await publisherBus?.close();
    await listenerBus?.close();
    if (redis && redis.exitCode === null) await stopRedis(redis);
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

    redis = await startRedis(port);
    await waitFor(() => received.length >= 25, 20_000);
    const changes = received.filter((e) => e.type === 'stock.changed');
    expect(changes).toHaveLength(25);
    expect(new Set(changes.map((e) => e.id)).size).toBe(25);
    // in order per entity: the level's versions arrive ascending
    const versions = changes.map((e) => e.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(changes[changes.length - 1].payload).toMatchObject({ onHand: 25 });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
