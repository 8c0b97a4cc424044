/**
 * The live operations dashboard on GET /dashboard, in a real browser (the OS's Chromium) with
 * a MANAGER token: orders placed and stock moved through the API appear on the page within 2 s,
 * a paused connector shows PAUSED, and after its gateway went away and came back the page
 * catches up on what happened meanwhile. No request leaves loopback (test/support/browser.ts
 * fails the test on any). The development sign-in exists only with the published development
 * secret outside production.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEVELOPMENT_JWT_SECRET } from '@tradegraph/kit';
import {
  AssignCustomerDocument,
  CompleteVisitDocument,
  CreateAgentDocument,
  CreateConnectorDocument,
  CreateCustomerDocument,
  CreateTerritoryDocument,
  PauseConnectorDocument,
  PlaceOrderDocument,
  PlanVisitDocument,
  ProductStockDocument,
  StartVisitDocument,
  TriggerSyncDocument,
} from '../operations/__generated__/graphql';
import type { RunningGateway } from '../gateway/src/server';
import { describeWithBrowser, useBrowser } from './support/browser';
import { executeOk, postGraphQL } from './support/client';
import { createWarehouse, receive, stockedProduct } from './support/fixtures';
import { startExtraGateway, startStack, type TestStack } from './support/stack';
import { connectorInput } from './support/sync';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const MANAGER_SUBJECT = 'dash-manager';
const BERLIN = { lat: 52.5208, lng: 13.4094 };

let stack: TestStack;
let admin: string;
let manager: string;
let customerId: string;
let productId: string;
let warehouseId: string;
let connectorId: string;
let sku: string;
let orders = 0;

const gql = <R, V>(document: Parameters<typeof executeOk<R, V>>[1], variables: V, token = admin) => executeOk(stack.gatewayUrl, document, variables, { token });

/** A territory the manager leads, an agent, and two of today's visits checked in near Berlin (one completed). */
async function fieldSales(): Promise<void> {
  const { createTerritory } = await gql(CreateTerritoryDocument, { input: { code: `DASH-${process.pid}`, name: 'Dashboard Berlin', managerSubject: MANAGER_SUBJECT } });
  const { createAgent } = await gql(CreateAgentDocument, {
    input: { employeeId: `E-DASH-${process.pid}`, name: 'Dana Field', email: 'dana@example.com', territoryId: createTerritory.id, subject: 'dash-agent' },
  });
  const agent = await stack.token('AGENT', [], 'dash-agent');
  for (const [i, offset] of [0, 0.01].entries()) {
    const location = { lat: BERLIN.lat + offset, lng: BERLIN.lng + offset };
    const { createCustomer } = await gql(CreateCustomerDocument, { input: { code: `C-DASH-${process.pid}-${i}`, name: `Visited ${i}`, creditLimit: { amount: '1000', currency: 'EUR' }, location } });
    await gql(AssignCustomerDocument, { customerId: createCustomer.id, territoryId: createTerritory.id, agentId: createAgent.id });
    const { planVisit } = await gql(PlanVisitDocument, { input: { customerId: createCustomer.id, agentId: createAgent.id, type: 'SALES', scheduledAt: new Date().toISOString() } });
    await gql(StartVisitDocument, { id: planVisit.id, checkIn: { ...location, accuracyMeters: 5 } }, agent);
    if (i === 0) await gql(CompleteVisitDocument, { id: planVisit.id, input: { checkOut: location, outcome: 'ordered', photoUrls: [] } }, agent);
  }
}

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token('ADMIN');
  manager = await stack.token('MANAGER', [], MANAGER_SUBJECT);
  ({ productId, warehouseId } = await stockedProduct(stack, admin, 500, '12.50', 'Dashboard drill'));
  sku = (await gql(ProductStockDocument, { id: productId })).product!.sku;
  customerId = (await gql(CreateCustomerDocument, { input: { code: `C-DASH-${process.pid}`, name: 'Dashboard Trading', creditLimit: { amount: '100000', currency: 'EUR' } } })).createCustomer.id;
  connectorId = (await gql(CreateConnectorDocument, { input: connectorInput({ name: 'Dashboard shop', system: 'SHOPIFY', entities: ['PRODUCT'], baseUrl: 'http://127.0.0.1:9' }) })).createConnector.id;
  await fieldSales();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

