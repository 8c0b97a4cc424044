/**
 * Prometheus metrics (deploy/METRICS.md): every server of the supergraph answers GET /metrics
 * with its own registry (its own `service` label, even when several share a process), the key
 * metrics move with real requests, and every metric the contract names is exposed by some
 * process — so the contract, the dashboard and the code cannot drift apart.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parse, print, type ExecutionResult } from 'graphql';
import { randomUUID } from 'node:crypto';
import { CreateConnectorDocument, CreateWarehouseDocument, PlaceOrderDocument, ProductStockDocument, StockChangedDocument } from '../operations/__generated__/graphql';
import { serveDuringTests } from '../subgraphs/sync/test/fakes/fake-server';
import { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';
import { execute, executeOk, postGraphQL } from './support/client';
import { createCustomer, receive, stockedProduct } from './support/fixtures';
import { serviceMetrics, statementObserver, ServiceMetrics } from '@tradegraph/kit';
import { RateLimits } from '../gateway/src/rate-limits';
import { GatewayRequestMetrics, SubscriptionMetrics } from '../gateway/src/metrics';
import { freePort } from './support/ports';
import { startExtraGateway, startStack, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';
import { runSync, shopifyConnectorInput } from './support/sync';

/** One sample of the text exposition: `name{label="value",…} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Exposition {
  /** metric name (as in `# TYPE`) → its type */
  types: Map<string, string>;
  samples: Sample[];
}

/** A parser of the Prometheus text format, as far as prom-client writes it. */
function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return { types, samples };
}

/** The sum of the samples named `name` whose labels include `labels`. */
function sum(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  return exposition.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((total, s) => total + s.value, 0);
}

let stack: TestStack;
let admin: string;

