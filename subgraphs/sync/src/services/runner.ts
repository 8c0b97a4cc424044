import { databaseFailure, DomainError, ErrorCode, logger, retryOnDatabaseFailure, sqlState, type SubgraphRuntime } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { adapterClasses, type ConnectorAdapter, type SourceCustomer, type SourceProduct } from '../adapters';
import { Connector, ConnectorStatus, SyncDirection, SyncEntity, SyncRun, SyncRunError, SyncRunStatus, WebhookDelivery } from '../entities';
import { syncSettingsOf, type SyncSettings } from '../settings';
import { ExternalSystemError, retryDelayMs } from './backoff';
import { CredentialBox } from './crypto';
import { recordConnectorStatus, recordRunUpdated } from './events';
import { type EntityHandler, type SourceRecord } from './inbound';
import { applyBatchWithDeletions, archiveUnseen, archivesDeletions } from './deletions';
import { syncPriceLists } from './price-lists';
import { customerHandler, productHandler } from './entity-handlers';
import { pushOutbound } from './outbound';
import { sourceAccountOf, syncInboundOrders } from './inbound-orders';
import { enqueueRun } from './queue';
import { RunCancelled, RunProgress } from './run-progress';
import { FINAL_STATES, syncRunStatus } from './run-status';
import { syncMetrics } from './metrics';

const log = logger.child({ subgraph: 'sync', component: 'runner' });

/** The adapter for a connector, its credentials opened. @throws ExternalSystemError (permanent) when there is none or it is misconfigured */
export function adapterFor(settings: SyncSettings, connector: Connector): ConnectorAdapter {
  const Adapter = adapterClasses[connector.system];
  if (!Adapter) throw new ExternalSystemError(`${connector.system} connectors have no adapter`, false);
  if (!connector.baseUrl) throw new ExternalSystemError('the connector has no baseUrl', false);
  const credentials = new CredentialBox(settings.encryptionKey).open(connector.credentialsCiphertext);
  return new Adapter({ baseUrl: connector.baseUrl, credentials, mapping: connector.fieldMapping, timeoutMs: settings.requestTimeoutMs });
}

/**
 * Runs one attempt of a sync run (the queue's task). A retryable failure (429, 5xx, the
 * supergraph unreachable) queues the run again after a backoff until its attempts are spent;
 * then, or on a permanent failure, the run is FAILED (the dead letter) with its error.
 * Every change of status, and progress at most every 500 ms, is an event (`syncRunUpdated`).
 */
