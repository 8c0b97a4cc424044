import { envInt } from '../env';
import { InProcessBus } from './in-process-bus';
import type { EventEnvelope } from './outbox';
import { RedisBus } from './redis-bus';

export { InProcessBus } from './in-process-bus';
export { RedisBus } from './redis-bus';

/** A position in one entity's event stream; opaque to clients (base64url). */
export type EventCursor = string;

/** Receives events from the bus, each with the cursor to resume after it. */
export type EventHandler = (event: EventEnvelope, cursor: EventCursor) => void;

export interface SubscribeOptions {
  /** deliver every retained event after this position first, then live ones */
  after?: EventCursor;
}

export interface ConsumeOptions {
  /** entries a consumer has held unacknowledged this long are taken over by another (ms; default 30 s) */
  claimIdleMs?: number;
  /** the most events one handler call gets (default 500) */
  batchSize?: number;
  /** the first wait after a rejected batch or an unreachable Redis (ms, doubling up to 10 s; default 200) */
  retryMs?: number;
  /**
   * deliveries of an event whose batch the handler keeps rejecting, after which it is given up:
   * logged as an error and (Redis) copied to the stream `<stream>:dead:<group>`, then
   * acknowledged so the group moves on (default 10, about 40 s of backoff with the default retryMs)
   */
  maxDeliveries?: number;
  /** how long the function `consume` returns waits for the batch in hand (ms; default 5 s): an unacknowledged batch is delivered again later */
  stopTimeoutMs?: number;
  /**
   * A group that does not exist yet starts with every event its streams still retain, instead
   * of only those published after it (default false): for a consumer that must see what was
   * published before it first ran, like the audit log on its first deployment.
   */
  fromRetained?: boolean;
  /**
   * Redis: after each acknowledged batch, trim the group's streams to the oldest entry the group
   * still needs (its oldest pending entry, else the one after the last it was given), so a
   * stream the bus does not trim by count at publish (RedisBus's `untrimmed`) holds only what
   * this group has yet to handle. Only for a stream no subscriber reads (it would lose what
   * this group has handled and it has not); a stream another group reads too is not trimmed
   * (and that is logged as an error). The in-process bus keeps nothing for groups past
   * delivery anyway and ignores it. Default false.
   */
  trimAcknowledged?: boolean;
}

/** A consumer group's handler: resolving acknowledges the batch, rejecting has it delivered again. */
export type BatchHandler = (batch: EventEnvelope[]) => Promise<void>;

/**
 * Where published events go: Redis Streams across processes (REDIS_URL set), or an in-process
 * bus (the embedded default). Streams are named after the event's entity.
 */
export interface EventBus {
  /** Resolves once the bus has taken the event. @throws when the bus is unreachable */
  publish(event: EventEnvelope): Promise<void>;
  /**
   * Calls `handler` for every event about `entity` from now on (with `after`: first every
   * retained event after that cursor, then live ones, no gap and no repeat); returns the
   * function that stops it. Nothing is kept for a subscriber that is gone.
   * @throws DomainError CURSOR_EXPIRED when `after` is malformed, from another stream or bus,
   * or older than the stream still retains
   */
  subscribe(entity: string, handler: EventHandler, options?: SubscribeOptions): Promise<() => Promise<void>>;
  /**
   * Durable consumption by a named group: every event about `entities` published after the
   * group was first created (with `fromRetained`, also those still retained then) reaches one of the group's consumers (any number of processes)
   * at least once, also when it was published while none ran. Batches come in stream order,
   * each from one entity's stream. A batch is acknowledged when `handler` resolves; when it
   * rejects, the same events come again after a backoff, one at a time, while the other
   * entities' events go on; an event rejected `maxDeliveries` times is dead-lettered and
   * skipped. Returns the function that stops consuming (after the batch in hand, waiting
   * for it at most `stopTimeoutMs`; in-process, the group's last consumer first handles what
   * the group still holds, within the same time, since nothing in the process would later).
   */
  consume(group: string, entities: string[], handler: BatchHandler, options?: ConsumeOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * The bus for this process: Redis when `redisUrl` is given (each entity's stream keeps about
 * EVENT_STREAM_RETENTION events, but the audit log's, which its consumer group trims), else
 * in-process (each entity's last EVENT_BUFFER_SIZE events kept for cursors).
 */
export function createEventBus(redisUrl: string | undefined): EventBus {
  return redisUrl ? new RedisBus(redisUrl, envInt('EVENT_STREAM_RETENTION', 100_000, 1)) : new InProcessBus(envInt('EVENT_BUFFER_SIZE', 10_000, 1));
}
