import { SpanKind, type Attributes } from '@opentelemetry/api';
import type { EventEnvelope } from '../events/outbox';
import { tracingEnabled } from './provider';
import { contextFromHeaders, traced } from './spans';

/**
 * Runs `work` for one event — the relay publishing it (`event.publish`), a subscription
 * delivering it (`event.deliver`) — in a span that continues the trace of the request that
 * wrote the event, so that trace shows where its events went. An event written outside any
 * trace gets no span. `attributes` say where it happens (`tradegraph.server`, or the relay's schema).
 */
export function inEventSpan<T>(step: 'event.publish' | 'event.deliver', event: Pick<EventEnvelope, 'type' | 'entity' | 'traceparent'>, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  if (!tracingEnabled() || !event.traceparent) return work();
  const parent = contextFromHeaders((name) => (name === 'traceparent' ? event.traceparent : undefined));
  return traced(
    `${step} ${event.type}`,
    { ...attributes, 'messaging.operation.type': step === 'event.publish' ? 'publish' : 'process', 'messaging.destination.name': event.entity, 'tradegraph.event.type': event.type },
    work,
    step === 'event.publish' ? SpanKind.PRODUCER : SpanKind.CONSUMER,
    parent,
  );
}
