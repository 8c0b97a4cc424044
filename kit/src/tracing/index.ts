export { startTracing, stopTracing, tracingEnabled, type TracingOptions } from './provider';
export { contextFromHeaders, currentTraceId, currentTraceparent, injectTraceContext, recordFailure, traced, tracer } from './spans';
export { inServerSpan, serverSpans } from './http';
export { traceRootFields, tracingPlugins } from './graphql';
export { recordStatement } from './sql';
export { inEventSpan } from './events';
export { inJobSpan } from './jobs';
export { SERVER_ATTRIBUTE } from './server-attribute';
