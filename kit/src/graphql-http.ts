import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import type { Logger } from 'pino';
import { ErrorCode } from './errors';

/** The largest GraphQL request body a subgraph reads, as express.json read before (entity fetches carry their representations). */
export const MAX_SUBGRAPH_BODY_BYTES = 5 * 1024 * 1024;

/** One header's value by its name in any case (the first, when repeated), as express's `req.header` reads it. */
export function headerOf(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** `application/json`, bare or with the only charset JSON is read in here. */
const JSON_UTF8 = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * True for what {@link serveGraphQLPost} answers: an uncompressed JSON POST (UTF-8) to exactly
 * `path` (query string allowed). Anything else (GET, other content types, charsets or
 * encodings, other paths) goes to the express app, as before.
 */
export function isGraphQLPost(req: http.IncomingMessage, path: string): boolean {
  if (req.method !== 'POST' || !req.url) return false;
  const url = req.url;
  if (!(url === path || url.startsWith(`${path}?`))) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type'];
  return typeof type === 'string' && JSON_UTF8.test(type);
}

/**
 * Answers one GraphQL POST straight on node:http: reads the body (up to `limit` bytes), parses
 * it, runs Apollo Server's own HTTP handling (CSRF check, parsing, validation and the document
 * cache, execution) and writes the answer in one `end`. It is what express, body-parser and
 * @as-integrations/express5 did for this route, without their per-request middleware stack,
 * router matching, ETag hashing and `res.send` content negotiation — a subgraph hop pays it on
 * every request the gateway plans. Malformed JSON is 400, a body over the limit 413, both as
 * JSON GraphQL errors.
 */
export async function serveGraphQLPost<C extends BaseContext>(
  server: ApolloServer<C>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  context: () => Promise<C>,
  limit = MAX_SUBGRAPH_BODY_BYTES,
): Promise<void> {
  const body = await readGraphQLBody(req, res, limit);
  if (body !== undefined) await answerGraphQLPost(server, req, res, body, context);
}

/**
 * The request's body parsed as JSON, or undefined once it has been answered: 413 over `limit`
 * bytes, 400 when it is not a JSON object or array (both as JSON GraphQL errors).
 */
export async function readGraphQLBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number): Promise<unknown> {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req, limit));
  } catch (error) {
    if (error instanceof BodyTooLargeError) sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${limit} bytes`);
    else sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    return undefined;
  }
  // as express.json (strict) refused them: before authentication and any budget is charged
  if (typeof body !== 'object' || body === null) {
    sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    return undefined;
  }
  return body;
}

/** Runs a parsed POST body through Apollo Server's HTTP handling and writes the answer. */
export async function answerGraphQLPost<C extends BaseContext>(server: ApolloServer<C>, req: http.IncomingMessage, res: http.ServerResponse, body: unknown, context: () => Promise<C>): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const query = req.url!.indexOf('?');
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : req.url!.slice(query), body },
    context,
  });
  await writeResponse(res, response);
}

async function writeResponse(res: http.ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * Runs `serve` for one request: an unexpected failure is logged and answered 500, or, once the
 * answer has begun, the socket is cut so that a truncated body never passes for a whole one.
 */
export function serveSafely(res: http.ServerResponse, log: Logger, serve: () => Promise<void>): void {
  serve().catch((error: unknown) => {
    log.error({ err: error }, 'graphql request failed');
    if (res.headersSent) res.destroy();
    else sendError(res, 500, ErrorCode.INTERNAL, 'Internal server error');
  });
}

/** Answers with one JSON GraphQL error (`extensions.code`), sized, in one write. */
export function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

class BodyTooLargeError extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new BodyTooLargeError());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError());
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
