import { randomUUID } from 'node:crypto';
import os from 'node:os';
import Redis from 'ioredis';
import { logger } from '../logger';
import type { BatchHandler, ConsumeOptions } from './bus';
import type { EventEnvelope } from './outbox';
import { retryDelay, sleep } from './streams';

/** A stream entry as ioredis returns it; `fields` is null for an entry pending but since trimmed. */
export type StreamEntry = [id: string, fields: string[] | null];

/** Orders two stream ids (`<ms>-<seq>`). */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am === bm ? (as === bs ? 0 : as < bs ? -1 : 1) : am < bm ? -1 : 1;
}

/** The event in an entry; undefined (and logged) for an entry that holds none. */
export function parseEntry(stream: string, [id, fields]: StreamEntry): EventEnvelope | undefined {
  const json = fields?.[fields.indexOf('event') + 1];
  try {
    if (json !== undefined) return JSON.parse(json) as EventEnvelope;
  } catch {
    // reported below
  }
  logger.warn({ stream, id }, 'skipped a stream entry that holds no event (trimmed, or not written by a bus)');
  return undefined;
}

const isNoGroup = (error: unknown) => /NOGROUP|UNBLOCKED/.test(String((error as Error)?.message));

/**
 * One consumer of a Redis consumer group over several streams, on a connection of its own
 * (its reads block). The group is created at `$` (only events after that moment) the first
 * time any consumer of it ever starts; later starts continue where the group stands. The
 * loop reads its own pending entries first (after a rejected batch, a reconnect or a claim),
 * then new ones (`>`); a batch is acknowledged (XACK) once the handler resolves. Entries
 * another consumer has held for `claimIdleMs` (it died) are taken over with XAUTOCLAIM.
 * While Redis is down every command waits for the reconnect (ioredis), so the loop simply
 * goes on afterwards. A stream deleted under it (Redis restarted without persistence) answers
 * NOGROUP: the group is created again at `0`, since everything in the new stream is newer
 * than what the group consumed.
 */
export class GroupConsumer {
  private readonly redis: Redis;
  private readonly name = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly claimIdleMs: number;
  private readonly batchSize: number;
  private readonly retryMs: number;
  private running?: Promise<void>;
  private stopped = false;
  /** true while the loop waits on Redis rather than on the handler: stop may cut the connection then */
  private reading = false;
  private checkPending = true;
  private nextClaim = 0;
  /** ends a backoff early when stopping */
  private wake: () => void = () => undefined;

  constructor(url: string, private readonly group: string, private readonly streams: string[], private readonly handler: BatchHandler, options: ConsumeOptions = {}) {
    this.claimIdleMs = options.claimIdleMs ?? 30_000;
    this.batchSize = options.batchSize ?? 500;
    this.retryMs = options.retryMs ?? 200;
    this.redis = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2000) });
    this.redis.on('error', (error) => logger.debug({ err: error, group }, 'redis consumer error'));
    // A read whose answer was lost with the connection left entries pending on this consumer.
    this.redis.on('ready', () => (this.checkPending = true));
  }

  /** Creates the group where it does not exist yet (at `$`), then starts the loop. */
  async start(): Promise<void> {
    await this.createGroups('$');
    this.running = this.loop();
  }

  /**
   * Stops after the batch in hand (acknowledged if the handler resolves), waiting for it at
   * most `graceMs`. A read ends within its short block; one waiting for Redis to come back,
   * or a handler past the grace, is cut off (its batch stays pending and comes again).
   */
  async stop(graceMs = Number.POSITIVE_INFINITY): Promise<void> {
    this.stopped = true;
    this.wake();
    const ended = await Promise.race([this.running?.then(() => true), sleep(600).then(() => false)]);
    let cut = !ended && (this.reading || this.redis.status !== 'ready');
    if (cut) this.redis.disconnect();
    const grace = Number.isFinite(graceMs) ? sleep(graceMs).then(() => false) : new Promise<boolean>(() => undefined);
    if (!ended && !cut && !(await Promise.race([this.running?.then(() => true), grace]))) {
      cut = true;
      this.redis.disconnect();
    }
    if (cut) return; // a second disconnect would leave ioredis's 2 s destroy timer running
    if (this.redis.status === 'ready') await this.forgetSelf().catch(() => undefined);
    this.redis.disconnect();
  }

  private async createGroups(start: '$' | '0'): Promise<void> {
    for (const stream of this.streams) {
      try {
        await this.redis.xgroup('CREATE', stream, this.group, start, 'MKSTREAM');
      } catch (error) {
        if (!/BUSYGROUP/.test((error as Error).message)) throw error;
      }
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        this.reading = true;
        if (Date.now() >= this.nextClaim) await this.claimAbandoned();
        const own = this.checkPending;
        const block = own ? [] : ['BLOCK', 250];
        const reply = (await this.redis.call('XREADGROUP', 'GROUP', this.group, this.name, 'COUNT', this.batchSize, ...block, 'STREAMS', ...this.streams, ...this.streams.map(() => (own ? '0' : '>')))) as [string, StreamEntry[]][] | null;
        this.reading = false;
        const batches = (reply ?? []).filter(([, entries]) => entries.length);
        if (own && !batches.length) this.checkPending = false;
        for (const [stream, entries] of batches) await this.handle(stream, entries);
        failures = 0;
      } catch (error) {
        this.reading = false;
        if (this.stopped) return;
        this.checkPending = true;
        if (isNoGroup(error)) {
          logger.warn({ group: this.group }, 'a consumer group or its stream is gone (Redis restarted without persistence?); creating it again from the start of the stream');
          await this.createGroups('0').catch(() => undefined);
        }
        failures++;
        if (failures === 1 || failures % 20 === 0) logger.warn({ err: error, group: this.group, failures }, 'event consumer failed; retrying');
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          void sleep(retryDelay(failures, this.retryMs)).then(resolve);
        });
      }
    }
  }

  /** Hands one stream's entries to the handler and acknowledges them; throws to have them come again. */
  private async handle(stream: string, entries: StreamEntry[]): Promise<void> {
    const events = entries.map((entry) => parseEntry(stream, entry)).filter((e): e is EventEnvelope => e !== undefined);
    if (events.length) await this.handler(events);
    await this.redis.xack(stream, this.group, ...entries.map(([id]) => id));
  }

  /** Takes over entries idle for claimIdleMs on any consumer (one that died, or this one after a lost answer). */
  private async claimAbandoned(): Promise<void> {
    this.nextClaim = Date.now() + Math.max(50, this.claimIdleMs / 2);
    for (const stream of this.streams) {
      let start = '0-0';
      for (let pages = 0; pages < 10; pages++) {
        const [next, claimed] = (await this.redis.xautoclaim(stream, this.group, this.name, this.claimIdleMs, start, 'COUNT', this.batchSize, 'JUSTID')) as [string, string[]];
        if (claimed.length) this.checkPending = true;
        if (next === '0-0') break;
        start = next;
      }
    }
  }

  /** Leaves the group's consumer list when nothing is pending on it (a restart gets a new name). */
  private async forgetSelf(): Promise<void> {
    for (const stream of this.streams) {
      const pending = (await this.redis.xpending(stream, this.group, '-', '+', 1, this.name));
      if (pending.length) return;
    }
    for (const stream of this.streams) await this.redis.xgroup('DELCONSUMER', stream, this.group, this.name);
  }
}
