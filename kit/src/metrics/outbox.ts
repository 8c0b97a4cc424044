import type { RelayObserver } from '../events/relay';
import type { ServiceMetrics } from './registry';
import { bounded } from './registry';
import { domainCounters } from './domain';

/** The event catalogue (docs/events.md): the `event` label's values. */
const EVENTS = new Set([
  'stock.changed', 'stock.low', 'reservation.created', 'reservation.committed', 'reservation.released', 'reservation.expired',
  'order.placed', 'order.status_changed', 'visit.planned', 'visit.status_changed', 'payment.recorded', 'sync_run.updated', 'connector.status_changed',
]);

/** `tradegraph_outbox_published_total` (relay throughput), `tradegraph_outbox_publish_errors_total` and the service's domain counters. */
export function relayMetrics(metrics: ServiceMetrics): RelayObserver {
  const published = metrics.counter({ name: 'tradegraph_outbox_published_total', help: 'Events the relay handed to the bus', labelNames: ['event'] });
  const failed = metrics.counter({ name: 'tradegraph_outbox_publish_errors_total', help: 'Relay publish attempts that failed; the events wait and are retried' });
  const domain = domainCounters(metrics);
  return {
    published(event) {
      published.inc({ event: bounded(EVENTS, event.type) });
      domain?.(event);
    },
    publishFailed: () => failed.inc(),
  };
}
