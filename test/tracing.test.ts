/**
 * Tracing: one client request through the gateway is one connected trace — the gateway's server
 * span, a fetch span per subgraph hop, each subgraph's server span under its fetch, and the SQL
 * each subgraph sent under that — and the client gets the trace's id in `extensions.traceId`.
 * A subgraph's call through the gateway (orders reserving stock) stays in its request's trace.
 * An event continues the trace of the request that wrote it: the relay's publish and each
 * subscription's delivery are spans of that trace.
 */
import { context, SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { contextFromHeaders, DomainError, ErrorCode, injectTraceContext, SERVER_ATTRIBUTE, startTracing, stopTracing, traced } from '@tradegraph/kit';
import { createCustomer, createProduct, createWarehouse, stockedProduct } from './support/fixtures';
import { collect, eventually, wsClient } from './support/subscribe';
import { startStack, type TestStack } from './support/stack';

const exporter = new InMemorySpanExporter();
let stack: TestStack;

beforeAll(async () => {
  // Before the stack: servers decide at start whether they trace.
  expect(startTracing({ exporter })).toBe(true);
  stack = await startStack({ subgraphs: ['products', 'customers', 'inventory', 'orders'] });
});
afterAll(async () => {
  await stack?.stop();
  await stopTracing();
});

/** Whether `ancestor` is `span`'s parent, or its parent's, and so on. */
function descendsFrom(span: ReadableSpan, ancestor: ReadableSpan, byId: Map<string, ReadableSpan>): boolean {
  for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) {
    if (parent === ancestor.spanContext().spanId) return true;
  }
  return false;
}

/** The trace as an indented outline, to read when a test fails. */
function tree(span: ReadableSpan, spans: ReadableSpan[], depth = 0): string {
  const children = spans.filter((s) => s.parentSpanId === span.spanContext().spanId).sort((a, b) => a.startTime[1] - b.startTime[1]);
  return [`${'  '.repeat(depth)}${span.name} [${String(span.attributes[SERVER_ATTRIBUTE] ?? '')}]`, ...children.map((c) => tree(c, spans, depth + 1))].join('\n');
}

