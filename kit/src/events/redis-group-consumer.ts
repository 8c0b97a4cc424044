import { randomUUID } from 'node:crypto';
import os from 'node:os';
import Redis from 'ioredis';
import { logger } from '../logger';
import type { BatchHandler, ConsumeOptions } from './bus';
import type { EventEnvelope } from './outbox';
import { DEFAULT_MAX_DELIVERIES, reconnectDelay, retryDelay, sleep } from './streams';

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

/** The smallest stream id after `id`. */
function nextId(id: string): string {
  const [ms, seq] = id.split('-').map(BigInt);
  return seq === 2n ** 64n - 1n ? `${ms + 1n}-0` : `${ms}-${seq + 1n}`;
}

const isNoGroup = (error: unknown) => /NOGROUP|UNBLOCKED/.test(String((error as Error)?.message));

/** A stream whose handler rejected a batch: its pending entries are retried one at a time until none is left. */
interface Failing {
  /** consecutive rejections of the entry at its head */
  failures: number;
  /** when the stream is read again (backoff) */
  until: number;
}

/** An XPENDING extended reply row: id, consumer, idle ms, times delivered. */
type PendingRow = [id: string, consumer: string, idle: number, deliveries: number];

/** How many entries a dead-letter stream keeps: it is for inspection, and a storm must not fill Redis. */
const DEAD_LETTER_RETENTION = 10_000;

