/**
 * Field sales across the supergraph: territories, agents and visits in field-agents, customer
 * locations from customers, sales from orders. Real subgraphs, real PostgreSQL, through the
 * gateway, as a field app and a manager's dashboard would call it.
 */
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tradegraph/kit';
import {
  AgentByIdDocument,
  AgentResultsDocument,
  AgentsDocument,
  AssignCustomerDocument,
  CancelOrderDocument,
  CancelVisitDocument,
  CompleteVisitDocument,
  CreateAgentDocument,
  CreateCustomerDocument,
  CreateTerritoryDocument,
  CustomerByIdDocument,
  CustomerFieldSalesDocument,
  CustomersWithPriceListsDocument,
  ManagerDashboardDocument,
  MyAgentDocument,
  MyVisitsDocument,
  OrderByIdDocument,
  PlaceOrderDocument,
  PlanVisitDocument,
  StartVisitDocument,
  VisitByIdDocument,
  VisitsDocument,
} from '../operations/__generated__/graphql';
import { execute, executeOk, postGraphQL } from './support/client';
import { stockedProduct } from './support/fixtures';
import { countStatements, startStack, type TestStack } from './support/stack';

/** Metres per degree of latitude on the mean Earth sphere (R = 6,371,008.8 m): 2πR / 360. */
const METRES_PER_DEGREE = 111_195.08;
const TV_TOWER = { lat: 52.520815, lng: 13.409419 };
const north = (metres: number) => ({ lat: TV_TOWER.lat + metres / METRES_PER_DEGREE, lng: TV_TOWER.lng, accuracyMeters: 8 });

let stack: TestStack;
let admin: string;
let agentOneToken: string;
let agentTwoToken: string;
let managerA: string;
let territoryA: string;
let territoryB: string;
let agentOne: string;
let agentTwo: string;
let agentThree: string;
let customerA: string; // territory A, at the TV tower, looked after by agent one
let customerA2: string; // territory A, no location
let customerB: string; // territory B
const events: EventEnvelope[] = [];
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

async function customer(name: string, location: { lat: number; lng: number } | null): Promise<string> {
  const { createCustomer } = await executeOk(
    stack.gatewayUrl,
    CreateCustomerDocument,
    { input: { code: unique('FC'), name, creditLimit: { amount: '100000', currency: 'EUR' }, location } },
    { token: admin },
  );
  return createCustomer.id;
}

async function agent(territoryId: string, subject: string): Promise<string> {
  const { createAgent } = await executeOk(
    stack.gatewayUrl,
    CreateAgentDocument,
    { input: { employeeId: unique('E'), name: `Agent ${subject}`, email: `${subject}@example.com`, territoryId, subject, vehicle: { type: 'VAN', registration: 'B-TG 1' } } },
    { token: admin },
  );
  return createAgent.id;
}

const plan = (token: string, customerId: string, scheduledAt: Date, agentId?: string) =>
  execute(stack.gatewayUrl, PlanVisitDocument, { input: { customerId, agentId, type: 'SALES', scheduledAt: scheduledAt.toISOString() } }, { token });
const planOk = async (token: string, customerId: string, scheduledAt: Date, agentId?: string) => {
  const result = await plan(token, customerId, scheduledAt, agentId);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.planVisit.id;
};
const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);
const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000);