/** The spans of one trace, once the gateway's server span (the last to end) is in. */
async function traceOf(traceId: string): Promise<ReadableSpan[]> {
  for (let waited = 0; waited < 2000; waited += 20) {
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    if (spans.some((s) => s.attributes[SERVER_ATTRIBUTE] === 'gateway' && s.kind === SpanKind.SERVER)) return spans;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the trace ${traceId} did not finish`);
}

it('connects gateway → products and inventory → SQL in one trace, whose id the client gets', async () => {
  const admin = await stack.token('ADMIN');
  const { productId } = await stockedProduct(stack, admin, 7);
  exporter.reset();

  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: 'query ProductWithStock($id: ID!) { product(id: $id) { name stock { available } } }', variables: { id: productId } }),
  });
  const body = (await response.json()) as { data: { product: { stock: { available: number } } }; extensions?: { traceId?: string } };
  expect(body.data.product.stock.available).toBe(7);
  const traceId = body.extensions?.traceId;
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);

  const spans = await traceOf(traceId!);
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  // connected: every span but the root has its parent in the same trace
  const roots = spans.filter((s) => !s.parentSpanId || !byId.has(s.parentSpanId));
  expect(roots.map((s) => s.name)).toEqual(['query ProductWithStock']);
  const [root] = roots;
  expect(root.attributes[SERVER_ATTRIBUTE]).toBe('gateway');
  const phases = spans.filter((s) => s.parentSpanId === root.spanContext().spanId).map((s) => s.name);
  expect(phases).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate']));
  // planned by whichever executor runs (ours: graphql.plan; Apollo's: gateway.plan)
  expect(spans.some((s) => (s.name === 'graphql.plan' || s.name === 'gateway.plan') && descendsFrom(s, root, byId))).toBe(true);
  if (process.env.SHOW_TRACE) console.log(tree(root, spans));

  for (const subgraph of ['products', 'inventory']) {
    const fetches = spans.filter((s) => s.name === `subgraph.fetch ${subgraph}`);
    expect(fetches).toHaveLength(1);
    expect(descendsFrom(fetches[0], root, byId)).toBe(true);
    const servers = spans.filter((s) => s.attributes[SERVER_ATTRIBUTE] === subgraph && s.kind === SpanKind.SERVER);
    expect(servers).toHaveLength(1);
    expect(servers[0].parentSpanId).toBe(fetches[0].spanContext().spanId);
    const resolvers = spans.filter((s) => s.name.startsWith('resolve ') && s.parentSpanId === servers[0].spanContext().spanId);
    expect(resolvers.length).toBeGreaterThan(0);
    const sql = spans.filter((s) => s.attributes['db.system'] === 'postgresql' && s.attributes[SERVER_ATTRIBUTE] === subgraph);
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) expect(descendsFrom(statement, servers[0], byId)).toBe(true);
  }
  // a root field's SQL nests under its resolver (inventory's comes from Product.stock, a nested field: no span of its own)
  const productResolver = spans.find((s) => s.name === 'resolve Query.product')!;
  expect(spans.some((s) => s.attributes['db.system'] === 'postgresql' && s.parentSpanId === productResolver.spanContext().spanId)).toBe(true);
  // the inventory hop resolves the product as an entity
  expect(spans.some((s) => s.name === 'resolve Query._entities' && s.attributes['graphql.entities.types'] === 'Product')).toBe(true);
});

it('continues a trace the client started (W3C traceparent)', async () => {
  const admin = await stack.token('ADMIN');
  const clientTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, traceparent: `00-${clientTrace}-00f067aa0ba902b7-01` },
    body: JSON.stringify({ query: '{ products(first: 1) { edges { node { id } } } }' }),
  });
  const body = (await response.json()) as { extensions?: { traceId?: string } };
  expect(body.extensions?.traceId).toBe(clientTrace);
  const spans = await traceOf(clientTrace);
  expect(spans.find((s) => s.kind === SpanKind.SERVER && s.attributes[SERVER_ATTRIBUTE] === 'gateway')?.parentSpanId).toBe('00f067aa0ba902b7');
  expect(spans.some((s) => s.name === 'subgraph.fetch products')).toBe(true);
});

it('keeps a subgraph\'s calls through the gateway in the trace of the request that made them', async () => {
  const admin = await stack.token('ADMIN');
  const { productId } = await stockedProduct(stack, admin, 5);
  const customerId = await createCustomer(stack, admin);
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({
      query: 'mutation ($input: PlaceOrderInput!, $key: String!) { placeOrder(input: $input, idempotencyKey: $key) { status } }',
      variables: { input: { customerId, lines: [{ productId, quantity: 2 }] }, key: `traced-${Date.now()}` },
    }),
  });
  const body = (await response.json()) as { data?: { placeOrder: { status: string } }; errors?: unknown; extensions?: { traceId?: string } };
  expect(body.errors).toBeUndefined();
  const spans = await traceOf(body.extensions!.traceId!);
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const gatewaySpans = spans.filter((s) => s.kind === SpanKind.SERVER && s.attributes[SERVER_ATTRIBUTE] === 'gateway');
  const root = gatewaySpans.find((s) => !s.parentSpanId)!;
  const orders = spans.find((s) => s.kind === SpanKind.SERVER && s.attributes[SERVER_ATTRIBUTE] === 'orders')!;
  expect(descendsFrom(orders, root, byId)).toBe(true);
  // orders → gateway (a second gateway server span, below orders') → inventory reserving the stock
  const nested = gatewaySpans.filter((s) => descendsFrom(s, orders, byId));
  expect(nested.length).toBeGreaterThan(0);
  const inventory = spans.filter((s) => s.kind === SpanKind.SERVER && s.attributes[SERVER_ATTRIBUTE] === 'inventory');
  expect(inventory.some((s) => nested.some((g) => descendsFrom(s, g, byId)))).toBe(true);
});

it('carries the trace of a stock change through the outbox to the relay and to a subscriber', async () => {
  const admin = await stack.token('ADMIN');
  const productId = await createProduct(stack, admin);
  const warehouseId = await createWarehouse(stack, admin);
  const client = wsClient(stack.gatewayUrl, admin);
  const sub = collect<{ stockChanged: { onHand: number } }>(client, 'subscription ($ids: [ID!]) { stockChanged(productIds: $ids) { onHand } }', { ids: [productId] });
  try {
    await eventually(() => stack.gateway.subscriptions.stats().groups > 0);
    await new Promise((r) => setTimeout(r, 200)); // the upstream subscription is being opened
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: 'mutation ($input: ReceiveStockInput!) { receiveStock(input: $input) { onHand } }', variables: { input: { productId, warehouseId, quantity: 4, reason: 'traced' } } }),
    });
    const body = (await response.json()) as { data: unknown; extensions?: { traceId?: string } };
    expect(body.data).toEqual({ receiveStock: { onHand: 4 } });
    const traceId = body.extensions!.traceId!;
    expect((await sub.waitFor(1))[0].data?.stockChanged.onHand).toBe(4);

    let spans: ReadableSpan[] = [];
    await eventually(() => {
      spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      return spans.some((s) => s.name === 'event.deliver stock.changed');
    }, 5000);
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const writer = spans.find((s) => s.name === 'resolve Mutation.receiveStock' && s.attributes[SERVER_ATTRIBUTE] === 'inventory')!;
    expect(writer).toBeDefined();
    const publish = spans.find((s) => s.name === 'event.publish stock.changed')!;
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(publish.parentSpanId).toBe(writer.spanContext().spanId);
    const deliver = spans.find((s) => s.name === 'event.deliver stock.changed')!;
    expect(deliver.kind).toBe(SpanKind.CONSUMER);
    expect(deliver.parentSpanId).toBe(writer.spanContext().spanId);
    expect(deliver.attributes[SERVER_ATTRIBUTE]).toBe('inventory');
    // the whole trace hangs from the gateway's span of the mutation
    const root = spans.find((s) => s.kind === SpanKind.SERVER && s.attributes[SERVER_ATTRIBUTE] === 'gateway')!;
    expect(descendsFrom(deliver, root, byId)).toBe(true);
  } finally {
    sub.stop();
    await client.dispose();
  }
});

/** Whether span `a` started after span `b` ended (hrtimes: [seconds, nanoseconds]). */
const startsAfterEnd = (a: ReadableSpan, b: ReadableSpan): boolean => a.startTime[0] > b.endTime[0] || (a.startTime[0] === b.endTime[0] && a.startTime[1] > b.endTime[1]);

it('keeps the outbox relay\'s polling out of the trace of the mutation that nudged it', async () => {
  const admin = await stack.token('ADMIN');
  const productId = await createProduct(stack, admin);
  const warehouseId = await createWarehouse(stack, admin);
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: 'mutation ($input: ReceiveStockInput!) { receiveStock(input: $input) { onHand } }', variables: { input: { productId, warehouseId, quantity: 3, reason: 'relay-trace' } } }),
  });
  const body = (await response.json()) as { data: unknown; extensions?: { traceId?: string } };
  expect(body.data).toEqual({ receiveStock: { onHand: 3 } });
  const traceId = body.extensions!.traceId!;
  await traceOf(traceId);
  // The relay polls every 250 ms: a timer that kept the mutation's context would add SQL here.
  await new Promise((r) => setTimeout(r, 1200));
  const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const root = spans.find((s) => s.kind === SpanKind.SERVER && s.attributes[SERVER_ATTRIBUTE] === 'gateway' && !s.parentSpanId)!;
  expect(root).toBeDefined();
  const relaySql = spans.filter((s) => s.attributes['db.system'] === 'postgresql' && String(s.attributes['db.query.text']).includes('published_at is null'));
  expect(relaySql.map((s) => s.attributes['db.query.text'])).toEqual([]);
  // Later spans of the trace are the event's own (publish, deliver: it carries the traceparent), none made by a timer.
  const late = spans.filter((s) => startsAfterEnd(s, root));
  expect(late.filter((s) => !s.name.startsWith('event.')).map((s) => s.name)).toEqual([]);
});

it('records a failure on a span without the error\'s text unless it is a DomainError', async () => {
  const em = stack.subgraphs.products.database.orm.em.fork();
  const secret = 'secret-value-4711';
  // PostgreSQL (and MikroORM's wrapper) quote the value in the message: 22P02 invalid input syntax for type integer: "secret-value-4711"
  const failure = await traced('failing sql', {}, () => em.getConnection().execute('select ?::int as n', [secret])).catch((error: unknown) => error);
  expect(String((failure as Error).message)).toContain(secret);
  await traced('domain failure', {}, () => Promise.reject(new DomainError(ErrorCode.NOT_FOUND, 'Product p-1 was not found'))).catch(() => undefined);
  const spans = exporter.getFinishedSpans();
  const sqlFailure = spans.find((s) => s.name === 'failing sql')!;
  expect(sqlFailure.status.message).toMatch(/22P02$/);
  expect(JSON.stringify([sqlFailure.status, sqlFailure.attributes, sqlFailure.events])).not.toContain(secret);
  // the statement's own span has only the text with its placeholder
  const statement = spans.find((s) => s.parentSpanId === sqlFailure.spanContext().spanId);
  if (statement) expect(JSON.stringify([statement.status, statement.attributes])).not.toContain(secret);
  expect(spans.find((s) => s.name === 'domain failure')?.status.message).toBe('Product p-1 was not found');
});

it('passes on the W3C trace context but not a client\'s baggage', () => {
  // What the gateway and subgraphs do with an incoming request's headers (inServerSpan) and an outgoing one's (the data source, GatewayClient).
  const incoming: Record<string, string> = { traceparent: '00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=1', baggage: 'user.email=someone%40example.com' };
  const outgoing: Record<string, string> = {};
  context.with(contextFromHeaders((name) => incoming[name]), () => injectTraceContext((name, value) => (outgoing[name] = value)));
  expect(outgoing).toEqual({ traceparent: incoming.traceparent, tracestate: 'vendor=1' });
});

it('makes no span for a subgraph request without the gateway\'s signature', async () => {
  const unsignedTrace = '6bf92f3577b34da6a3ce929d0e0e4736';
  const signedTrace = '7bf92f3577b34da6a3ce929d0e0e4736';
  const traceparent = `00-${unsignedTrace}-00f067aa0ba902b7-01`;
  // a JSON POST takes the plain node:http path; anything else (a GET) goes through express
  const post = await fetch(stack.subgraphs.products.url, { method: 'POST', headers: { 'content-type': 'application/json', traceparent }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(post.status).toBe(401);
  const get = await fetch(`${stack.subgraphs.products.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { traceparent, 'apollo-require-preflight': 'true' } });
  expect(get.status).toBe(401);
  // the same request through the gateway (signed) does make the subgraph's span: the check below can fail
  const admin = await stack.token('ADMIN');
  await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, traceparent: `00-${signedTrace}-00f067aa0ba902b7-01` },
    body: JSON.stringify({ query: '{ products(first: 1) { edges { node { id } } } }' }),
  });
  await traceOf(signedTrace);
  const productsServer = (traceId: string) => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId && s.attributes[SERVER_ATTRIBUTE] === 'products');
  await eventually(() => productsServer(signedTrace).length > 0);
  expect(productsServer(unsignedTrace)).toEqual([]);
});
