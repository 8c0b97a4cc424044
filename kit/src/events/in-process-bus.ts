import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { logger } from '../logger';
import type { BatchHandler, ConsumeOptions, EventBus, EventHandler, SubscribeOptions } from './bus';
import type { EventEnvelope } from './outbox';
import { cursorExpired, DEFAULT_MAX_DELIVERIES, DEFAULT_STOP_TIMEOUT_MS, encodeCursor, positionOf, retryDelay, sleep } from './streams';

/** One entity's events in this process: the last `size` of them, by sequence number. */
interface Stream {
  /** the sequence number of the newest event (the first is 1) */
  last: number;
  /** event `seq` is at `seq % size` */
  ring: EventEnvelope[];
  subscribers: Set<EventHandler>;
}

/** A consumer group: per entity, the events its consumers have not yet taken. */
interface Group {
  queues: Map<string, { events: EventEnvelope[]; busy: boolean }>;
  consumers: Consumer[];
  turn: number;
}

interface Consumer {
  handler: BatchHandler;
  batchSize: number;
  retryMs: number;
  maxDeliveries: number;
  stopTimeoutMs: number;
  inFlight: Set<Promise<unknown>>;
  /** its last batch was rejected: a stopping consumer then takes no more of what its group holds */
  failing: boolean;
}

/**
 * One process's bus: what a publish sends, this process's subscribers receive, synchronously.
 * Each entity's last `bufferSize` events stay for subscribers resuming after a cursor
 * (`epoch:sequence`; the epoch is this bus's, so a cursor from before a restart is refused).
 * A consumer group holds, in memory, every event published since it was created until one of
 * its consumers took it (there is one process: nothing has to survive it); its last consumer,
 * stopping, first takes what it holds (within stopTimeoutMs, while its handler succeeds).
 * Handlers run outside the publisher's async context, as they would behind Redis: otherwise a
 * handler's database work would join the publishing subgraph's transaction (MikroORM finds
 * its EntityManager through AsyncLocalStorage).
 */
export class InProcessBus implements EventBus {
  private readonly streams = new Map<string, Stream>();
  private readonly groups = new Map<string, Group>();
  private readonly epoch = randomUUID();
  /** runs a function in the (empty) async context the bus was made in */
  private readonly detached = AsyncLocalStorage.snapshot();
  private closed = false;

  /** @param bufferSize how many of each entity's events stay for cursors */
  constructor(private readonly bufferSize = 10_000) {}

  async publish(event: EventEnvelope): Promise<void> {
    const stream = this.stream(event.entity);
    const seq = ++stream.last;
    stream.ring[seq % this.bufferSize] = event;
    const cursor = encodeCursor('p', this.epoch, event.entity, String(seq));
    for (const handler of [...stream.subscribers]) this.deliver(handler, event, cursor);
    for (const group of this.groups.values()) {
      const queue = group.queues.get(event.entity);
      if (!queue) continue;
      queue.events.push(event);
      // After the current tick, so a relay pass's events arrive as one batch.
      setImmediate(() => this.pump(group, event.entity));
    }
  }

  async subscribe(entity: string, handler: EventHandler, options: SubscribeOptions = {}): Promise<() => Promise<void>> {
    const stream = this.stream(entity);
    if (options.after !== undefined) {
      const seq = Number(positionOf(options.after, 'p', this.epoch, entity));
      if (!Number.isInteger(seq) || seq < 0 || seq > stream.last) throw cursorExpired('the cursor is not a position in this stream');
      if (seq < stream.last - this.bufferSize) throw cursorExpired(`the events after it are older than the last ${this.bufferSize} this stream keeps`);
      // Synchronously, up to the newest event (also one a handler publishes meanwhile), then live: no gap, no repeat.
      for (let next = seq + 1; next <= stream.last; next++) this.deliver(handler, stream.ring[next % this.bufferSize], encodeCursor('p', this.epoch, entity, String(next)));
    }
    stream.subscribers.add(handler);
    return async () => {
      stream.subscribers.delete(handler);
    };
  }

