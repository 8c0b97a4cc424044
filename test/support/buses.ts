/**
 * Bus tests run the same cases over both event buses: one in-process bus (publisher and
 * subscriber are the same object) and two Redis buses on the same streams (two processes;
 * skipped, with the summary's notice, where no test Redis can be had).
 */
import { randomUUID } from 'node:crypto';
import { InProcessBus, RedisBus, type EventBus, type EventEnvelope } from '@tradegraph/kit';
import { describeWithRedis, testRedisUrl } from './test-redis';

export interface BusKind {
  name: 'in-process' | 'Redis streams';
  /** a publisher and a subscriber on the same streams, keeping `retention` events per entity; closed after the test */
  pair(retention?: number): [EventBus, EventBus];
  /** a bus of another deployment (another prefix or process); closed after the test */
  other(): EventBus;
  /** the Redis key prefix of `pair`'s streams (Redis only) */
  prefix: string;
}

/** `describe`s `tests` once per bus kind, closing every bus they made after each test. */
export function describeEachBus(title: string, tests: (kind: BusKind) => void): void {
  const prefix = `bus-test-${randomUUID().slice(0, 8)}`;
  const kinds: [BusKind['name'], (retention: number) => [EventBus, EventBus], () => EventBus, typeof describeWithRedis][] = [
    ['in-process', (retention) => { const bus = new InProcessBus(retention); return [bus, bus]; }, () => new InProcessBus(), describe],
    ['Redis streams', (retention) => [new RedisBus(testRedisUrl(), retention, prefix), new RedisBus(testRedisUrl(), retention, prefix)], () => new RedisBus(testRedisUrl(), 100, `${prefix}-other`), describeWithRedis],
  ];
  for (const [name, pair, other, run] of kinds) {
    run(`${name} bus: ${title}`, () => {
      let open: EventBus[] = [];
      afterEach(async () => {
        for (const bus of new Set(open)) await bus.close();
        open = [];
      });
      const track = <B extends EventBus[]>(buses: B): B => (open.push(...buses), buses);
      tests({ name, prefix, pair: (retention = 10_000) => track(pair(retention)), other: () => track([other()])[0] });
    });
  }
}

/** A test event about `entity` with this version. */
export const testEvent = (entity: string, version: number): EventEnvelope => ({ id: randomUUID(), type: 'test.happened', entity, entityId: 'e1', version, occurredAt: new Date().toISOString(), payload: {} });

