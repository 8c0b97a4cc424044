export * from './order';
export * from './references';

import { OutboxEvent } from '@tradegraph/kit';
import { Order, OrderLine, OrderPlacement, OrderStatusChange, PaymentTransaction } from './order';

/** Every MikroORM entity of the orders subgraph (OutboxEvent turns on the event relay). */
export const entities = [Order, OrderLine, OrderStatusChange, PaymentTransaction, OrderPlacement, OutboxEvent];
