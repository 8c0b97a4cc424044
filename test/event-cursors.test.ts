/**
 * Resuming a subscription after a cursor, on both buses: the events missed come first, in
 * order, then live ones, none twice and none left out; a cursor the stream cannot continue
 * from is refused with CURSOR_EXPIRED.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DomainError, RedisBus, type EventCursor } from '@tradegraph/kit';
import { describeEachBus, testEvent as event } from './support/buses';
import { eventually as waitFor } from './support/subscribe';
import { describeWithRedis, testRedisUrl } from './support/test-redis';

async function expectExpired(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('CURSOR_EXPIRED');
}

const prefix = `cursors-${randomUUID().slice(0, 8)}`;

describeEachBus('subscribe after a cursor', ({ pair, other: otherBus }) => {
  test('delivers the events missed in order, then live ones, with no gap and no repeat', async () => {
    const [publisher, subscriber] = pair(1000);
    const entity = `Thing${randomUUID().slice(0, 8)}`;
    const first: { version: number; cursor: EventCursor }[] = [];
    const stopFirst = await subscriber.subscribe(entity, (e, cursor) => first.push({ version: e.version, cursor }));
    for (let v = 1; v <= 5; v++) await publisher.publish(event(entity, v));
    await waitFor(() => first.length === 5);
    await stopFirst();
    for (let v = 6; v <= 30; v++) await publisher.publish(event(entity, v)); // missed

    const got: number[] = [];
    const cursors: EventCursor[] = [];
    // Live events published while it catches up must neither overtake nor repeat the missed ones.
    const live = (async () => {
      for (let v = 31; v <= 60; v++) await publisher.publish(event(entity, v));
    })();
    await subscriber.subscribe(entity, (e, cursor) => {
      got.push(e.version);
      cursors.push(cursor);
    }, { after: first[2].cursor });
    await live;
    await waitFor(() => got.length >= 57);
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual(Array.from({ length: 57 }, (_, i) => i + 4));
    expect(new Set(cursors).size).toBe(57);

    // A cursor delivered live resumes just as well.
    const again: number[] = [];
    await subscriber.subscribe(entity, (e) => again.push(e.version), { after: cursors[50] });
    await waitFor(() => again.length === 6);
    expect(again).toEqual([55, 56, 57, 58, 59, 60]);
  });

  test('refuses a malformed cursor, one of another stream or bus, and one older than the stream keeps', async () => {
    const [publisher, subscriber] = pair(100);
    const entity = `Thing${randomUUID().slice(0, 8)}`;
    const cursors: EventCursor[] = [];
    await subscriber.subscribe(entity, (_e, cursor) => cursors.push(cursor));
    await publisher.publish(event(entity, 1));
    await waitFor(() => cursors.length === 1);

    await expectExpired(subscriber.subscribe(entity, () => undefined, { after: 'not-a-cursor' }));
    await expectExpired(subscriber.subscribe(`${entity}Other`, () => undefined, { after: cursors[0] }));
    const other = otherBus();
    await expectExpired(other.subscribe(entity, () => undefined, { after: cursors[0] }));

    // Trimmed: Redis trims whole nodes (MAXLEN ~), so publish well past the retention.
    for (let v = 2; v <= 1200; v++) await publisher.publish(event(entity, v));
    await waitFor(() => cursors.length === 1200);
    await expectExpired(subscriber.subscribe(entity, () => undefined, { after: cursors[0] }));
    // The newest cursors still resume.
    const tail: number[] = [];
    await subscriber.subscribe(entity, (e) => tail.push(e.version), { after: cursors[1197] });
    await waitFor(() => tail.length === 2);
    expect(tail).toEqual([1199, 1200]);
  });
});

describeWithRedis('Redis bus: a cursor into a stream that is gone', () => {
  test('is refused with CURSOR_EXPIRED', async () => {
    const bus = new RedisBus(testRedisUrl(), 1000, prefix);
    const admin = new Redis(testRedisUrl());
    try {
      const entity = `Gone${randomUUID().slice(0, 8)}`;
      const cursors: EventCursor[] = [];
      await bus.subscribe(entity, (_e, cursor) => cursors.push(cursor));
      await bus.publish(event(entity, 1));
      await waitFor(() => cursors.length === 1);
      await admin.del(`${prefix}:events:${entity}`);
      await expectExpired(bus.subscribe(entity, () => undefined, { after: cursors[0] }));
    } finally {
      admin.disconnect();
      await bus.close();
    }
  });
});
