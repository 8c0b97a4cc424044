import type { EventBus, EventCursor } from './events/bus';
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

/** Where each event a stream delivered sits on the bus, for the result it becomes (see `cursorOf`). */
const cursors = new WeakMap<EventEnvelope, EventCursor>();

/**
 * The bus cursor of an event an {@link eventStream} delivered: what a subscriber passes as
 * `after` to resume right behind it. The envelope itself is the per-event resolver's root, so
 * the cursor travels beside it rather than in it.
 */
export function cursorOf(event: EventEnvelope): EventCursor | undefined {
  return cursors.get(event);
}

/** Where an {@link eventStream} starts, and how much it holds for a slow consumer. */
export interface EventStreamOptions {
  /** resume behind this cursor: the retained events after it first, then live ones */
  after?: EventCursor;
  /** events held before the oldest are dropped (default 1,000; 10,000 when resuming) */
  capacity?: number;
}

/**
 * What a resuming stream holds: the in-process bus hands over its whole catch-up at once, before
 * anyone reads, so a live view's 1,000 would drop the oldest missed events of a longer absence.
 * As many as the in-process bus retains by default.
 */
const RESUME_CAPACITY = 10_000;

/**
 * The events about `entity` that pass `filter`, as an async iterator for a GraphQL
 * subscription's `subscribe`: it listens on the bus until the subscription ends, and holds at
 * most `capacity` events for a slow consumer (the oldest are dropped first). Resolves once the
 * bus listens, so a refusal (CURSOR_EXPIRED for an `after` the bus no longer holds) rejects
 * here and becomes the subscription's error.
 */
export async function eventStream(bus: EventBus, entity: string, filter: (event: EventEnvelope) => boolean, options: EventStreamOptions = {}): Promise<AsyncIterableIterator<EventEnvelope>> {
  // Nobody holds the queue before the bus listens, so `stop` is set by the time it can end.
  let stop: () => Promise<void> = async () => {};
  const queue = new BoundedQueue<EventEnvelope>(options.capacity ?? (options.after === undefined ? 1000 : RESUME_CAPACITY), () => void stop());
  stop = await bus.subscribe(
    entity,
    (event, cursor) => {
      if (!filter(event)) return;
      cursors.set(event, cursor);
      queue.push(event);
    },
    options.after === undefined ? undefined : { after: options.after },
  );
  return queue;
}
