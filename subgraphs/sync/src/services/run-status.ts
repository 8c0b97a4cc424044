import { StateMachine } from '@tradegraph/kit';
import { SyncRunStatus as S } from '../entities/enums';

/**
 * A sync run's lifecycle. RUNNING → QUEUED is a retry after a retryable failure (with a
 * backoff); FAILED is the dead letter, which retrySyncRun (or a cancelled run's retry) queues again.
 */
export const syncRunStatus = new StateMachine<S>('SyncRun', {
  [S.QUEUED]: [S.RUNNING, S.CANCELLED],
  [S.RUNNING]: [S.SUCCEEDED, S.PARTIALLY_SUCCEEDED, S.FAILED, S.CANCELLED, S.QUEUED],
  [S.SUCCEEDED]: [],
  [S.PARTIALLY_SUCCEEDED]: [],
  [S.FAILED]: [S.QUEUED],
  [S.CANCELLED]: [S.QUEUED],
});

/** States a run ends in (until somebody retries it). */
export const FINAL_STATES: readonly S[] = [S.SUCCEEDED, S.PARTIALLY_SUCCEEDED, S.FAILED, S.CANCELLED];
