import type { MikroORM } from '@mikro-orm/postgresql';
import { executeIn } from '../bulk-sql';
import { qualifiedTable, tryAdvisoryLock } from '../database';
import { logger } from '../logger';
import { inBackground } from '../request-scope';
import type { EventBus } from './bus';
import { OutboxEvent, type EventEnvelope } from './outbox';
import { inEventSpan } from '../tracing/events';

/** How the relay works through the outbox. */
export interface RelayOptions {
  /** how often to look for unpublished events when nobody nudges (ms) */
  intervalMs?: number;
  /** the most events one pass publishes */
  batchSize?: number;
  /** how long to wait after the bus failed before trying again (ms; doubles up to 10 s) */
  retryMs?: number;
}

/** What the relay reports to metrics (kit/src/metrics/outbox.ts). */
export interface RelayObserver {
  published(event: { type: string; payload: Record<string, unknown> }): void;
  publishFailed(): void;
}

/**
 * Publishes a subgraph's outbox to the event bus, at least once and in commit order. Only one
 * relay per schema works at a time (a PostgreSQL advisory lock), so order per entity holds
 * with any number of replicas. An event is marked published only after the bus took it; if
 * the bus is down, events wait in the table and go out when it is back.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  /** the next pass has work for sure (a commit nudged, or the last pass was cut at a full batch) */
  private pending = false;
  private stopped = false;
  private failures = 0;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly retryMs: number;

  constructor(private readonly orm: MikroORM, private readonly bus: EventBus, private readonly schema: string, options: RelayOptions = {}, private readonly observer?: RelayObserver) {
    this.intervalMs = options.intervalMs ?? 250;
    this.batchSize = options.batchSize ?? 500;
    this.retryMs = options.retryMs ?? 200;
  }

  start(): void {
    this.schedule(0);
  }

  /** Runs a pass now (after a commit that wrote events), or right after the current pass. */
  nudge(): void {
    if (this.stopped) return;
    this.pending = true;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** Publishes everything pending, then resolves; for tests and shutdown. */
  async drain(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.running;
      const result = await this.pass(true);
      if (result.published === 0 && !result.busy && !result.failed) return;
      if (Date.now() > deadline) throw new Error(`outbox of ${this.schema} not drained in ${timeoutMs} ms`);
      if (result.busy || result.failed) await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    // A pass is background work even when a request's commit nudged it: the timer must not
    // carry that request's scope or trace, or every later pass's SQL would be the request's.
    this.timer = inBackground(() => setTimeout(() => {
      const probe = !this.pending;
      this.pending = false;
      this.running = this.pass(probe)
        .catch((error): PassResult => {
          logger.error({ err: error, schema: this.schema }, 'outbox relay pass failed');
          return { published: 0, busy: false, failed: true };
        })
        .then((result) => {
          this.running = undefined;
          this.failures = result.failed ? this.failures + 1 : 0;
          const full = result.published === this.batchSize;
          const next = result.failed
            ? Math.min(this.retryMs * 2 ** Math.min(this.failures, 6), 10_000)
            : full || this.again
              ? 0
              : this.intervalMs;
          if (full && !result.failed) this.pending = true;
          this.again = false;
          this.schedule(next);
        });
    }, ms));
    this.timer.unref?.();
  }

  /**
   * One pass: take the relay lock, read a batch in order, publish each, mark what went out.
   * Stops at the first event the bus refuses, so nothing overtakes it. `probe`: look first
   * whether anything waits, with one cheap statement instead of a transaction with a lock (most
   * timed polls find nothing); a pass a commit asked for skips it.
   */
  private async pass(probe: boolean): Promise<PassResult> {
    const em = this.orm.em.fork();
    const table = qualifiedTable(em, OutboxEvent);
    if (probe && !(await executeIn(em, `select 1 from ${table} where published_at is null limit 1`)).length) return { published: 0, busy: false, failed: false };
    // Plain rows in and one update out: a burst of thousands of events never passes through the unit of work.
    return em.transactional(async (trx) => {
      if (!(await tryAdvisoryLock(trx, `outbox-relay:${this.schema}`))) return { published: 0, busy: true, failed: false };
      const rows = await executeIn<OutboxRow>(trx, `select sequence, event_id, type, entity, entity_id, version, occurred_at, payload, trace_parent from ${table} where published_at is null order by sequence limit ?`, [this.batchSize]);
      const sent: string[] = [];
      let failed = false;
      for (const row of rows) {
        try {
          const event: EventEnvelope = { id: row.event_id, type: row.type, entity: row.entity, entityId: row.entity_id, version: row.version, occurredAt: new Date(row.occurred_at).toISOString(), payload: row.payload, ...(row.trace_parent ? { traceparent: row.trace_parent } : {}) };
          await inEventSpan('event.publish', event, { 'db.namespace': this.schema }, () => this.bus.publish(event));
        } catch (error) {
          failed = true;
          this.observer?.publishFailed();
          await executeIn(trx, `update ${table} set attempts = attempts + 1 where sequence = ?`, [row.sequence]);
          if (this.failures === 0 || this.failures % 50 === 0) logger.warn({ err: error, schema: this.schema, pending: rows.length - sent.length }, 'event bus refused an event; the outbox keeps it and retries');
          break;
        }
        sent.push(String(row.sequence));
        this.observer?.published(row);
      }
      if (sent.length) await executeIn(trx, `update ${table} set published_at = now() where sequence = any(?::bigint[])`, [`{${sent.join(',')}}`]);
      return { published: sent.length, busy: false, failed };
    });
  }
}

/** An outbox row as the relay reads it. */
interface OutboxRow {
  sequence: string | number;
  event_id: string;
  type: string;
  entity: string;
  entity_id: string;
  version: number;
  occurred_at: string | Date;
  payload: Record<string, unknown>;
  trace_parent: string | null;
}

interface PassResult {
  published: number;
  /** another replica holds the relay lock */
  busy: boolean;
  /** the bus refused an event */
  failed: boolean;
}
