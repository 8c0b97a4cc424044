import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { GraphQLError } from 'graphql';
import { DomainError, sqlState } from '../errors';
import { tracingEnabled } from './provider';

/** Every span of ours comes from this tracer; which server made it is an attribute (server-attribute.ts). */
export const tracer = () => trace.getTracer('tradegraph');

/**
 * Marks the span failed. Spans leave the process, so the status message is the error's own text
 * only for a DomainError (written for clients); any other error's text may hold SQL with its
 * values or a remote service's words, so it is described by its class and code (SQLSTATE or
 * `extensions.code`) alone. Never the stack.
 */
export function recordFailure(span: Span, error: unknown): void {
  const type = error instanceof Error ? error.name : typeof error;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (error instanceof DomainError || original instanceof DomainError) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (original ?? error as Error).message });
  } else {
    const extensionsCode = error instanceof GraphQLError ? error.extensions.code : undefined;
    const code = sqlState(error) ?? sqlState(original) ?? (typeof extensionsCode === 'string' ? extensionsCode : undefined);
    span.setStatus({ code: SpanStatusCode.ERROR, message: code ? `${type} ${code}` : type });
  }
  span.setAttribute('error.type', type);
}

/**
 * Runs `work` inside a span named `name` (the active one while it runs, so spans made inside
 * are its children), ended when the work settles. With tracing off, just runs the work.
 */
export function traced<T>(name: string, attributes: Attributes, work: () => Promise<T>, kind: SpanKind = SpanKind.INTERNAL, parent?: Context): Promise<T> {
  if (!tracingEnabled()) return work();
  return tracer().startActiveSpan(name, { kind, attributes }, parent ?? context.active(), async (span) => {
    try {
      return await work();
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds the active trace's W3C headers (`traceparent`, `tracestate`) to an outgoing request's headers. */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  if (!tracingEnabled()) return;
  propagation.inject(context.active(), undefined, { set: (_carrier, name, value) => set(name, value) });
}

/** The only headers read or written: W3C trace context (provider.ts registers no other propagator). */
const TRACE_HEADERS = ['traceparent', 'tracestate'];

/** The trace context a `traceparent` (and `tracestate`) names, for work that continues it. */
export function contextFromHeaders(get: (name: string) => string | string[] | undefined): Context {
  return propagation.extract(context.active(), undefined, {
    get: (_carrier, name) => (TRACE_HEADERS.includes(name) ? get(name) : undefined),
    keys: () => TRACE_HEADERS,
  });
}

/** The active span's W3C `traceparent`, to carry in a message (an outbox event) rather than a header. */
export function currentTraceparent(): string | undefined {
  if (!tracingEnabled()) return undefined;
  let traceparent: string | undefined;
  injectTraceContext((name, value) => {
    if (name === 'traceparent') traceparent = value;
  });
  return traceparent;
}

/** The active trace's id (32 hex digits), when a span is recording. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}
