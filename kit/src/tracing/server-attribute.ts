import { createContextKey, type Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The context key under which a server span leaves its server's name for every span below it. */
export const SERVER_KEY = createContextKey('tradegraph.server');

/** The span attribute naming the server (gateway or subgraph) a span was made in. */
export const SERVER_ATTRIBUTE = 'tradegraph.server';

/**
 * Stamps every span — ours, Apollo's gateway spans, SQL — with the server it belongs to, read
 * from the context it starts in: with every server in one process, the resource's
 * `service.name` cannot tell them apart.
 */
export class ServerAttributeProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const server = parentContext.getValue(SERVER_KEY);
    if (typeof server === 'string' && span.attributes[SERVER_ATTRIBUTE] === undefined) span.setAttribute(SERVER_ATTRIBUTE, server);
  }

  onEnd(_span: ReadableSpan): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
