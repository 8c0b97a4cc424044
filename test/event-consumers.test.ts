/**
 * Durable consumer groups (`EventBus.consume`): events published while a group's consumer was
 * stopped reach it when it starts again, a rejected batch comes again (until maxDeliveries,
 * then it is dead-lettered), one entity's rejected events do not hold up another's, stop is
 * bounded, and on Redis a dead consumer's entries are taken over and a deleted stream does
 * not end consumption.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RedisBus, type EventEnvelope } from '@tradegraph/kit';
import { describeEachBus, testEvent as event } from './support/buses';
import { eventually as waitFor } from './support/subscribe';
import { describeWithRedis, testRedisUrl } from './support/test-redis';

const prefix = `consumers-${randomUUID().slice(0, 8)}`;

describeEachBus('consume', ({ name, prefix: busPrefix, pair }) => {
  test('events published while the consumer was stopped arrive when it starts again, in order, once', async () => {
    const [publisher, consumer] = pair();
    const [a, b] = [`A${randomUUID().slice(0, 8)}`, `B${randomUUID().slice(0, 8)}`];
    const got: string[] = [];
    const handler = async (batch: EventEnvelope[]) => {
      expect(new Set(batch.map((e) => e.entity)).size).toBe(1); // one stream per batch
      for (const e of batch) got.push(`${e.entity[0]}${e.version}`);
    };
    const stop = await consumer.consume('group-1', [a, b], handler, { retryMs: 20 });
    for (let v = 1; v <= 3; v++) await publisher.publish(event(a, v));
    await waitFor(() => got.length === 3);
    await stop();

    for (let v = 4; v <= 6; v++) await publisher.publish(event(a, v));
    for (let v = 1; v <= 2; v++) await publisher.publish(event(b, v));
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual(['A1', 'A2', 'A3']); // nobody consumes now

    const again = await consumer.consume('group-1', [a, b], handler, { retryMs: 20 });
    await waitFor(() => got.length === 8);
    await new Promise((r) => setTimeout(r, 200));
    await again();
    expect(got.filter((x) => x.startsWith('A'))).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(got.filter((x) => x.startsWith('B'))).toEqual(['B1', 'B2']);
  });

  test('a rejected batch is delivered again until it is taken, and nothing after it overtakes it', async () => {
    const [publisher, consumer] = pair();
    const entity = `R${randomUUID().slice(0, 8)}`;
    const taken: number[] = [];
    let refusals = 0;
    const stop = await consumer.consume('group-r', [entity], async (batch) => {
      if (batch.some((e) => e.version === 3) && refusals < 3) {
        refusals++;
        throw new Error('not now');
      }
      taken.push(...batch.map((e) => e.version));
    }, { retryMs: 20 });
    for (let v = 1; v <= 6; v++) await publisher.publish(event(entity, v));
    await waitFor(() => taken.length === 6);
    await stop();
    expect(refusals).toBe(3);
    expect(taken).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('a handler that keeps rejecting one entity\'s events does not hold up another entity\'s', async () => {
    const [publisher, consumer] = pair();
    const [a, b] = [`A${randomUUID().slice(0, 8)}`, `B${randomUUID().slice(0, 8)}`];
    // The group exists from here on; both events then wait in it and come in one read.
    await (await consumer.consume('group-s', [a, b], async () => undefined))();
    await publisher.publish(event(a, 1));
    await publisher.publish(event(b, 1));
    const taken: number[] = [];
    let rejected = 0;
    const stop = await consumer.consume('group-s', [a, b], async (batch) => {
      if (batch[0].entity === a) {
        rejected++;
        throw new Error('poison');
      }
      taken.push(...batch.map((e) => e.version));
    }, { retryMs: 20, maxDeliveries: 1000 });
    await waitFor(() => taken.length === 1 && rejected > 0, 3000);
    await publisher.publish(event(b, 2));
    await waitFor(() => taken.length === 2, 3000);
    await stop();
    expect(taken).toEqual([1, 2]);
  });

  test('an event rejected maxDeliveries times is dead-lettered and the entity\'s later events flow again', async () => {
    const [publisher, consumer] = pair();
    const entity = `P${randomUUID().slice(0, 8)}`;
    const taken: number[] = [];
    let poisonDeliveries = 0;
    const stop = await consumer.consume('group-p', [entity], async (batch) => {
      if (batch.some((e) => e.version === 2)) {
        poisonDeliveries++;
        throw new Error('cannot take version 2');
      }
      taken.push(...batch.map((e) => e.version));
    }, { retryMs: 10, maxDeliveries: 3 });
    for (let v = 1; v <= 3; v++) await publisher.publish(event(entity, v));
    await waitFor(() => taken.length === 2, 5000);
    await publisher.publish(event(entity, 4));
    await waitFor(() => taken.length === 3, 3000);
    await stop();
    expect(taken).toEqual([1, 3, 4]);
    expect(poisonDeliveries).toBe(3); // with events 1 and 3 once (the first batch), then alone
    if (name === 'Redis streams') {
      const admin = new Redis(testRedisUrl());
      try {
        const dead = (await admin.xrange(`${busPrefix}:events:${entity}:dead:group-p`, '-', '+')) as [string, string[]][];
        expect(dead).toHaveLength(1);
        const fields = dead[0][1];
        expect(JSON.parse(fields[fields.indexOf('event') + 1])).toMatchObject({ entity, version: 2 });
        expect(fields[fields.indexOf('error') + 1]).toBe('cannot take version 2');
        expect(await admin.xpending(`${busPrefix}:events:${entity}`, 'group-p')).toEqual([0, null, null, null]);
      } finally {
        admin.disconnect();
      }
    }
  });

  test('stop waits for a handler that never finishes at most stopTimeoutMs', async () => {
    const [publisher, consumer] = pair();
    const entity = `S${randomUUID().slice(0, 8)}`;
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    let called = false;
    try {
      const stop = await consumer.consume('group-t', [entity], async () => {
        called = true;
        await stuck; // as a handler waiting for a database connection that does not come
      }, { stopTimeoutMs: 300 });
      await publisher.publish(event(entity, 1));
      await waitFor(() => called);
      const started = Date.now();
      await stop();
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      release(); // lets the bus close
    }
  });
});

describeWithRedis('Redis consumer groups', () => {
  const buses: RedisBus[] = [];
  const bus = () => {
    const made = new RedisBus(testRedisUrl(), 10_000, prefix);
    buses.push(made);
    return made;
  };
  afterEach(async () => {
    for (const made of buses.splice(0)) await made.close();
  });

  test('the entries of a consumer that stopped answering are taken over by another after claimIdleMs', async () => {
    const entity = `C${randomUUID().slice(0, 8)}`;
    const publisher = bus();
    const held: number[] = [];
    let release: (error: Error) => void = () => undefined;
    const stuck = new Promise<void>((_resolve, reject) => (release = reject));
    try {
      // Takes its first batch and does not finish it, like a process that died holding it.
      await bus().consume('group-c', [entity], async (batch) => {
        held.push(...batch.map((e) => e.version));
        await stuck;
      }, { claimIdleMs: 300 });
      for (let v = 1; v <= 3; v++) await publisher.publish(event(entity, v));
      await waitFor(() => held.length > 0);

      const taken: number[] = [];
      await bus().consume('group-c', [entity], async (batch) => void taken.push(...batch.map((e) => e.version)), { claimIdleMs: 300 });
      await waitFor(() => taken.length === 3, 5000);
      // What the first one held came to the second once idle for 300 ms; the rest it read itself.
      expect([...taken].sort()).toEqual([1, 2, 3]);
      expect(taken.slice(-held.length)).toEqual(held);
      await publisher.publish(event(entity, 4));
      await waitFor(() => taken.length === 4);
    } finally {
      release(new Error('gone')); // lets its bus close; the entries it held are no longer its own
    }
  });

  test('a stream deleted under a running consumer (NOGROUP): the group is created again and the next events arrive', async () => {
    const entity = `N${randomUUID().slice(0, 8)}`;
    const publisher = bus();
    const admin = new Redis(testRedisUrl());
    try {
      const taken: number[] = [];
      await bus().consume('group-n', [entity], async (batch) => void taken.push(...batch.map((e) => e.version)), { retryMs: 20 });
      await publisher.publish(event(entity, 1));
      await waitFor(() => taken.length === 1);
      await admin.del(`${prefix}:events:${entity}`);
      for (let v = 2; v <= 4; v++) await publisher.publish(event(entity, v));
      await waitFor(() => taken.length === 4);
      expect(taken).toEqual([1, 2, 3, 4]);
    } finally {
      admin.disconnect();
    }
  });
});
