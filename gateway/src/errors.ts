import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler } from 'express';
import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type ParseOptions } from 'graphql';
import { formatError, isProduction, logger } from '@tradegraph/kit';

/** graphql-js ends a message with its suggestion; messages joined by newlines carry one per line. */
const SUGGESTION = / ?Did you mean [^\n]*\?(?=\n|$)/g;

/**
 * The message without graphql-js's `Did you mean "name"?` in production (or `always`, for
 * partners, whose typos would otherwise be answered with names outside the public schema):
 * suggestions spell out the schema, field by field, to anyone probing with typos.
 */
export function withoutSuggestions(message: string, always = false): string {
  return always || isProduction() ? message.replace(SUGGESTION, '') : message;
}

/** The gateway's `formatError`: kit's (codes kept, internals masked), then {@link withoutSuggestions}. */
export function formatClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const shaped = formatError(formatted, error);
  return { ...shaped, message: withoutSuggestions(shaped.message) };
}

/**
 * Parses and validates a realtime client's document and picks its operation, answering each
 * failure the way HTTP does: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT.
 */
export function checkDocument(schema: GraphQLSchema | undefined, query: string | null | undefined, operationName: string | null | undefined, parseOptions?: ParseOptions): DocumentNode | GraphQLError[] {
  if (!schema) return [new GraphQLError('The gateway has no supergraph loaded yet', { extensions: { code: 'UNAVAILABLE' } })];
  let document: DocumentNode;
  try {
    document = parse(query ?? '', parseOptions);
  } catch (error) {
    const parseError = error instanceof GraphQLError ? error : undefined;
    return [new GraphQLError(parseError?.message ?? 'The document could not be parsed', { source: parseError?.source, positions: parseError?.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const errors = validationErrors(schema, document);
  if (errors.length) return errors;
  if (!getOperationAST(document, operationName)) return [unknownOperation(operationName)];
  return document;
}

/** graphql-js's validation errors with a code, and without suggestions in production. */
export function validationErrors(schema: GraphQLSchema, document: DocumentNode): GraphQLError[] {
  return validate(schema, document).map((e) => new GraphQLError(withoutSuggestions(e.message), { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
}

function unknownOperation(operationName: string | null | undefined): GraphQLError {
  const message = operationName
    ? `The document has no operation named "${operationName}"`
    : 'The document has several operations: name the one to run in operationName';
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/**
 * Refuses a request whose operation cannot be picked (several and no `operationName`, or an
 * unknown name), or that is a subscription, as the client's mistake; the gateway's executor
 * would throw either as a 500.
 */
export function operationChoicePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) throw unknownOperation(request.operationName);
          if (operation.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over graphql-ws on this URL or over SSE at /graphql/stream, not over plain HTTP', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
        },
      };
    },
  };
}

/**
 * Answers a body the JSON parser refused (malformed, too large, a charset it cannot read) as a
 * GraphQL error body, never Express's HTML page with its stack trace.
 */
export function httpErrorHandler(maxBodyBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number; statusCode?: number }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error?.status ?? error?.statusCode ?? 500;
    let answer: { status: number; code: string; message: string };
    if (error?.type === 'entity.too.large') {
      answer = { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than the limit of ${maxBodyBytes} bytes` };
    } else if (error?.type === 'entity.parse.failed') {
      answer = { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };
    } else if (status >= 400 && status < 500) {
      answer = { status, code: 'BAD_REQUEST', message: 'The request body could not be read' };
    } else {
      logger.error({ err: error }, 'unexpected error in the HTTP layer');
      answer = { status: 500, code: 'INTERNAL', message: 'Internal server error' };
    }
    res.status(answer.status).json({ errors: [{ message: answer.message, extensions: { code: answer.code } }] });
  };
}
