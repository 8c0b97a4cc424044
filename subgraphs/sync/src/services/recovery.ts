import { logger, tryAdvisoryLock, type SubgraphRuntime } from '@tradegraph/kit';
import { SyncRun, SyncRunStatus } from '../entities';
import { recordRunUpdated } from './events';
import { enqueueRun, ensureQueue, WORKER_SCHEMA } from './queue';
import { syncRunStatus } from './run-status';

const log = logger.child({ subgraph: 'sync', component: 'recovery' });

/**
 * Finds RUNNING runs whose worker stopped beating (a crashed or killed process) and gives them
 * back to the queue: the dead worker's locks on its job and on the connector's queue are
 * released (graphile-worker would otherwise keep them for 4 hours), its job is removed, and the
 * run is QUEUED again with a fresh job — or FAILED when that was its last attempt. One replica
 * at a time (an advisory lock); each run's changes commit together.
 * @returns the ids of the runs it recovered
 */
export async function recoverLostRuns(runtime: SubgraphRuntime, staleAfterMs: number, now = new Date()): Promise<string[]> {
  await ensureQueue(runtime);
  const em = runtime.database.orm.em.fork();
  const recovered = await em.transactional(async (tx) => {
    if (!(await tryAdvisoryLock(tx, 'sync:recovery'))) return [];
    const lost = await tx.find(SyncRun, { status: SyncRunStatus.RUNNING, heartbeatAt: { $lt: new Date(now.getTime() - staleAfterMs) } }, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    for (const run of lost) {
      const key = `sync-run:${run.id}`;
      const jobs = await connection.execute<{ locked_by: string | null }[]>(`select locked_by from ${WORKER_SCHEMA}._private_jobs where key = ?`, [key], 'all', context);
      const workers = jobs.map((j) => j.locked_by).filter((w): w is string => !!w);
      if (workers.length) await connection.execute(`select ${WORKER_SCHEMA}.force_unlock_workers(?::text[])`, [`{${workers.join(',')}}`], 'run', context);
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
      }
      log.warn({ runId: run.id, workers, requeued: run.status === SyncRunStatus.QUEUED }, 'recovered a sync run whose worker was lost');
    }
    return lost.map((r) => r.id);
  });
  if (recovered.length) runtime.relay?.nudge();
  return recovered;
}