beforeAll(async () => {
  stack = await startStack({ settings: { 'field-agents': { missedAfterMinutes: 60, missedSweepMs: 200 } } });
  admin = await stack.token('ADMIN');
  managerA = await stack.token('MANAGER', [], 'fa-manager-a');
  agentOneToken = await stack.token('AGENT', [], 'fa-agent-1');
  agentTwoToken = await stack.token('AGENT', [], 'fa-agent-2');
  await stack.bus.subscribe('Visit', (event) => events.push(event));

  territoryA = (await executeOk(stack.gatewayUrl, CreateTerritoryDocument, { input: { code: unique('TA'), name: 'Berlin', managerSubject: 'fa-manager-a' } }, { token: admin })).createTerritory.id;
  territoryB = (await executeOk(stack.gatewayUrl, CreateTerritoryDocument, { input: { code: unique('TB'), name: 'Hamburg', managerSubject: 'fa-manager-b' } }, { token: admin })).createTerritory.id;
  agentOne = await agent(territoryA, 'fa-agent-1');
  agentThree = await agent(territoryA, 'fa-agent-3');
  agentTwo = await agent(territoryB, 'fa-agent-2');
  customerA = await customer('Tower Hardware', TV_TOWER);
  customerA2 = await customer('Nowhere Supply', null);
  customerB = await customer('Harbour Secret Trading', { lat: 53.551, lng: 9.993 });
  for (const [c, t, a] of [[customerA, territoryA, agentOne], [customerA2, territoryA, agentThree], [customerB, territoryB, agentTwo]]) {
    await executeOk(stack.gatewayUrl, AssignCustomerDocument, { customerId: c, territoryId: t, agentId: a }, { token: admin });
  }
});
afterAll(() => stack?.stop());

describe('agents and territories', () => {
  test('an agent\'s token finds its record; assignments show on the customer', async () => {
    const mine = await executeOk(stack.gatewayUrl, MyAgentDocument, {}, { token: agentOneToken });
    expect(mine.myAgent).toMatchObject({ id: agentOne, subject: 'fa-agent-1', vehicle: { type: 'VAN' }, territory: { id: territoryA } });
    expect((await executeOk(stack.gatewayUrl, MyAgentDocument, {}, { token: admin })).myAgent).toBeNull();

    const c = await executeOk(stack.gatewayUrl, CustomerFieldSalesDocument, { id: customerA, visitsFirst: 5 }, { token: admin });
    expect(c.customer).toMatchObject({ name: 'Tower Hardware', territory: { code: expect.stringMatching(/^TA-/) }, assignedAgent: { name: 'Agent fa-agent-1' } });

    const unknown = await execute(stack.gatewayUrl, AssignCustomerDocument, { customerId: randomUUID(), territoryId: territoryA }, { token: admin });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'customerId' }] });
    const wrongAgent = await execute(stack.gatewayUrl, AssignCustomerDocument, { customerId: customerA, territoryId: territoryA, agentId: agentTwo }, { token: admin });
    expect(wrongAgent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'agentId' }] });
  });

  test('the SERVICE-only lookups are refused to everyone else', async () => {
    // agents are outside the public schema partners are served: refused before field-agents is asked
    const direct = await execute(stack.gatewayUrl, AgentsDocument, { first: 1 }, { token: await stack.token('PARTNER', [], 'p') });
    expect(codes(direct)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const lookup = await postGraphQL(stack.gatewayUrl, '{ territoryCustomerIds(agentSubject: "fa-agent-1") }', undefined, { token: admin });
    expect(codes(lookup)).toEqual(['FORBIDDEN']);
    const service = await postGraphQL<{ territoryCustomerIds: string[] }>(stack.gatewayUrl, '{ territoryCustomerIds(agentSubject: "fa-agent-1") }', undefined, { token: await stack.token('SERVICE', [], 'service:test') });
    expect(new Set(service.data?.territoryCustomerIds)).toEqual(new Set([customerA, customerA2]));
  });
});

