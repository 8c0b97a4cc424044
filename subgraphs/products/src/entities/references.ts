import { entityReference } from '@tradegraph/kit';

/** The customers subgraph's Customer, as far as products needs it: the key, to hang `priceList` on. */
export const Customer = entityReference('Customer');
export type Customer = InstanceType<typeof Customer>;
