/**
 * The gateway against the GraphQL-over-HTTP spec: graphql-http's reference audit, every audit
 * ok; the status code per accepted media type; GET for queries only; what a forged cross-site
 * request can still send (nothing that runs); and the cache headers of GET answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverAudits } from 'graphql-http';
import { cacheControlFor, responseMediaType, MEDIA_TYPES } from '../gateway/src/http-compliance';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
/** The products subgraph as the gateway sees it: the real one, with the Cache-Control a schema hint would give. */
let hintingProxy: http.Server;
let productsUrl = '';

beforeAll(async () => {
  hintingProxy = http.createServer((req, res) => {
    if (!productsUrl) return void res.writeHead(503).end();
    const target = new URL(productsUrl);
    const upstream = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'cache-control': 'max-age=60, public' });
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => hintingProxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(hintingProxy.address() as AddressInfo).port}/graphql`;
  stack = await startStack({ subgraphs: ['products'], gateway: { subgraphUrls: { products: proxyUrl }, introspection: true } });
  productsUrl = stack.subgraphs.products.url;
  admin = await stack.token('ADMIN');
});
afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => hintingProxy?.close(resolve));
});

const get = (params: Record<string, string>, headers: Record<string, string> = {}) => {
  const url = new URL(stack.gatewayUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return fetch(url, { headers });
};
const post = (body: string, headers: Record<string, string>) => fetch(stack.gatewayUrl, { method: 'POST', headers, body });
const firstCode = async (answer: Response) => ((await answer.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code;

describe('the graphql-http server audit', () => {
  it('passes every audit, the SHOULDs and MAYs included', async () => {
    const results = await Promise.all(serverAudits({ url: () => stack.gatewayUrl }).map(({ fn }) => fn()));
    const notOk = results.flatMap((r) => (r.status === 'ok' ? [] : [`${r.id} ${r.name}: ${r.reason}`]));
    expect(notOk).toEqual([]);
    expect(results).toHaveLength(61);
  });
});

describe('status codes per accepted media type', () => {
  const invalid = JSON.stringify({ query: '{ nope }' });

  it('answers a request error 200 in application/json and 400 in application/graphql-response+json', async () => {
    const legacy = await post(invalid, { 'content-type': 'application/json', accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get('content-type')).toBe(MEDIA_TYPES.json);
    expect(await firstCode(legacy)).toBe('GRAPHQL_VALIDATION_FAILED');
    const modern = await post(invalid, { 'content-type': 'application/json', accept: 'application/graphql-response+json' });
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toBe(MEDIA_TYPES.graphqlResponse);
    expect(await modern.json()).not.toHaveProperty('data');
  });

  it('keeps a malformed request 400 in application/json (no query string)', async () => {
    const malformed = await post(JSON.stringify({ qeury: '{ __typename }' }), { 'content-type': 'application/json', accept: 'application/json' });
    expect(malformed.status).toBe(400);
  });

  it('keeps refusals that are not request errors: 401 for bad credentials in either media type', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const refused = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', accept, authorization: 'Bearer not-a-token' });
      expect(refused.status).toBe(401);
    }
  });

  it('picks the media type as Apollo does', () => {
    expect(responseMediaType(undefined)).toBe(MEDIA_TYPES.json);
    expect(responseMediaType('*/*')).toBe(MEDIA_TYPES.json);
    expect(responseMediaType('application/graphql-response+json, application/json;q=0.9')).toBe(MEDIA_TYPES.graphqlResponse);
    expect(responseMediaType('application/json, application/graphql-response+json')).toBe(MEDIA_TYPES.json);
    expect(responseMediaType('application/*;q=0.5, application/graphql-response+json')).toBe(MEDIA_TYPES.graphqlResponse);
    expect(responseMediaType('text/html')).toBeNull();
  });
});

describe('cross-site requests a browser sends without a preflight', () => {
  const mutation = JSON.stringify({ query: 'mutation { deleteProduct(id: "00000000-0000-0000-0000-000000000000") }' });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('refuses a POST sent as %s (415)', async (contentType) => {
    const answer = await post(mutation, { 'content-type': contentType });
    expect(answer.status).toBe(415);
    expect(await firstCode(answer)).toBe('BAD_REQUEST');
  });

  it('refuses a mutation over GET (405), even with credentials', async () => {
    const answer = await get({ query: 'mutation { __typename }' }, { authorization: `Bearer ${admin}` });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
  });
});

describe('cache headers', () => {
  const query = { query: '{ products(first: 1) { totalCount } }' };

  it('lets only the caller keep an authenticated GET answer, for as long as the subgraph hints, varying by caller and media type', async () => {
    const answer = await get(query, { authorization: `Bearer ${admin}` });
    expect(answer.status).toBe(200);
    expect(await answer.json()).not.toHaveProperty('errors');
    expect(answer.headers.get('cache-control')).toBe('max-age=60, private');
    expect(answer.headers.get('vary')).toBe('Accept, Authorization, X-Api-Key');
  });

  it('caches no anonymous answer that carries errors, nor one no subgraph hints', async () => {
    const refused = await get(query);
    expect(await firstCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const unhinted = await get({ query: '{ __typename }' });
    expect(unhinted.status).toBe(200);
    expect(unhinted.headers.get('cache-control')).toBe('no-store');
  });

  it('caches neither POST answers nor errors nor refusals', async () => {
    const posted = await post(JSON.stringify(query), { 'content-type': 'application/json' });
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const failed = await get({ query: '{ nope }' });
    expect(failed.headers.get('cache-control')).toBe('no-store');
    const refused = await post('{}', { 'content-type': 'text/plain' });
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(refused.headers.get('vary')).toBe('Accept, Authorization, X-Api-Key');
  });

  it('decides the header from method, outcome, credentials and the computed policy', () => {
    const ok = { method: 'GET', status: 200, hasErrors: false, withCredentials: false, computed: 'max-age=30, public' };
    expect(cacheControlFor(ok)).toBe('max-age=30, public');
    expect(cacheControlFor({ ...ok, withCredentials: true })).toBe('max-age=30, private');
    expect(cacheControlFor({ ...ok, computed: 'no-store' })).toBe('no-store');
    expect(cacheControlFor({ ...ok, computed: 'max-age=0, public' })).toBe('no-store');
    expect(cacheControlFor({ ...ok, hasErrors: true })).toBe('no-store');
    expect(cacheControlFor({ ...ok, method: 'POST' })).toBe('no-store');
  });
});
