import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, logger, type SubgraphRuntime } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Connector, ConnectorStatus, ExternalSystem, SyncEntity, SyncRun, SyncRunError, SyncRunStatus, WebhookDelivery } from '../entities';
import { syncSettingsOf, type SyncSettings } from '../settings';
import { applyProductBatch, type InboundProduct } from './apply';
import { ExternalSystemError, retryDelayMs } from './backoff';
import { CredentialBox } from './crypto';
import { enqueueRun } from './queue';
import { syncRunStatus } from './run-status';
import { ShopifyClient, type ShopifyProduct } from './shopify';

const log = logger.child({ subgraph: 'sync', component: 'runner' });

class RunCancelled extends Error {}

/** Maps a Shopify product's variants to Tradegraph products (one per variant, by sku). */
export function productsFromShopify(product: ShopifyProduct, currency: string, stockByItem: Map<number, { warehouseCode: string; onHand: number }[]>): InboundProduct[] {
  return product.variants.map((variant) => ({
    externalId: String(variant.id),
    item: {
      sku: variant.sku || `shopify-${variant.id}`,
      name: (variant.title && variant.title !== 'Default Title' ? `${product.title} — ${variant.title}` : product.title).slice(0, 200),
      description: product.body_html ?? null,
      brand: product.vendor ?? null,
      basePrice: { amount: variant.price, currency },
    },
    stock: stockByItem.get(variant.inventory_item_id) ?? [],
  }));
}

/**
 * Runs one attempt of a sync run (the queue's task). A retryable failure (429, 5xx, the
 * supergraph unreachable) queues the run again after a backoff until its attempts are spent;
 * then, or on a permanent failure, the run is FAILED (the dead letter) with its error.
 */
export async function performRun(runtime: SubgraphRuntime, runId: string): Promise<void> {
  const settings = syncSettingsOf(runtime.settings);
  const em = runtime.database.orm.em.fork() as EntityManager;
  const run = await em.findOne(SyncRun, runId);
  if (!run || run.status !== SyncRunStatus.QUEUED) return;
  const connector = await em.findOneOrFail(Connector, run.connectorId);
  if (connector.status === ConnectorStatus.PAUSED) return; // resumeConnector queues it again
  syncRunStatus.assert(run.status, SyncRunStatus.RUNNING);
  Object.assign(run, { status: SyncRunStatus.RUNNING, attempts: run.attempts + 1, startedAt: new Date(), nextAttemptAt: null, total: 0, processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0 });
  await em.flush();
  await em.nativeDelete(SyncRunError, { runId: run.id });
  try {
    if (run.webhookDeliveryId) await applyWebhook(em, runtime, settings, connector, run);
    else await fullSync(em, runtime, settings, connector, run);
    await finish(em, run, connector, run.failed === 0 ? SyncRunStatus.SUCCEEDED : run.failed < run.processed ? SyncRunStatus.PARTIALLY_SUCCEEDED : SyncRunStatus.FAILED, null);
  } catch (error) {
    if (error instanceof RunCancelled) return;
    const message = (error as Error).message;
    const retryable = error instanceof ExternalSystemError ? error.retryable : error instanceof DomainError && error.extensions.code === ErrorCode.UNAVAILABLE;
    if (retryable && run.attempts < run.maxAttempts) {
      const delay = retryDelayMs(run.attempts, { baseMs: settings.retryBaseMs, maxMs: settings.retryMaxMs, retryAfterMs: error instanceof ExternalSystemError ? error.retryAfterMs : undefined });
      log.warn({ runId, attempt: run.attempts, delay, err: message }, 'sync run failed; retrying');
      await em.transactional(async (tx) => {
        const current = await tx.findOneOrFail(SyncRun, run.id, { refresh: true });
        if (current.status !== SyncRunStatus.RUNNING) return;
        syncRunStatus.assert(current.status, SyncRunStatus.QUEUED);
        Object.assign(current, { status: SyncRunStatus.QUEUED, lastError: message, nextAttemptAt: new Date(Date.now() + delay) });
        await tx.flush();
        await enqueueRun(tx as EntityManager, current, current.nextAttemptAt);
      });
      return;
    }
    log.warn({ runId, attempt: run.attempts, err: message }, 'sync run failed for good');
    await finish(em, run, connector, SyncRunStatus.FAILED, message);
  }
}

/** Moves the run to its final state (unless somebody cancelled it meanwhile) and updates the connector's health. */
async function finish(em: EntityManager, run: SyncRun, connector: Connector, status: SyncRunStatus, error: string | null): Promise<void> {
  const current = await em.getConnection().execute<{ status: SyncRunStatus }[]>('select status from sync.sync_run where id = ?', [run.id]);
  if (current[0]?.status === SyncRunStatus.CANCELLED) return;
  syncRunStatus.assert(SyncRunStatus.RUNNING, status);
  run.status = status;
  run.finishedAt = new Date();
  if (error) run.lastError = error;
  if (status === SyncRunStatus.FAILED) {
    connector.consecutiveFailures += 1;
    connector.lastError = error ?? run.lastError ?? `${run.failed} records failed`;
    if (connector.status === ConnectorStatus.ACTIVE) connector.status = ConnectorStatus.FAILING;
  } else {
    connector.consecutiveFailures = 0;
    connector.lastSuccessAt = run.finishedAt;
    if (connector.status === ConnectorStatus.FAILING) connector.status = ConnectorStatus.ACTIVE;
  }
  await em.flush();
}

