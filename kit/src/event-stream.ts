import type { EventBus } from './events/bus';
import type { EventEnvelope } from './events/outbox';

/**
 * A bounded async queue: `push` never blocks; when full, the oldest item is dropped (a live
 * view wants the newest state, and memory must stay bounded whoever is slow). Consumers pull
 * with `for await`; `close()` ends the iteration after what is queued.
 */
export class BoundedQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting?: (result: IteratorResult<T>) => void;
  private closed = false;
  /** how many items were dropped because the consumer was too slow */
  dropped = 0;

  constructor(private readonly capacity: number, private readonly onReturn?: () => void) {}

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (this.items.length >= this.capacity) {
      this.items.shift();
      this.dropped++;
    }
    this.items.push(item);
  }

  close(): void {
    this.closed = true;
    if (this.waiting && this.items.length === 0) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  get size(): number {
    return this.items.length;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    this.items.length = 0;
    this.onReturn?.();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

/**
 * The events about `entity` that pass `filter`, as an async iterator for a GraphQL
 * subscription's `subscribe`: it listens on the bus until the subscription ends, and holds at
 * most `capacity` events for a slow consumer (the oldest are dropped first).
 */
export function eventStream(bus: EventBus, entity: string, filter: (event: EventEnvelope) => boolean, capacity = 1000): AsyncIterableIterator<EventEnvelope> {
  let stop: (() => Promise<void>) | undefined;
  let ended = false;
  const queue = new BoundedQueue<EventEnvelope>(capacity, () => {
    ended = true;
    void stop?.();
  });
  void bus.subscribe(entity, (event) => {
    if (filter(event)) queue.push(event);
  }).then((unsubscribe) => {
    stop = unsubscribe;
    if (ended) void unsubscribe();
  });
  return queue;
}
