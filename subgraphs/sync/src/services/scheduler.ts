import { logger, tryAdvisoryLock, type SubgraphRuntime } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Connector, ConnectorStatus, SyncMode, SyncRun, SyncRunStatus, SyncTrigger } from '../entities';
import { syncSettingsOf } from '../settings';
import { enqueueRun, ensureQueue } from './queue';

const log = logger.child({ subgraph: 'sync', component: 'scheduler' });

/** The interval of a schedule like "5m", in ms; null for cron expressions (not scheduled yet). */
export function intervalOf(schedule: string | null): number | null {
  const match = /^(1|5|15|30)m$/.exec(schedule ?? '');
  return match ? Number(match[1]) * 60_000 : null;
}

/**
 * Queues a SCHEDULE run for every polling connector (mode POLLING or BOTH, not paused) whose
 * interval has passed since its last scheduled run and that has no run queued or running.
 * One replica at a time (a transaction-scoped advisory lock); the run and its job commit together.
 * @returns how many runs it queued
 */
export async function queueDueRuns(runtime: SubgraphRuntime, now = new Date()): Promise<number> {
  await ensureQueue(runtime);
  const em = runtime.database.orm.em.fork() as EntityManager;
  return em.transactional(async (tx) => {
    if (!(await tryAdvisoryLock(tx, 'sync:scheduler'))) return 0;
    const connectors = await tx.find(Connector, { status: { $ne: ConnectorStatus.PAUSED }, mode: { $in: [SyncMode.POLLING, SyncMode.BOTH] }, pollingSchedule: { $ne: null } });
    let queued = 0;
    for (const connector of connectors) {
      const interval = intervalOf(connector.pollingSchedule);
      if (interval === null) continue;
      if (await tx.count(SyncRun, { connectorId: connector.id, status: { $in: [SyncRunStatus.QUEUED, SyncRunStatus.RUNNING] } })) continue;
      const last = await tx.findOne(SyncRun, { connectorId: connector.id, trigger: SyncTrigger.SCHEDULE }, { orderBy: { queuedAt: 'desc' } });
      if (last && now.getTime() - last.queuedAt.getTime() < interval) continue;
      const run = tx.create(SyncRun, { connectorId: connector.id, trigger: SyncTrigger.SCHEDULE, entities: connector.entities, maxAttempts: syncSettingsOf(runtime.settings).maxAttempts, queuedAt: now });
      tx.persist(run);
      await tx.flush();
      await enqueueRun(tx as EntityManager, run);
      queued++;
    }
    if (queued) log.debug({ queued }, 'queued scheduled sync runs');
    return queued;
  });
}
