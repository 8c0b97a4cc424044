import { context, type Attributes } from '@opentelemetry/api';
import { tracingEnabled } from './provider';
import { SERVER_ATTRIBUTE, SERVER_KEY } from './server-attribute';
import { traced } from './spans';

/**
 * Runs one background job of `server` (a sync run, a sweep) as a trace of its own, its SQL and
 * its calls through the gateway below it. With tracing off, just runs it.
 */
export function inJobSpan<T>(server: string, name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  if (!tracingEnabled()) return work();
  return traced(name, { ...attributes, [SERVER_ATTRIBUTE]: server }, work, undefined, context.active().setValue(SERVER_KEY, server));
}