describe('visits', () => {
  test('plan → start (50 m away: on site) → complete, every move recorded and published; forbidden moves are INVALID_TRANSITION', async () => {
    const id = await planOk(agentOneToken, customerA, inHours(1));
    const early = await execute(stack.gatewayUrl, CompleteVisitDocument, { id, input: { checkOut: north(10) } }, { token: agentOneToken });
    expect(codes(early)).toEqual(['INVALID_TRANSITION']);

    const started = await executeOk(stack.gatewayUrl, StartVisitDocument, { id, checkIn: north(50) }, { token: agentOneToken });
    expect(started.startVisit.status).toBe('IN_PROGRESS');
    expect(started.startVisit.offSite).toBe(false);
    expect(Math.abs(started.startVisit.distanceMeters! - 50)).toBeLessThanOrEqual(1);
    expect(started.startVisit.checkIn).toMatchObject({ lat: north(50).lat, lng: TV_TOWER.lng, accuracyMeters: 8 });

    const cancel = await execute(stack.gatewayUrl, CancelVisitDocument, { id, reason: 'too late' }, { token: agentOneToken });
    expect(cancel.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'IN_PROGRESS', to: 'CANCELLED' });
    const done = await executeOk(
      stack.gatewayUrl,
      CompleteVisitDocument,
      { id, input: { checkOut: north(20), outcome: 'ordered', notes: 'wants a demo', photoUrls: ['https://img.example.com/1.jpg'] } },
      { token: agentOneToken },
    );
    expect(done.completeVisit).toMatchObject({ status: 'COMPLETED', outcome: 'ordered', notes: 'wants a demo', photoUrls: ['https://img.example.com/1.jpg'] });
    const again = await execute(stack.gatewayUrl, StartVisitDocument, { id, checkIn: north(0) }, { token: agentOneToken });
    expect(codes(again)).toEqual(['INVALID_TRANSITION']);

    const read = await executeOk(stack.gatewayUrl, VisitByIdDocument, { id }, { token: agentOneToken });
    expect(read.visit?.statusHistory.map((h) => [h.from, h.to, h.actor])).toEqual([
      [null, 'PLANNED', 'fa-agent-1'],
      ['PLANNED', 'IN_PROGRESS', 'fa-agent-1'],
      ['IN_PROGRESS', 'COMPLETED', 'fa-agent-1'],
    ]);
    expect(read.visit?.customer).toEqual({ id: customerA, name: 'Tower Hardware' });

    await waitFor(() => events.filter((e) => e.entityId === id).length === 3);
    const mine = events.filter((e) => e.entityId === id);
    expect(mine.map((e) => [e.type, e.version])).toEqual([['visit.planned', 1], ['visit.status_changed', 2], ['visit.status_changed', 3]]);
    expect(mine[1].payload).toMatchObject({ visitId: id, agentId: agentOne, customerId: customerA, territoryId: territoryA, from: 'PLANNED', to: 'IN_PROGRESS' });
  });

  test('a check-in 2 km away is recorded off-site; a customer without a location gives no distance', async () => {
    const far = await planOk(agentOneToken, customerA, inHours(2));
    const started = await executeOk(stack.gatewayUrl, StartVisitDocument, { id: far, checkIn: north(2000) }, { token: agentOneToken });
    expect(started.startVisit.offSite).toBe(true);
    expect(Math.abs(started.startVisit.distanceMeters! - 2000)).toBeLessThanOrEqual(1);

    const nowhere = await planOk(admin, customerA2, inHours(2), agentThree);
    const anywhere = await executeOk(stack.gatewayUrl, StartVisitDocument, { id: nowhere, checkIn: north(5000) }, { token: admin });
    expect(anywhere.startVisit).toMatchObject({ status: 'IN_PROGRESS', distanceMeters: null, offSite: false });
  });

  test('planning is for one\'s own customers and oneself', async () => {
    expect(codes(await plan(agentOneToken, customerB, inHours(1)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await plan(agentOneToken, customerA, inHours(1), agentThree))).toEqual(['FORBIDDEN']);
    expect(codes(await plan(managerA, customerB, inHours(1), agentTwo))).toEqual(['FORBIDDEN']);
    expect(codes(await plan(managerA, customerA2, inHours(1), agentThree))).toEqual([]);
  });

  test('the sweep marks PLANNED visits more than missedAfterMinutes overdue as MISSED, and no others', async () => {
    const overdue = await planOk(agentOneToken, customerA, inHours(-2));
    const recent = await planOk(agentOneToken, customerA, inHours(-0.5));
    await waitFor(async () => (await executeOk(stack.gatewayUrl, VisitByIdDocument, { id: overdue }, { token: admin })).visit?.status === 'MISSED');
    const missed = await executeOk(stack.gatewayUrl, VisitByIdDocument, { id: overdue }, { token: admin });
    expect(missed.visit?.statusHistory.at(-1)).toMatchObject({ from: 'PLANNED', to: 'MISSED', actor: 'system:missed-visits' });
    expect((await executeOk(stack.gatewayUrl, VisitByIdDocument, { id: recent }, { token: admin })).visit?.status).toBe('PLANNED');
    expect(codes(await execute(stack.gatewayUrl, StartVisitDocument, { id: overdue, checkIn: north(0) }, { token: agentOneToken }))).toEqual(['INVALID_TRANSITION']);
    await executeOk(stack.gatewayUrl, CancelVisitDocument, { id: recent, reason: 'customer closed' }, { token: agentOneToken });
  });

  test('myVisits: the agent\'s own visits of the day, in scheduled order', async () => {
    const day = new Date(Date.now() + 7 * 24 * 3600_000);
    day.setUTCHours(0, 0, 0, 0);
    const at = (h: number) => new Date(day.getTime() + h * 3600_000);
    const late = await planOk(agentOneToken, customerA, at(15));
    const early = await planOk(agentOneToken, customerA, at(9));
    await planOk(agentOneToken, customerA, at(25)); // the next day
    await planOk(admin, customerA2, at(10), agentThree); // someone else's
    const { myVisits } = await executeOk(stack.gatewayUrl, MyVisitsDocument, { date: day.toISOString() }, { token: agentOneToken });
    expect(myVisits.map((v) => v.id)).toEqual([early, late]);
    expect(myVisits[0].customer).toMatchObject({ id: customerA, location: TV_TOWER });
  });
});

