import type { Database } from '../database';
import { logger } from '../logger';
import { OutboxEvent } from '../events/outbox';
import { qualifiedTable } from '../database';
import { SQL_BUCKETS, type ServiceMetrics } from './registry';

/** Times one SQL statement: `sql` its text, `tookMs` what MikroORM measured. */
export type StatementObserver = (sql: string, tookMs: number | undefined) => void;

type Verb = 'select' | 'insert' | 'update' | 'delete' | 'other';

/** The statement's verb from its first letters, without copying the text (it runs per statement). */
function verbOf(sql: string): Verb {
  let i = 0;
  while (i < sql.length && sql.charCodeAt(i) <= 32) i++;
  const c = sql.charCodeAt(i) | 0x20; // lower case
  const word = (w: string) => sql.length >= i + w.length && sql.substr(i, w.length).toLowerCase() === w;
  if (c === 0x73) return word('select') ? 'select' : 'other';
  if (c === 0x69) return word('insert') ? 'insert' : 'other';
  if (c === 0x75) return word('update') ? 'update' : 'other';
  if (c === 0x64) return word('delete') ? 'delete' : 'other';
  return 'other';
}

/** `tradegraph_db_query_duration_seconds` and `tradegraph_db_queries_total`, fed by the Database's query logger. */
export function statementObserver(metrics: ServiceMetrics): StatementObserver {
  const duration = metrics.histogram({ name: 'tradegraph_db_query_duration_seconds', help: 'One SQL statement (MikroORM/knex), by verb', labelNames: ['statement'], buckets: SQL_BUCKETS });
  const count = metrics.counter({ name: 'tradegraph_db_queries_total', help: 'SQL statements sent, by verb', labelNames: ['statement'] });
  // One child per verb, bound once: a statement costs an observe and an inc, no label lookups.
  const byVerb = Object.fromEntries((['select', 'insert', 'update', 'delete', 'other'] as const).map((verb) => [verb, { duration: duration.labels(verb), count: count.labels(verb) }])) as Record<Verb, { duration: ReturnType<typeof duration.labels>; count: ReturnType<typeof count.labels> }>;
  return (sql, tookMs) => {
    const child = byVerb[verbOf(sql)];
    child.count.inc();
    if (tookMs !== undefined) child.duration.observe(tookMs / 1000);
  };
}

/** knex's connection pool (tarn), as far as it is read here. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/** `tradegraph_db_pool_connections` and `tradegraph_db_pool_max`, read from the pool at each scrape. */
export function poolGauges(metrics: ServiceMetrics, database: Database): void {
  const pool = (): TarnPool | undefined => (database.orm.em.getKnex().client as { pool?: TarnPool }).pool;
  metrics.gauge({
    name: 'tradegraph_db_pool_connections',
    help: "The process's PostgreSQL pool now, by state (pending: requests waiting for a connection)",
    labelNames: ['state'],
    collect() {
      const p = pool();
      if (!p) return;
      this.set({ state: 'used' }, p.numUsed());
      this.set({ state: 'idle' }, p.numFree());
      this.set({ state: 'pending' }, p.numPendingAcquires());
    },
  });
  metrics.gauge({
    name: 'tradegraph_db_pool_max',
    help: "The pool's size (DATABASE_POOL_MAX)",
    collect() {
      const p = pool();
      if (p) this.set(p.max);
    },
  });
}

/**
 * `tradegraph_outbox_lag_seconds` and `tradegraph_outbox_pending_events`: one statement per
 * scrape over the unpublished events (the `published_at, sequence` index), shared by both
 * gauges (prom-client collects them concurrently); a scrape while the database is down keeps
 * the last values.
 */
export function outboxGauges(metrics: ServiceMetrics, database: Database): void {
  let reading: Promise<{ pending: number; lag: number } | undefined> | undefined;
  const read = () =>
    (reading ??= (async () => {
      try {
        const em = database.orm.em.fork();
        const [row] = await em.getConnection().execute<{ pending: number; lag: number | string | null }[]>(
          `select count(*)::int as pending, extract(epoch from now() - min(occurred_at))::float8 as lag from ${qualifiedTable(em, OutboxEvent)} where published_at is null`,
        );
        return { pending: row?.pending ?? 0, lag: Math.max(0, Number(row?.lag ?? 0)) };
      } catch (error) {
        logger.debug({ err: error }, 'outbox lag could not be read');
        return undefined;
      } finally {
        reading = undefined;
      }
    })());
  metrics.gauge({
    name: 'tradegraph_outbox_lag_seconds',
    help: 'Age of the oldest outbox event not yet published (0 when none waits)',
    async collect() {
      const row = await read();
      if (row) this.set(row.lag);
    },
  });
  metrics.gauge({
    name: 'tradegraph_outbox_pending_events',
    help: 'Outbox events not yet published',
    async collect() {
      const row = await read();
      if (row) this.set(row.pending);
    },
  });
}