  /** The group starts with the events published after its first `consume` (with fromRetained: also those still in the buffer then). */
  async consume(group: string, entities: string[], handler: BatchHandler, options: ConsumeOptions = {}): Promise<() => Promise<void>> {
    let state = this.groups.get(group);
    if (!state) {
      state = { queues: new Map(), consumers: [], turn: 0 };
      this.groups.set(group, state);
    }
    for (const entity of entities) if (!state.queues.has(entity)) state.queues.set(entity, { events: options.fromRetained ? this.retained(entity) : [], busy: false });
    const consumer: Consumer = {
      handler,
      batchSize: options.batchSize ?? 500,
      retryMs: options.retryMs ?? 200,
      maxDeliveries: options.maxDeliveries ?? DEFAULT_MAX_DELIVERIES,
      stopTimeoutMs: options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
      inFlight: new Set(),
      failing: false,
    };
    state.consumers.push(consumer);
    const own = state;
    for (const entity of entities) setImmediate(() => this.pump(own, entity));
    return async () => {
      const deadline = Date.now() + consumer.stopTimeoutMs;
      // The group's last consumer first takes what the group holds (within stopTimeoutMs, while
      // its handler succeeds): in one process nothing else would, unless a consumer joined again.
      const holds = () => entities.some((entity) => own.queues.get(entity)?.events.length);
      while (!this.closed && own.consumers.length === 1 && own.consumers[0] === consumer && holds() && !consumer.failing && Date.now() < deadline) {
        for (const entity of entities) this.pump(own, entity).catch(() => undefined);
        await sleep(10);
      }
      own.consumers = own.consumers.filter((c) => c !== consumer);
      // Bounded, like Redis's: a batch still in hand is taken off the queue only if it resolves, else it comes again.
      await Promise.race([Promise.allSettled(consumer.inFlight), sleep(Math.max(0, deadline - Date.now()))]);
    };
  }

  /**
   * Hands the entity's waiting events to the group's consumers, one batch at a time, in order.
   * After a rejection the batch is retried with backoff one event at a time, so an event
   * rejected `maxDeliveries` times is found alone (a whole batch rejected that often, say
   * with maxDeliveries 1, goes together); it is logged and dropped (in-process
   * there is no dead-letter stream). Each entity has its own pump: one never holds up another.
   */
  private async pump(group: Group, entity: string): Promise<void> {
    const queue = group.queues.get(entity);
    if (!queue || queue.busy) return;
    queue.busy = true;
    let failures = 0;
    /** events of a rejected batch still to be taken one at a time */
    let alone = 0;
    const deliveries = new WeakMap<EventEnvelope, number>();
    try {
      while (!this.closed && queue.events.length && group.consumers.length) {
        const consumer = group.consumers[group.turn++ % group.consumers.length];
        const batch = queue.events.slice(0, alone ? 1 : consumer.batchSize);
        for (const event of batch) deliveries.set(event, (deliveries.get(event) ?? 0) + 1);
        const run = this.detached(() => consumer.handler(batch));
        consumer.inFlight.add(run);
        try {
          await run;
          queue.events.splice(0, batch.length);
          consumer.failing = false;
          alone = Math.max(0, alone - batch.length);
          failures = 0;
        } catch (error) {
          failures++;
          consumer.failing = true;
          alone = Math.max(alone, batch.length);
          const dead = batch.filter((event) => deliveries.get(event)! >= consumer.maxDeliveries);
          if (dead.length) {
            logger.error({ err: error, entity, events: dead.map((e) => e.id), maxDeliveries: consumer.maxDeliveries }, `an event consumer rejected ${dead.length} event(s) of ${entity} ${consumer.maxDeliveries} times; dropped`);
            queue.events.splice(0, batch.length, ...batch.filter((event) => !dead.includes(event)));
            alone = Math.max(0, alone - dead.length);
            failures = 0;
            continue;
          }
          if (failures === 1 || failures % 20 === 0) logger.warn({ err: error, entity, failures }, 'an event consumer rejected a batch; it comes again');
          await sleep(retryDelay(failures, consumer.retryMs));
        } finally {
          consumer.inFlight.delete(run);
        }
      }
    } finally {
      queue.busy = false;
    }
  }

  private deliver(handler: EventHandler, event: EventEnvelope, cursor: string): void {
    try {
      this.detached(() => handler(event, cursor));
    } catch (error) {
      logger.error({ err: error, entity: event.entity }, 'an event subscriber failed');
    }
  }

  /** The entity's events still in the buffer, oldest first. */
  private retained(entity: string): EventEnvelope[] {
    const stream = this.stream(entity);
    const events: EventEnvelope[] = [];
    for (let seq = Math.max(1, stream.last - this.bufferSize + 1); seq <= stream.last; seq++) events.push(stream.ring[seq % this.bufferSize]);
    return events;
  }

  private stream(entity: string): Stream {
    let stream = this.streams.get(entity);
    if (!stream) {
      stream = { last: 0, ring: [], subscribers: new Set() };
      this.streams.set(entity, stream);
    }
    return stream;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const stream of this.streams.values()) stream.subscribers.clear();
    const inFlight = [...this.groups.values()].flatMap((g) => g.consumers.flatMap((c) => [...c.inFlight]));
    this.groups.clear();
    await Promise.allSettled(inFlight);
  }
}
