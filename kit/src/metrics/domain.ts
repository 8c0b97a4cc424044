import { bounded, type ServiceMetrics } from './registry';

const MOVEMENT_TYPES = new Set(['RECEIPT', 'SHIPMENT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'TRANSFER_OUT', 'TRANSFER_IN', 'RETURN']);
const ORDER_STATUSES = new Set(['PENDING', 'PROCESSING', 'COMPLETED', 'REFUNDED', 'CANCELLED']);

type EventCounter = (event: { type: string; payload: Record<string, unknown> }) => void;

/**
 * The domain counters (deploy/METRICS.md, "Domain counters"), counted from the events the
 * service's relay publishes: an event is written in the same transaction as the change, once
 * per change (a repeated idempotency key writes none), so counting it is counting the change,
 * with no counting code in the services. The count lands on the replica that relays (one at a
 * time holds the relay lock): sum over replicas. Only the service that owns the events has them.
 */
const BY_SERVICE: Record<string, (metrics: ServiceMetrics) => EventCounter> = {
  orders(metrics) {
    const placed = metrics.counter({ name: 'tradegraph_orders_placed_total', help: 'Orders written by placeOrder' });
    const moves = metrics.counter({ name: 'tradegraph_order_status_changes_total', help: 'Order status moves, by the new status', labelNames: ['to'] });
    return ({ type, payload }) => {
      if (type === 'order.placed') placed.inc();
      else if (type === 'order.status_changed') moves.inc({ to: bounded(ORDER_STATUSES, payload.to as string) });
    };
  },
  inventory(metrics) {
    const movements = metrics.counter({ name: 'tradegraph_stock_movements_total', help: 'Stock ledger rows written, by movement type', labelNames: ['movement_type'] });
    return ({ type, payload }) => {
      // A policy change (safety stock, reorder point) is a stock.changed without a movement.
      if (type === 'stock.changed' && payload.movementType) movements.inc({ movement_type: bounded(MOVEMENT_TYPES, payload.movementType as string) });
    };
  },
  'field-agents'(metrics) {
    const completed = metrics.counter({ name: 'tradegraph_visits_completed_total', help: 'Visits completed' });
    return ({ type, payload }) => {
      if (type === 'visit.status_changed' && payload.to === 'COMPLETED') completed.inc();
    };
  },
};

export function domainCounters(metrics: ServiceMetrics): EventCounter | undefined {
  return BY_SERVICE[metrics.service]?.(metrics);
}
