import type { EntityManager } from '@mikro-orm/postgresql';
import { logger, tryAdvisoryLock, type SubgraphRuntime } from '@tradegraph/kit';
import { Connector, ConnectorStatus, SyncRun, SyncRunStatus } from '../entities';
import { recordRunUpdated } from './events';
import { syncMetrics } from './metrics';
import { enqueueRun, ensureQueue, WORKER_SCHEMA } from './queue';
import { syncRunStatus } from './run-status';

const log = logger.child({ subgraph: 'sync', component: 'recovery' });

/** Releases every job and queue lock these (dead) workers hold. Worker ids are graphile-worker's own (`worker-<hex>`). */
async function unlockWorkers(tx: EntityManager, workers: string[]): Promise<void> {
  await tx.getConnection().execute(`select ${WORKER_SCHEMA}.force_unlock_workers(?::text[])`, [`{${workers.join(',')}}`], 'run', tx.getTransactionContext());
}

/**
 * Frees jobs (and with them their connector's queue) locked longer than `staleAfterMs` whose run
 * is not RUNNING and has not beaten for as long: the worker finished the run, or never started
 * it, and died before telling graphile-worker (the process was killed, or PostgreSQL went away
 * as it recorded the outcome). Nothing would release them for 4 hours, and every later run of
 * that connector would wait. A worker still executing a run beats whatever the run's status (a
 * cancelled run), so its job is left alone. The run is found by the job's payload, since
 * `add_job` takes the key off a locked job when the run is queued again. A freed job runs again
 * and finds its run no longer QUEUED: it does nothing.
 */
async function releaseOrphanedLocks(tx: EntityManager, now: Date, staleAfterMs: number): Promise<void> {
  const connection = tx.getConnection();
  const orphaned = await connection.execute<{ locked_by: string }[]>(
    `select distinct j.locked_by from ${WORKER_SCHEMA}._private_jobs j
       left join sync.sync_run r on r.id::text = j.payload->>'runId'
      where j.locked_by is not null and j.locked_at < ?::timestamptz
        and (r.id is null or (r.status <> ? and coalesce(r.heartbeat_at, r.queued_at) < ?::timestamptz))`,
    [new Date(now.getTime() - staleAfterMs).toISOString(), SyncRunStatus.RUNNING, new Date(now.getTime() - staleAfterMs).toISOString()],
    'all',
    tx.getTransactionContext(),
  );
  if (!orphaned.length) return;
  const workers = orphaned.map((j) => j.locked_by);
  await unlockWorkers(tx, workers);
  log.warn({ workers }, 'released jobs held by workers that stopped after their run was over');
}

/**
 * Gives a job again to QUEUED runs that have none that will run: the attempt failed before the
 * run became RUNNING (the database went away as the worker read it), so graphile-worker spent
 * the job's only attempt, or a dead worker's job was just freed with its attempt spent. Without
 * this such a run (an order push) would wait forever. `add_job` on the same key resets the
 * job's attempts. Runs of a paused connector wait for resumeConnector, which queues them.
 */
async function requeueStranded(tx: EntityManager, now: Date, staleAfterMs: number): Promise<void> {
  const stranded = await tx.getConnection().execute<{ id: string; connector_id: string }[]>(
    `select r.id, r.connector_id from sync.sync_run r
       join sync.connector c on c.id = r.connector_id and c.status <> ?
       left join ${WORKER_SCHEMA}._private_jobs j on j.key = 'sync-run:' || r.id::text
      where r.status = ? and r.queued_at < ?::timestamptz and (r.next_attempt_at is null or r.next_attempt_at < ?::timestamptz)
        and (j.id is null or (j.locked_by is null and j.attempts >= j.max_attempts))
      for update of r skip locked`,
    [ConnectorStatus.PAUSED, SyncRunStatus.QUEUED, new Date(now.getTime() - staleAfterMs).toISOString(), now.toISOString()],
    'all',
    tx.getTransactionContext(),
  );
  for (const run of stranded) await enqueueRun(tx, { id: run.id, connectorId: run.connector_id });
  if (stranded.length) log.warn({ runIds: stranded.map((r) => r.id) }, 'queued runs whose job had spent its attempt got a job again');
}

