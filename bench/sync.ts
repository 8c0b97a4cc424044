/**
 * Records per second of an inbound Shopify sync through the whole supergraph: a local fake
 * Shopify holds N products with stock at one location, a SHOPIFY INBOUND connector maps that
 * location to a warehouse, and the sync subgraph applies the records through the gateway
 * (upsertProducts, setStockLevels) as it does in production. Three runs, one after the other:
 * the first full sync (everything is created), a re-run with nothing changed, and a re-run
 * after 10% of the products changed price and stock. All servers run in this process.
 *
 * With --processes every subgraph and the gateway run in processes of their own, as deployed
 * (CPU s then counts this process only: the fake Shopify and the client).
 *
 *   npm run bench:sync [-- --products 10000 --skip-latency --processes]
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CreateConnectorDocument, CreateWarehouseDocument, type SyncRunPartsFragment } from '../operations/__generated__/graphql';
import { FakeShopify } from '../subgraphs/sync/test/fakes/shopify';
import { executeOk } from '../test/support/client';
import { startStack } from '../test/support/stack';
import { runSync } from '../test/support/sync';
import { startProcessStack } from './processes';
import { measureWebhookLatency, type BenchTarget } from './sync-latency';

/** Every server in this process (sync's settings from SYNC_BATCH_SIZE / SYNC_BATCH_CONCURRENCY when set). */
async function inProcessTarget(): Promise<BenchTarget> {
  const stack = await startStack({ relayIntervalMs: 250, settings: { sync: { batchSize: Number(process.env.SYNC_BATCH_SIZE ?? 500), batchConcurrency: Number(process.env.SYNC_BATCH_CONCURRENCY ?? 4) } } });
  return { gatewayUrl: stack.gatewayUrl, syncUrl: stack.subgraphs.sync.url, adminToken: () => stack.token('ADMIN', [], 'bench'), statements: () => stack.statements(), stop: () => stack.stop() };
}

/** Every subgraph and the gateway in a process of its own, as deployed (sync reads SYNC_* from the environment). */
async function processTarget(): Promise<BenchTarget> {
  const stack = await startProcessStack();
  return { gatewayUrl: stack.gatewayUrl, syncUrl: stack.subgraphUrls.sync, adminToken: () => stack.token('ADMIN', 'bench'), stop: () => stack.stop() };
}

const WAREHOUSE = 'SHOP-BENCH';

/** What one timed run printed. */
interface Measured {
  label: string;
  run: SyncRunPartsFragment;
  seconds: number;
  /** CPU seconds this process (every server in it) spent meanwhile: steadier than wall time on a shared machine */
  cpuSeconds: number;
  statements: number;
}

