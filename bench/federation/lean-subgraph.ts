/**
 * A demo subgraph served lean: node:http, one JSON.parse of the body, the parsed and validated
 * document cached per query text, graphql-js `execute` over the schema @apollo/subgraph's
 * buildSubgraphSchema built (so it is a real federation subgraph: `_entities`, `_service`),
 * errors formatted as Apollo Server formats them (every error gets an `extensions.code`,
 * INTERNAL_SERVER_ERROR when it has none; no stack traces). Both gateways of the benchmark
 * call the same subgraphs; in production they run on other hosts, so what they cost here is
 * CPU the gateways under test would otherwise be denied on a small machine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';

interface Body {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** Apollo Server 4's error shape: message, locations, path, extensions with a code. */
function formatError(error: GraphQLError): Record<string, unknown> {
  const json = error.toJSON() as unknown as Record<string, unknown>;
  json.extensions = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
  return json;
}

function answer(res: http.ServerResponse, status: number, result: ExecutionResult | { errors: Record<string, unknown>[] }): void {
  const body = JSON.stringify('errors' in result && result.errors ? { ...result, errors: (result.errors as (GraphQLError | Record<string, unknown>)[]).map((e) => (e instanceof GraphQLError ? formatError(e) : e)) } : result);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Serves `schema` on a loopback port; the returned URL ends with `/`. */
export async function serveLean(schema: GraphQLSchema): Promise<{ url: string; close(): Promise<void> }> {
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const documentOf = (query: string): DocumentNode | readonly GraphQLError[] => {
    let known = documents.get(query);
    if (!known) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        known = errors.length ? errors : document;
      } catch (error) {
        known = [error as GraphQLError];
      }
      if (documents.size < 1000) documents.set(query, known);
    }
    return known;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: Body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body;
      } catch {
        return answer(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
      const document = documentOf(body.query ?? '');
      if (!('kind' in document)) return answer(res, 400, { errors: [...document] });
      void Promise.resolve(execute({ schema, document, variableValues: body.variables, operationName: body.operationName })).then(
        (result) => answer(res, 200, result),
        (error: Error) => answer(res, 500, { errors: [formatError(new GraphQLError(error.message))] }),
      );
    });
  });
  // Idle connections outlive both gateways' client pools (stock's agent, our 4 s): with Node's
  // 5 s default a gateway reuses a socket the subgraph is closing, and the reset costs a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
