import { createHmac } from 'node:crypto';
import { CreateConnectorDocument } from '../operations/__generated__/graphql';
import type { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';
import { executeOk } from '../test/support/client';
import { wsClient } from '../test/support/subscribe';

/** The supergraph a sync benchmark runs against: in this process or one process per server. */
export interface BenchTarget {
  gatewayUrl: string;
  /** the sync subgraph's GraphQL URL (its webhooks are beside it) */
  syncUrl: string;
  adminToken(): Promise<string>;
  /** SQL statements so far, where they are counted (in-process only) */
  statements?(): number;
  stop(): Promise<void>;
}

/** What {@link measureWebhookLatency} found, in milliseconds. */
export interface WebhookLatency {
  deliveries: number;
  /** POST → the sync subgraph's 202 (the receipt and its job committed) */
  answer: { p50: number; p99: number; max: number };
  /** POST → a gateway subscriber of syncRunUpdated sees the run SUCCEEDED (the change applied in products) */
  toSubscriber: { p50: number; p99: number; max: number };
}

const SECRET = 'whsec-bench-latency';

function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/**
 * Webhook → subscriber latency: signed Shopify `products/update` deliveries, one every
 * `intervalMs`, to a WEBHOOK connector of their own, while a client subscribed through the
 * gateway to `syncRunUpdated(connectorId)` waits for each run to be SUCCEEDED. The path is the
 * whole product: receipt + job in one transaction, graphile-worker pickup (LISTEN/NOTIFY),
 * upsertProducts through the gateway, the run's outbox event, the relay, the bus, and the
 * gateway's subscription execution.
 */
export async function measureWebhookLatency(target: BenchTarget, shopify: FakeShopify, options: { deliveries: number; intervalMs: number }): Promise<WebhookLatency> {
  const admin = await target.adminToken();
  const { createConnector } = await executeOk(target.gatewayUrl, CreateConnectorDocument, {
    input: {
      name: 'Bench webhooks',
      system: 'SHOPIFY',
      direction: 'INBOUND',
      entities: ['PRODUCT'],
      mode: 'WEBHOOK',
      baseUrl: shopify.url,
      conflictPolicy: 'SOURCE_WINS',
      fieldMapping: { product: { currency: 'EUR' } },
      credentials: { accessToken: shopify.accessToken, webhookSecret: SECRET },
    },
  }, { token: admin });
  const connectorId = createConnector.id;
  const url = `${target.syncUrl.replace(/\/graphql$/, '')}/webhooks/${connectorId}`;

  const sentAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  const client = wsClient(target.gatewayUrl, admin);
  let subscribed!: () => void;
  const ready = new Promise<void>((resolve) => (subscribed = resolve));
  const unsubscribe = client.subscribe<{ syncRunUpdated: { id: string; status: string } }>(
    { query: 'subscription($c: ID!) { syncRunUpdated(connectorId: $c) { id status } }', variables: { c: connectorId } },
    {
      next: ({ data }) => {
        if (data?.syncRunUpdated.status === 'SUCCEEDED' && !seenAt.has(data.syncRunUpdated.id)) seenAt.set(data.syncRunUpdated.id, performance.now());
      },
      error: (error) => console.error('latency subscription failed', error),
      complete: () => undefined,
    },
  );
  client.on('connected', () => setTimeout(subscribed, 300));
  await ready;

  const answers: number[] = [];
  const runIds: string[] = [];
  for (let i = 0; i < options.deliveries; i++) {
    const product = shopify.products[i % shopify.products.length];
    const body = JSON.stringify({ ...product, title: `${product.title} (webhook ${i})` });
    const signature = createHmac('sha256', SECRET).update(body).digest('base64');
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-topic': 'products/update', 'x-shopify-webhook-id': `bench-${i}`, 'x-shopify-hmac-sha256': signature }, body });
    const answer = (await response.json()) as { status: string; runId?: string };
    answers.push(performance.now() - started);
    if (response.status !== 202 || !answer.runId) throw new Error(`delivery ${i}: HTTP ${response.status} ${JSON.stringify(answer)}`);
    sentAt.set(answer.runId, started);
    runIds.push(answer.runId);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
  const deadline = Date.now() + 60_000;
  while (runIds.some((id) => !seenAt.has(id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  unsubscribe();
  await client.dispose();
  const missing = runIds.filter((id) => !seenAt.has(id));
  if (missing.length) throw new Error(`${missing.length} of ${runIds.length} runs never reached the subscriber as SUCCEEDED`);
  return { deliveries: runIds.length, answer: percentiles(answers), toSubscriber: percentiles(runIds.map((id) => seenAt.get(id)! - sentAt.get(id)!)) };
}