/**
 * One consumer of a Redis consumer group over several streams, on a connection of its own
 * (its reads block). The group is created at `$` (only events after that moment) the first
 * time any consumer of it ever starts; later starts continue where the group stands. The
 * loop reads its own pending entries first (after a reconnect or a claim), then new ones
 * (`>`); a batch is acknowledged (XACK) once the handler resolves. Each stream's batch is
 * handled on its own: a rejected one is retried with backoff, one entry at a time (so a
 * poison entry is found and counted alone), while the other streams go on. An entry
 * delivered `maxDeliveries` times without success is copied to `<stream>:dead:<group>`,
 * logged and acknowledged, so the group moves on. Entries another consumer has held for
 * `claimIdleMs` (it died) are taken over with XAUTOCLAIM. With `trimAcknowledged` the consumer
 * trims each stream after each acknowledgement to the oldest entry the group still needs.
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
  private readonly maxDeliveries: number;
  private running?: Promise<void>;
  private stopped = false;
  /** true while the loop waits on Redis rather than on the handler: stop may cut the connection then */
  private reading = false;
  /** streams whose entries pending on this consumer are read before new ones */
  private readonly ownPending: Set<string>;
  private readonly failing = new Map<string, Failing>();
  private nextClaim = 0;
  private readonly fromRetained: boolean;
  private readonly trimAcknowledged: boolean;
  private warnedSharedTrim = false;
  /** ends a backoff early when stopping */
  private wake: () => void = () => undefined;

  constructor(url: string, private readonly group: string, private readonly streams: string[], private readonly handler: BatchHandler, options: ConsumeOptions = {}) {
    this.claimIdleMs = options.claimIdleMs ?? 30_000;
    this.fromRetained = options.fromRetained ?? false;
    this.trimAcknowledged = options.trimAcknowledged ?? false;
    this.batchSize = options.batchSize ?? 500;
    this.retryMs = options.retryMs ?? 200;
    this.maxDeliveries = options.maxDeliveries ?? DEFAULT_MAX_DELIVERIES;
    this.ownPending = new Set(streams);
    this.redis = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: reconnectDelay });
    this.redis.on('error', (error) => logger.debug({ err: error, group }, 'redis consumer error'));
    // A read whose answer was lost with the connection left entries pending on this consumer.
    this.redis.on('ready', () => streams.forEach((s) => this.ownPending.add(s)));
  }

  /** Creates the group where it does not exist yet (at `$`, or at `0` with fromRetained), then starts the loop. */
  async start(): Promise<void> {
    await this.createGroups(this.fromRetained ? '0' : '$');
    this.running = this.loop();
  }

  /**
   * Stops after the batch in hand (acknowledged if the handler resolves), waiting for it at
   * most `graceMs`. A read ends within its short block; one waiting for Redis to come back,
   * or a handler past the grace, is cut off: its batch stays pending and is delivered again
   * later (to this group's next consumer, or to another after `claimIdleMs`).
   */
  async stop(graceMs = Number.POSITIVE_INFINITY): Promise<void> {
    this.stopped = true;
    this.wake();
    const ended = await Promise.race([this.running?.then(() => true), sleep(Math.min(600, graceMs)).then(() => false)]);
    let cut = !ended && (this.reading || this.redis.status !== 'ready');
    if (cut) this.redis.disconnect();
    const grace = Number.isFinite(graceMs) ? sleep(Math.max(0, graceMs - 600)).then(() => false) : new Promise<boolean>(() => undefined);
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
        const now = Date.now();
        const due = this.streams.filter((s) => (this.failing.get(s)?.until ?? 0) <= now);
        const nextRetry = Math.min(...[...this.failing.values()].map((f) => f.until));
        if (!due.length) {
          this.reading = false;
          await this.pause(nextRetry - now);
          continue;
        }
        // A stream retrying a rejected batch is read alone, one entry at a time.
        for (const stream of due.filter((s) => this.failing.has(s))) await this.read([stream], 1, false);
        const rest = due.filter((s) => !this.failing.has(s));
        if (rest.length) await this.read(rest, this.batchSize, Number.isFinite(nextRetry) ? Math.max(1, Math.min(250, nextRetry - Date.now())) : 250);
        failures = 0;
      } catch (error) {
        this.reading = false;
        if (this.stopped) return;
        this.streams.forEach((s) => this.ownPending.add(s));
        if (isNoGroup(error)) {
          logger.warn({ group: this.group }, 'a consumer group or its stream is gone (Redis restarted without persistence?); creating it again from the start of the stream');
          await this.createGroups('0').catch(() => undefined);
        }
        failures++;
        if (failures === 1 || failures % 20 === 0) logger.warn({ err: error, group: this.group, failures }, 'event consumer failed; retrying');
        await this.pause(retryDelay(failures, this.retryMs));
      }
    }
  }

  /**
   * Reads `streams` (own pending entries where there are any, else new ones, blocking up to
   * `blockMs` when all are new) and handles each stream's batch. @throws on Redis errors only
   */
  private async read(streams: string[], count: number, blockMs: number | false): Promise<void> {
    this.reading = true;
    const ids = streams.map((s) => (this.ownPending.has(s) ? '0' : '>'));
    // Redis does not block a read that includes pending entries (`0`) anyway.
    const block = blockMs !== false && ids.every((id) => id === '>') ? ['BLOCK', blockMs] : [];
    const reply = (await this.redis.call('XREADGROUP', 'GROUP', this.group, this.name, 'COUNT', count, ...block, 'STREAMS', ...streams, ...ids)) as [string, StreamEntry[]][] | null;
    this.reading = false;
    const entriesOf = new Map(reply ?? []);
    for (const [i, stream] of streams.entries()) {
      if (ids[i] !== '0' || entriesOf.get(stream)?.length) continue;
      this.ownPending.delete(stream);
      this.failing.delete(stream); // nothing left of the rejected batch: back to whole batches
    }
    for (const [stream, entries] of entriesOf) if (entries.length && !this.stopped) await this.handle(stream, entries);
  }

  /** Hands one stream's entries to the handler and acknowledges them; on rejection they come again, or go to the dead letters. */
  private async handle(stream: string, entries: StreamEntry[]): Promise<void> {
    const events = entries.map((entry) => parseEntry(stream, entry)).filter((e): e is EventEnvelope => e !== undefined);
    try {
      if (events.length) await this.handler(events);
    } catch (error) {
      await this.rejected(stream, entries, error);
      return;
    }
    // The rest of a rejected batch still comes one entry at a time: were it read as a batch
    // again, each rejection would count a delivery for every entry in it, not just the bad one.
    if (this.failing.has(stream)) this.failing.set(stream, { failures: 0, until: 0 });
    await this.redis.xack(stream, this.group, ...entries.map(([id]) => id));
    await this.trim(stream);
  }

  /**
   * With trimAcknowledged: removes the entries before the oldest one the group still needs, its
   * oldest pending entry or else the one after its last-delivered-id (never past either). Both
   * are read in one transaction: read apart, another consumer could take entries in between,
   * which then would be pending yet past the last-delivered-id read first. Afterwards both only
   * move forward (new reads are newer, acknowledgements and claims drop or move pending ones),
   * so the trim stays behind them. Never where another group reads the stream too (it is left
   * untrimmed then, and logged); a plain subscriber of it cannot be seen and may miss entries.
   * A failed trim is retried after the next batch; the entries only wait longer.
   */
  private async trim(stream: string): Promise<void> {
    if (!this.trimAcknowledged) return;
    try {
      const results = await this.redis.multi().xpending(stream, this.group).xinfo('GROUPS', stream).exec();
      const failed = results?.find(([e]) => e)?.[0];
      if (!results || failed) throw failed ?? new Error('the transaction was discarded');
      const [, oldestPending] = results[0][1] as [number, string | null, string | null, unknown];
      const groups = (results[1][1] as unknown[][]).map((flat) => new Map(Array.from({ length: flat.length / 2 }, (_, i) => [String(flat[2 * i]), flat[2 * i + 1]])));
      if (groups.length > 1) {
        // Trimming would take from another group what it has not read: left to grow instead, and said.
        if (!this.warnedSharedTrim) logger.error({ group: this.group, stream, groups: groups.map((g) => g.get('name')) }, 'a stream trimmed by its consumer group is read by other groups too; it is not trimmed any more');
        this.warnedSharedTrim = true;
        return;
      }
      const lastDelivered = groups[0]?.get('name') === this.group ? groups[0].get('last-delivered-id') : undefined;
      if (typeof lastDelivered !== 'string') return;
      const next = nextId(lastDelivered);
      const minId = oldestPending && compareIds(oldestPending, next) < 0 ? oldestPending : next;
      await this.redis.xtrim(stream, 'MINID', minId);
    } catch (error) {
      if (this.stopped) return;
      logger.warn({ err: error, group: this.group, stream }, 'trimming the acknowledged entries of a stream failed; tried again after the next batch');
    }
  }

  /** Backs off the stream; entries delivered `maxDeliveries` times go to the dead letters instead. */
  private async rejected(stream: string, entries: StreamEntry[], error: unknown): Promise<void> {
    this.ownPending.add(stream);
    const failing = this.failing.get(stream) ?? { failures: 0, until: 0 };
    failing.failures++;
    failing.until = Date.now() + retryDelay(failing.failures, this.retryMs);
    this.failing.set(stream, failing);
    if (failing.failures === 1 || failing.failures % 20 === 0) logger.warn({ err: error, group: this.group, stream, failures: failing.failures }, 'an event consumer rejected a batch; it comes again');
    // Counted by Redis (each read of an entry, also by another consumer or process), so the count survives restarts.
    const rows = (await this.redis.xpending(stream, this.group, entries[0][0], entries[entries.length - 1][0], entries.length)) as PendingRow[];
    const deliveries = new Map(rows.map(([id, , , n]) => [id, Number(n)]));
    const dead = entries.filter(([id]) => (deliveries.get(id) ?? 0) >= this.maxDeliveries);
    if (!dead.length) return;
    await this.deadLetter(stream, dead, error);
    this.failing.set(stream, { failures: 0, until: 0 }); // what follows the poison entries is read at once
  }

  /** Copies the entries to `<stream>:dead:<group>` and acknowledges them, in one transaction. */
  private async deadLetter(stream: string, entries: StreamEntry[], error: unknown): Promise<void> {
    const deadStream = `${stream}:dead:${this.group}`;
    const ids = entries.map(([id]) => id);
    const message = String((error as Error)?.message ?? error);
    const tx = this.redis.multi();
    for (const [id, fields] of entries) tx.xadd(deadStream, 'MAXLEN', '~', DEAD_LETTER_RETENTION, '*', ...(fields ?? []), 'source', id, 'error', message);
    tx.xack(stream, this.group, ...ids);
    const results = await tx.exec();
    const failed = results?.find(([e]) => e)?.[0];
    if (!results || failed) throw failed ?? new Error('the dead-letter transaction was discarded');
    await this.trim(stream);
    logger.error({ err: error, group: this.group, stream, ids, deadStream, maxDeliveries: this.maxDeliveries }, `event consumer group ${this.group} gave up on ${ids.length} entr${ids.length === 1 ? 'y' : 'ies'} of ${stream} after ${this.maxDeliveries} deliveries; moved to ${deadStream} and acknowledged`);
  }

  /** Waits `ms`, or until stop. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      void sleep(ms).then(resolve);
    });
  }

  /** Takes over entries idle for claimIdleMs on any consumer (one that died, or this one after a lost answer). */
  private async claimAbandoned(): Promise<void> {
    this.nextClaim = Date.now() + Math.max(50, this.claimIdleMs / 2);
    for (const stream of this.streams) {
      let start = '0-0';
      for (let pages = 0; pages < 10; pages++) {
        const [next, claimed] = (await this.redis.xautoclaim(stream, this.group, this.name, this.claimIdleMs, start, 'COUNT', this.batchSize, 'JUSTID')) as [string, string[]];
        if (claimed.length) this.ownPending.add(stream);
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