export async function performRun(runtime: SubgraphRuntime, runId: string): Promise<void> {
  const settings = syncSettingsOf(runtime.settings);
  const em = runtime.database.orm.em.fork();
  const run = await em.findOne(SyncRun, runId);
  if (!run || run.status !== SyncRunStatus.QUEUED) return;
  const connector = await em.findOneOrFail(Connector, run.connectorId);
  if (connector.status === ConnectorStatus.PAUSED) return; // resumeConnector queues it again
  syncRunStatus.assert(run.status, SyncRunStatus.RUNNING);
  Object.assign(run, { status: SyncRunStatus.RUNNING, attempts: run.attempts + 1, startedAt: new Date(), heartbeatAt: new Date(), nextAttemptAt: null, total: 0, processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0, conflicts: 0 });
  recordRunUpdated(em, run);
  await em.flush();
  const metrics = syncMetrics(runtime);
  if (run.outbound) {
    // Pushes that joined this run while it was QUEUED are in the row, not in what was read
    // before it became RUNNING; from now on new ones start a run of their own.
    const [row] = await em.getConnection().execute<{ outbound: SyncRun['outbound'] }[]>('select outbound from sync.sync_run where id = ?', [run.id]);
    run.outbound = row.outbound;
  }
  // The worker is not a GraphQL mutation, which would nudge the relay: say there are events to send.
  const nudge = () => runtime.relay?.nudge();
  nudge();
  await em.nativeDelete(SyncRunError, { runId: run.id });
  const progress = new RunProgress(em, run, nudge);
  let adapter: ConnectorAdapter | undefined;
  // Beats even while a slow source keeps a batch from finishing; recovery takes a silent run for lost.
  const heartbeat = setInterval(() => {
    // Whatever the status: a run cancelled mid-batch still has a live worker, and recovery must see it.
    void em.getConnection().execute('update sync.sync_run set heartbeat_at = now() where id = ?', [run.id], 'run').catch(() => undefined);
  }, settings.heartbeatMs);
  // Started inside the try: the finally that calls stopped() is what keeps the running gauge true.
  let stopped: (() => void) | undefined;
  try {
    stopped = metrics?.started(connector, run);
    adapter = adapterFor(settings, connector);
    let cursors: Partial<Record<SyncEntity, string>> | null = null;
    if (run.outbound) await pushOutbound(em, runtime, adapter, connector, run, progress);
    else if (run.webhookDeliveryId) await applyWebhook(em, runtime, settings, adapter, connector, run, progress);
    else cursors = await fullSync(em, runtime, settings, adapter, connector, run, progress);
    const status = run.failed === 0 ? SyncRunStatus.SUCCEEDED : run.failed < run.processed ? SyncRunStatus.PARTIALLY_SUCCEEDED : SyncRunStatus.FAILED;
    // Cursors move only when every record was applied: a failed record is read again next time.
    if (cursors && status === SyncRunStatus.SUCCEEDED) connector.cursors = { ...connector.cursors, ...cursors };
    await finish(em, run, connector, status, null);
    if (FINAL_STATES.includes(run.status)) metrics?.finished(connector, run); // else cancelled meanwhile
    nudge();
  } catch (error) {
    await progress.settled();
    if (error instanceof RunCancelled) return;
    metrics?.attemptFailed(connector, run);
    const lostDatabase = databaseFailure(error) !== undefined;
    const message = failureMessage(error);
    // A lost database connection is worth another attempt: inbound records are applied by
    // checksum and order pushes look for what an earlier attempt created, so a retry doubles nothing.
    const retryable = lostDatabase || (error instanceof ExternalSystemError ? error.retryable : error instanceof DomainError && error.extensions.code === ErrorCode.UNAVAILABLE);
    if (retryable && run.attempts < run.maxAttempts) {
      const delay = retryDelayMs(run.attempts, { baseMs: settings.retryBaseMs, maxMs: settings.retryMaxMs, retryAfterMs: error instanceof ExternalSystemError ? error.retryAfterMs : undefined });
      log.warn({ runId, attempt: run.attempts, delay, err: (error as Error).message }, 'sync run failed; retrying');
      // The pool may hand out the broken connection once more before it notices.
      await retryOnDatabaseFailure(() => em.transactional(async (tx) => {
        const current = await tx.findOneOrFail(SyncRun, run.id, { refresh: true });
        if (current.status !== SyncRunStatus.RUNNING) return;
        syncRunStatus.assert(current.status, SyncRunStatus.QUEUED);
        Object.assign(current, { status: SyncRunStatus.QUEUED, lastError: message, nextAttemptAt: new Date(Date.now() + delay) });
        recordRunUpdated(tx, current);
        await tx.flush();
        await enqueueRun(tx, current, current.nextAttemptAt);
      }));
      nudge();
      return;
    }
    log.warn({ runId, attempt: run.attempts, err: (error as Error).message }, 'sync run failed for good');
    // Not retried here: finish changes the entities before it flushes; a failure leaves the run
    // RUNNING and silent, which recovery queues again.
    await finish(em, run, connector, SyncRunStatus.FAILED, message);
    if (FINAL_STATES.includes(run.status)) metrics?.finished(connector, run);
    nudge();
  } finally {
    stopped?.();
    clearInterval(heartbeat);
    await adapter?.close?.().catch((error: unknown) => log.warn({ runId, err: (error as Error).message }, 'the adapter did not close cleanly'));
  }
}

/**
 * The run's lastError, which managers read: a driver's message carries the statement and its
 * values, so database failures are named, never quoted (the log has the whole error).
 */
