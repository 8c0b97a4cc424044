/**
 * The gateway's two ways into Apollo's pipeline answer alike: a plain JSON POST to /graphql is
 * served on node:http itself, anything else (a compressed body, a charset other than UTF-8)
 * through the express chain. The same request sent both ways gets the same status, headers
 * and body, refusals included.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
const MAX_BODY_BYTES = 64 * 1024;

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products'], gateway: { maxBodyBytes: MAX_BODY_BYTES } });
  admin = await stack.token('ADMIN');
});
afterAll(() => stack?.stop());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** POSTs `body` to the gateway; `gzip` sends it compressed (content-encoding: gzip). */
function post(body: string | Buffer, headers: Record<string, string>, gzip = false): Promise<Answer> {
  const url = new URL(stack.gatewayUrl);
  const raw = typeof body === 'string' ? Buffer.from(body) : body;
  const payload = gzip ? gzipSync(raw) : raw;
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-length': String(payload.length), ...(gzip ? { 'content-encoding': 'gzip' } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** What must not differ between the two paths. */
function shape(answer: Answer) {
  const { status, headers, body } = answer;
  return {
    status,
    contentType: headers['content-type'],
    cacheControl: headers['cache-control'],
    vary: headers.vary,
    requestId: headers['x-request-id'],
    rateLimit: headers['ratelimit-policy'],
    body: JSON.parse(body) as unknown,
  };
}

const query = (text: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query: text, ...extra });
const json = { 'content-type': 'application/json' };

describe('POST /graphql on node:http and through express', () => {
  const list = '{ products(first: 2) { edges { node { sku } } } }';
  // name, body, headers, status, whether the answer carries the request id (refusals of the body itself come before it)
  const cases: [string, () => string, () => Record<string, string>, number, boolean][] = [
    ['a query', () => query(list), () => ({ authorization: `Bearer ${admin}` }), 200, true],
    ['a validation error (200 in application/json)', () => query('{ nope }'), () => ({ authorization: `Bearer ${admin}` }), 200, true],
    ['the same in application/graphql-response+json (400)', () => query('{ nope }'), () => ({ authorization: `Bearer ${admin}`, accept: 'application/graphql-response+json' }), 400, true],
    ['an invalid token (401)', () => query(list), () => ({ authorization: 'Bearer not-a-token' }), 401, true],
    ['a persisted-query hash that does not match the text (400)', () => query(list, { extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('something else').digest('hex') } } }), () => ({}), 400, true],
    ['a body that is not JSON (400)', () => '{"query": ', () => ({}), 400, false],
    ['a JSON body that is no object, refused before authentication (400, not 401)', () => '123', () => ({ authorization: 'Bearer not-a-token' }), 400, false],
    ['a body over the limit (413)', () => query(`${list} # ${'x'.repeat(MAX_BODY_BYTES)}`), () => ({}), 413, false],
  ];

  it.each(cases)('%s: the same status, headers and body both ways', async (_name, body, headers, status, carriesRequestId) => {
    const requestId = `gateway-http-${Math.random().toString(36).slice(2)}`;
    const plain = await post(body(), { ...json, 'x-request-id': requestId, ...headers() });
    const compressed = await post(body(), { ...json, 'x-request-id': requestId, ...headers() }, true);
    expect(plain.status).toBe(status);
    expect(shape(plain)).toEqual(shape(compressed));
    expect(plain.headers['x-request-id']).toBe(carriesRequestId ? requestId : undefined);
  });

  it('takes a plain JSON POST on node:http (no express ETag) and a compressed one through express', async () => {
    const body = query('{ products(first: 1) { edges { node { sku } } } }');
    const plain = await post(body, { ...json, authorization: `Bearer ${admin}` });
    const compressed = await post(body, { ...json, authorization: `Bearer ${admin}` }, true);
    expect(plain.status).toBe(200);
    expect(compressed.status).toBe(200);
    expect(plain.headers.etag).toBeUndefined();
    expect(compressed.headers.etag).toBeDefined();
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(plain.body)));
  });

  it('reads a UTF-16 body through express instead of failing it as malformed JSON', async () => {
    const body = Buffer.from(query('{ products(first: 1) { edges { node { sku } } } }'), 'utf16le');
    const answer = await post(body, { 'content-type': 'application/json; charset=utf-16le', authorization: `Bearer ${admin}` });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { products: { edges: [] } } });
  });

  it('a quoted UTF-8 charset is served like a bare content type', async () => {
    const answer = await post(query('{ products(first: 1) { edges { node { sku } } } }'), { 'content-type': 'application/json; charset="UTF-8"', authorization: `Bearer ${admin}` });
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBeUndefined();
  });
});