async function main() {
  const { values } = parseArgs({
    options: {
      products: { type: 'string', default: '10000' },
      'skip-latency': { type: 'boolean', default: false },
      processes: { type: 'boolean', default: false },
    },
  });
  const productCount = Number(values.products);
  if (!Number.isInteger(productCount) || productCount < 1) throw new Error(`--products must be a positive whole number, got ${values.products}`);

  const shopify = new FakeShopify();
  shopify.seed(productCount, 'BENCH');
  await shopify.start();
  // Production settings for sync (batches of 500, 4 at once); the relay at its production pace.
  const stack = values.processes ? await processTarget() : await inProcessTarget();
  try {
    const admin = await stack.adminToken();
    const gql = <T, V>(document: TypedDocumentNode<T, V>, variables: V) => executeOk(stack.gatewayUrl, document, variables, { token: admin });
    await gql(CreateWarehouseDocument, { input: { code: WAREHOUSE, name: 'Shop stock', priority: 1 } });
    const { createConnector } = await gql(CreateConnectorDocument, {
      input: {
        name: 'Bench shop',
        system: 'SHOPIFY',
        direction: 'INBOUND',
        entities: ['PRODUCT', 'INVENTORY'],
        mode: 'WEBHOOK',
        pollingSchedule: null,
        baseUrl: shopify.url,
        conflictPolicy: 'SOURCE_WINS',
        fieldMapping: { product: { currency: 'EUR' }, inventory: { locations: { [String(shopify.locationId)]: WAREHOUSE } } },
        credentials: { accessToken: shopify.accessToken, webhookSecret: 'whsec-bench' },
      },
    });

    const measure = async (label: string): Promise<Measured> => {
      const before = stack.statements?.() ?? 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const run = await runSync(stack.gatewayUrl, admin, createConnector.id, { timeoutMs: 600_000 });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      if (run.status !== 'SUCCEEDED') throw new Error(`${label}: the run ended ${run.status}: ${run.lastError ?? JSON.stringify(run.errors.slice(0, 3))}`);
      return { label, run, seconds, cpuSeconds, statements: stack.statements ? stack.statements() - before : NaN };
    };

    const results: Measured[] = [];
    results.push(await measure('first full sync (creates)'));
    results.push(await measure('re-run, nothing changed'));
    // Every tenth product gets a new price and a new stock level.
    shopify.products.forEach((product, i) => {
      if (i % 10 !== 0) return;
      const variant = product.variants[0];
      variant.price = (Number(variant.price) + 1).toFixed(2);
      shopify.levels.set(variant.inventory_item_id, (shopify.levels.get(variant.inventory_item_id) ?? 0) + 7);
    });
    results.push(await measure('re-run, 10% changed'));

    console.log(`\nInbound Shopify sync of ${productCount} products with stock through the gateway (${values.processes ? 'one process per subgraph and gateway' : 'all servers in one process'}, node ${process.version}, ${new Date().toISOString()})\n`);
    console.log('run'.padEnd(28), 'records'.padStart(8), 'created'.padStart(8), 'updated'.padStart(8), 'unchanged'.padStart(10), 'seconds'.padStart(8), 'records/s'.padStart(10), 'CPU s'.padStart(7), 'SQL/record'.padStart(11));
    for (const { label, run, seconds, cpuSeconds, statements } of results) {
      console.log(
        label.padEnd(28),
        String(run.processed).padStart(8),
        String(run.created).padStart(8),
        String(run.updated).padStart(8),
        String(run.unchanged).padStart(10),
        seconds.toFixed(2).padStart(8),
        (run.processed / seconds).toFixed(0).padStart(10),
        cpuSeconds.toFixed(2).padStart(7),
        (statements / Math.max(run.processed, 1)).toFixed(2).padStart(11),
      );
    }
    console.log('\n(seconds: triggerSync until the run is final, as a client sees it; CPU s: this process\'s CPU time meanwhile, PostgreSQL\'s not included; SQL: every subgraph\'s statements meanwhile, outbox relay included)');
    if (!values['skip-latency']) await webhookLatency(stack, shopify);
    const rate = (m: Measured) => (m.run.processed / m.seconds).toFixed(0);
    console.log(`\nsummary: first sync ${rate(results[0])} records/s, unchanged re-run ${rate(results[1])} records/s, 10% changed re-run ${rate(results[2])} records/s (${productCount} products)${summaryLatency ? `; ${summaryLatency}` : ''}`);
  } finally {
    await stack.stop();
    await shopify.stop();
  }
}

/** Prints the webhook → subscriber latency (see {@link measureWebhookLatency}). */
async function webhookLatency(stack: BenchTarget, shopify: FakeShopify): Promise<void> {
  const deliveries = 300;
  const intervalMs = 100;
  const latency = await measureWebhookLatency(stack, shopify, { deliveries, intervalMs });
  console.log(`\nWebhook → subscriber: ${latency.deliveries} signed products/update deliveries, one every ${intervalMs} ms, to a WEBHOOK connector; a gateway subscriber of syncRunUpdated waits for each run's SUCCEEDED`);
  console.log(`  answer (202, receipt + job committed): p50 ${latency.answer.p50.toFixed(1)} ms, p99 ${latency.answer.p99.toFixed(1)} ms, max ${latency.answer.max.toFixed(1)} ms`);
  console.log(`  delivery sent → subscriber sees the run SUCCEEDED: p50 ${latency.toSubscriber.p50.toFixed(1)} ms, p99 ${latency.toSubscriber.p99.toFixed(1)} ms, max ${latency.toSubscriber.max.toFixed(1)} ms`);
  summaryLatency = `webhook → subscriber p50 ${latency.toSubscriber.p50.toFixed(0)} ms, p99 ${latency.toSubscriber.p99.toFixed(0)} ms; webhook answer p99 ${latency.answer.p99.toFixed(0)} ms`;
}

let summaryLatency = '';

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