/** Throws RunCancelled when somebody cancelled the run since it started. */
async function checkCancelled(em: EntityManager, runId: string): Promise<void> {
  const rows = await em.getConnection().execute<{ status: SyncRunStatus }[]>('select status from sync.sync_run where id = ?', [runId]);
  if (rows[0]?.status === SyncRunStatus.CANCELLED) throw new RunCancelled();
}

function clientFor(runtime: SubgraphRuntime, settings: SyncSettings, connector: Connector): ShopifyClient {
  if (connector.system !== ExternalSystem.SHOPIFY) throw new ExternalSystemError(`${connector.system} connectors have no adapter yet`, false);
  if (!connector.baseUrl) throw new ExternalSystemError('the connector has no baseUrl', false);
  const credentials = new CredentialBox(settings.encryptionKey).open(connector.credentialsCiphertext);
  return new ShopifyClient(connector.baseUrl, String(credentials.accessToken ?? ''));
}

async function applyBatch(em: EntityManager, runtime: SubgraphRuntime, connector: Connector, run: SyncRun, batch: InboundProduct[], flushes: FlushChain): Promise<void> {
  // Each batch in a fork of its own: the identity map (and each flush's change set) stays one batch big.
  const batchEm = em.fork();
  const result = await applyProductBatch(batchEm, runtime.gateway, connector, batch, randomUUID());
  for (const failure of result.failed) batchEm.persist(batchEm.create(SyncRunError, { runId: run.id, externalId: failure.externalId, message: failure.message, occurredAt: new Date() }));
  await batchEm.flush();
  // The counters change and flush in one step of the chain: a change made while another
  // flush is under way would be taken for flushed and lost.
  await flushes.step(async () => {
    run.total += batch.length;
    run.processed += batch.length;
    run.created += result.created;
    run.updated += result.updated;
    run.unchanged += result.unchanged;
    run.failed += result.failed.length;
    await em.flush();
  });
}

/** Serialises the changes to the run's EntityManager, which concurrent batches share. */
class FlushChain {
  private last: Promise<void> = Promise.resolve();
  step(work: () => Promise<void>): Promise<void> {
    this.last = this.last.catch(() => undefined).then(work);
    return this.last;
  }
}

/**
 * Runs up to `limit` batches at once (the supergraph's bulk mutations, not the source, are
 * what a sync waits for); the first failure is rethrown by `drain` after the others settle.
 */
class BatchPool {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;

  constructor(private readonly limit: number) {}

  async add(work: () => Promise<void>): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const running: Promise<void> = work()
      .catch((error) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }
}

/** Pulls every product (and, when the connector syncs INVENTORY, its stock) and applies the changes in batches. */
async function fullSync(em: EntityManager, runtime: SubgraphRuntime, settings: SyncSettings, connector: Connector, run: SyncRun): Promise<void> {
  const shopify = clientFor(runtime, settings, connector);
  const mapping = connector.fieldMapping as { product?: { currency?: string }; inventory?: { locations?: Record<string, string> } };
  const currency = mapping.product?.currency ?? 'EUR';
  const locations = mapping.inventory?.locations ?? {};
  const stockByItem = new Map<number, { warehouseCode: string; onHand: number }[]>();
  if (run.entities.includes(SyncEntity.INVENTORY) && Object.keys(locations).length) {
    for await (const page of shopify.inventoryLevels(Object.keys(locations))) {
      for (const level of page) {
        const warehouseCode = locations[String(level.location_id)];
        if (!warehouseCode) continue;
        const list = stockByItem.get(level.inventory_item_id) ?? [];
        list.push({ warehouseCode, onHand: Math.max(0, level.available ?? 0) });
        stockByItem.set(level.inventory_item_id, list);
      }
    }
  }
  const pool = new BatchPool(settings.batchConcurrency);
  const flushes = new FlushChain();
  const batch: InboundProduct[] = [];
  try {
    for await (const page of shopify.products()) {
      for (const product of page) batch.push(...productsFromShopify(product, currency, stockByItem));
      while (batch.length >= settings.batchSize) {
        await checkCancelled(em, run.id);
        const next = batch.splice(0, settings.batchSize);
        await pool.add(() => applyBatch(em, runtime, connector, run, next, flushes));
      }
    }
    if (batch.length) {
      await checkCancelled(em, run.id);
      const last = batch.splice(0);
      await pool.add(() => applyBatch(em, runtime, connector, run, last, flushes));
    }
  } finally {
    await pool.drain();
  }
}

/** Applies the product a webhook delivered (products/create, products/update). */
async function applyWebhook(em: EntityManager, runtime: SubgraphRuntime, _settings: SyncSettings, connector: Connector, run: SyncRun): Promise<void> {
  const delivery = await em.findOneOrFail(WebhookDelivery, run.webhookDeliveryId!);
  if (!delivery.topic.startsWith('products/') || delivery.topic === 'products/delete') return;
  const mapping = connector.fieldMapping as { product?: { currency?: string } };
  const product = delivery.payload as ShopifyProduct;
  await applyBatch(em, runtime, connector, run, productsFromShopify(product, mapping.product?.currency ?? 'EUR', new Map()), new FlushChain());
}
