import { createHmac } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Role } from '@tradegraph/kit';
import { CreateWarehouseDocument, SyncRunDocument, TriggerSyncDocument, type CreateConnectorInput, type SyncRunPartsFragment } from '../../operations/__generated__/graphql';
import { executeOk } from './client';
import { startStack, type TestStack } from './stack';

/**
 * The stack the end-to-end sync tests run on: every subgraph sync writes to or reads from, sync
 * retrying fast, the relay polling often (outbound pushes follow events); `sync` overrides
 * single sync settings, `also` names more subgraphs to run (e.g. `audit`).
 */
export function startSyncStack(sync: Record<string, unknown> = {}, also: string[] = []): Promise<TestStack> {
  return startStack({
    subgraphs: ['products', 'customers', 'inventory', 'orders', 'sync', ...also],
    settings: { sync: { retryBaseMs: 20, retryMaxMs: 2000, maxAttempts: 4, pollIntervalMs: 200, concurrency: 2, schedulerIntervalMs: 60_000, ...sync } },
    relayIntervalMs: 50,
  });
}

/** What an end-to-end sync test file runs against, filled in before its tests run. */
export interface SyncSession {
  stack: TestStack;
  /** an ADMIN token (with the scopes the file asked for) */
  admin: string;
  /** the sync subgraph's origin: a connector's webhooks are POSTed to `${webhookBase}/webhooks/<connector id>` */
  webhookBase: string;
  /** Sends a typed document through the gateway, as the admin unless `token` is given; fails the test on errors. */
  gql<T, V>(document: TypedDocumentNode<T, V>, variables: V, token?: string): Promise<T>;
  /** Triggers a run (`full`: every record, not the delta) as the admin and waits for it to end. */
  sync(connectorId: string, options?: { full?: boolean; timeoutMs?: number }): Promise<SyncRunPartsFragment>;
  /** Waits for a run to end, as the admin. */
  waitForRun(id: string, timeoutMs?: number): Promise<SyncRunPartsFragment>;
}

/**
 * The set-up every end-to-end sync test file shares: its stack (the sync stack unless `start`
 * gives another) started before its tests and stopped after them, an admin token, and the
 * warehouse its inbound stock lands in, created once the stack is up.
 */
export function useSyncSession(options: { start?: () => Promise<TestStack>; adminScopes?: string[]; warehouse?: { code: string; name: string } } = {}): SyncSession {
  const session: SyncSession = {
    stack: undefined as unknown as TestStack,
    admin: '',
    webhookBase: '',
    gql: (document, variables, token = session.admin) => executeOk(session.stack.gatewayUrl, document, variables, { token }),
    sync: (connectorId, runOptions) => runSync(session.stack.gatewayUrl, session.admin, connectorId, runOptions),
    waitForRun: (id, timeoutMs) => waitForRun(session.stack.gatewayUrl, session.admin, id, timeoutMs),
  };
  beforeAll(async () => {
    session.stack = await (options.start ?? startSyncStack)();
    session.webhookBase = session.stack.subgraphs.sync.url.replace(/\/graphql$/, '');
    session.admin = await session.stack.token(Role.ADMIN, options.adminScopes ?? ['customers:pii']);
    if (options.warehouse) await session.gql(CreateWarehouseDocument, { input: { ...options.warehouse, priority: 1 } });
  }, 120_000);
  afterAll(async () => {
    await session.stack?.stop();
  });
  return session;
}

/** What a fake shop's connector needs: its address and credentials (FakeShopify has them). */
export interface ShopUnderTest {
  url: string;
  accessToken: string;
  locationId: number | string;
}

/** What every connector input names: the rest has the defaults of {@link connectorInput}. */
type ConnectorBasics = Pick<CreateConnectorInput, 'name' | 'system' | 'entities'> & Partial<CreateConnectorInput>;

/** A connector as these tests create it unless they say otherwise: inbound, by webhook, the source winning conflicts. */
export function connectorInput(input: ConnectorBasics & Pick<CreateConnectorInput, 'baseUrl'>): CreateConnectorInput {
  return { direction: 'INBOUND', mode: 'WEBHOOK', conflictPolicy: 'SOURCE_WINS', ...input };
}

