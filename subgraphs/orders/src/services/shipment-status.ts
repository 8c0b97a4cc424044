import { StateMachine } from '@tradegraph/kit';
import { ShipmentStatus } from '../entities/shipment';

/** A shipment's lifecycle: the one table of allowed status moves. DELIVERED is final. */
export const shipmentStatus = new StateMachine<ShipmentStatus>('Shipment', {
  [ShipmentStatus.SHIPPED]: [ShipmentStatus.DELIVERED],
  [ShipmentStatus.DELIVERED]: [],
});