describe('what an agent may see', () => {
  let othersVisit: string;
  let movedVisit: string;
  let movedCustomer: string;
  let othersOrder: string;
  let ownVisitOfA: string;

  beforeAll(async () => {
    othersVisit = await planOk(agentTwoToken, customerB, inHours(3));
    ownVisitOfA = await planOk(agentOneToken, customerA, inHours(3));
    await planOk(admin, customerA, inHours(4), agentThree); // same customer, another agent of the territory
    const { productId } = await stockedProduct(stack, admin, 10);
    othersOrder = (await executeOk(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId: customerB, lines: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() }, { token: admin })).placeOrder.id;
  });

  test('visits: the list, visit(id) and Customer.visits hold its own only', async () => {
    const list = await executeOk(stack.gatewayUrl, VisitsDocument, { first: 100 }, { token: agentOneToken });
    expect(list.visits.edges.length).toBeGreaterThan(0);
    expect(list.visits.edges.every((e) => e.node.agent?.id === agentOne)).toBe(true);
    expect(list.visits.totalCount).toBe(list.visits.edges.length);
    const filtered = await executeOk(stack.gatewayUrl, VisitsDocument, { filter: { agentId: agentTwo }, first: 10 }, { token: agentOneToken });
    expect(filtered.visits.totalCount).toBe(0);

    expect((await executeOk(stack.gatewayUrl, VisitByIdDocument, { id: othersVisit }, { token: agentOneToken })).visit).toBeNull();
    expect((await executeOk(stack.gatewayUrl, VisitByIdDocument, { id: othersVisit }, { token: agentTwoToken })).visit?.id).toBe(othersVisit);

    const c = await executeOk(stack.gatewayUrl, CustomerFieldSalesDocument, { id: customerA, visitsFirst: 100 }, { token: agentOneToken });
    const all = await executeOk(stack.gatewayUrl, CustomerFieldSalesDocument, { id: customerA, visitsFirst: 100 }, { token: admin });
    expect(all.customer!.visits!.totalCount).toBeGreaterThan(c.customer!.visits!.totalCount);
    const ownIds = new Set(list.visits.edges.map((e) => e.node.id));
    expect(c.customer!.visits!.edges.map((e) => e.node.id)).toContain(ownVisitOfA);
    expect(c.customer!.visits!.edges.every((e) => ownIds.has(e.node.id))).toBe(true);
    expect(c.customer!.visits!.totalCount).toBe(c.customer!.visits!.edges.length);
    // another agent of the same territory is not visible as the customer's agent either
    const a2 = await executeOk(stack.gatewayUrl, CustomerFieldSalesDocument, { id: customerA2, visitsFirst: 10 }, { token: agentOneToken });
    expect(a2.customer).toMatchObject({ name: 'Nowhere Supply', assignedAgent: null, visits: { totalCount: 0 } });
  });

  test('agents: its own record only', async () => {
    const page = await executeOk(stack.gatewayUrl, AgentsDocument, { first: 50 }, { token: agentOneToken });
    expect(page.agents.edges.map((e) => e.node.id)).toEqual([agentOne]);
    expect((await executeOk(stack.gatewayUrl, AgentByIdDocument, { id: agentTwo }, { token: agentOneToken })).agent).toBeNull();
  });

  test('customers: its territory\'s only, by the list, by id and through other subgraphs\' entities', async () => {
    const page = await executeOk(stack.gatewayUrl, CustomersWithPriceListsDocument, { first: 100 }, { token: agentOneToken });
    expect(new Set(page.customers.edges.map((e) => e.node.id))).toEqual(new Set([customerA, customerA2]));
    expect(page.customers.totalCount).toBe(2);
    expect((await executeOk(stack.gatewayUrl, CustomerByIdDocument, { id: customerB }, { token: agentOneToken })).customer).toBeNull();
    expect((await executeOk(stack.gatewayUrl, CustomerByIdDocument, { id: customerA }, { token: agentOneToken })).customer?.id).toBe(customerA);
    const adminPage = await executeOk(stack.gatewayUrl, CustomersWithPriceListsDocument, { first: 100 }, { token: admin });
    expect(adminPage.customers.totalCount).toBeGreaterThan(2);

    // another territory's order is not there for the agent (see agent-territory.test.ts)
    const order = await execute(stack.gatewayUrl, OrderByIdDocument, { id: othersOrder }, { token: agentOneToken });
    expect(JSON.stringify(order)).not.toContain('Harbour Secret Trading');
    expect(order.data?.order ?? null).toBeNull();
    const asAdmin = await executeOk(stack.gatewayUrl, OrderByIdDocument, { id: othersOrder }, { token: admin });
    expect(asAdmin.order?.customer?.name).toBe('Harbour Secret Trading');

    // its own visit → a customer that has since moved to another territory: the visit stays,
    // its customer is null with FORBIDDEN at its path, nothing leaks
    movedCustomer = await customer('Moved Away Secret', TV_TOWER);
    await executeOk(stack.gatewayUrl, AssignCustomerDocument, { customerId: movedCustomer, territoryId: territoryA, agentId: agentOne }, { token: admin });
    movedVisit = await planOk(agentOneToken, movedCustomer, inHours(5));
    expect((await executeOk(stack.gatewayUrl, VisitByIdDocument, { id: movedVisit }, { token: agentOneToken })).visit?.customer?.name).toBe('Moved Away Secret');
    await executeOk(stack.gatewayUrl, AssignCustomerDocument, { customerId: movedCustomer, territoryId: territoryB, agentId: agentTwo }, { token: admin });
    const visit = await execute(stack.gatewayUrl, VisitByIdDocument, { id: movedVisit }, { token: agentOneToken });
    expect(JSON.stringify(visit)).not.toContain('Moved Away Secret');
    expect(visit.data?.visit).toMatchObject({ id: movedVisit, customer: null });
    expect(visit.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['visit.customer', 'FORBIDDEN']]);
    const visits = await execute(stack.gatewayUrl, VisitsDocument, { filter: { customerId: movedCustomer }, first: 5 }, { token: agentOneToken });
    expect(JSON.stringify(visits)).not.toContain('Moved Away Secret');
    expect((await executeOk(stack.gatewayUrl, VisitByIdDocument, { id: movedVisit }, { token: admin })).visit?.customer?.name).toBe('Moved Away Secret');
  });

  test('a manager sees the agents and visits of the territories it manages', async () => {
    const page = await executeOk(stack.gatewayUrl, AgentsDocument, { first: 50 }, { token: managerA });
    expect(new Set(page.agents.edges.map((e) => e.node.id))).toEqual(new Set([agentOne, agentThree]));
    expect((await executeOk(stack.gatewayUrl, VisitByIdDocument, { id: othersVisit }, { token: managerA })).visit).toBeNull();
    const visits = await executeOk(stack.gatewayUrl, VisitsDocument, { first: 100 }, { token: managerA });
    expect(visits.visits.edges.every((e) => [agentOne, agentThree].includes(e.node.agent!.id))).toBe(true);
  });
});