async function placeOrder(): Promise<string> {
  orders += 1;
  const { placeOrder } = await gql(PlaceOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1 }] }, idempotencyKey: `dash-${process.pid}-${orders}` });
  return placeOrder.number;
}

const feedShows = (page: Page, testId: string, text: string, timeout: number) => page.waitForSelector(`[data-testid="${testId}"] li:has-text("${text}")`, { timeout });

describeWithBrowser('the dashboard in a browser', () => {
  // A gateway that goes away and comes back logs the refused connections as console errors.
  const browser = useBrowser({ allowConsoleErrors: [/WebSocket connection to .* failed/, /ERR_CONNECTION_REFUSED/] });
  let gateway: RunningGateway | undefined;
  afterEach(async () => {
    await gateway?.stop();
  });

  it('shows orders and stock moves within 2 s, a paused connector, and catches up after a reconnect', async () => {
    // The page talks to a gateway of its own, which the test stops and starts again on the same port.
    gateway = await startExtraGateway(stack, { shutdownGraceMs: 200 });
    const port = Number(new URL(gateway.url).port);
    const dashboardUrl = new URL('/dashboard', gateway.url).toString();
    const page = await browser.openPage(dashboardUrl);
    await page.fill('textarea[aria-label="Token"]', manager);
    await page.click('button:has-text("Sign in")');
    await page.waitForSelector('[data-testid="connection"][data-state="connected"]');
    await page.waitForSelector('[data-connector="Dashboard shop"] [data-testid="connector-status"]:has-text("ACTIVE")');

    // The page cannot tell when the gateway has subscribed upstream: a first order and move, unbounded.
    await receive(stack, admin, productId, warehouseId, 1);
    await feedShows(page, 'stock-moves', sku, 10_000);
    await feedShows(page, 'order-feed', await placeOrder(), 10_000);

    // Now live: each must show within 2 s of the API's answer.
    let started = Date.now();
    const number = await placeOrder();
    await feedShows(page, 'order-feed', number, 2000);
    const orderMs = Date.now() - started;
    const other = await createWarehouse(stack, admin);
    started = Date.now();
    await receive(stack, admin, productId, other, 7);
    await page.waitForSelector(`[data-testid="stock-moves"] li:has-text("${sku}"):has-text("on hand 7")`, { timeout: 2000 });
    const stockMs = Date.now() - started;

    // Its reorder point raised above what it holds: the level falls low (subscription lowStock).
    const policy = await postGraphQL(stack.gatewayUrl, 'mutation ($input: StockPolicyInput!) { setStockPolicy(input: $input) { id } }', { input: { productId, warehouseId: other, safetyStock: 0, reorderPoint: 10 } }, { token: admin });
    expect(policy.errors).toBeUndefined();
    await page.waitForSelector(`#stock table tr.low:has-text("${sku}")`, { timeout: 2000 });

    // A run (its shop is not there: it fails) shows with its status and counts (syncRunUpdated).
    const { triggerSync } = await gql(TriggerSyncDocument, { connectorId });
    await page.waitForSelector(`[data-connector="Dashboard shop"] [data-run="${triggerSync.id}"]`, { timeout: 2000 });

    await gql(PauseConnectorDocument, { id: connectorId });
    await page.waitForSelector('[data-connector="Dashboard shop"] [data-testid="connector-status"]:has-text("PAUSED")', { timeout: 2000 });
    fs.mkdirSync(path.resolve(__dirname, '../.data/screenshots'), { recursive: true });
    // Today's visits of the manager's territory: two checked in, one completed (100 % of what was done).
    await page.waitForSelector('#field-sales circle.dot.COMPLETED');
    await browser.screenshot(page, 'dashboard');

    // The gateway goes away: the page says so; an order placed meanwhile shows once it is back.
    await gateway.stop();
    gateway = undefined;
    await page.waitForSelector('[data-testid="connection"][data-state="reconnecting"]:has-text("disconnected")', { timeout: 5000 });
    const missed = await placeOrder();
    await new Promise((r) => setTimeout(r, 300));
    gateway = await startExtraGateway(stack, { port, shutdownGraceMs: 200 });
    await page.waitForSelector('[data-testid="connection"][data-state="connected"]', { timeout: 5000 });
    await feedShows(page, 'order-feed', missed, 3000);
    console.log(`dashboard: order shown ${orderMs} ms, stock move shown ${stockMs} ms after the API answered`);
  }, 40_000);

  it('signs in with one click per role on a development gateway', async () => {
    gateway = await startExtraGateway(stack, { jwtSecret: DEVELOPMENT_JWT_SECRET });
    const page = await browser.openPage(new URL('/dashboard', gateway.url).toString());
    await page.click('button:has-text("MANAGER")');
    await page.waitForSelector('header .who:has-text("manager-ber")');
    await page.waitForSelector('[data-testid="connection"][data-state="connected"]');
  });
});

