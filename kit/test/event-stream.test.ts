import { randomUUID } from 'node:crypto';
import { InProcessBus } from '../src/events/bus';
import { BoundedQueue, eventStream } from '../src/event-stream';

describe('BoundedQueue', () => {
  test('a slow consumer loses the oldest items, never memory', async () => {
    const queue = new BoundedQueue<number>(3);
    for (let i = 1; i <= 10; i++) queue.push(i);
    expect(queue.size).toBe(3);
    expect(queue.dropped).toBe(7);
    const got: number[] = [];
    queue.close();
    for await (const item of queue) got.push(item);
    expect(got).toEqual([8, 9, 10]);
  });

  test('a waiting consumer gets items as they come, and return() ends it', async () => {
    let returned = false;
    const queue = new BoundedQueue<string>(10, () => (returned = true));
    const first = queue.next();
    queue.push('a');
    expect(await first).toEqual({ value: 'a', done: false });
    await queue.return();
    expect(returned).toBe(true);
    queue.push('ignored');
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });
});

describe('eventStream', () => {
  test('passes the events its filter accepts and unsubscribes when the subscription ends', async () => {
    const bus = new InProcessBus();
    const stream = eventStream(bus, 'Thing', (e) => e.entityId === 'keep');
    await new Promise((r) => setImmediate(r));
    const event = (entityId: string, version: number) => ({ id: randomUUID(), type: 't', entity: 'Thing', entityId, version, occurredAt: new Date().toISOString(), payload: {} });
    await bus.publish(event('drop', 1));
    await bus.publish(event('keep', 2));
    expect((await stream.next()).value).toMatchObject({ entityId: 'keep', version: 2 });
    await stream.return!();
    await new Promise((r) => setImmediate(r));
    expect((bus as unknown as { emitter: { listenerCount(name: string): number } }).emitter.listenerCount('tradegraph:events:Thing')).toBe(0);
  });
});
