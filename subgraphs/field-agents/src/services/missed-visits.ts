import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Visit, VisitStatus } from '../entities';
import { recordVisitTransition } from './visits';

/**
 * The missed-visit sweep: PLANNED visits scheduled more than `missedAfterMinutes` ago become
 * MISSED. Batches are taken with `for update skip locked`, so replicas sweeping at once share
 * the work, and a visit being started right now is left to that call.
 * @returns how many visits were marked
 */
export async function markMissedVisits(em: EntityManager, options: { missedAfterMinutes: number; now?: Date; batchSize?: number; limit?: number }): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.missedAfterMinutes * 60_000);
  const batchSize = options.batchSize ?? 100;
  const limit = options.limit ?? 5000;
  const reason = `not started within ${options.missedAfterMinutes} minutes of its scheduled time`;
  let marked = 0;
  while (marked < limit) {
    const count = await em.fork().transactional(async (trx) => {
      const visits = await trx.find(
        Visit,
        { status: VisitStatus.PLANNED, scheduledAt: { $lt: cutoff } },
        { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { scheduledAt: 'asc', id: 'asc' }, limit: batchSize, refresh: true },
      );
      for (const visit of visits) recordVisitTransition(trx, visit, VisitStatus.MISSED, 'system:missed-visits', reason);
      return visits.length;
    });
    marked += count;
    if (count < batchSize) break;
  }
  return marked;
}
