import { StateMachine } from '@tradegraph/kit';
import { VisitStatus } from '../entities/visit';

/** The visit lifecycle: the one table of allowed status moves. */
export const visitStatus = new StateMachine<VisitStatus>('Visit', {
  [VisitStatus.PLANNED]: [VisitStatus.IN_PROGRESS, VisitStatus.CANCELLED, VisitStatus.MISSED],
  [VisitStatus.IN_PROGRESS]: [VisitStatus.COMPLETED],
  [VisitStatus.COMPLETED]: [],
  [VisitStatus.CANCELLED]: [],
  [VisitStatus.MISSED]: [],
});
