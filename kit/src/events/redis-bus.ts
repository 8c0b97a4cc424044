import Redis from 'ioredis';
import { AUDIT_ENTITY } from '../audit';
import { logger } from '../logger';
import type { BatchHandler, ConsumeOptions, EventBus, EventHandler, SubscribeOptions } from './bus';
import type { EventEnvelope } from './outbox';
import { GroupConsumer, compareIds, parseEntry, type StreamEntry } from './redis-group-consumer';
import { channelOf, cursorExpired, DEFAULT_STOP_TIMEOUT_MS, encodeCursor, positionOf, reconnectDelay, sleep } from './streams';

/** One subscribe call: `last` is the id of the last entry it was given, `buffer` holds live entries while it catches up. */
interface Subscription {
  handler: EventHandler;
  last?: string;
  buffer?: StreamEntry[];
}

/** The subscriptions to one stream, and the id of the last entry the read loop took from it. */
interface Subscribed {
  entity: string;
  position: string;
  subscriptions: Set<Subscription>;
}

const STREAM_ID = /^\d+-\d+$/;

/**
 * Redis Streams, one per entity (`XADD … MAXLEN ~ retention`; the `untrimmed` entities'
 * streams are trimmed by their one consumer group instead, see `ConsumeOptions.trimAcknowledged`).
 * Publishing fails fast while Redis is down (no offline queue), so the outbox keeps the event
 * and the relay tries again.
 * Subscribers share one read loop that remembers the last entry it read and, after an
 * outage, continues from there; a cursor is the entry id, so a subscriber resuming after one
 * reads the missed entries with XRANGE while the loop's live entries wait for it. Consumer
 * groups (`consume`) are Redis consumer groups, see {@link GroupConsumer}.
 */
export class RedisBus implements EventBus {
  private readonly publisher: Redis;
  private reader?: Redis;
  private loopReader?: Redis;
  private readonly streams = new Map<string, Subscribed>();
  private readonly consumers = new Set<GroupConsumer>();
  private reading?: Promise<void>;
  private closed = false;
  private readonly untrimmed: ReadonlySet<string>;

