/**
 * Subscriptions through the gateway over graphql-ws (and SSE), with fields from several
 * subgraphs in every event, as a live dashboard uses them.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient as createSseClient } from 'graphql-sse';
import { CreateCustomerDocument, PlaceOrderDocument } from '../operations/__generated__/graphql';
import { executeOk, postGraphQL } from './support/client';
import { createCustomer, createProduct, createWarehouse, receive } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';
import { collect, eventually, wsClient } from './support/subscribe';

let stack: TestStack;
let admin: string;
let warehouse: string;
const clients: { dispose(): void | Promise<void> }[] = [];

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('ADMIN', ['customers:pii']);
  warehouse = await createWarehouse(stack, admin);
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stack?.stop();
});

const client = (token?: string, onClose?: (code: number) => void) => {
  const c = wsClient(stack.gatewayUrl, token, onClose);
  clients.push(c);
  return c;
};

const STOCK = `subscription ($ids: [ID!], $customerId: ID!) {
  stockChanged(productIds: $ids) { onHand reserved available product { name sku priceFor(customerId: $customerId) { amount } } }
}`;

describe('graphql-ws through the gateway', () => {
  test('each event carries fields from inventory and products, and only the products asked for', async () => {
    const wanted = await createProduct(stack, admin, '12.00', 'Watched drill');
    const other = await createProduct(stack, admin, '3.00', 'Unwatched screw');
    const customerId = await createCustomer(stack, admin);
    const sub = collect<{ stockChanged: { onHand: number; available: number; product: { name: string; priceFor: { amount: string } } } }>(client(admin), STOCK, { ids: [wanted], customerId });
    await eventually(() => stack.gateway.subscriptions.stats().groups > 0);
    await new Promise((r) => setTimeout(r, 200)); // the upstream subscription is being opened
    await receive(stack, admin, other, warehouse, 5);
    await receive(stack, admin, wanted, warehouse, 7);
    await receive(stack, admin, wanted, warehouse, 3);
    const results = await sub.waitFor(2);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(results.map((r) => r.data!.stockChanged.onHand)).toEqual([7, 10]);
    expect(results[1].data!.stockChanged).toMatchObject({ available: 10, product: { name: 'Watched drill', priceFor: { amount: '12.00' } } });
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.results).toHaveLength(2); // nothing about the other product
    sub.stop();
  });

  test('a bad token closes the socket with 4403 Forbidden', async () => {
    let closedWith = 0;
    const sub = collect(client(`${admin}tampered`, (code) => (closedWith = code)), STOCK, { customerId: randomUUID() });
    await eventually(() => closedWith !== 0);
    expect(closedWith).toBe(4403);
    expect(sub.results).toHaveLength(0);
  });

  test('rules apply to every event: a field the caller may not see is not sent', async () => {
    const agent = await stack.token('AGENT', [], 'agent-sub');
    const manager = await stack.token('MANAGER', [], 'manager-sub');
    const productId = await createProduct(stack, admin);
    await receive(stack, admin, productId, warehouse, 5);
    const { createCustomer: created } = await executeOk(
      stack.gatewayUrl,
      CreateCustomerDocument,
      { input: { code: `SUB-${randomUUID().slice(0, 8)}`, name: 'Watched Trading', email: 'buyer@watched.example', creditLimit: { amount: '100', currency: 'EUR' } } },
      { token: admin },
    );
    // the agent may follow this customer (its territory's), so what it is refused is the field
    const ok = async (query: string, variables: Record<string, unknown>) => {
      const result = await postGraphQL<Record<string, { id: string }>>(stack.gatewayUrl, query, variables, { token: admin });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!;
    };
    const territory = (await ok('mutation ($i: CreateTerritoryInput!) { createTerritory(input: $i) { id } }', { i: { code: `T-${randomUUID().slice(0, 6)}`, name: 'Sub', managerSubject: 'manager-sub' } })).createTerritory.id;
    await ok('mutation ($i: CreateAgentInput!) { createAgent(input: $i) { id } }', { i: { employeeId: `E-${randomUUID().slice(0, 6)}`, name: 'agent-sub', email: 'agent-sub@example.com', territoryId: territory, subject: 'agent-sub' } });
    await ok('mutation ($c: ID!, $t: ID!) { assignCustomer(customerId: $c, territoryId: $t) { id } }', { c: created.id, t: territory });
    const masked = collect<{ orderStatusChanged: { number: string; customer: { email: string } } }>(
      client(manager),
      'subscription ($c: ID!) { orderStatusChanged(customerId: $c) { number status customer { name email } } }',
      { c: created.id },
    );
    const payments = collect<{ orderStatusChanged: unknown }>(client(agent), 'subscription ($c: ID!) { orderStatusChanged(customerId: $c) { number transactions { kind } } }', { c: created.id });
    try {
      await eventually(() => stack.gateway.subscriptions.stats().groups >= 2);
      await new Promise((r) => setTimeout(r, 300));
      await executeOk(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId: created.id, lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin });
      const [event] = await masked.waitFor(1);
      expect(event.errors).toBeUndefined();
      expect(event.data?.orderStatusChanged).toMatchObject({ number: expect.stringMatching(/^SO-\d{6}$/), customer: { name: 'Watched Trading', email: 'b***@watched.example' } });
      const [denied] = await payments.waitFor(1);
      expect(denied.data ?? null).toBeNull();
      expect(denied.errors?.[0]).toMatchObject({ path: ['orderStatusChanged', 'transactions'], extensions: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(denied)).not.toContain('FORWARD');
    } finally {
      masked.stop();
      payments.stop();
    }
  });

  test('identical subscriptions share one upstream subscription; the last one leaving closes it', async () => {
    await eventually(() => stack.gateway.subscriptions.stats().clients === 0);
    const productId = await createProduct(stack, admin);
    const customerId = await createCustomer(stack, admin);
    const a = collect(client(admin), STOCK, { ids: [productId], customerId });
    const b = collect(client(admin), STOCK, { ids: [productId], customerId });
    await eventually(() => stack.gateway.subscriptions.stats().clients === 2);
    expect(stack.gateway.subscriptions.stats().groups).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    await receive(stack, admin, productId, warehouse, 1);
    await a.waitFor(1);
    await b.waitFor(1);
    a.stop();
    await eventually(() => stack.gateway.subscriptions.stats().clients === 1);
    expect(stack.gateway.subscriptions.stats().groups).toBe(1);
    b.stop();
    await eventually(() => stack.gateway.subscriptions.stats().groups === 0);
  });

  test('a subgraph restart is survived: the gateway resubscribes and the client keeps its subscription', async () => {
    const productId = await createProduct(stack, admin);
    const customerId = await createCustomer(stack, admin);
    const sub = collect<{ stockChanged: { onHand: number } }>(client(admin), STOCK, { ids: [productId], customerId });
    await new Promise((r) => setTimeout(r, 300));
    await receive(stack, admin, productId, warehouse, 1);
    await sub.waitFor(1);
    await stack.restart('inventory');
    // the gateway reconnects with backoff; keep changing stock until an event gets through
    await eventually(async () => {
      await receive(stack, admin, productId, warehouse, 1);
      return sub.results.length >= 2;
    }, 20_000);
    expect(sub.ended).toEqual({});
    expect(sub.results.at(-1)!.data!.stockChanged.onHand).toBeGreaterThan(1);
    sub.stop();
  });
});

describe('Server-Sent Events', () => {
  test('the same subscription streams over SSE', async () => {
    const productId = await createProduct(stack, admin, '4.50', 'SSE widget');
    const customerId = await createCustomer(stack, admin);
    const sse = createSseClient({ url: `${stack.gatewayUrl}/stream`, headers: { authorization: `Bearer ${admin}` }, retryAttempts: 0 });
    const received: { data?: { stockChanged: { onHand: number; product: { name: string } } }; extensions?: { cursor?: unknown } }[] = [];
    const stop = sse.subscribe({ query: STOCK, variables: { ids: [productId], customerId } }, { next: (r) => void received.push(r as never), error: () => undefined, complete: () => undefined });
    await eventually(() => stack.gateway.subscriptions.stats().groups > 0);
    await new Promise((r) => setTimeout(r, 300));
    await receive(stack, admin, productId, warehouse, 9);
    await eventually(() => received.length === 1);
    expect(received[0].data?.stockChanged).toMatchObject({ onHand: 9, product: { name: 'SSE widget' } });
    expect(typeof received[0].extensions?.cursor).toBe('string'); // to resume with `after`, as over graphql-ws
    stop();
    sse.dispose();
  });

  test('SSE without valid credentials is refused with 401', async () => {
    const response = await fetch(`${stack.gatewayUrl}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Bearer nope' },
      body: JSON.stringify({ query: STOCK, variables: { customerId: randomUUID() } }),
    });
    expect(response.status).toBe(401);
  });
});

describe('a supergraph reload', () => {
  let reloading: TestStack;
  const file = path.join(os.tmpdir(), `tradegraph-reload-${randomUUID()}.graphql`);
  beforeAll(async () => {
    reloading = await startStack({ subgraphs: ['products', 'inventory'], supergraphFile: file });
  });
  afterAll(async () => {
    await reloading?.stop();
    fs.rmSync(file, { force: true });
  });

  test('ends open subscriptions cleanly with SCHEMA_CHANGED, and new ones work on the new schema', async () => {
    const token = await reloading.token('ADMIN');
    const client = wsClient(reloading.gatewayUrl, token);
    try {
      const before = collect(client, 'subscription { stockChanged { onHand } }');
      await eventually(() => reloading.gateway.subscriptions.stats().groups === 1);
      fs.appendFileSync(file, '\n# a new version of the supergraph\n');
      await eventually(() => before.ended.completed === true, 10_000);
      expect(before.results.at(-1)?.errors?.[0]).toMatchObject({ message: 'The supergraph changed; subscribe again', extensions: { code: 'SCHEMA_CHANGED' } });
      expect(reloading.gateway.subscriptions.stats().groups).toBe(0);

      const after = collect<{ stockChanged: { onHand: number } }>(client, 'subscription { stockChanged { onHand } }');
      await eventually(() => reloading.gateway.subscriptions.stats().groups === 1);
      await new Promise((r) => setTimeout(r, 300));
      const productId = await createProduct(reloading, token);
      await receive(reloading, token, productId, await createWarehouse(reloading, token), 2);
      expect((await after.waitFor(1))[0].data?.stockChanged.onHand).toBe(2);
      after.stop();
    } finally {
      await client.dispose();
    }
  });
});

describe('visitUpdated', () => {
  test('an agent follows its own visits and may not follow another agent', async () => {
    const manager = await stack.token('MANAGER', [], 'manager-visits');
    const call = async <T>(query: string, variables: Record<string, unknown>, token = admin) => {
      const result = await postGraphQL<T>(stack.gatewayUrl, query, variables, { token });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!;
    };
    const { createTerritory } = await call<{ createTerritory: { id: string } }>('mutation ($i: CreateTerritoryInput!) { createTerritory(input: $i) { id } }', {
      i: { code: `T-${randomUUID().slice(0, 6)}`, name: 'North', managerSubject: 'manager-visits' },
    });
    const agent = async (subject: string) =>
      (
        await call<{ createAgent: { id: string } }>('mutation ($i: CreateAgentInput!) { createAgent(input: $i) { id } }', {
          i: { employeeId: `E-${randomUUID().slice(0, 6)}`, name: subject, email: `${subject}@example.com`, territoryId: createTerritory.id, subject },
        })
      ).createAgent.id;
    const mine = await agent('agent-follow');
    const theirs = await agent('agent-other');
    const customerId = await createCustomer(stack, admin);
    await call('mutation ($c: ID!, $t: ID!, $a: ID) { assignCustomer(customerId: $c, territoryId: $t, agentId: $a) { id } }', { c: customerId, t: createTerritory.id, a: mine });

    const agentToken = await stack.token('AGENT', [], 'agent-follow');
    const denied = collect(client(agentToken), 'subscription ($a: ID!) { visitUpdated(agentId: $a) { id } }', { a: theirs });

    const sub = collect<{ visitUpdated: { status: string; customer: { id: string } } }>(client(agentToken), 'subscription ($a: ID!) { visitUpdated(agentId: $a) { status type customer { id } } }', { a: mine });
    await eventually(() => denied.ended.completed === true);
    expect(denied.results).toHaveLength(1);
    expect(denied.results[0].errors?.[0]).toMatchObject({ message: 'You may not follow this agent', extensions: { code: 'FORBIDDEN' } });
    await eventually(() => stack.gateway.subscriptions.stats().groups >= 1);
    await new Promise((r) => setTimeout(r, 300));
    const { planVisit } = await call<{ planVisit: { id: string } }>(
      'mutation ($i: PlanVisitInput!) { planVisit(input: $i) { id } }',
      { i: { agentId: mine, customerId, type: 'SALES', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() } },
      manager,
    );
    await call('mutation ($id: ID!) { cancelVisit(id: $id, reason: "rescheduled") { id } }', { id: planVisit.id }, manager);
    const events = await sub.waitFor(2);
    expect(events.map((e) => e.data?.visitUpdated.status)).toEqual(['PLANNED', 'CANCELLED']);
    expect(events[0].data?.visitUpdated.customer.id).toBe(customerId);
    sub.stop();
  });
});