describe('the development sign-in', () => {
  const devToken = (gatewayUrl: string, body: unknown) =>
    fetch(new URL('/dashboard/dev-token', gatewayUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const pageConfig = async (gatewayUrl: string) => {
    const html = await (await fetch(new URL('/dashboard', gatewayUrl), { headers: { accept: BROWSER_ACCEPT } })).text();
    return JSON.parse(/<script type="application\/json" id="page-config">(.*?)<\/script>/.exec(html)![1]) as { devSignIn: string[] };
  };

  it('gives tokens the gateway accepts where it verifies with the published development secret', async () => {
    const gateway = await startExtraGateway(stack, { jwtSecret: DEVELOPMENT_JWT_SECRET });
    try {
      expect((await pageConfig(gateway.url)).devSignIn).toEqual(['ADMIN', 'MANAGER', 'AGENT']);
      const answer = await devToken(gateway.url, { role: 'MANAGER' });
      expect(answer.status).toBe(200);
      const { token } = (await answer.json()) as { token: string };
      const probe = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ territories { code } }' }) });
      expect(await probe.json()).toEqual({ data: { territories: [] } });
      expect((await devToken(gateway.url, { role: 'SERVICE' })).status).toBe(400);
      expect((await devToken(gateway.url, { role: 'PARTNER' })).status).toBe(400);
      // inherited keys of the role table are no roles either
      for (const role of ['constructor', '__proto__', 'toString']) expect((await devToken(gateway.url, { role })).status).toBe(400);
    } finally {
      await gateway.stop();
    }
  });

  it('does not exist with any other secret, nor in production even with the development secret', async () => {
    // The stack's gateway: development, but its own secret.
    expect((await devToken(stack.gatewayUrl, { role: 'ADMIN' })).status).toBe(404);
    expect((await pageConfig(stack.gatewayUrl)).devSignIn).toEqual([]);

    const saved = { NODE_ENV: process.env.NODE_ENV, JWT_SECRET: process.env.JWT_SECRET, CALLER_SIGNING_SECRET: process.env.CALLER_SIGNING_SECRET };
    process.env.NODE_ENV = 'production';
    process.env.JWT_SECRET = 'a-production-secret-of-at-least-32-characters';
    process.env.CALLER_SIGNING_SECRET = 'a-production-caller-secret-of-32-characters-or-more';
    let gateway: RunningGateway | undefined;
    try {
      // Even a configuration that slipped the development secret past the start checks.
      gateway = await startExtraGateway(stack, { jwtSecret: DEVELOPMENT_JWT_SECRET });
      expect((await devToken(gateway.url, { role: 'ADMIN' })).status).toBe(404);
      expect((await pageConfig(gateway.url)).devSignIn).toEqual([]);
    } finally {
      await gateway?.stop();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
