import { Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import { bounded, type ServiceMetrics } from '@tradegraph/kit';
import type { GatewayRequestMetrics } from './requests';
import { operationIn, SUBSCRIPTION_FIELDS } from './labels';

/** Why a client subscription ended, from the code of its last result (else how it ended). */
const END_REASON_BY_CODE: Record<string, string> = {
  SUBSCRIBER_TOO_SLOW: 'subscriber_too_slow',
  CURSOR_EXPIRED: 'cursor_expired',
  SCHEMA_CHANGED: 'schema_changed',
  SHUTTING_DOWN: 'shutting_down',
  UNAUTHENTICATED: 'unauthenticated',
};

export type Transport = 'ws' | 'sse';

/** The root field a subscription document selects (the `field` label), `other` when not one of the schema's. */
function subscriptionField(document: DocumentNode, operationName: string | null | undefined): string {
  const first = operationIn(document, operationName)?.selectionSet.selections[0];
  return bounded(SUBSCRIPTION_FIELDS, first?.kind === Kind.FIELD ? first.name.value : undefined);
}

/**
 * Client subscriptions (graphql-ws and SSE alike): open now, events delivered, how each ended.
 * Each is counted once in `tradegraph_gateway_requests_total` when it is accepted or refused.
 */
export class SubscriptionMetrics {
  private readonly open;
  private readonly events;
  private readonly ended;
  private readonly dropped;

  constructor(metrics: ServiceMetrics, private readonly requests: GatewayRequestMetrics) {
    this.open = metrics.gauge({ name: 'tradegraph_gateway_subscriptions_open', help: 'Client subscriptions open now', labelNames: ['transport', 'field'] });
    this.events = metrics.counter({ name: 'tradegraph_gateway_subscription_events_total', help: 'Events delivered to clients (one per client per event)', labelNames: ['field'] });
    this.ended = metrics.counter({ name: 'tradegraph_gateway_subscriptions_ended_total', help: 'Client subscriptions that ended, by why', labelNames: ['field', 'end_reason'] });
    this.dropped = metrics.counter({ name: 'tradegraph_gateway_subscription_events_dropped_total', help: 'Events queued for a client that never reached it because its subscription ended', labelNames: ['field', 'end_reason'] });
  }

  /** Counts a subscribe and, when accepted, follows the subscription it opened until it ends. */
  track(
    transport: Transport,
    request: { document: DocumentNode; operationName?: string | null; clientKind: string },
    result: AsyncIterableIterator<ExecutionResult> | ExecutionResult,
  ): AsyncIterableIterator<ExecutionResult> | ExecutionResult {
    const accepted = Symbol.asyncIterator in result;
    this.requests.count('subscription', request.operationName ?? operationIn(request.document, undefined)?.name?.value, accepted ? 'success' : 'rejected', request.clientKind);
    if (!accepted) {
      if (result.errors) this.requests.countErrors(result.errors);
      return result;
    }
    const field = subscriptionField(request.document, request.operationName);
    const source = result;
    const open = this.open.labels(transport, field);
    const delivered = this.events.labels(field);
    open.inc();
    let lastCode: string | undefined;
    let ended = false;
    const end = (how: string): string | undefined => {
      if (ended) return undefined;
      ended = true;
      open.dec();
      const reason = (lastCode && END_REASON_BY_CODE[lastCode]) || how;
      this.ended.inc({ field, end_reason: reason });
      return reason;
    };
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      next: async () => {
        let step: IteratorResult<ExecutionResult>;
        try {
          step = await source.next();
        } catch (error) {
          end('error');
          throw error;
        }
        if (step.done) end('completed');
        else if (step.value.errors?.length) lastCode = step.value.errors[0].extensions?.code as string | undefined;
        else delivered.inc();
        return step;
      },
      return: async () => {
        // What the client's queue (kit's BoundedQueue, read straight by graphql-ws) still held is never delivered.
        const held = (source as { size?: unknown }).size;
        const reason = end('client_closed');
        if (reason && typeof held === 'number' && held > 0) this.dropped.inc({ field, end_reason: reason }, held);
        return (await source.return?.()) ?? { done: true, value: undefined };
      },
      throw: async (error: unknown) => {
        end('error');
        if (source.throw) return source.throw(error);
        throw error;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
