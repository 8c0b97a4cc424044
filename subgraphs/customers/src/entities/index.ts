export * from './customer';

import { Customer, CustomerStatusChange } from './customer';

/** Every MikroORM entity of the customers subgraph. */
export const entities = [Customer, CustomerStatusChange];
