import { SyncRunStatus } from '../src/entities';
import { syncRunStatus } from '../src/services/run-status';

describe('sync run lifecycle', () => {
  it('allows QUEUED → RUNNING → outcomes, a retry back to QUEUED, and requeues only FAILED or CANCELLED runs', () => {
    expect(syncRunStatus.can(SyncRunStatus.QUEUED, SyncRunStatus.RUNNING)).toBe(true);
    expect(syncRunStatus.can(SyncRunStatus.RUNNING, SyncRunStatus.QUEUED)).toBe(true);
    expect(syncRunStatus.can(SyncRunStatus.FAILED, SyncRunStatus.QUEUED)).toBe(true);
    expect(() => syncRunStatus.assert(SyncRunStatus.SUCCEEDED, SyncRunStatus.QUEUED)).toThrow(/SUCCEEDED is final/);
    expect(() => syncRunStatus.assert(SyncRunStatus.QUEUED, SyncRunStatus.SUCCEEDED)).toThrow(/cannot go from QUEUED to SUCCEEDED/);
  });
});
