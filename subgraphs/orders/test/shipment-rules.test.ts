import { testTransitions } from '@tradegraph/kit/testing';
import { ShipmentStatus } from '../src/entities';
import { shipmentStatus } from '../src/services/shipment-status';

const { SHIPPED, DELIVERED } = ShipmentStatus;

describe('shipment lifecycle', () => {
  testTransitions(shipmentStatus, {
    allowed: [[SHIPPED, DELIVERED]],
    refused: [[DELIVERED, SHIPPED], [DELIVERED, DELIVERED], [SHIPPED, SHIPPED]],
  });

  test('a delivered shipment is final', () => {
    expect(() => shipmentStatus.assert(DELIVERED, SHIPPED)).toThrow('Shipment cannot go from DELIVERED to SHIPPED');
  });
});
