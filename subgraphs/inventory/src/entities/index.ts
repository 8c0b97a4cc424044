export * from './reservation';
export * from './stock-level';
export * from './stock-movement';
export * from './warehouse';
export * from './references';

import { OutboxEvent } from '@tradegraph/kit';
import { Reservation, ReservationAllocation, ReservationShipment } from './reservation';
import { StockLevel } from './stock-level';
import { StockMovement } from './stock-movement';
import { Warehouse } from './warehouse';

/** Every MikroORM entity of the inventory subgraph; OutboxEvent turns on kit's event relay. */
export const entities = [Warehouse, StockLevel, StockMovement, Reservation, ReservationAllocation, ReservationShipment, OutboxEvent];
