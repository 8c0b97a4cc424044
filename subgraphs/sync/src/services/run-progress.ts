import type { EntityManager } from '@mikro-orm/postgresql';
import { SyncRunError, SyncRunStatus, type SyncRun } from '../entities';
import { ProgressThrottle, recordRunUpdated } from './events';
import type { BatchOutcome } from './inbound';

/** Thrown out of a run's work when somebody cancelled the run; the runner then stops quietly. */
export class RunCancelled extends Error {}

/**
 * A run's counters, shared by its concurrent batches. Changes and their flush happen in one
 * serialised step: a change made while another flush is under way would be taken for flushed
 * and lost. Each step beats the heartbeat and, when the throttle allows, records progress.
 */
export class RunProgress {
  private last: Promise<void> = Promise.resolve();
  private readonly throttle = new ProgressThrottle();
  private calls = 0;

  constructor(private readonly em: EntityManager, readonly run: SyncRun, private readonly nudge: () => void = () => undefined) {}

  /** Adds a batch's outcome (or just checks for cancellation when `outcome` is null). @throws RunCancelled */
  add(offered: number, outcome: BatchOutcome | null): Promise<void> {
    this.last = this.last.catch(() => undefined).then(async () => {
      const { run } = this;
      if (outcome) {
        run.total += offered;
        run.processed += offered;
        run.created += outcome.created;
        run.updated += outcome.updated;
        run.unchanged += outcome.unchanged;
        run.conflicts += outcome.conflicts;
        run.failed += outcome.failed.length;
        for (const failure of outcome.failed) this.em.create(SyncRunError, { runId: run.id, externalId: failure.externalId, message: failure.message.slice(0, 2000), occurredAt: new Date() });
      }
      run.heartbeatAt = new Date();
      const report = this.throttle.due();
      if (report) recordRunUpdated(this.em, run);
      await this.em.flush();
      if (report) this.nudge();
      await checkCancelled(this.em, run.id);
    });
    return this.last;
  }

  /**
   * The request id of the run's next gateway call, `sync-run:<runId>:<attempt>:<n>`: the audit
   * entries products and customers write for what the run applies carry it, so each names the
   * run (a retried run counts its attempts from 1 again: only the run id part is guaranteed).
   */
  requestId(): string {
    return `sync-run:${this.run.id}:${this.run.attempts}:${++this.calls}`;
  }

  /** Resolves when every step has run. */
  async settled(): Promise<void> {
    await this.last.catch(() => undefined);
  }
}

/** Throws RunCancelled when somebody cancelled the run since it started. */
async function checkCancelled(em: EntityManager, runId: string): Promise<void> {
  const rows = await em.getConnection().execute<{ status: SyncRunStatus }[]>('select status from sync.sync_run where id = ?', [runId]);
  if (rows[0]?.status === SyncRunStatus.CANCELLED) throw new RunCancelled();
}
