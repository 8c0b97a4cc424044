import type { ApolloServerPlugin } from '@apollo/server';
import { context, trace, type Span } from '@opentelemetry/api';
import type { GraphQLSchema } from 'graphql';
import { wrapRootResolvers } from '../root-resolvers';
import { tracingEnabled } from './provider';
import { recordFailure, tracer } from './spans';

/** A child span of the request's span for one phase (parse, validate), ended by the hook Apollo calls when it is done. */
function phase(name: string): (error?: unknown) => Promise<void> {
  const span = tracer().startSpan(name);
  return async (error) => {
    const failed = Array.isArray(error) ? error[0] : error;
    if (failed) recordFailure(span, failed);
    span.end();
  };
}

/**
 * Apollo Server plugin: names the request's server span after the operation (`query Name`),
 * spans parsing and validation, and — with `traceIdExtension` (the gateway) — puts the trace
 * id into the response's `extensions.traceId`, for a client to quote in a report.
 * Nothing to add when tracing is off.
 */
export function tracingPlugins<C extends object>(options: { traceIdExtension?: boolean } = {}): ApolloServerPlugin<C>[] {
  if (!tracingEnabled()) return [];
  return [
    {
      async requestDidStart() {
        const span: Span | undefined = trace.getActiveSpan();
        if (!span?.isRecording()) return;
        return {
          async parsingDidStart() {
            return phase('graphql.parse');
          },
          async validationDidStart() {
            return phase('graphql.validate');
          },
          async didResolveOperation({ operation, operationName }) {
            if (!operation) return;
            span.updateName(`${operation.operation} ${operationName ?? 'anonymous'}`);
            span.setAttributes({ 'graphql.operation.type': operation.operation, ...(operationName ? { 'graphql.operation.name': operationName } : {}) });
          },
          async willSendResponse({ response }) {
            if (!options.traceIdExtension || response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, traceId: span.spanContext().traceId };
          },
        };
      },
    },
  ];
}

/** The distinct `__typename`s of an `_entities` call, e.g. `Product,Warehouse`. */
function typenamesOf(args: Record<string, unknown>): string {
  const representations = (args.representations ?? []) as { __typename?: string }[];
  return [...new Set(representations.map((r) => r.__typename))].join(',');
}

const tracedSchemas = new WeakSet<GraphQLSchema>();

/**
 * Wraps the root fields of `schema` (every Query and Mutation field, `_entities` included: the
 * entity resolution the gateway asks for) in a span that is active while the resolver runs,
 * so the SQL it sends nests under it. Nested fields get none: a span per field would cost
 * more than the work most of them do. Does nothing when tracing is off.
 */
export function traceRootFields(schema: GraphQLSchema): GraphQLSchema {
  // A definition's schema is built once per process and shared by its restarts and replicas: wrap it once.
  if (!tracingEnabled() || tracedSchemas.has(schema)) return schema;
  tracedSchemas.add(schema);
  wrapRootResolvers(schema, (type, field) => {
    const name = `resolve ${type.name}.${field.name}`;
    return (args, call) => {
      const attributes = { 'graphql.field.path': `${type.name}.${field.name}`, ...(field.name === '_entities' ? { 'graphql.entities.types': typenamesOf(args) } : {}) };
      return tracer().startActiveSpan(name, { attributes }, context.active(), (span) =>
        call((failed, error) => {
          if (failed) recordFailure(span, error);
          span.end();
        }),
      );
    };
  });
  return schema;
}
