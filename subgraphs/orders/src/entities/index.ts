export * from './order';
export * from './credit-override';
export * from './order-line';
export * from './order-status-change';
export * from './payment-transaction';
export * from './order-placement';
export * from './shipment';
export * from './references';

import { OutboxEvent } from '@tradegraph/kit';
import { Order } from './order';
import { OrderLine } from './order-line';
import { OrderPlacement } from './order-placement';
import { OrderStatusChange } from './order-status-change';
import { PaymentTransaction } from './payment-transaction';
import { Shipment, ShipmentLine } from './shipment';

/** Every MikroORM entity of the orders subgraph (OutboxEvent turns on the event relay). */
export const entities = [Order, OrderLine, OrderStatusChange, PaymentTransaction, OrderPlacement, Shipment, ShipmentLine, OutboxEvent];
