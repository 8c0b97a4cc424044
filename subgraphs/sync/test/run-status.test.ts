import { testTransitions } from '@tradegraph/kit/testing';
import { SyncRunStatus } from '../src/entities';
import { syncRunStatus } from '../src/services/run-status';

const { QUEUED, RUNNING, SUCCEEDED, FAILED } = SyncRunStatus;

describe('sync run lifecycle', () => {
  // QUEUED → RUNNING → outcomes, a retry back to QUEUED; only FAILED or CANCELLED runs are requeued.
  testTransitions(syncRunStatus, {
    allowed: [[QUEUED, RUNNING], [RUNNING, QUEUED], [FAILED, QUEUED]],
    refused: [[SUCCEEDED, QUEUED], [QUEUED, SUCCEEDED]],
  });

  it('a finished run is final; a queued one cannot skip running', () => {
    expect(() => syncRunStatus.assert(SUCCEEDED, QUEUED)).toThrow(/SUCCEEDED is final/);
    expect(() => syncRunStatus.assert(QUEUED, SUCCEEDED)).toThrow(/cannot go from QUEUED to SUCCEEDED/);
  });
});
