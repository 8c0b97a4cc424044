import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { tracingEnabled } from './provider';
import { SERVER_ATTRIBUTE, SERVER_KEY } from './server-attribute';
import { contextFromHeaders, tracer } from './spans';

/**
 * Runs `handle` inside the server span of one HTTP request to `server` (the gateway or a
 * subgraph): the span continues the caller's trace when the request carries a `traceparent`,
 * is the active span while the request runs (the GraphQL plugin renames it after the
 * operation), and ends when the response is done. With tracing off, just runs `handle`.
 */
export function inServerSpan<T>(server: string, req: IncomingMessage, res: ServerResponse, handle: () => T): T {
  if (!tracingEnabled()) return handle();
  const parent = contextFromHeaders((name) => req.headers[name]);
  // Behind `app.use('/graphql')` express has cut the mount path off req.url.
  const path = ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/').split('?')[0];
  const span = tracer().startSpan(
    `${req.method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { [SERVER_ATTRIBUTE]: server, 'http.request.method': req.method ?? 'GET', 'url.path': path } },
    parent,
  );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    span.end();
  });
  return context.with(trace.setSpan(parent, span).setValue(SERVER_KEY, server), handle);
}

/** {@link inServerSpan} as express middleware; nothing to mount when tracing is off. */
export function serverSpans(server: string): RequestHandler[] {
  if (!tracingEnabled()) return [];
  return [(req, res, next) => inServerSpan(server, req, res, next)];
}
