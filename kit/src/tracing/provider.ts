import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ServerAttributeProcessor } from './server-attribute';

let provider: NodeTracerProvider | undefined;

/** Whether this process records spans: checked before any span work, so that tracing off costs nothing. */
export function tracingEnabled(): boolean {
  return provider !== undefined;
}

export interface TracingOptions {
  /** where spans go (tests: an InMemorySpanExporter); default: OTLP over HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set */
  exporter?: SpanExporter;
}

/**
 * Starts tracing for the whole process, once, before any server starts: W3C trace context,
 * spans batched to the OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT, or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
 * sampled as OTEL_TRACES_SAMPLER says (default: every trace). Without an endpoint or an
 * exporter (or with OTEL_SDK_DISABLED=true) nothing is registered: the API's no-op tracer stays
 * and no span is made.
 * @returns whether tracing is on
 */
export function startTracing(options: TracingOptions = {}): boolean {
  if (provider) return true;
  const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!options.exporter && (!endpoint || process.env.OTEL_SDK_DISABLED === 'true')) return false;
  // One process may hold several servers (`npm start`, the tests): each span also names its
  // server (`tradegraph.server`); the resource names the process.
  const serviceName = process.env.OTEL_SERVICE_NAME || process.env.SERVICE_NAME || 'tradegraph';
  provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': serviceName }),
    spanProcessors: [
      new ServerAttributeProcessor(),
      // A test's exporter sees each span as it ends; production batches them off the request path.
      options.exporter ? new SimpleSpanProcessor(options.exporter) : new BatchSpanProcessor(new OTLPTraceExporter()),
    ],
  });
  // AsyncLocalStorage context and the W3C trace context alone: no baggage, which would pass a
  // client's `baggage` header on to every subgraph and service we call.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return true;
}

/** Sends the spans still buffered and unregisters the provider (at shutdown, and between tests). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  if (!stopping) return;
  provider = undefined;
  await stopping.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}