function failureMessage(error: unknown): string {
  const lost = databaseFailure(error);
  if (lost === 'not-connected') return 'the database could not be reached';
  if (lost === 'dropped') return 'the connection to the database was lost';
  if (sqlState(error)) return `a database statement failed (SQLSTATE ${sqlState(error)})`;
  return (error as Error).message;
}

/** Moves the run to its final state (unless somebody cancelled it meanwhile) and updates the connector's health. */
async function finish(em: EntityManager, run: SyncRun, connector: Connector, status: SyncRunStatus, error: string | null): Promise<void> {
  const current = await em.getConnection().execute<{ status: SyncRunStatus }[]>('select status from sync.sync_run where id = ?', [run.id]);
  if (current[0]?.status === SyncRunStatus.CANCELLED) return;
  syncRunStatus.assert(SyncRunStatus.RUNNING, status);
  run.status = status;
  run.finishedAt = new Date();
  if (error) run.lastError = error;
  const before = connector.status;
  if (status === SyncRunStatus.FAILED) {
    connector.consecutiveFailures += 1;
    connector.lastError = error ?? run.lastError ?? `${run.failed} records failed`;
    if (connector.status === ConnectorStatus.ACTIVE) connector.status = ConnectorStatus.FAILING;
  } else {
    connector.consecutiveFailures = 0;
    connector.lastSuccessAt = run.finishedAt;
    if (connector.status === ConnectorStatus.FAILING) connector.status = ConnectorStatus.ACTIVE;
  }
  recordRunUpdated(em, run);
  if (connector.status !== before) recordConnectorStatus(em, connector, before);
  await em.flush();
}

/**
 * Runs up to `limit` batches at once (the supergraph's bulk mutations, not the source, are
 * what a sync waits for); the first failure is rethrown by `drain` after the others settle.
 */
class BatchPool {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | undefined;

  constructor(private readonly limit: number) {}

  async add(work: () => Promise<void>): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const running: Promise<void> = work()
      .catch((error) => {
        this.failure ??= error as Error;
      })
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }
}

/** Applies one batch in a fork of its own (the identity map stays one batch big) and counts it. */
async function applyBatch<R extends SourceRecord>(em: EntityManager, runtime: SubgraphRuntime, handler: EntityHandler<R>, connector: Connector, run: SyncRun, batch: R[], progress: RunProgress): Promise<void> {
  const outcome = await applyBatchWithDeletions(em.fork(), runtime.gateway, handler, connector, run.id, batch, progress.requestId());
  await progress.add(batch.length, outcome);
}

/**
 * Reads every page of one entity from the source and applies it in batches; returns the
 * newest updated-at seen (the next delta's cursor) or the old cursor when none was dated.
 */
async function syncEntity<R extends SourceRecord>(em: EntityManager, runtime: SubgraphRuntime, settings: SyncSettings, handler: EntityHandler<R>, pages: AsyncGenerator<R[]>, connector: Connector, run: SyncRun, progress: RunProgress): Promise<string | undefined> {
  const pool = new BatchPool(settings.batchConcurrency);
  const batch: R[] = [];
  let newest: string | undefined = connector.cursors[handler.entityType];
  try {
    for await (const page of pages) {
      for (const record of page) if (record.updatedAt && (!newest || Date.parse(record.updatedAt) > Date.parse(newest))) newest = record.updatedAt;
      batch.push(...page);
      while (batch.length >= settings.batchSize) {
        const next = batch.splice(0, settings.batchSize);
        await pool.add(() => applyBatch(em, runtime, handler, connector, run, next, progress));
      }
    }
    if (batch.length) {
      const last = batch.splice(0);
      await pool.add(() => applyBatch(em, runtime, handler, connector, run, last, progress));
    }
  } finally {
    await pool.drain();
  }
  return newest;
}

/**
 * Pulls what the run asks for — products (with stock when INVENTORY is asked for; INVENTORY
 * alone reads products too, stock being carried by them), customers and (unless the connector
 * is OUTBOUND) orders — changed since the connector's cursors (everything for a `full` run),
 * and applies it. Price lists (PRICE_LIST) are read whole every time. Under deletions ARCHIVE,
 * a complete read of products or customers also archives what the source no longer has
 * (services/deletions.ts). Returns the new cursors.
 */
