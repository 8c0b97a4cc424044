import { randomUUID } from 'node:crypto';
import { InProcessBus, type EventBus } from '../src/events/bus';
import type { EventEnvelope } from '../src/events/outbox';
import { BoundedQueue, cursorOf, eventStream } from '../src/event-stream';

describe('BoundedQueue', () => {
  test('a full queue never drops an item: it delivers what it holds, then its last item, and stops being fed', async () => {
    let released = 0;
    const queue = new BoundedQueue<number>(3, () => released++, { last: -1 });
    for (let i = 1; i <= 10; i++) queue.push(i);
    expect(queue.overflowed).toBe(true);
    expect(queue.size).toBe(4);
    expect(released).toBe(1);
    const got: number[] = [];
    for await (const item of queue) got.push(item);
    expect(got).toEqual([1, 2, 3, -1]);
    await queue.return();
    expect(released).toBe(1);
  });

  test('a full queue with an error delivers what it holds, then rejects once, then is done', async () => {
    const queue = new BoundedQueue<number>(2, undefined, { error: new Error('too slow') });
    for (let i = 1; i <= 5; i++) queue.push(i);
    expect(await queue.next()).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
    await expect(queue.next()).rejects.toThrow('too slow');
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  test('a waiting consumer gets items as they come, and return() ends it', async () => {
    let returned = false;
    const queue = new BoundedQueue<string>(10, () => (returned = true), { last: 'end' });
    const first = queue.next();
    queue.push('a');
    expect(await first).toEqual({ value: 'a', done: false });
    await queue.return();
    expect(returned).toBe(true);
    queue.push('ignored');
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });
});

/** A real in-process bus, wrapped to count who listens (`listening()`). */
function countingBus(): { bus: EventBus; listening: () => number } {
  const real = new InProcessBus();
  let listening = 0;
  const bus: EventBus = {
    publish: (e) => real.publish(e),
    consume: (...args) => real.consume(...args),
    close: () => real.close(),
    async subscribe(entity, handler, options) {
      const stop = await real.subscribe(entity, handler, options);
      listening++;
      return async () => {
        listening--;
        await stop();
      };
    },
  };
  return { bus, listening: () => listening };
}

describe('eventStream', () => {
  const event = (entityId: string, version: number) => ({ id: randomUUID(), type: 't', entity: 'Thing', entityId, version, occurredAt: new Date().toISOString(), payload: {} });

  test('passes the events its filter accepts and unsubscribes when the subscription ends', async () => {
    const { bus, listening } = countingBus();
    const stream = await eventStream(bus, 'Thing', (e) => e.entityId === 'keep');
    await bus.publish(event('drop', 1));
    await bus.publish(event('keep', 2));
    expect((await stream.next()).value).toMatchObject({ entityId: 'keep', version: 2 });
    expect(listening()).toBe(1);
    await stream.return!();
    await new Promise((r) => setImmediate(r));
    expect(listening()).toBe(0);
  });

  test('each event delivered has its cursor, and a stream after it starts right behind it', async () => {
    const bus = new InProcessBus();
    const live = await eventStream(bus, 'Thing', (e) => e.entityId === 'keep');
    for (let v = 1; v <= 4; v++) await bus.publish(event(v % 2 ? 'keep' : 'drop', v));
    const first = (await live.next()).value as EventEnvelope;
    expect(first.version).toBe(1);
    const cursor = cursorOf(first);
    expect(typeof cursor).toBe('string');
    const resumed = await eventStream(bus, 'Thing', (e) => e.entityId === 'keep', { after: cursor });
    expect(((await resumed.next()).value as EventEnvelope).version).toBe(3);
    await bus.publish(event('keep', 5));
    expect(((await resumed.next()).value as EventEnvelope).version).toBe(5);
    await expect(eventStream(bus, 'Thing', () => true, { after: 'garbage' })).rejects.toMatchObject({ extensions: { code: 'CURSOR_EXPIRED' } });
  });

  test('a resume longer than a live view holds loses none of the missed events', async () => {
    const bus = new InProcessBus();
    const live = await eventStream(bus, 'Thing', () => true);
    await bus.publish(event('keep', 0));
    const cursor = cursorOf((await live.next()).value as EventEnvelope);
    for (let v = 1; v <= 3000; v++) await bus.publish(event('keep', v));
    const resumed = await eventStream(bus, 'Thing', () => true, { after: cursor });
    const versions: number[] = [];
    for (let i = 0; i < 3000; i++) versions.push(((await resumed.next()).value as EventEnvelope).version);
    expect(versions).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
  });

  test('a resume past more events than the stream holds delivers them in order, then ends with SUBSCRIBER_TOO_SLOW, and stops listening', async () => {
    const { bus, listening } = countingBus();
    await bus.publish(event('keep', 0));
    const live = await eventStream(bus, 'Thing', () => true);
    await bus.publish(event('keep', 1));
    const cursor = cursorOf((await live.next()).value as EventEnvelope);
    await live.return!();
    for (let v = 2; v <= 60; v++) await bus.publish(event('keep', v));
    const resumed = await eventStream(bus, 'Thing', () => true, { after: cursor, capacity: 25 });
    await new Promise((r) => setImmediate(r));
    expect(listening()).toBe(0);
    const delivered: EventEnvelope[] = [];
    let failure: unknown;
    try {
      for await (const e of resumed) delivered.push(e);
    } catch (error) {
      failure = error;
    }
    expect(delivered.map((e) => e.version)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    expect(failure).toMatchObject({ extensions: { code: 'SUBSCRIBER_TOO_SLOW', retryable: true } });
    expect((failure as Error).message).toMatch(/after.*cursor.*last event you processed/);
    // Behind the last one it got, the client gets the rest: none skipped, none twice.
    const rest = await eventStream(bus, 'Thing', () => true, { after: cursorOf(delivered[delivered.length - 1]), capacity: 100 });
    const versions: number[] = [];
    for (let i = 0; i < 34; i++) versions.push(((await rest.next()).value as EventEnvelope).version);
    expect(versions).toEqual(Array.from({ length: 34 }, (_, i) => i + 27));
    await rest.return!();
  });
});
