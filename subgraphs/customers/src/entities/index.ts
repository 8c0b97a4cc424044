export * from './customer';

import { OutboxEvent } from '@tradegraph/kit';
import { Customer, CustomerStatusChange } from './customer';

/** Every MikroORM entity of the customers subgraph; OutboxEvent turns on kit's event relay. */
export const entities = [Customer, CustomerStatusChange, OutboxEvent];
