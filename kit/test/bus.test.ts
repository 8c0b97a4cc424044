import { randomUUID } from 'node:crypto';
import { InProcessBus, RedisBus, type EventBus } from '../src/events/bus';
import type { EventEnvelope } from '../src/events/outbox';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const event = (entity: string, version: number): EventEnvelope => ({
  id: randomUUID(),
  type: 'test.happened',
  entity,
  entityId: 'e1',
  version,
  occurredAt: new Date().toISOString(),
  payload: { version },
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each([
  ['in-process', () => [new InProcessBus()] as EventBus[]],
  ['Redis streams', () => [new RedisBus(REDIS_URL), new RedisBus(REDIS_URL)] as EventBus[]],
])('%s bus', (_name, make) => {
  let buses: EventBus[];
  beforeEach(() => {
    buses = make();
  });
  afterEach(async () => {
    for (const bus of buses) await bus.close();
  });

  test('subscribers of an entity get its events in publish order, and only from their subscription on', async () => {
    const entity = `Thing${randomUUID().slice(0, 8)}`;
    const publisher = buses[0];
    const subscriber = buses[buses.length - 1];
    await publisher.publish(event(entity, 0)); // before anybody listens
    const got: number[] = [];
    const other: number[] = [];
    const stop = await subscriber.subscribe(entity, (e) => got.push(e.version));
    await subscriber.subscribe(`${entity}Other`, (e) => other.push(e.version));
    for (let version = 1; version <= 20; version++) await publisher.publish(event(entity, version));
    await waitFor(() => got.length === 20);
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(other).toEqual([]);
    await stop();
    await publisher.publish(event(entity, 21));
    await new Promise((r) => setTimeout(r, 400));
    expect(got).toHaveLength(20);
  });
});
