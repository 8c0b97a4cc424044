import { DomainError, ErrorCode } from './errors';
import type { EventBus, EventCursor } from './events/bus';
import type { EventEnvelope } from './events/outbox';

/**
 * What a full {@link BoundedQueue} ends with when one more item comes: what it holds is still
 * delivered, then `next()` rejects with `error`, or yields `last` as a final item.
 */
export type Overflow<T> = { error: Error } | { last: T };

/**
 * A bounded async queue: `push` never blocks, and memory stays bounded whoever is slow. Every
 * item a subscriber gets carries a cursor it resumes from, so a full queue never drops one:
 * it ends instead (see {@link Overflow}), and the subscriber resumes behind the last item it
 * processed. Consumers pull with `for await`; `close()` ends the iteration after what is queued.
 */
export class BoundedQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting?: (result: IteratorResult<T>) => void;
  private closed = false;
  private failure?: Error;
  private released = false;
  /** true once a push found the queue full and ended it */
  overflowed = false;

  /** `onReturn` runs once, when the consumer leaves or the queue overflows: stop feeding it. */
  constructor(
    private readonly capacity: number,
    private readonly onReturn: (() => void) | undefined,
    private readonly overflow: Overflow<T>,
  ) {}

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    this.overflowed = true;
    if ('error' in this.overflow) this.failure = this.overflow.error;
    else this.items.push(this.overflow.last);
    this.closed = true;
    this.release();
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
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    this.items.length = 0;
    this.failure = undefined;
    this.release();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.onReturn?.();
  }
}

/**
 * How a subscription ends when its subscriber fell `held` events behind: retryable, and the
 * client resumes behind the last event it processed, so it misses none and gets none twice.
 */
export function subscriberTooSlow(held: number): DomainError {
  return new DomainError(
    ErrorCode.SUBSCRIBER_TOO_SLOW,
    `This subscription fell more than ${held} events behind and was ended rather than skip any; subscribe again with \`after\` set to the cursor (extensions.cursor) of the last event you processed`,
    { retryable: true },
  );
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
  /** events held for a slow consumer before the stream ends with SUBSCRIBER_TOO_SLOW (default 1,000; 10,000 when resuming) */
  capacity?: number;
}

/**
 * What a resuming stream holds: the bus hands over the whole catch-up before anyone reads (the
 * in-process bus at once, Redis batch after batch), so a live view's 1,000 would end a longer
 * absence's resume at once. As many as the in-process bus retains by default; a Redis resume
 * further back ends with SUBSCRIBER_TOO_SLOW after these, and the client resumes behind them.
 */
const RESUME_CAPACITY = 10_000;

/**
 * The events about `entity` that pass `filter`, as an async iterator for a GraphQL
 * subscription's `subscribe`: it listens on the bus until the subscription ends, and holds at
 * most `capacity` events for a slow consumer; one more ends the stream (after those it holds)
 * with {@link subscriberTooSlow}, never skipping one. Resolves once the bus listens, so a
 * refusal (CURSOR_EXPIRED for an `after` the bus no longer holds) rejects here and becomes the
 * subscription's error.
 */
export async function eventStream(bus: EventBus, entity: string, filter: (event: EventEnvelope) => boolean, options: EventStreamOptions = {}): Promise<AsyncIterableIterator<EventEnvelope>> {
  const capacity = options.capacity ?? (options.after === undefined ? 1000 : RESUME_CAPACITY);
  // A catch-up can overflow the queue before the bus hands back `stop`: then it stops right after.
  const listener: { stop?: () => Promise<void>; ended?: boolean } = {};
  const queue = new BoundedQueue<EventEnvelope>(
    capacity,
    () => {
      listener.ended = true;
      void listener.stop?.();
    },
    { error: subscriberTooSlow(capacity) },
  );
  listener.stop = await bus.subscribe(
    entity,
    (event, cursor) => {
      if (!filter(event)) return;
      cursors.set(event, cursor);
      queue.push(event);
    },
    options.after === undefined ? undefined : { after: options.after },
  );
  if (listener.ended) await listener.stop();
  return queue;
}
