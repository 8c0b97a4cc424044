/**
 * Timeouts, circuit breakers and retries per subgraph at the gateway, and `/ready` naming the
 * subgraphs that answer. Real subgraphs through real gateways; a subgraph that hangs and a
 * counting proxy that drops a connection are local HTTP servers on loopback.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { GraphQLFormattedError } from 'graphql';
import type { RunningGateway } from '../gateway/src/server';
import { ServiceMetrics } from '@tradegraph/kit';
import { fetchObserver } from '../gateway/src/metrics';
import { OPERATION_TYPE_HEADER, SubgraphResilience } from '../gateway/src/subgraph-resilience';
import { postGraphQL } from './support/client';
import { startExtraGateway, startStack, type TestStack } from './support/stack';

const WAREHOUSES = '{ warehouses { code } }';
const PRODUCTS = '{ products(first: 1) { edges { node { sku } } } }';
const CREATE_PRODUCT = 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }';
/** "Fails fast": well under the 300 ms subgraph timeout, with room for a loaded 2-core machine running the whole request. */
const FAST_MS = 100;
const SMALL = { subgraphTimeoutMs: 300, subgraphBreakerFailures: 3, subgraphBreakerHalfOpenMs: 1000, subgraphQueryRetries: 1 };

let stack: TestStack;
let admin: string;
const servers: http.Server[] = [];
const gateways: RunningGateway[] = [];

/** A local HTTP server on loopback, closed after the file. */
async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** A proxy to a subgraph that counts requests and can drop the next ones (a transient network failure). */
async function countingProxy(target: () => string) {
  const state = { requests: 0, drop: 0, headerNames: new Set<string>() };
  const url = await serve((req, res) => {
    state.requests += 1;
    for (const name of Object.keys(req.headers)) state.headerNames.add(name);
    if (state.drop > 0) {
      state.drop -= 1;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
        const upstream = await fetch(target(), { method: 'POST', headers, body: Buffer.concat(chunks) });
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      })();
    });
  });
  return { url, state };
}

async function gatewayWith(overrides: Parameters<typeof startExtraGateway>[1]): Promise<string> {
  const gateway = await startExtraGateway(stack, { ...SMALL, ...overrides });
  gateways.push(gateway);
  return gateway.url;
}

const unavailable = (errors: readonly GraphQLFormattedError[] | undefined) => (errors ?? []).map((e) => ({ code: e.extensions?.code, serviceName: e.extensions?.serviceName, retryable: e.extensions?.retryable }));

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'inventory'], gateway: SMALL });
  admin = await stack.token('ADMIN');
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await stack?.stop();
});

test('a subgraph that never answers is UNAVAILABLE after the timeout; after N timeouts the breaker fails fast', async () => {
  let received = 0;
  const hanging = await serve(() => void (received += 1));
  const url = await gatewayWith({ subgraphUrls: { inventory: hanging } });

  const first = await timed(() => postGraphQL(url, WAREHOUSES, undefined, { token: admin }));
  expect(first.result.data).toBeNull();
  expect(unavailable(first.result.errors)).toEqual([{ code: 'UNAVAILABLE', serviceName: 'inventory', retryable: true }]);
  expect(first.result.errors?.[0].message).toMatch(/inventory.*(timed out|did not answer)/);
  expect(first.ms).toBeGreaterThanOrEqual(250);
  expect(first.ms).toBeLessThan(2000); // a timeout is not retried: one wait, not two, and far below the request timeout

  for (let i = 1; i < SMALL.subgraphBreakerFailures; i += 1) await postGraphQL(url, WAREHOUSES, undefined, { token: admin });

  expect(received).toBe(SMALL.subgraphBreakerFailures);

  const open = await timed(() => postGraphQL(url, WAREHOUSES, undefined, { token: admin }));
  expect(unavailable(open.result.errors)).toEqual([{ code: 'UNAVAILABLE', serviceName: 'inventory', retryable: true }]);
  expect(open.result.errors?.[0].message).toBe('inventory is unavailable (circuit open)');
  expect(open.ms).toBeLessThan(SMALL.subgraphTimeoutMs / 2);
  expect(received).toBe(SMALL.subgraphBreakerFailures); // the open breaker did not even try
});

test('a query is retried once on a transient failure; a mutation is never retried', async () => {
  const proxy = await countingProxy(() => stack.subgraphs.products.url);
  const url = await gatewayWith({ subgraphUrls: { products: proxy.url } });

  proxy.state.drop = 1;
  const query = await postGraphQL(url, PRODUCTS, undefined, { token: admin });
  expect(query.errors).toBeUndefined();
  expect(proxy.state.requests).toBe(2);

  proxy.state.requests = 0;
  proxy.state.drop = 1;
  const input = { sku: `RETRY-${process.pid}`, name: 'Never twice', basePrice: { amount: '1.00', currency: 'EUR' } };
  const mutation = await postGraphQL(url, CREATE_PRODUCT, { input }, { token: admin });
  expect(unavailable(mutation.errors)).toEqual([{ code: 'UNAVAILABLE', serviceName: 'products', retryable: true }]);
  expect(proxy.state.requests).toBe(1);

  // The mutation was not applied behind the client's back: the same input creates it now, once.
  const again = await postGraphQL<{ createProduct: { id: string } }>(url, CREATE_PRODUCT, { input }, { token: admin });
  expect(again.errors).toBeUndefined();
  expect(proxy.state.requests).toBe(2);
  // the operation type the data source named for the fetcher stayed in the gateway
  expect(proxy.state.headerNames.has('x-tradegraph-caller')).toBe(true);
  expect(proxy.state.headerNames.has(OPERATION_TYPE_HEADER)).toBe(false);
});

