import { createHmac } from 'node:crypto';
import { SyncRunDocument, TriggerSyncDocument, type CreateConnectorInput, type SyncRunPartsFragment } from '../../operations/__generated__/graphql';
import { executeOk } from './client';
import { startStack, type TestStack } from './stack';

/**
 * The stack the end-to-end sync tests run on: every subgraph sync writes to or reads from, sync
 * retrying fast, the relay polling often (outbound pushes follow events); `sync` overrides
 * single sync settings.
 */
export function startSyncStack(sync: Record<string, unknown> = {}): Promise<TestStack> {
  return startStack({
    subgraphs: ['products', 'customers', 'inventory', 'orders', 'sync'],
    settings: { sync: { retryBaseMs: 20, retryMaxMs: 2000, maxAttempts: 4, pollIntervalMs: 200, concurrency: 2, schedulerIntervalMs: 60_000, ...sync } },
    relayIntervalMs: 50,
  });
}

/** What a fake shop's connector needs: its address and credentials (FakeShopify has them). */
export interface ShopUnderTest {
  url: string;
  accessToken: string;
  locationId: number | string;
}

/**
 * A Shopify connector on `shop`: inbound products and stock (its location mapped to
 * `warehouseCode`), prices in EUR, webhooks signed with `webhookSecret`, the source winning
 * conflicts; `input` overrides any of it.
 */
export function shopifyConnectorInput(shop: ShopUnderTest, warehouseCode: string, webhookSecret: string, input: Partial<CreateConnectorInput> & { name: string }): CreateConnectorInput {
  return {
    system: 'SHOPIFY',
    direction: 'INBOUND',
    entities: ['PRODUCT', 'INVENTORY'],
    mode: 'WEBHOOK',
    baseUrl: shop.url,
    conflictPolicy: 'SOURCE_WINS',
    fieldMapping: { product: { currency: 'EUR' }, inventory: { locations: { [String(shop.locationId)]: warehouseCode } } },
    credentials: { accessToken: shop.accessToken, webhookSecret },
    ...input,
  };
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