describe('performance across visits and orders', () => {
  test('visit figures and sales match a hand-computed fixture; the dashboard costs a fixed number of statements', async () => {
    // A fresh territory, manager and agent, so nothing from other tests counts.
    const manager = await stack.token('MANAGER', [], 'fa-manager-perf');
    const territory = (await executeOk(stack.gatewayUrl, CreateTerritoryDocument, { input: { code: unique('TP'), name: 'Perf', managerSubject: 'fa-manager-perf' } }, { token: admin })).createTerritory.id;
    const seller = await agent(territory, 'fa-agent-perf');
    const colleague = await agent(territory, 'fa-agent-perf-2');
    const sellerToken = await stack.token('AGENT', [], 'fa-agent-perf');
    const shop = await customer('Perf Shop', TV_TOWER);
    await executeOk(stack.gatewayUrl, AssignCustomerDocument, { customerId: shop, territoryId: territory, agentId: seller }, { token: admin });

    // visits: 2 completed (one off-site), 1 missed, 1 still planned, 1 cancelled → planned 5
    for (const metres of [30, 900]) {
      const id = await planOk(sellerToken, shop, inHours(1));
      await executeOk(stack.gatewayUrl, StartVisitDocument, { id, checkIn: north(metres) }, { token: sellerToken });
      await executeOk(stack.gatewayUrl, CompleteVisitDocument, { id, input: { checkOut: north(metres) } }, { token: sellerToken });
    }
    const missed = await planOk(sellerToken, shop, inHours(-3));
    await planOk(sellerToken, shop, inHours(6));
    await executeOk(stack.gatewayUrl, CancelVisitDocument, { id: await planOk(sellerToken, shop, inHours(7)) }, { token: sellerToken });
    await waitFor(async () => (await executeOk(stack.gatewayUrl, VisitByIdDocument, { id: missed }, { token: admin })).visit?.status === 'MISSED');

    // orders at 10.00 + 19 % tax: the agent places 2 × 2 units (23.80 each) and 1 unit that is
    // cancelled; it also claims its colleague placed one (ignored: an agent is always itself);
    // an admin records the colleague as placer of one more (allowed for staff).
    const { productId } = await stockedProduct(stack, admin, 100);
    const placeAs = (token: string, quantity: number, placedById?: string) =>
      executeOk(stack.gatewayUrl, PlaceOrderDocument, { input: { customerId: shop, lines: [{ productId, quantity }], placedById }, idempotencyKey: randomUUID() }, { token });
    const first = await placeAs(sellerToken, 2);
    await placeAs(sellerToken, 2, colleague);
    const cancelled = await placeAs(sellerToken, 1);
    await executeOk(stack.gatewayUrl, CancelOrderDocument, { id: cancelled.placeOrder.id }, { token: admin });
    await placeAs(admin, 1, colleague);
    expect((await executeOk(stack.gatewayUrl, OrderByIdDocument, { id: first.placeOrder.id }, { token: admin })).order?.placedById).toBe(seller);

    const from = inHours(-24).toISOString();
    const to = inHours(24).toISOString();
    const results = await executeOk(stack.gatewayUrl, AgentResultsDocument, { id: seller, from, to }, { token: manager });
    expect(results.agent).toMatchObject({
      performance: { planned: 5, completed: 2, missed: 1, completionRate: 2 / 3, offSiteCheckIns: 1 },
      sales: { orderCount: 2, revenue: { amount: '47.60', currency: 'EUR' } },
      orders: { totalCount: 3 },
    });
    const colleagueResults = await executeOk(stack.gatewayUrl, AgentResultsDocument, { id: colleague, from, to }, { token: manager });
    expect(colleagueResults.agent).toMatchObject({ performance: { planned: 0, completionRate: null }, sales: { orderCount: 1, revenue: { amount: '11.90' } } });
    // another manager does not see this agent at all
    expect((await executeOk(stack.gatewayUrl, AgentResultsDocument, { id: seller, from, to }, { token: managerA })).agent).toBeNull();

    const { result: dashboard, statements } = await countStatements(stack, (headers) =>
      executeOk(stack.gatewayUrl, ManagerDashboardDocument, { from, to }, { token: manager, headers }),
    );
    expect(dashboard.territories).toHaveLength(1);
    const byName = new Map(dashboard.territories[0].agents.map((a) => [a.id, a]));
    expect(byName.get(seller)).toMatchObject({ performance: { planned: 5, completed: 2, missed: 1 }, sales: { orderCount: 2, revenue: { amount: '47.60' } } });
    expect(byName.get(colleague)).toMatchObject({ sales: { orderCount: 1 } });
    // field-agents: the territories the caller manages (its access), the territory list, the
    // agents of those territories, their visit figures (one grouped statement); orders: their
    // sales (one grouped statement). However many agents and territories: 5.
    expect(statements).toBe(5);
  });
});