/** A {@link connectorInput} to a local fake: its URL and access token, webhooks signed with `webhookSecret`. */
export function fakeConnectorInput(fake: { url: string; accessToken?: string }, webhookSecret: string, input: ConnectorBasics): CreateConnectorInput {
  return connectorInput({ baseUrl: fake.url, credentials: { accessToken: fake.accessToken, webhookSecret }, ...input });
}

/**
 * A Shopify connector on `shop`: inbound products and stock (its location mapped to
 * `warehouseCode`), prices in EUR, webhooks signed with `webhookSecret`, the source winning
 * conflicts; `input` overrides any of it.
 */
export function shopifyConnectorInput(shop: ShopUnderTest, warehouseCode: string, webhookSecret: string, input: Partial<CreateConnectorInput> & { name: string }): CreateConnectorInput {
  return fakeConnectorInput(shop, webhookSecret, {
    system: 'SHOPIFY',
    entities: ['PRODUCT', 'INVENTORY'],
    fieldMapping: { product: { currency: 'EUR' }, inventory: { locations: { [String(shop.locationId)]: warehouseCode } } },
    ...input,
  });
}

/** The statuses a sync run ends in. */
export const FINAL_RUN_STATUSES: readonly string[] = ['SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED', 'CANCELLED'];

/**
 * Polls `syncRun(id)` through the gateway until the run is final and returns it.
 * @throws when it is not final within `timeoutMs` (the message carries the run as last seen)
 */
export async function waitForRun(gatewayUrl: string, token: string, id: string, timeoutMs = 60_000): Promise<SyncRunPartsFragment> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { syncRun } = await executeOk(gatewayUrl, SyncRunDocument, { id }, { token });
    if (syncRun && FINAL_RUN_STATUSES.includes(syncRun.status)) return syncRun;
    if (Date.now() > until) throw new Error(`sync run ${id} still ${syncRun?.status ?? 'missing'} after ${timeoutMs} ms: ${JSON.stringify(syncRun)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Triggers a run of the connector (`full`: every record, not the delta) and waits for it to end. */
export async function runSync(gatewayUrl: string, token: string, connectorId: string, options: { full?: boolean; timeoutMs?: number } = {}): Promise<SyncRunPartsFragment> {
  const { triggerSync } = await executeOk(gatewayUrl, TriggerSyncDocument, { connectorId, full: options.full ?? false }, { token });
  return waitForRun(gatewayUrl, token, triggerSync.id, options.timeoutMs);
}

/**
 * Sends one webhook delivery twice: the first is accepted (202, its run id returned), the second
 * is a duplicate (200, `{ status: 'duplicate' }`) that queues nothing.
 */
export async function deliverTwice(send: () => Promise<Response>): Promise<string> {
  const accepted = await send();
  expect(accepted.status).toBe(202);
  const { runId } = (await accepted.json()) as { runId: string };
  const repeat = await send();
  expect(repeat.status).toBe(200);
  expect(await repeat.json()).toEqual({ status: 'duplicate' });
  return runId;
}

/**
 * The headers of a shared-secret webhook delivery, signed the way the README documents it:
 * `X-Tradegraph-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>\n<delivery>\n<topic>\n<raw body>">`
 * with `X-Tradegraph-Timestamp` in unix seconds (now unless given). Written from the
 * documentation, not from the subgraph's code, so the two are checked against each other.
 */
export function sharedSecretHeaders(secret: string, body: string, delivery: { delivery: string; topic: string; timestamp?: number }): Record<string, string> {
  const timestamp = String(delivery.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}\n${delivery.delivery}\n${delivery.topic}\n${body}`).digest('hex');
  return { 'x-tradegraph-signature': `sha256=${signature}`, 'x-tradegraph-timestamp': timestamp, 'x-tradegraph-delivery': delivery.delivery, 'x-tradegraph-topic': delivery.topic };
}
