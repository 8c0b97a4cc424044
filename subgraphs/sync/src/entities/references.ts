import { entityReference } from '@tradegraph/kit';

/** The products subgraph's Product, as far as sync needs it: the key to hang `externalRefs` on. */
export const Product = entityReference('Product');
export type Product = InstanceType<typeof Product>;

/** The customers subgraph's Customer: the key to hang `externalRefs` on. */
export const Customer = entityReference('Customer');
export type Customer = InstanceType<typeof Customer>;

/** The orders subgraph's Order: the key to hang `externalRefs` on. */
export const Order = entityReference('Order');
export type Order = InstanceType<typeof Order>;