describe('the REFUSE policy', () => {
  let refusing: TestStack;
  beforeAll(async () => {
    refusing = await startStack({ subgraphs: ['customers', 'field-agents'], settings: { 'field-agents': { offSitePolicy: 'REFUSE', checkInRadiusMeters: 300 } } });
  });
  afterAll(() => refusing?.stop());

  test('an off-site check-in is refused with BAD_USER_INPUT and the visit stays PLANNED; an on-site one is taken', async () => {
    const token = await refusing.token('ADMIN');
    const { createCustomer } = await executeOk(refusing.gatewayUrl, CreateCustomerDocument, { input: { code: 'R-1', name: 'Refuse Co', creditLimit: { amount: '1', currency: 'EUR' }, location: TV_TOWER } }, { token });
    const t = (await executeOk(refusing.gatewayUrl, CreateTerritoryDocument, { input: { code: 'R', name: 'R' } }, { token })).createTerritory.id;
    const a = (await executeOk(refusing.gatewayUrl, CreateAgentDocument, { input: { employeeId: 'R1', name: 'R', email: 'r@example.com', territoryId: t } }, { token })).createAgent.id;
    await executeOk(refusing.gatewayUrl, AssignCustomerDocument, { customerId: createCustomer.id, territoryId: t, agentId: a }, { token });
    const id = (await executeOk(refusing.gatewayUrl, PlanVisitDocument, { input: { customerId: createCustomer.id, agentId: a, type: 'SURVEY', scheduledAt: inHours(1).toISOString() } }, { token })).planVisit.id;
    const refused = await execute(refusing.gatewayUrl, StartVisitDocument, { id, checkIn: north(2000) }, { token });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'checkIn' }] });
    expect((await executeOk(refusing.gatewayUrl, VisitByIdDocument, { id }, { token })).visit?.status).toBe('PLANNED');
    const taken = await executeOk(refusing.gatewayUrl, StartVisitDocument, { id, checkIn: north(50) }, { token });
    expect(taken.startVisit).toMatchObject({ status: 'IN_PROGRESS', offSite: false });
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
