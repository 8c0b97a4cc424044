import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import { logger } from '../logger';
import type { EventEnvelope } from './outbox';

/** Receives events from the bus. */
export type EventHandler = (event: EventEnvelope) => void;

/**
 * Where published events go: Redis pub/sub across processes (REDIS_URL set), or an in-process
 * emitter (the embedded default). Channels are named after the event's entity.
 */
export interface EventBus {
  /** Resolves once the bus has taken the event. @throws when the bus is unreachable */
  publish(event: EventEnvelope): Promise<void>;
  /** Calls `handler` for every event about `entity`; returns the function that stops it. */
  subscribe(entity: string, handler: EventHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const channelOf = (entity: string) => `tradegraph:events:${entity}`;

/** One process's bus: what a publish sends, this process's subscribers receive, synchronously. */
export class InProcessBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: EventEnvelope): Promise<void> {
    this.emitter.emit(channelOf(event.entity), event);
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
 * Redis pub/sub. Publishing fails fast while Redis is down (no offline queue), so the outbox
 * keeps the event and the relay tries again; subscribers reconnect and resubscribe by
 * themselves.
 */
export class RedisBus implements EventBus {
  private readonly publisher: Redis;
  private subscriber?: Redis;
  private readonly handlers = new Map<string, Set<EventHandler>>();

  constructor(private readonly url: string) {
    this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false, retryStrategy: (n) => Math.min(n * 200, 2000) });
    this.publisher.on('error', (error) => logger.debug({ err: error }, 'redis publisher error'));
  }

  async publish(event: EventEnvelope): Promise<void> {
    await this.publisher.publish(channelOf(event.entity), JSON.stringify(event));
  }

  async subscribe(entity: string, handler: EventHandler): Promise<() => Promise<void>> {
    const subscriber = this.connectSubscriber();
    const channel = channelOf(entity);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await subscriber.subscribe(channel);
    }
    set.add(handler);
    return async () => {
      const current = this.handlers.get(channel);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        this.handlers.delete(channel);
        await subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  private connectSubscriber(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = new Redis(this.url, { retryStrategy: (n) => Math.min(n * 200, 2000), autoResubscribe: true });
    subscriber.on('error', (error) => logger.debug({ err: error }, 'redis subscriber error'));
    subscriber.on('message', (channel: string, message: string) => {
      const handlers = this.handlers.get(channel);
      if (!handlers) return;
      let event: EventEnvelope;
      try {
        event = JSON.parse(message) as EventEnvelope;
      } catch {
        logger.warn({ channel }, 'dropped a bus message that is not JSON');
        return;
      }
      for (const handler of handlers) handler(event);
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber?.disconnect();
  }
}

/** The bus for this process: Redis when `redisUrl` is given, else in-process. */
export function createEventBus(redisUrl: string | undefined): EventBus {
  return redisUrl ? new RedisBus(redisUrl) : new InProcessBus();
}
