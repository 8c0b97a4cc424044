/**
 * The job queue: graphile-worker 0.16 on the same PostgreSQL (schema `sync_worker`).
 *
 * Why graphile-worker: it is a well-kept PostgreSQL queue whose jobs are rows added by a SQL
 * function (`add_job`), so a webhook receipt and its job commit in one transaction of ours, and
 * the embedded default runs the same code; it wakes on LISTEN/NOTIFY, so a job starts within
 * milliseconds, and locks with SKIP LOCKED, so any number of replicas share the work. It runs
 * here under Node 20 with CommonJS and @swc-node/register. (Its newest release, 0.18, and
 * pg-boss ≥ 11 require Node 22; pg-boss 10 has no enqueue inside a caller's transaction
 * without handing it a client wrapper.)
 *
 * Retries are ours, not graphile-worker's (its backoff is a fixed exp(attempt) without jitter
 * and knows nothing of Retry-After): each job runs once (max_attempts 1); a retryable failure
 * queues the run again with `run_at` = now + {@link retryDelayMs}, under the job key
 * `sync-run:<id>` so there is never more than one pending job per run.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { logger, type BackgroundJob, type SubgraphRuntime } from '@tradegraph/kit';
import { Logger, run, runMigrations, type Runner } from 'graphile-worker';
import { Pool } from 'pg';

export const WORKER_SCHEMA = 'sync_worker';
export const SYNC_RUN_TASK = 'sync-run';

const log = logger.child({ subgraph: 'sync', component: 'worker' });
const workerLogger = new Logger(() => (level, message, meta) => {
  if (level === 'error') log.error(meta ?? {}, message);
  else if (level === 'warning') log.warn(meta ?? {}, message);
  else log.debug(meta ?? {}, message);
});

const migrated = new WeakMap<object, Promise<void>>();

/** The PostgreSQL URL the subgraph's database was opened with. */
export function connectionStringOf(runtime: Pick<SubgraphRuntime, 'database'>): string {
  return runtime.database.orm.config.get<'clientUrl', string>('clientUrl');
}

/** Creates (once per database) graphile-worker's schema, so jobs can be added before the worker runs. */
export function ensureQueue(runtime: Pick<SubgraphRuntime, 'database'>): Promise<void> {
  let done = migrated.get(runtime.database);
  if (!done) {
    done = runMigrations({ connectionString: connectionStringOf(runtime), schema: WORKER_SCHEMA, logger: workerLogger });
    migrated.set(runtime.database, done);
    done.catch(() => migrated.delete(runtime.database));
  }
  return done;
}

/**
 * Adds (or replaces) the job that runs `run`, inside `em`'s transaction when there is one:
 * it commits or rolls back with the caller's rows. Jobs of one connector share a named queue,
 * which graphile-worker runs one job at a time: a connector's runs never overlap, and its
 * webhooks apply in the order they arrived. Call {@link ensureQueue} first.
 */
export async function enqueueRun(em: EntityManager, run: { id: string; connectorId: string }, runAt: Date | null = null): Promise<void> {
  await em.getConnection().execute(
    `select ${WORKER_SCHEMA}.add_job(identifier => ?, payload => json_build_object('runId', ?::text), queue_name => ?, run_at => ?::timestamptz, max_attempts => 1, job_key => ?)`,
    [SYNC_RUN_TASK, run.id, `connector:${run.connectorId}`, runAt ? runAt.toISOString() : null, `sync-run:${run.id}`],
    'all',
    em.getTransactionContext(),
  );
}

/** Removes a run's pending job (a cancelled run); a job already running is not touched. */
export async function dequeueRun(em: EntityManager, runId: string): Promise<void> {
  await em.getConnection().execute(`select ${WORKER_SCHEMA}.remove_job(?)`, [`sync-run:${runId}`], 'all', em.getTransactionContext());
}

