import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import { logger } from '../logger';
import type { EventEnvelope } from './outbox';

/** Receives events from the bus. */
export type EventHandler = (event: EventEnvelope) => void;

/**
 * Where published events go: Redis Streams across processes (REDIS_URL set), or an in-process
 * emitter (the embedded default). Streams and channels are named after the event's entity.
 */
export interface EventBus {
  /** Resolves once the bus has taken the event. @throws when the bus is unreachable */
  publish(event: EventEnvelope): Promise<void>;
  /** Calls `handler` for every event about `entity`; returns the function that stops it. */
  subscribe(entity: string, handler: EventHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const channelOf = (entity: string, prefix = 'tradegraph') => `${prefix}:events:${entity}`;

/**
 * One process's bus: what a publish sends, this process's subscribers receive, synchronously.
 * Handlers run outside the publisher's async context, as they would behind Redis: otherwise a
 * handler's database work would join the publishing subgraph's transaction (MikroORM finds
 * its EntityManager through AsyncLocalStorage).
 */
export class InProcessBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  /** runs a function in the (empty) async context the bus was made in */
  private readonly detached = AsyncLocalStorage.snapshot();

  async publish(event: EventEnvelope): Promise<void> {
    this.detached(() => this.emitter.emit(channelOf(event.entity), event));
  }

  async subscribe(entity: string, handler: EventHandler): Promise<() => Promise<void>> {
    const channel = channelOf(entity);
    this.emitter.on(channel, handler);
    return async () => {
      this.emitter.off(channel, handler);
    };
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * Redis Streams, one per entity (`XADD … MAXLEN ~`): publishing fails fast while Redis is down
 * (no offline queue), so the outbox keeps the event and the relay tries again; a subscriber
 * remembers the last entry it read and, after an outage, continues from there, so it misses
 * nothing that was published while it was cut off (within the stream's retention).
 */
export class RedisBus implements EventBus {
  private readonly publisher: Redis;
  private reader?: Redis;
  private readonly handlers = new Map<string, Set<EventHandler>>();
  /** per stream, the id of the last entry delivered */
  private readonly positions = new Map<string, string>();
  private reading?: Promise<void>;
  private closed = false;

  /**
   * @param url redis://host:port
   * @param retention about how many events each stream keeps for subscribers catching up
   * @param prefix the streams' key prefix (one per deployment sharing a Redis)
   */
  constructor(private readonly url: string, private readonly retention = 100_000, private readonly prefix = 'tradegraph') {
    this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(n * 200, 2000) });
    this.publisher.on('error', (error) => logger.debug({ err: error }, 'redis publisher error'));
  }

  async publish(event: EventEnvelope): Promise<void> {
    if (this.publisher.status !== 'ready') await this.ready(1000);
    await this.publisher.xadd(channelOf(event.entity, this.prefix), 'MAXLEN', '~', String(this.retention), '*', 'event', JSON.stringify(event));
  }

  async subscribe(entity: string, handler: EventHandler): Promise<() => Promise<void>> {
    const stream = channelOf(entity, this.prefix);
    let set = this.handlers.get(stream);
    if (!set) {
      set = new Set();
      this.handlers.set(stream, set);
      // Start after the newest entry that exists now: a subscriber sees what is published from here on.
      const last = (await this.readerConnection().xrevrange(stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
      this.positions.set(stream, last[0]?.[0] ?? '0-0');
    }
    set.add(handler);
    this.reading ??= this.readLoop();
    return async () => {
      const current = this.handlers.get(stream);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        this.handlers.delete(stream);
        this.positions.delete(stream);
      }
    };
  }

  /** Waits up to `ms` for the publisher to (re)connect, so the first publish after a start does not fail. */
  private ready(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.publisher.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.publisher.once('ready', done);
    });
  }

  private readerConnection(): Redis {
    if (!this.reader) {
      this.reader = new Redis(this.url, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2000) });
      this.reader.on('error', (error) => logger.debug({ err: error }, 'redis reader error'));
    }
    return this.reader;
  }

  private async readLoop(): Promise<void> {
    const reader = this.readerConnection();
    while (!this.closed) {
      const streams = [...this.positions.keys()];
      if (streams.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      let batches: [string, [string, string[]][]][] | null;
      try {
        // A short block, so a stream subscribed meanwhile joins the next read soon.
        batches = (await reader.xread('COUNT', 500, 'BLOCK', 250, 'STREAMS', ...streams, ...streams.map((s) => this.positions.get(s)!)));
      } catch (error) {
        if (this.closed) return;
        logger.debug({ err: error }, 'redis stream read failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      for (const [stream, entries] of batches ?? []) {
        for (const [id, fields] of entries) {
          if (!this.positions.has(stream)) break;
          this.positions.set(stream, id);
          const json = fields[fields.indexOf('event') + 1];
          let event: EventEnvelope;
          try {
            event = JSON.parse(json) as EventEnvelope;
          } catch {
            logger.warn({ stream, id }, 'dropped a stream entry that is not an event');
            continue;
          }
          for (const handler of this.handlers.get(stream) ?? []) handler(event);
        }
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.publisher.disconnect();
    this.reader?.disconnect();
    await this.reading?.catch(() => undefined);
  }
}

/** The bus for this process: Redis when `redisUrl` is given, else in-process. */
export function createEventBus(redisUrl: string | undefined): EventBus {
  return redisUrl ? new RedisBus(redisUrl) : new InProcessBus();
}
