import { CronExpressionParser } from 'cron-parser';
import { logger, tryAdvisoryLock, type SubgraphRuntime } from '@tradegraph/kit';
import { Connector, ConnectorStatus, SyncMode, SyncRun, SyncRunStatus, SyncTrigger } from '../entities';
import { syncSettingsOf } from '../settings';
import { enqueueRun, ensureQueue } from './queue';

const log = logger.child({ subgraph: 'sync', component: 'scheduler' });

/** The interval of a schedule like "5m", in ms; null for cron expressions. */
export function intervalOf(schedule: string | null): number | null {
  const match = /^(1|5|15|30)m$/.exec(schedule ?? '');
  return match ? Number(match[1]) * 60_000 : null;
}

/**
 * The moment a connector's schedule last came due at or before `now`: `now` minus the
 * interval for "5m"-style schedules; the latest tick of a five-field cron expression (in UTC).
 * A run queued before it is stale, so a new one is due. Null when the schedule is not valid.
 */
export function lastDue(schedule: string, now: Date): Date | null {
  const interval = intervalOf(schedule);
  if (interval !== null) return new Date(now.getTime() - interval);
  try {
    return CronExpressionParser.parse(schedule, { currentDate: new Date(now.getTime() + 1), tz: 'UTC' }).prev().toDate();
  } catch {
    return null;
  }
}

/** True for the schedules a connector accepts: 1m, 5m, 15m, 30m or a valid five-field cron expression. */
export function isPollingSchedule(value: string): boolean {
  if (intervalOf(value) !== null) return true;
  if (value.trim().split(/\s+/).length !== 5) return false;
  return lastDue(value, new Date()) !== null;
}

/**
 * Queues a SCHEDULE run for every polling connector (mode POLLING or BOTH, not paused) whose
 * schedule came due since its last scheduled run and that has no run queued or running.
 * One replica at a time (a transaction-scoped advisory lock); the run and its job commit together.
 * @returns how many runs it queued
 */
export async function queueDueRuns(runtime: SubgraphRuntime, now = new Date()): Promise<number> {
  await ensureQueue(runtime);
  const em = runtime.database.orm.em.fork();
  return em.transactional(async (tx) => {
    if (!(await tryAdvisoryLock(tx, 'sync:scheduler'))) return 0;
    const connectors = await tx.find(Connector, { status: { $ne: ConnectorStatus.PAUSED }, mode: { $in: [SyncMode.POLLING, SyncMode.BOTH] }, pollingSchedule: { $ne: null } });
    let queued = 0;
    for (const connector of connectors) {
      const due = lastDue(connector.pollingSchedule!, now);
      if (due === null) continue;
      if (await tx.count(SyncRun, { connectorId: connector.id, status: { $in: [SyncRunStatus.QUEUED, SyncRunStatus.RUNNING] } })) continue;
      const last = await tx.findOne(SyncRun, { connectorId: connector.id, trigger: SyncTrigger.SCHEDULE }, { orderBy: { queuedAt: 'desc' } });
      if (last && last.queuedAt > due) continue;
      const run = tx.create(SyncRun, { connectorId: connector.id, trigger: SyncTrigger.SCHEDULE, entities: connector.entities, maxAttempts: syncSettingsOf(runtime.settings).maxAttempts, queuedAt: now });
      tx.persist(run);
      await tx.flush();
      await enqueueRun(tx, run);
      queued++;
    }
    if (queued) log.debug({ queued }, 'queued scheduled sync runs');
    return queued;
  });
}