test('a stopped subgraph opens its breaker, /ready lists it, and after the half-open delay queries succeed again without a gateway restart', async () => {
  const readyUrl = stack.gatewayUrl.replace(/\/graphql$/, '/ready');
  const before = await fetch(readyUrl);
  expect(before.status).toBe(200);
  expect(await before.json()).toEqual({ status: 'ready', subgraphs: { products: 'up', inventory: 'up' } });

  await stack.stopSubgraph('inventory');
  for (let i = 0; i < SMALL.subgraphBreakerFailures; i += 1) {
    const failed = await postGraphQL(stack.gatewayUrl, WAREHOUSES, undefined, { token: admin });
    expect(unavailable(failed.errors)).toEqual([{ code: 'UNAVAILABLE', serviceName: 'inventory', retryable: true }]);
  }
  const openedAt = performance.now();
  const open = await timed(() => postGraphQL(stack.gatewayUrl, WAREHOUSES, undefined, { token: admin }));
  expect(open.result.errors?.[0].message).toBe('inventory is unavailable (circuit open)');
  expect(open.ms).toBeLessThan(FAST_MS);

  await new Promise((resolve) => setTimeout(resolve, 1100)); // past the 1 s cache of /ready
  const degraded = await fetch(readyUrl);
  expect(degraded.status).toBe(200); // the gateway itself still serves: partial data, not none
  expect(await degraded.json()).toEqual({ status: 'degraded', subgraphs: { products: 'up', inventory: 'open' } });

  await stack.restart('inventory');
  const wait = SMALL.subgraphBreakerHalfOpenMs + 50 - (performance.now() - openedAt);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const back = await postGraphQL<{ warehouses: { code: string }[] }>(stack.gatewayUrl, WAREHOUSES, undefined, { token: admin });
  expect(back.errors).toBeUndefined();
  expect(Array.isArray(back.data?.warehouses)).toBe(true);

  await new Promise((resolve) => setTimeout(resolve, 1100));
  expect(await (await fetch(readyUrl)).json()).toEqual({ status: 'ready', subgraphs: { products: 'up', inventory: 'up' } });
});

test('/ready names a subgraph that does not answer as down, before any breaker opened', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const url = await gatewayWith({ subgraphUrls: { products: `http://127.0.0.1:${port}/graphql` } });
  const ready = await fetch(url.replace(/\/graphql$/, '/ready'));
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'degraded', subgraphs: { products: 'down', inventory: 'up' } });
});

test('metrics count every failed attempt: a timeout, a dropped connection retried successfully, a 4xx answer', async () => {
  const metrics = new ServiceMetrics('gateway');
  const resilience = new SubgraphResilience({ timeoutMs: 200, breakerFailures: 5, halfOpenAfterMs: 1000, queryRetries: 1, observer: fetchObserver(metrics) });
  let requests = 0;
  const url = await serve((req, res) => {
    requests += 1;
    if (requests === 1) return; // hangs: cut by the attempt's timeout (not retried)
    if (requests === 2) return req.socket.destroy(); // retried
    res.writeHead(requests === 3 ? 200 : 400, { 'content-type': 'application/json' }).end('{"data":{}}');
  });
  const fetchFrom = resilience.fetcher('flaky', url);
  const body = JSON.stringify({ query: '{ warehouses { code } }' });
  await expect(fetchFrom(url, { method: 'POST', body })).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
  expect((await fetchFrom(url, { method: 'POST', body })).status).toBe(200);
  expect((await fetchFrom(url, { method: 'POST', body })).status).toBe(400);
  expect(requests).toBe(4);
  const text = await metrics.exposition();
  const count = (reason: string) => Number(new RegExp(`^tradegraph_gateway_subgraph_fetch_errors_total\\{[^}]*reason="${reason}"[^}]*\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  expect({ timeout: count('timeout'), unreachable: count('unreachable'), http_4xx: count('http_4xx'), http_5xx: count('http_5xx') }).toEqual({ timeout: 1, unreachable: 1, http_4xx: 1, http_5xx: 0 });
  metrics.close();
});

test("the data source's operation type decides retries and never reaches the subgraph", async () => {
  const resilience = new SubgraphResilience({ timeoutMs: 2000, breakerFailures: 100, halfOpenAfterMs: 1000, queryRetries: 1 });
  const seen: (string | undefined)[] = [];
  const url = await serve((req) => {
    seen.push(req.headers[OPERATION_TYPE_HEADER] as string | undefined);
    req.socket.destroy(); // unreachable: a query is retried once, a mutation never
  });
  const fetchFrom = resilience.fetcher('named', url);
  const send = (named: string, query: string) => fetchFrom(url, { method: 'POST', headers: { 'content-type': 'application/json', [OPERATION_TYPE_HEADER]: named }, body: JSON.stringify({ query }) });
  // the header wins over the body: named a mutation, a query's body is not retried…
  await expect(send('mutation', '{ warehouses { code } }')).rejects.toBeDefined();
  expect(seen).toHaveLength(1);
  // …and named a query, a mutation's body is
  await expect(send('query', 'mutation { nothing }')).rejects.toBeDefined();
  expect(seen).toHaveLength(3);
  expect(seen).toEqual([undefined, undefined, undefined]);
});

test('twenty concurrent fetches to one subgraph log no listener-leak warning', () => {
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'support/concurrent-fetches.ts')], {
    cwd: path.join(__dirname, '..'),
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
    timeout: 60_000,
  });
  expect({ stdout: run.stdout.trim(), stderr: run.stderr }).toEqual({ stdout: 'ok', stderr: expect.not.stringMatching(/MaxListenersExceededWarning/) });
});