/**
 * Finds RUNNING runs whose worker stopped beating (a crashed or killed process) and gives them
 * back to the queue: the dead worker's locks on its job and on the connector's queue are
 * released (graphile-worker would otherwise keep them for 4 hours), its job is removed, and the
 * run is QUEUED again with a fresh job — or FAILED when that was its last attempt; jobs whose
 * run is over but which a dead worker still holds are freed too, and QUEUED runs whose job
 * spent its attempt get one again. One replica
 * at a time (an advisory lock); each run's changes commit together.
 * @returns the ids of the runs it recovered
 */
export async function recoverLostRuns(runtime: SubgraphRuntime, staleAfterMs: number, now = new Date()): Promise<string[]> {
  await ensureQueue(runtime);
  const em = runtime.database.orm.em.fork();
  const failedForGood = new Set<string>();
  const recovered = await em.transactional(async (tx) => {
    if (!(await tryAdvisoryLock(tx, 'sync:recovery'))) return [];
    const lost = await tx.find(SyncRun, { status: SyncRunStatus.RUNNING, heartbeatAt: { $lt: new Date(now.getTime() - staleAfterMs) } }, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    for (const run of lost) {
      const key = `sync-run:${run.id}`;
      const jobs = await connection.execute<{ locked_by: string | null }[]>(`select locked_by from ${WORKER_SCHEMA}._private_jobs where key = ?`, [key], 'all', context);
      const workers = jobs.map((j) => j.locked_by).filter((w): w is string => !!w);
      if (workers.length) await unlockWorkers(tx, workers);
      await connection.execute(`select ${WORKER_SCHEMA}.remove_job(?)`, [key], 'run', context);
      const message = `the worker running it stopped (no heartbeat since ${run.heartbeatAt?.toISOString()})`;
      if (run.attempts < run.maxAttempts) {
        syncRunStatus.assert(run.status, SyncRunStatus.QUEUED);
        Object.assign(run, { status: SyncRunStatus.QUEUED, lastError: message, nextAttemptAt: null });
        recordRunUpdated(tx, run);
        await tx.flush();
        await enqueueRun(tx, run);
      } else {
        syncRunStatus.assert(run.status, SyncRunStatus.FAILED);
        Object.assign(run, { status: SyncRunStatus.FAILED, lastError: message, finishedAt: now });
        recordRunUpdated(tx, run);
        await tx.flush();
        failedForGood.add(run.id);
      }
      log.warn({ runId: run.id, workers, requeued: run.status === SyncRunStatus.QUEUED }, 'recovered a sync run whose worker was lost');
    }
    await releaseOrphanedLocks(tx, now, staleAfterMs);
    await requeueStranded(tx, now, staleAfterMs);
    return lost.map((r) => r.id);
  });
  if (recovered.length) runtime.relay?.nudge();
  await countRecovered(runtime, recovered, failedForGood);
  return recovered;
}

/** A lost worker's attempt failed; a run out of attempts is dead-lettered (metrics). */
async function countRecovered(runtime: SubgraphRuntime, runIds: string[], failedForGood: ReadonlySet<string>): Promise<void> {
  const metrics = syncMetrics(runtime);
  if (!metrics || !runIds.length) return;
  const em = runtime.database.orm.em.fork();
  for (const run of await em.find(SyncRun, { id: { $in: runIds } })) {
    const connector = await em.findOne(Connector, run.connectorId);
    if (!connector) continue;
    metrics.attemptFailed(connector, run);
    if (failedForGood.has(run.id) && run.status === SyncRunStatus.FAILED) metrics.finished(connector, run);
  }
}
