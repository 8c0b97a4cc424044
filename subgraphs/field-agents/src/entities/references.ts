import { entityReference } from '@tradegraph/kit';

/** The customers subgraph's Customer, as far as field-agents needs it: the key, to hang territory, agent and visits on. */
export const Customer = entityReference('Customer');
export type Customer = InstanceType<typeof Customer>;
