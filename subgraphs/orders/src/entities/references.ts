import { entityReference, Money } from '@tradegraph/kit';

/**
 * The customers subgraph's Customer, as far as orders needs it: the key, to hang `orders` on,
 * and its credit limit (`@external`), which `credit` requires.
 */
export const Customer = entityReference<{ creditLimit: Money }>('Customer', { external: { creditLimit: () => Money } });
export type Customer = InstanceType<typeof Customer>;

/** The products subgraph's Product, referenced from order lines. */
export const Product = entityReference('Product');
export type Product = InstanceType<typeof Product>;

/** The field-agents subgraph's FieldAgent, as far as orders needs it: the key, to hang `orders` and `sales` on. */
export const FieldAgent = entityReference('FieldAgent');
export type FieldAgent = InstanceType<typeof FieldAgent>;
