import { randomUUID } from 'node:crypto';
import { InProcessBus } from '../src/events/bus';
import type { EventEnvelope } from '../src/events/outbox';

/*
 * In one process nothing keeps a consumer group's events once its last consumer is gone, so
 * that consumer, stopping, first handles what the group still holds — within stopTimeoutMs,
 * and only while its handler succeeds.
 */

const event = (entity: string): EventEnvelope => ({ id: randomUUID(), type: 'test.happened', entity, entityId: randomUUID(), version: 1, occurredAt: new Date().toISOString(), payload: {} });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let bus: InProcessBus;
beforeEach(() => {
  bus = new InProcessBus();
});
afterEach(async () => {
  await bus.close();
});

test('the last consumer, stopping, handles what was published while its batch was in hand', async () => {
  const entity = `Thing${randomUUID().slice(0, 8)}`;
  const handled: string[] = [];
  const stop = await bus.consume('g', [entity], async (batch) => {
    await sleep(50);
    handled.push(...batch.map((e) => e.id));
  }, { batchSize: 2 });
  const events = Array.from({ length: 7 }, () => event(entity));
  for (const e of events.slice(0, 2)) await bus.publish(e);
  await sleep(10); // the first batch is in hand
  for (const e of events.slice(2)) await bus.publish(e);
  await stop();
  expect(handled).toEqual(events.map((e) => e.id));
});

test('a stopping consumer gives up what the group holds at stopTimeoutMs, or at a rejection; the rest waits for the next consumer', async () => {
  const entity = `Thing${randomUUID().slice(0, 8)}`;
  let started: number;
  const slow = await bus.consume('g', [entity], async () => {
    await sleep(100);
  }, { batchSize: 1, stopTimeoutMs: 250 });
  for (let i = 0; i < 20; i++) await bus.publish(event(entity));
  started = Date.now();
  await slow();
  expect(Date.now() - started).toBeLessThan(600);

  const failing = await bus.consume('g', [entity], () => Promise.reject(new Error('down')), { stopTimeoutMs: 5_000, retryMs: 50 });
  await sleep(20);
  started = Date.now();
  await failing();
  expect(Date.now() - started).toBeLessThan(1_000);

  const handled: string[] = [];
  const next = await bus.consume('g', [entity], async (batch) => {
    handled.push(...batch.map((e) => e.id));
  });
  await sleep(50);
  await next();
  // 20 published, about 3 handled by the slow one within 250 ms: the rest came to the next.
  expect(handled.length).toBeGreaterThan(10);
  expect(handled.length).toBeLessThan(20);
});
