import { StateMachine } from '@tradegraph/kit';
import { CustomerStatus } from '../entities/customer';

/** The customer lifecycle: the one table of allowed status moves. */
export const customerStatus = new StateMachine<CustomerStatus>('Customer', {
  [CustomerStatus.ACTIVE]: [CustomerStatus.SUSPENDED, CustomerStatus.ARCHIVED],
  [CustomerStatus.SUSPENDED]: [CustomerStatus.ACTIVE, CustomerStatus.ARCHIVED],
  [CustomerStatus.ARCHIVED]: [],
});