  /**
   * @param url redis://host:port
   * @param retention about how many events each stream keeps (for cursors and groups catching up)
   * @param prefix the streams' key prefix (one per deployment sharing a Redis)
   * @param untrimmed entities whose streams publishing never trims, because a group that must
   * not miss an entry reads them (by default the audit log's, which a big sync would otherwise
   * push out before the audit log stored it): their one consumer group trims them instead
   * (`trimAcknowledged`); until it first runs they grow
   */
  constructor(private readonly url: string, private readonly retention = 100_000, private readonly prefix = 'tradegraph', untrimmed: Iterable<string> = [AUDIT_ENTITY]) {
    this.untrimmed = new Set(untrimmed);
    this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: reconnectDelay });
    this.publisher.on('error', (error) => logger.debug({ err: error }, 'redis publisher error'));
  }

  async publish(event: EventEnvelope): Promise<void> {
    if (this.publisher.status !== 'ready') await this.ready(1000);
    const stream = channelOf(event.entity, this.prefix);
    if (this.untrimmed.has(event.entity)) await this.publisher.xadd(stream, '*', 'event', JSON.stringify(event));
    else await this.publisher.xadd(stream, 'MAXLEN', '~', String(this.retention), '*', 'event', JSON.stringify(event));
  }

  async subscribe(entity: string, handler: EventHandler, options: SubscribeOptions = {}): Promise<() => Promise<void>> {
    const stream = channelOf(entity, this.prefix);
    const after = options.after === undefined ? undefined : positionOf(options.after, 'r', this.prefix, entity);
    if (after !== undefined && !STREAM_ID.test(after)) throw cursorExpired('the cursor is not a position in this stream');
    let subscribed = this.streams.get(stream);
    if (!subscribed) {
      // Start after the newest entry that exists now: a subscriber sees what is published from here on.
      const last = (await this.connection().xrevrange(stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
      subscribed = this.streams.get(stream) ?? { entity, position: last[0]?.[0] ?? '0-0', subscriptions: new Set() };
      this.streams.set(stream, subscribed);
    }
    const subscription: Subscription = { handler, last: after, buffer: after === undefined ? undefined : [] };
    subscribed.subscriptions.add(subscription);
    const stop = async () => {
      const current = this.streams.get(stream);
      current?.subscriptions.delete(subscription);
      if (current?.subscriptions.size === 0) this.streams.delete(stream);
    };
    this.reading ??= this.readLoop();
    if (after !== undefined) {
      try {
        await this.catchUp(stream, entity, subscription, after);
      } catch (error) {
        await stop();
        throw error;
      }
    }
    return stop;
  }

  async consume(group: string, entities: string[], handler: BatchHandler, options: ConsumeOptions = {}): Promise<() => Promise<void>> {
    const consumer = new GroupConsumer(this.url, group, entities.map((e) => channelOf(e, this.prefix)), handler, options);
    this.consumers.add(consumer);
    try {
      await consumer.start();
    } catch (error) {
      this.consumers.delete(consumer);
      await consumer.stop();
      throw error;
    }
    return async () => {
      this.consumers.delete(consumer);
      // Bounded: a handler stuck (say, waiting for a database connection) must not hold up a
      // graceful stop; its unacknowledged batch stays pending and is delivered again later.
      await consumer.stop(options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
    };
  }

  /** Delivers the retained entries after `after`, then what the read loop held back meanwhile. */
  private async catchUp(stream: string, entity: string, subscription: Subscription, after: string): Promise<void> {
    await this.checkRetained(stream, after);
    let from = after;
    for (;;) {
      const entries = (await this.connection().xrange(stream, `(${from}`, '+', 'COUNT', 500)) as StreamEntry[];
      if (!entries.length) break;
      for (const entry of entries) this.deliver(subscription, stream, entity, entry);
      from = entries[entries.length - 1][0];
    }
    const held = subscription.buffer ?? [];
    subscription.buffer = undefined;
    for (const entry of held) this.deliver(subscription, stream, entity, entry);
  }

  /**
   * Refuses a cursor the stream cannot continue from: its entry was trimmed or deleted
   * (older than `first-entry`, or than `max-deleted-entry-id`), it is ahead of the stream
   * (another Redis), or the stream is gone (Redis restarted without persistence).
   */
  private async checkRetained(stream: string, after: string): Promise<void> {
    let info: Map<string, unknown>;
    const idOf = (key: string) => (typeof info.get(key) === 'string' ? (info.get(key) as string) : '0-0');
    try {
      const flat = (await this.connection().xinfo('STREAM', stream)) as unknown[];
      info = new Map(Array.from({ length: flat.length / 2 }, (_, i) => [String(flat[2 * i]), flat[2 * i + 1]]));
    } catch (error) {
      if (/no such key/i.test((error as Error).message)) throw cursorExpired('the stream it points into no longer exists');
      throw error;
    }
    const lastGenerated = idOf('last-generated-id');
    if (compareIds(after, lastGenerated) > 0) throw cursorExpired('the cursor is ahead of this stream (from another event bus)');
    const maxDeleted = idOf('max-deleted-entry-id');
    const firstEntry = info.get('first-entry') as StreamEntry | null | undefined;
    // Trimming (MAXLEN) does not move max-deleted-entry-id: a cursor whose own entry is gone is
    // refused too (also one from a stream that was deleted and written again).
    const trimmedAfter = compareIds(maxDeleted, after) > 0 || (firstEntry ? compareIds(firstEntry[0], after) > 0 : compareIds(after, lastGenerated) < 0);
    if (trimmedAfter) throw cursorExpired(`events after it were trimmed (the stream keeps about ${this.retention})`);
  }

  private deliver(subscription: Subscription, stream: string, entity: string, entry: StreamEntry): void {
    if (subscription.last !== undefined && compareIds(entry[0], subscription.last) <= 0) return;
    const event = parseEntry(stream, entry);
    subscription.last = entry[0];
    if (!event) return;
    try {
      subscription.handler(event, encodeCursor('r', this.prefix, entity, entry[0]));
    } catch (error) {
      logger.error({ err: error, stream }, 'an event subscriber failed');
    }
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

  private connection(): Redis {
    if (!this.reader) {
      this.reader = new Redis(this.url, { maxRetriesPerRequest: null, retryStrategy: reconnectDelay });
      this.reader.on('error', (error) => logger.debug({ err: error }, 'redis reader error'));
    }
    return this.reader;
  }

  private async readLoop(): Promise<void> {
    // Its own connection: a blocking read would hold up catch-up reads behind it.
    const reader = new Redis(this.url, { maxRetriesPerRequest: null, retryStrategy: reconnectDelay });
    this.loopReader = reader;
    reader.on('error', (error) => logger.debug({ err: error }, 'redis stream reader error'));
    while (!this.closed) {
      const streams = [...this.streams.keys()];
      if (streams.length === 0) {
        await sleep(100);
        continue;
      }
      let batches: [string, StreamEntry[]][] | null;
      try {
        // A short block, so a stream subscribed meanwhile joins the next read soon.
        batches = (await reader.xread('COUNT', 500, 'BLOCK', 250, 'STREAMS', ...streams, ...streams.map((s) => this.streams.get(s)!.position)));
      } catch (error) {
        if (this.closed) return;
        logger.debug({ err: error }, 'redis stream read failed; retrying');
        await sleep(200);
        continue;
      }
      for (const [stream, entries] of batches ?? []) {
        const subscribed = this.streams.get(stream);
        if (!subscribed) continue;
        subscribed.position = entries[entries.length - 1][0];
        for (const entry of entries) {
          for (const subscription of [...subscribed.subscriptions]) {
            if (subscription.buffer) subscription.buffer.push(entry);
            else this.deliver(subscription, stream, subscribed.entity, entry);
          }
        }
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    // A handler that does not finish does not hold up the process's shutdown for ever.
    await Promise.all([...this.consumers].map((c) => c.stop(5000)));
    this.consumers.clear();
    this.publisher.disconnect();
    this.reader?.disconnect();
    this.loopReader?.disconnect();
    await this.reading?.catch(() => undefined);
  }
}
