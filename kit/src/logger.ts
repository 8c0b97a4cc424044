import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import { envString } from './env';

export type { Logger };

/**
 * The process-wide JSON logger. Each request gets a child carrying its `requestId`, so a
 * line in a subgraph's log can be matched with the gateway's line for the same request.
 */
export const logger: Logger = pino({
  level: envString('LOG_LEVEL', process.env.JEST_WORKER_ID ? 'silent' : 'info'),
  base: { service: envString('SERVICE_NAME', 'tradegraph') },
  timestamp: pino.stdTimeFunctions.isoTime,
  // A line written while a span is recording names its trace, to find the trace from the log and back.
  mixin() {
    const span = trace.getActiveSpan();
    if (!span?.isRecording()) return {};
    const { traceId, spanId } = span.spanContext();
    return { trace_id: traceId, span_id: spanId };
  },
  redact: { paths: ['req.headers.authorization', '*.password', '*.token', '*.secret'], censor: '[redacted]' },
});
