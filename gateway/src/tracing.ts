import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SpanKind, trace } from '@opentelemetry/api';
import { operationTypeOf, traced, tracer, tracingEnabled } from '@tradegraph/kit';

/**
 * Runs one request to a subgraph inside a `subgraph.fetch <name>` span, the active one while
 * it is sent, so the data source injects its `traceparent` and the subgraph's server span
 * becomes its child. Both query-plan executors send through the data source, so both get it.
 */
export function tracedFetch<T>(subgraph: string, options: GraphQLDataSourceProcessOptions<object>, send: () => Promise<T>): Promise<T> {
  // Only inside a traced request: a health check on its own would be a trace of one span.
  if (!tracingEnabled() || !trace.getActiveSpan()) return send();
  return traced(
    `subgraph.fetch ${subgraph}`,
    {
      'graphql.subgraph.name': subgraph,
      'graphql.operation.type': operationTypeOf(options.request.query, options.request.operationName) ?? 'query',
      ...(options.request.operationName ? { 'graphql.operation.name': options.request.operationName } : {}),
    },
    send,
    SpanKind.CLIENT,
  );
}

/**
 * Starts the `graphql.plan` span of one operation (finding its query plan in the plan store, or
 * planning it); the function it returns ends it, saying whether the store had the plan.
 */
export function planSpan(): (cached: boolean) => void {
  if (!tracingEnabled()) return () => undefined;
  const span = tracer().startSpan('graphql.plan');
  return (cached) => {
    span.setAttribute('graphql.plan.cached', cached);
    span.end();
  };
}
