import { context, SpanKind, trace } from '@opentelemetry/api';
import { tracingEnabled } from './provider';
import { recordFailure, tracer } from './spans';

/** What MikroORM reports of a statement after it ran. */
export interface StatementReport {
  /** the SQL with `?` placeholders: MikroORM inlines values only with query-params debug logging, which production leaves off */
  query?: string;
  /** ms, as MikroORM measured it */
  took?: number;
  level?: string;
}

/** Longer statements are cut: a bulk insert's text can run to megabytes. */
const MAX_STATEMENT = 2000;

/**
 * A span for one SQL statement that has just finished, as a child of the span active where it
 * was sent (a resolver's, or a relay pass'). Made from MikroORM's query log rather than
 * by instrumenting `pg`: that sees the statement with its values inlined (MikroORM formats
 * them into the text), and require hooks do not reach modules loaded by Jest or swc-node.
 */
export function recordStatement(report: StatementReport, schema: string | undefined): void {
  // Outside any span (a background poll) a statement would be a trace of its own: noise.
  if (!tracingEnabled() || !report.query || !trace.getSpan(context.active())) return;
  const end = performance.timeOrigin + performance.now();
  const operation = /^\s*(\w+)/.exec(report.query)?.[1]?.toUpperCase() ?? 'SQL';
  const span = tracer().startSpan(`${operation}${schema ? ` ${schema}` : ''}`, {
    kind: SpanKind.CLIENT,
    startTime: end - (report.took ?? 0),
    attributes: {
      'db.system': 'postgresql',
      'db.operation.name': operation,
      ...(schema ? { 'db.namespace': schema } : {}),
      'db.query.text': report.query.length > MAX_STATEMENT ? `${report.query.slice(0, MAX_STATEMENT)}…` : report.query,
    },
  });
  if (report.level === 'error') recordFailure(span, new Error('statement failed'));
  span.end(end);
}