/**
 * graphile-worker's runner as one of the subgraph's background jobs: started and stopped with the
 * subgraph. graphile-worker 0.16 gives up a worker that could not record its job's outcome (the
 * database went away mid-job) and never replaces it, so with every worker gone the queue would
 * stall until a restart: a fresh runner takes over then (the job itself is recovered as a lost
 * run), and the old one is stopped.
 */
export class QueueWorker implements BackgroundJob {
  private runner?: Promise<Runner | undefined>;
  private readonly retiring = new Set<Promise<void>>();
  private stopped = false;
  private replacing = false;
  /** ends the wait between two attempts to start (on stop) */
  private wake?: () => void;

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly options: { concurrency: number; pollIntervalMs: number },
    private readonly perform: (runId: string) => Promise<void>,
  ) {}

  start(): this {
    this.runner = this.startRunner();
    return this;
  }

  /** Resolves when the worker is listening for jobs. */
  async ready(): Promise<void> {
    await this.runner;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    const runner = await this.runner;
    await Promise.all([runner && stopRunner(runner), ...this.retiring]);
  }

  /** Starts a runner, trying again (1 s, doubling up to 30 s) while the database cannot be reached. */
  private async startRunner(): Promise<Runner | undefined> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        return await this.runOnce();
      } catch (error) {
        log.error({ err: error, attempt }, 'the sync worker could not start; trying again');
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, Math.min(1000 * 2 ** attempt, 30_000)).unref();
        });
      }
    }
    return undefined;
  }

  private runOnce(): Promise<Runner> {
    return ensureQueue(this.runtime)
      .then(async () => {
        const pool = workerPool(connectionStringOf(this.runtime), this.options.concurrency);
        const runner = await run({
          pgPool: pool,
          schema: WORKER_SCHEMA,
          concurrency: this.options.concurrency,
          pollInterval: this.options.pollIntervalMs,
          noHandleSignals: true,
          logger: workerLogger,
          taskList: { [SYNC_RUN_TASK]: async (payload) => this.perform(String((payload as { runId: string }).runId)) },
        }).catch(async (error: unknown) => {
          // Not started (the database is away): its pool would otherwise stay open, one per attempt.
          await pool.end().catch(() => undefined);
          throw error;
        });
        runner.events.on('worker:fatalError', () => this.replace(runner));
        pools.set(runner, pool);
        return runner;
      });
  }

  private replace(old: Runner): void {
    if (this.stopped || this.replacing) return;
    this.replacing = true;
    log.warn('a sync worker died (the database went away mid-job); a fresh runner takes over');
    const retired = stopRunner(old);
    this.retiring.add(retired);
    void retired.finally(() => this.retiring.delete(retired));
    this.runner = this.startRunner();
    void this.runner.finally(() => (this.replacing = false));
  }
}

const pools = new WeakMap<Runner, Pool>();

/**
 * The connections of one runner, ours rather than graphile-worker's: when it stops a pool of its
 * own, it takes its 'error' listener off before the pool's last connections are gone, and a
 * connection that PostgreSQL then terminates (a restart) is an 'error' nobody listens to, which
 * ends the process. This pool keeps its listener until {@link stopRunner} has ended it.
 */
function workerPool(connectionString: string, concurrency: number): Pool {
  // Its workers, the LISTEN connection and the periodic lock reset; 10 is graphile-worker's own default.
  const pool = new Pool({ connectionString, max: Math.max(10, concurrency + 2) });
  pool.on('error', (error) => log.warn({ err: error }, 'an idle sync worker connection failed'));
  pool.on('connect', (client) => client.on('error', (error) => log.debug({ err: error }, 'a sync worker connection failed')));
  return pool;
}

/** Stops a runner and waits for it to let go of its connections, then closes them. */
async function stopRunner(runner: Runner): Promise<void> {
  await runner.stop().catch(() => undefined);
  // stop() resolves before the runner has released its connections; its promise settles after.
  await runner.promise.catch(() => undefined);
  await pools.get(runner)?.end().catch(() => undefined);
}
