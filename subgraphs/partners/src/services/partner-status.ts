import { StateMachine } from '@tradegraph/kit';
import { PartnerStatus } from '../entities/partner';

/** The partner lifecycle: the one table of allowed status moves. */
export const partnerStatus = new StateMachine<PartnerStatus>('Partner', {
  [PartnerStatus.ACTIVE]: [PartnerStatus.SUSPENDED],
  [PartnerStatus.SUSPENDED]: [PartnerStatus.ACTIVE],
});