async function fullSync(em: EntityManager, runtime: SubgraphRuntime, settings: SyncSettings, adapter: ConnectorAdapter, connector: Connector, run: SyncRun, progress: RunProgress): Promise<Partial<Record<SyncEntity, string>>> {
  const cursors: Partial<Record<SyncEntity, string>> = {};
  const since = (entity: SyncEntity) => (run.full || !connector.cursors[entity] ? null : new Date(connector.cursors[entity]));
  const wants = (entity: SyncEntity) => run.entities.includes(entity);
  const flagInactive = archivesDeletions(connector);
  if ((wants(SyncEntity.PRODUCT) || wants(SyncEntity.INVENTORY)) && adapter.products) {
    const complete = since(SyncEntity.PRODUCT) === null && adapter.listsEverything === true;
    const before = run.processed;
    const newest = await syncEntity(em, runtime, settings, productHandler, adapter.products({ since: since(SyncEntity.PRODUCT), withStock: wants(SyncEntity.INVENTORY), flagInactive }), connector, run, progress);
    if (newest) cursors[SyncEntity.PRODUCT] = newest;
    if (complete) await archiveUnseen(em, runtime.gateway, connector, run, SyncEntity.PRODUCT, progress, before);
  }
  if (wants(SyncEntity.CUSTOMER) && adapter.customers) {
    const complete = since(SyncEntity.CUSTOMER) === null && adapter.listsEverything === true;
    const before = run.processed;
    const newest = await syncEntity(em, runtime, settings, customerHandler, adapter.customers({ since: since(SyncEntity.CUSTOMER), flagInactive }), connector, run, progress);
    if (newest) cursors[SyncEntity.CUSTOMER] = newest;
    if (complete) await archiveUnseen(em, runtime.gateway, connector, run, SyncEntity.CUSTOMER, progress, before);
  }
  // After products and customers: a list's prices and customers are found through their refs.
  if (wants(SyncEntity.PRICE_LIST) && adapter.priceLists) {
    await syncPriceLists(em, runtime.gateway, connector, run, adapter.priceLists(), progress);
  }
  // Last: an order's customer and products are found through the refs the runs above wrote.
  if (wants(SyncEntity.ORDER) && adapter.orders && connector.direction !== SyncDirection.OUTBOUND) {
    await progress.settled();
    const pages = adapter.orders({ since: since(SyncEntity.ORDER) });
    // complete: a read of every order, after which orders gone at the source are cancelled (opt-in, as every deletion).
    const complete = since(SyncEntity.ORDER) === null && adapter.listsEverything === true && archivesDeletions(connector);
    const options = { full: run.full, complete, account: sourceAccountOf(connector, adapter), batchSize: settings.batchSize, cursor: connector.cursors[SyncEntity.ORDER], requestId: () => progress.requestId() };
    const newest = await syncInboundOrders(em, runtime.gateway, connector, pages, options, (offered, outcome) => progress.add(offered, outcome));
    if (newest) cursors[SyncEntity.ORDER] = newest;
  }
  await progress.settled();
  return cursors;
}

/** Applies the records a webhook delivery carries; a topic the adapter ignores is a run with nothing to do. */
async function applyWebhook(em: EntityManager, runtime: SubgraphRuntime, _settings: SyncSettings, adapter: ConnectorAdapter, connector: Connector, run: SyncRun, progress: RunProgress): Promise<void> {
  const delivery = await em.findOneOrFail(WebhookDelivery, run.webhookDeliveryId!);
  const records = adapter.fromWebhook?.(delivery.topic, delivery.payload) ?? null;
  if (records?.products?.length) await applyBatch<SourceProduct>(em, runtime, productHandler, connector, run, records.products, progress);
  if (records?.customers?.length) await applyBatch<SourceCustomer>(em, runtime, customerHandler, connector, run, records.customers, progress);
  await progress.settled();
}
