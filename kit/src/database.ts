import { LRUCache } from 'lru-cache';
import { DefaultLogger, UniqueConstraintViolationException, type EntityClass, type LoggerOptions, type LogContext, type MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { conflict } from './errors';
import { logger } from './logger';
import { requestScope } from './request-scope';
import { recordStatement } from './tracing/sql';

/** Where a subgraph keeps its data: its own PostgreSQL schema, created and migrated at start. */
export interface DatabaseOptions {
  /** postgres://user:pass@host:port/db */
  url: string;
  /** the subgraph's own schema; nobody else reads it */
  schema: string;
  entities: EntityClass<unknown>[];
  /** the subgraph's migrations, in order; applied by {@link Database.migrate} */
  migrations: MigrationObject[];
  /** connection pool size (DATABASE_POOL_MAX) */
  poolMax?: number;
  /** told of every statement and its time (metrics) */
  observeStatement?: (sql: string, tookMs: number | undefined) => void;
}

/** How many requests' statement counts are kept (the oldest are forgotten first). */
const TRACKED_REQUESTS = 10_000;

/**
 * Counts the SQL statements MikroORM sends, in total and per request (the request is known
 * from {@link requestScope}), so tests can assert that a query costs a bounded number of
 * statements (no N+1) without counting background work; logs them at trace level.
 */
class CountingLogger extends DefaultLogger {
  statements = 0;
  readonly byRequest = new LRUCache<string, number>({ max: TRACKED_REQUESTS });
  /** told of every statement (metrics) */
  observe?: (sql: string, tookMs: number | undefined) => void;

  constructor(options: LoggerOptions, private readonly schema?: string) {
    super(options);
  }

  override logQuery(context: LogContext): void {
    this.statements++;
    this.observe?.(context.query ?? '', context.took);
    recordStatement(context, this.schema);
    const requestId = requestScope.getStore()?.requestId;
    if (requestId) {
      this.byRequest.set(requestId, (this.byRequest.get(requestId) ?? 0) + 1);
    }
    if (logger.isLevelEnabled('trace')) logger.trace({ sql: context.query, took: context.took, requestId }, 'sql');
  }
}

/** knex's own messages, into our log. */
const knexLog = {
  warn: (message: unknown) => logger.warn({ component: 'knex' }, String(message)),
  error: (message: unknown) => logger.error({ component: 'knex' }, String(message)),
  deprecate: (message: unknown) => logger.debug({ component: 'knex' }, String(message)),
  debug: (message: unknown) => logger.debug({ component: 'knex' }, String(message)),
};

/** One subgraph's connection to PostgreSQL through MikroORM. */
export class Database {
  private migrated = false;

  private constructor(readonly orm: MikroORM, private readonly counter: CountingLogger, readonly schema: string) {}

  /** Connects (lazily: the pool opens on the first query). */
  static async connect(options: DatabaseOptions): Promise<Database> {
    let counter: CountingLogger | undefined;
    const orm = await MikroORM.init({
      driver: PostgreSqlDriver,
      clientUrl: options.url,
      schema: options.schema,
      entities: options.entities,
      extensions: [Migrator],
      migrations: {
        migrationsList: options.migrations,
        tableName: 'mikro_orm_migrations',
        transactional: true,
        allOrNothing: true,
        snapshot: false,
        silent: true,
      },
      pool: { min: 0, max: options.poolMax ?? 10 },
      // knex reports a pooled connection the server dropped (a PostgreSQL restart) on the console;
      // such a connection is discarded and the next query opens a fresh one.
      driverOptions: { log: knexLog },
      forceUtcTimezone: true,
      // MikroORM's check that the database exists (and creating it) waits forever, with an
      // unhandled rejection, when PostgreSQL is down at start; the database is made by whoever
      // provides PostgreSQL (docker-compose, `npm start`, the tests), and a start that cannot
      // reach it now fails at the migration, naming the cause, for its supervisor to retry.
      ensureDatabase: false,
      allowGlobalContext: false,
      discovery: { warnWhenNoEntities: false },
      loggerFactory: (loggerOptions: LoggerOptions) => (counter = new CountingLogger(loggerOptions, options.schema)),
    });
    if (!counter) throw new Error('MikroORM did not create its logger');
    counter.observe = options.observeStatement;
    return new Database(orm, counter, options.schema);
  }

  /** How many SQL statements this connection has sent since it opened. */
  get statementCount(): number {
    return this.counter.statements;
  }

  /** How many SQL statements this connection sent for one request (by its x-request-id). */
  statementsFor(requestId: string): number {
    return this.counter.byRequest.get(requestId) ?? 0;
  }

  /** Applies pending migrations (in one transaction); safe to run from several processes. */
  async migrate(): Promise<void> {
    const connection = this.orm.em.getConnection();
    // Two replicas starting at once must not both migrate: serialise on an advisory lock.
    await connection.transactional(async (trx) => {
      await connection.execute('select pg_advisory_xact_lock(hashtext(?))', [`migrate:${this.schema}`], 'all', trx);
      await this.orm.getMigrator().up({ transaction: trx });
    });
    this.migrated = true;
  }

  /** True when the database answers and this process has applied its migrations. */
  async isReady(): Promise<boolean> {
    if (!this.migrated) return false;
    try {
      await this.orm.em.getConnection().execute('select 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.orm.close(true);
  }
}

/** The schema-qualified, quoted table name of an entity, for the few hand-written SQL statements. */
export function qualifiedTable(em: { getMetadata(): { get(name: string): { tableName: string; schema?: string } }; config: { get(key: 'schema'): string | undefined } }, entity: { name: string }): string {
  const meta = em.getMetadata().get(entity.name);
  const schema = meta.schema && meta.schema !== '*' ? meta.schema : em.config.get('schema');
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}

/**
 * Flushes, turning a unique-constraint violation into a CONFLICT error that names the field,
 * so a duplicate key reads as the client's mistake and not as a server fault.
 */
export async function flushOrConflict(em: { flush(): Promise<void> }, message: string, field: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(message, { field });
    throw error;
  }
}

/**
 * Takes a transaction-scoped PostgreSQL advisory lock on `key` (`pg_advisory_xact_lock(hashtext(key))`):
 * calls that share the key run one after another, across processes, until the transaction ends.
 * `em` must be inside a transaction.
 */
export async function advisoryLock(em: EntityManager, key: string): Promise<void> {
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [key], 'all', em.getTransactionContext());
}

/** Like {@link advisoryLock}, but returns false at once when another transaction holds the key. */
export async function tryAdvisoryLock(em: EntityManager, key: string): Promise<boolean> {
  const [{ locked }] = await em.getConnection().execute('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [key], 'all', em.getTransactionContext());
  return Boolean(locked);
}
