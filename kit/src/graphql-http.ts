import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';

/** The largest GraphQL request body a subgraph reads, as express.json read before (entity fetches carry their representations). */
export const MAX_SUBGRAPH_BODY_BYTES = 5 * 1024 * 1024;

/**
 * True for what {@link serveGraphQLPost} answers: an uncompressed JSON POST to exactly `path`
 * (query string allowed). Anything else (GET, other content types or encodings, other paths)
 * goes to the express app, as before.
 */
export function isGraphQLPost(req: http.IncomingMessage, path: string): boolean {
  if (req.method !== 'POST' || !req.url) return false;
  const url = req.url;
  if (!(url === path || url.startsWith(`${path}?`))) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type'];
  return typeof type === 'string' && /^application\/json\s*(;|$)/i.test(type);
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
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req, limit));
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError;
    sendError(res, tooLarge ? 413 : 400, tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', tooLarge ? 'The request body is too large' : 'The request body is not valid JSON');
    return;
  }
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