async function scrape(server: string): Promise<Exposition> {
  const base = server === 'gateway' ? stack.gatewayUrl : stack.subgraphs[server].url;
  const response = await fetch(base.replace(/\/graphql$/, '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

const servers = () => ['gateway', ...Object.keys(stack.subgraphs)];

const shopify = serveDuringTests(new FakeShopify());

beforeAll(async () => {
  stack = await startStack({ settings: { sync: { retryBaseMs: 20, retryMaxMs: 2000, pollIntervalMs: 200, schedulerIntervalMs: 60_000 } } });
  admin = await stack.token('ADMIN', ['customers:pii']);
});
afterAll(() => stack?.stop());

describe('the contract (deploy/METRICS.md)', () => {
  /** `metric` → type, from every table of METRICS.md but Prometheus's own. */
  function contract(): Map<string, string> {
    const text = fs.readFileSync(path.join(__dirname, '../deploy/METRICS.md'), 'utf8');
    const ours = text.slice(0, text.indexOf("## Prometheus's own"));
    const metrics = new Map<string, string>();
    for (const [, name, type] of ours.matchAll(/^\| `([a-z_:][a-z0-9_:]*)` \| (counter|gauge|histogram) \|/gm)) metrics.set(name, type);
    return metrics;
  }

  it('every metric the contract lists is exposed by some process, with its type', async () => {
    const listed = contract();
    expect(listed.size).toBeGreaterThan(40); // the parser found the tables
    const exposed = new Map<string, string>();
    for (const server of servers()) for (const [name, type] of (await scrape(server)).types) exposed.set(name, type);
    const missing = [...listed.keys()].filter((name) => !exposed.has(name));
    expect(missing).toEqual([]);
    for (const [name, type] of listed) expect(`${name} ${exposed.get(name)}`).toBe(`${name} ${type}`);
  });

  it('exposes no metric of ours that the contract does not list', async () => {
    const listed = contract();
    const unlisted = new Set<string>();
    for (const server of servers()) for (const name of (await scrape(server)).types.keys()) if (name.startsWith('tradegraph_') && !listed.has(name)) unlisted.add(name);
    expect([...unlisted]).toEqual([]);
  });

  it("labels every sample with its own server's service, and the process metrics appear once", async () => {
    const withProcessMetrics: string[] = [];
    for (const server of servers()) {
      const exposition = await scrape(server);
      expect(exposition.samples.length).toBeGreaterThan(0);
      expect(new Set(exposition.samples.map((s) => s.labels.service))).toEqual(new Set([server]));
      if (exposition.types.has('process_cpu_seconds_total')) withProcessMetrics.push(server);
    }
    // One process here runs every server: its CPU must not be counted once per service; the gateway shows it.
    expect(withProcessMetrics).toEqual(['gateway']);
  });
});

/** What a server answers to `request` sent as raw bytes (for request lines fetch will not send). */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('METRICS_PORT', () => {
  it('serves /metrics only on its own port, and gives the process metrics back to the gateway when it stops', async () => {
    const metricsPort = await freePort();
    const extra = await startExtraGateway(stack, { metricsPort });
    try {
      const main = new URL(extra.url);
      expect((await fetch(new URL('/metrics', main))).status).toBe(404);
      expect((await fetch(new URL('/health', main))).status).toBe(200);
      const own = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(own.status).toBe(200);
      expect(own.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const exposition = parseExposition(await own.text());
      expect(exposition.types.get('tradegraph_gateway_requests_total')).toBe('counter');
      expect(exposition.types.has('process_cpu_seconds_total')).toBe(true); // it took them over
      expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
      // An absolute-form target that `new URL` cannot read (port 99999) is refused, not a crash.
      expect(await rawRequest(metricsPort, 'GET http://a:99999/metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 404/);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).status).toBe(200);
      expect((await scrape('gateway')).types.has('process_cpu_seconds_total')).toBe(false);
    } finally {
      await extra.stop();
    }
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
    expect((await scrape('gateway')).types.has('process_cpu_seconds_total')).toBe(true);
  });
});

describe('the key metrics move with traffic', () => {
  let productId: string;
  let customerId: string;
  let warehouseId: string;

  beforeAll(async () => {
    ({ productId, warehouseId } = await stockedProduct(stack, admin, 50));
    customerId = await createCustomer(stack, admin);
  });

  it('counts a query, a mutation and a refused request by outcome, trusted operation name and client kind', async () => {
    const before = await scrape('gateway');
    const labels = (operation_type: string, operation: string, outcome: string) => ({ operation_type, operation, outcome, client_kind: 'admin' });
    await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    await executeOk(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    const placed = await executeOk(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId, lines: [{ productId, quantity: 2 }] }, idempotencyKey: randomUUID() }, { token: admin });
    expect(placed.placeOrder.id).toBeTruthy();
    const invalid = await postGraphQL(stack.gatewayUrl, 'query NotInTheManifest { nope }', undefined, { token: admin });
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // refused before Apollo: counted with the type its text declares (whitespace and a comment first)
    const refused = await postGraphQL(stack.gatewayUrl, '  # a comment\n mutation Anything { nope }', undefined, { token: 'not-a-token' });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // not GraphQL requests: never counted
    for (const method of ['OPTIONS', 'HEAD']) expect((await fetch(stack.gatewayUrl, { method })).status).toBeLessThan(500);
    const after = await scrape('gateway');

    const moved = (name: string, l: Record<string, string> = {}) => sum(after, name, l) - sum(before, name, l);
    expect(moved('tradegraph_gateway_requests_total', labels('query', 'ProductStock', 'success'))).toBe(2);
    expect(moved('tradegraph_gateway_requests_total', labels('mutation', 'PlaceOrder', 'success'))).toBe(1);
    // a name outside the trusted documents is never a label value
    expect(moved('tradegraph_gateway_requests_total', labels('query', 'other', 'rejected'))).toBe(1);
    expect(after.samples.some((s) => s.labels.operation === 'NotInTheManifest')).toBe(false);
    expect(moved('tradegraph_gateway_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(moved('tradegraph_gateway_requests_total', { operation_type: 'mutation', operation: 'anonymous', outcome: 'rejected', client_kind: 'anonymous' })).toBe(1);
    expect(moved('tradegraph_gateway_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    // …and nothing else was refused: not OPTIONS nor HEAD, nor a subgraph calling through the gateway with the same request id
    expect(moved('tradegraph_gateway_requests_total', { outcome: 'rejected' })).toBe(2);
    expect(moved('tradegraph_gateway_errors_total', { code: 'other' })).toBe(0);
    expect(moved('tradegraph_gateway_request_duration_seconds_count', { operation_type: 'query', client_kind: 'admin' })).toBe(3);
    // fetches per subgraph: the query reads products and inventory, the order writes through orders
    expect(moved('tradegraph_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'products', operation_type: 'query' })).toBeGreaterThanOrEqual(2);
    expect(moved('tradegraph_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'inventory', operation_type: 'query' })).toBeGreaterThanOrEqual(2);
    expect(moved('tradegraph_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'orders', operation_type: 'mutation' })).toBe(1);
    // the second ProductStock found its plan in the cache
    expect(moved('tradegraph_gateway_query_plan_cache_total', { result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(sum(after, 'tradegraph_gateway_subgraph_up', { subgraph: 'orders' })).toBe(1);
    expect(sum(after, 'tradegraph_gateway_subgraph_circuit_open', { subgraph: 'orders' })).toBe(0);
  });

  it('times the subgraph side: requests, root resolvers, SQL by verb, the pool, the outbox and the domain counters', async () => {
    const before = await scrape('orders');
    await executeOk(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin });
    await eventually(async () => sum(await scrape('orders'), 'tradegraph_orders_placed_total') > sum(before, 'tradegraph_orders_placed_total'));
    const after = await scrape('orders');
    const moved = (name: string, l: Record<string, string> = {}) => sum(after, name, l) - sum(before, name, l);
    expect(moved('tradegraph_orders_placed_total')).toBe(1);
    expect(moved('tradegraph_subgraph_requests_total', { operation_type: 'mutation', outcome: 'success' })).toBe(1);
    expect(moved('tradegraph_graphql_resolver_duration_seconds_count', { parent_type: 'Mutation', field: 'placeOrder' })).toBe(1);
    // placeOrder writes with CTEs (`with … insert`): those count as `other`
    expect(moved('tradegraph_db_query_duration_seconds_count', { statement: 'other' })).toBeGreaterThan(0);
    expect(moved('tradegraph_db_query_duration_seconds_count', { statement: 'select' })).toBeGreaterThan(0);
    expect(moved('tradegraph_db_queries_total')).toBeGreaterThanOrEqual(moved('tradegraph_db_query_duration_seconds_count', { statement: 'select' }));
    expect(moved('tradegraph_outbox_published_total', { event: 'order.placed' })).toBe(1);
    expect(after.samples.some((s) => s.name === 'tradegraph_db_pool_connections' && s.labels.state === 'idle')).toBe(true);
    expect(sum(after, 'tradegraph_db_pool_max')).toBe(10);
    // everything was published: nothing waits, so no lag
    expect(after.types.get('tradegraph_outbox_lag_seconds')).toBe('gauge');
    expect(sum(after, 'tradegraph_outbox_pending_events')).toBe(0);
    expect(sum(after, 'tradegraph_outbox_lag_seconds')).toBe(0);

    const inventory = await scrape('inventory');
    expect(sum(inventory, 'tradegraph_db_queries_total', { statement: 'insert' })).toBeGreaterThan(0);
    expect(sum(inventory, 'tradegraph_stock_movements_total', { movement_type: 'RECEIPT' })).toBeGreaterThanOrEqual(1);
    expect(sum(inventory, 'tradegraph_stock_movements_total', { movement_type: 'RESERVATION' })).toBeGreaterThanOrEqual(1);
    // _entities resolution is timed by the entity's type
    expect(inventory.samples.some((s) => s.name === 'tradegraph_graphql_resolver_duration_seconds_count' && s.labels.parent_type === '_entities' && s.labels.field === 'Product')).toBe(true);
  });

  it('follows a subscription: open, events delivered, how it ended', async () => {
    const field = { field: 'stockChanged' };
    const before = await scrape('gateway');
    const client = wsClient(stack.gatewayUrl, admin);
    const subscription = collect(client, print(StockChangedDocument), { productIds: [productId] });
    await eventually(async () => sum(await scrape('gateway'), 'tradegraph_gateway_subscriptions_open', { transport: 'ws', ...field }) === 1);
    // the upstream subscription to inventory opens once the first client needs it
    await eventually(async () => sum(await scrape('gateway'), 'tradegraph_gateway_upstream_subscriptions_open', { subgraph: 'inventory' }) >= 1);
    await receive(stack, admin, productId, warehouseId, 5);
    await subscription.waitFor(1);
    subscription.stop();
    await eventually(async () => sum(await scrape('gateway'), 'tradegraph_gateway_subscriptions_open', { transport: 'ws', ...field }) === 0);
    const after = await scrape('gateway');
    const moved = (name: string, l: Record<string, string> = {}) => sum(after, name, l) - sum(before, name, l);
    expect(moved('tradegraph_gateway_subscription_events_total', field)).toBe(1);
    expect(moved('tradegraph_gateway_subscriptions_ended_total', { ...field, end_reason: 'client_closed' })).toBe(1);
    expect(moved('tradegraph_gateway_requests_total', { operation_type: 'subscription', operation: 'StockChanged', outcome: 'success', client_kind: 'admin' })).toBe(1);
    await client.dispose();
  });

  it('counts sync runs, their records, webhook receipts, the queue and the connectors', async () => {
    const warehouseCode = `MW-${randomUUID().slice(0, 8)}`;
    await executeOk(stack.gatewayUrl, CreateWarehouseDocument, { input: { code: warehouseCode, name: 'Shop stock', priority: 1 } }, { token: admin });
    const { createConnector } = await executeOk(stack.gatewayUrl, CreateConnectorDocument, { input: shopifyConnectorInput(shopify, warehouseCode, 'metrics-webhook-secret', { name: 'Metrics shop' }) }, { token: admin });
    shopify.seed(3, 'METRICS');
    const before = await scrape('sync');
    const run = await runSync(stack.gatewayUrl, admin, createConnector.id);
    expect(run.status).toBe('SUCCEEDED');
    const webhook = (connectorId: string) => fetch(`${stack.subgraphs.sync.url.replace(/\/graphql$/, '')}/webhooks/${connectorId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': 'bm90IGEgc2lnbmF0dXJl' }, body: '{}' });
    expect((await webhook(randomUUID())).status).toBe(401);
    expect((await webhook(createConnector.id)).status).toBe(401);
    const after = await scrape('sync');
    const moved = (name: string, l: Record<string, string> = {}) => sum(after, name, l) - sum(before, name, l);
    const shop = { system: 'SHOPIFY', direction: 'inbound' };
    expect(moved('tradegraph_sync_runs_total', { ...shop, trigger: 'manual', status: 'succeeded' })).toBe(1);
    expect(moved('tradegraph_sync_run_duration_seconds_count', shop)).toBe(1);
    expect(moved('tradegraph_sync_records_total', { ...shop, outcome: 'created' })).toBe(run.created);
    expect(run.created).toBeGreaterThan(0);
    expect(sum(after, 'tradegraph_sync_runs_running', shop)).toBe(0);
    expect(moved('tradegraph_sync_webhooks_total', { outcome: 'unknown_connector' })).toBe(1);
    expect(moved('tradegraph_sync_webhooks_total', { system: 'SHOPIFY', outcome: 'bad_signature' })).toBe(1);
    expect(sum(after, 'tradegraph_sync_connectors', { system: 'SHOPIFY', connector_status: 'ACTIVE' })).toBe(1);
    expect(after.samples.filter((s) => s.name === 'tradegraph_sync_queue_jobs').map((s) => s.labels.queue_state).sort()).toEqual(['running', 'scheduled', 'waiting']);
  });

  it('shows outbox lag while an event waits (the orders relay stays stopped)', async () => {
    // As a commit leaves its event when the relay cannot publish: the relay stopped, one event waiting.
    await stack.subgraphs.orders.runtime.relay!.stop();
    await stack.subgraphs.orders.database.orm.em.getConnection().execute(
      `insert into orders.outbox_event (event_id, type, entity, entity_id, version, occurred_at, payload, attempts) values (?, 'payment.recorded', 'Order', ?, 1, now() - interval '30 seconds', '{}', 0)`,
      [randomUUID(), randomUUID()],
    );
    const exposition = await scrape('orders');
    expect(sum(exposition, 'tradegraph_outbox_pending_events')).toBe(1);
    expect(sum(exposition, 'tradegraph_outbox_lag_seconds')).toBeGreaterThanOrEqual(30);
    expect(sum(exposition, 'tradegraph_outbox_lag_seconds')).toBeLessThan(120);
  });

  it('counts a partial answer and the fetch errors behind it when a subgraph is down (last: inventory stays down)', async () => {
    const before = await scrape('gateway');
    await stack.stopSubgraph('inventory');
    const answer = await execute(stack.gatewayUrl, ProductStockDocument, { id: productId }, { token: admin });
    expect(answer.data?.product?.sku).toBeTruthy();
    expect(answer.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    const after = await scrape('gateway');
    const moved = (name: string, l: Record<string, string> = {}) => sum(after, name, l) - sum(before, name, l);
    expect(moved('tradegraph_gateway_requests_total', { operation_type: 'query', operation: 'ProductStock', outcome: 'partial', client_kind: 'admin' })).toBe(1);
    expect(moved('tradegraph_gateway_subgraph_fetch_errors_total', { subgraph: 'inventory', reason: 'unreachable' })).toBeGreaterThanOrEqual(1);
    expect(moved('tradegraph_gateway_errors_total', { code: 'UNAVAILABLE' })).toBeGreaterThanOrEqual(1);
    // the probes behind /ready (and this gauge) are cached for a second
    await eventually(async () => sum(await scrape('gateway'), 'tradegraph_gateway_subgraph_up', { subgraph: 'inventory' }) === 0, 5000);
    expect(sum(await scrape('gateway'), 'tradegraph_gateway_subgraph_up', { subgraph: 'products' })).toBe(1);
  });
});

describe('without the stack', () => {
  it('counts rate-limit refusals by client kind and budget', async () => {
    const metrics = new ServiceMetrics('gateway');
    const requests = new GatewayRequestMetrics(metrics, new Set());
    const limits = new RateLimits({ requestsPerMinute: 1, costPerMinute: 0, keyPrefix: `metrics-${randomUUID()}`, onRefused: requests.rateLimited });
    const partner = { client: { kind: 'partner' as const, id: 'partner:p1', partner: { partnerId: 'p1', keyId: 'k1', keyPrefix: 'tg_', trustedDocumentsOnly: false } }, caller: { roles: [] }, budgets: [] };
    await limits.admitRequest(partner);
    await expect(limits.admitRequest(partner)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    const exposition = parseExposition(await metrics.exposition());
    expect(sum(exposition, 'tradegraph_gateway_rate_limited_total', { client_kind: 'api_key', budget: 'requests' })).toBe(1);
    metrics.close();
    await limits.close();
  });

  it('classifies SQL statements by their verb, bounded', async () => {
    const metrics = new ServiceMetrics('orders');
    const observe = statementObserver(metrics);
    for (const sql of ['select 1', '  SELECT * from x', 'insert into t values (1)', 'update t set a = 1', 'delete from t', 'with c as (insert into t default values returning 1) select * from c', 'begin', 's', '']) observe(sql, 1);
    observe('select 2', undefined); // counted, not timed
    const exposition = parseExposition(await metrics.exposition());
    const counts = Object.fromEntries(['select', 'insert', 'update', 'delete', 'other'].map((verb) => [verb, sum(exposition, 'tradegraph_db_queries_total', { statement: verb })]));
    expect(counts).toEqual({ select: 3, insert: 1, update: 1, delete: 1, other: 4 });
    expect(sum(exposition, 'tradegraph_db_query_duration_seconds_count', { statement: 'select' })).toBe(2);
    expect(sum(exposition, 'tradegraph_db_query_duration_seconds_sum', { statement: 'select' })).toBeCloseTo(0.002);
    metrics.close();
  });

  it('ends a subscription whose stream fails: the open gauge goes back, counted as error, not completed', async () => {
    const metrics = new ServiceMetrics('gateway');
    const subscriptions = new SubscriptionMetrics(metrics, new GatewayRequestMetrics(metrics, new Set()));
    const failing = (): AsyncIterableIterator<ExecutionResult> => {
      const iterator: AsyncIterableIterator<ExecutionResult> = {
        next: () => Promise.reject(new Error('upstream lost')),
        return: async () => ({ done: true, value: undefined }),
        throw: async (error: unknown) => Promise.reject(error instanceof Error ? error : new Error(String(error))),
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    };
    const request = { document: parse('subscription { stockChanged { sku } }'), clientKind: 'admin' };
    const read = subscriptions.track('ws', request, failing()) as AsyncIterableIterator<ExecutionResult>;
    await expect(read.next()).rejects.toThrow('upstream lost');
    const thrown = subscriptions.track('sse', request, failing()) as AsyncIterableIterator<ExecutionResult>;
    await expect(thrown.throw!(new Error('cancelled'))).rejects.toThrow('cancelled');
    const exposition = parseExposition(await metrics.exposition());
    expect(sum(exposition, 'tradegraph_gateway_subscriptions_open')).toBe(0);
    expect(sum(exposition, 'tradegraph_gateway_subscriptions_ended_total', { field: 'stockChanged', end_reason: 'error' })).toBe(2);
    expect(sum(exposition, 'tradegraph_gateway_subscriptions_ended_total', { end_reason: 'completed' })).toBe(0);
    metrics.close();
  });

  it('has no registry when METRICS_ENABLED=false', () => {
    const previous = process.env.METRICS_ENABLED;
    process.env.METRICS_ENABLED = 'false';
    try {
      expect(serviceMetrics('gateway')).toBeUndefined();
    } finally {
      if (previous === undefined) delete process.env.METRICS_ENABLED;
      else process.env.METRICS_ENABLED = previous;
    }
  });
});
