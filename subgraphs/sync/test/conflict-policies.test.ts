import { ConflictPolicy, ConflictResolution } from '../src/entities';
import { decideConflict } from '../src/services/inbound';

describe('conflict policies', () => {
  const older = '2026-01-01T00:00:00Z';
  const newer = '2026-06-01T00:00:00Z';

  it('SOURCE_WINS and SUPERGRAPH_WINS pick their side whatever the times', () => {
    expect(decideConflict(ConflictPolicy.SOURCE_WINS, older, newer)).toEqual({ winner: ConflictResolution.SOURCE, by: 'policy:SOURCE_WINS' });
    expect(decideConflict(ConflictPolicy.SUPERGRAPH_WINS, newer, older)).toEqual({ winner: ConflictResolution.SUPERGRAPH, by: 'policy:SUPERGRAPH_WINS' });
  });

  it('NEWEST_WINS compares the two updated-at times; an undated source wins', () => {
    expect(decideConflict(ConflictPolicy.NEWEST_WINS, newer, older)).toMatchObject({ winner: ConflictResolution.SOURCE });
    expect(decideConflict(ConflictPolicy.NEWEST_WINS, older, newer)).toMatchObject({ winner: ConflictResolution.SUPERGRAPH });
    expect(decideConflict(ConflictPolicy.NEWEST_WINS, null, newer)).toMatchObject({ winner: ConflictResolution.SOURCE });
  });

  it('MANUAL leaves it open', () => {
    expect(decideConflict(ConflictPolicy.MANUAL, newer, older)).toEqual({ winner: null });
  });
});
