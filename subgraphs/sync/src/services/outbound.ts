import { randomUUID } from 'node:crypto';
import { EventEntity, logger, StockEvent, throughGateway, type BackgroundJob, type ConsumeOptions, type EventEnvelope, type StockChangedPayload, type SubgraphRuntime } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { receives, type ConnectorAdapter, type FieldMapping, type OutboundOrder, type OutboundStockLevel } from '../adapters';
import { Connector, ExternalRef, SyncDirection, SyncEntity, SyncTrigger, type OutboundWork, type SyncRun } from '../entities';
import { syncSettingsOf } from '../settings';
import { ExternalSystemError } from './backoff';
import { checksumOf } from './inbound';
import { placedFromConnector } from './inbound-orders';
import { stockChecksumOf } from './entity-handlers';
import { pushRecords, recordKindOf, recordPushesOf, recordWork } from './outbound-records';
import { enqueueRun, ensureQueue } from './queue';
import type { RunProgress } from './run-progress';

const log = logger.child({ subgraph: 'sync', component: 'outbound' });

const ORDER = /* GraphQL */ `
  query SyncOutboundOrder($id: ID!) {
    order(id: $id) {
      id number status currency createdAt customerId total { amount }
      customer { id code name email }
      lines { productId sku name quantity unitPrice { amount } }
    }
  }
`;
const PRODUCT_STOCK = /* GraphQL */ `
  query SyncOutboundStock($ids: [ID!]!, $first: Int!) {
    products(first: $first, filter: { ids: $ids }) { edges { node { id sku stockLevels { onHand available warehouse { code } } } } }
  }
`;

type OrderData = {
  id: string; number: string; status: string; currency: string; createdAt: string; customerId: string; total: { amount: string };
  customer: { id: string; code: string; name: string; email: string | null };
  lines: { productId: string; sku: string; name: string; quantity: number; unitPrice: { amount: string } }[];
};

/** The entity a connector must sync to get each kind of push. */
const PUSH_ENTITY: Record<OutboundWork['kind'], SyncEntity> = { ORDER: SyncEntity.ORDER, STOCK: SyncEntity.INVENTORY, PRODUCTS: SyncEntity.PRODUCT, CUSTOMERS: SyncEntity.CUSTOMER };

/** What a waiting push of each kind is about: one per connector and key waits at a time. */
function outboundKeyOf(work: OutboundWork): string {
  return work.kind === 'ORDER' ? `order:${work.orderId}` : work.kind === 'STOCK' ? 'stock' : work.kind.toLowerCase();
}

/** The connectors a push goes to: direction OUTBOUND or BOTH, syncing its entity, with an adapter that can take it. */
function wantsPush(connector: Connector, work: OutboundWork): boolean {
  return connector.direction !== SyncDirection.INBOUND && connector.entities.includes(PUSH_ENTITY[work.kind]) && receives(connector.system, work.kind);
}

/**
 * Queues a push to every outbound connector that syncs its entity: an order (after
 * `order.placed` / `order.status_changed`), products' stock (after `stock.changed`), or
 * products or customers (after `product.*` / `customer.*`). Each
 * push is a SyncRun (trigger EVENT) with the queue's retries. At most one push per connector
 * and subject waits at a time (`outboundKey`, a partial unique index): repeated events, and
 * the same event seen by several sync replicas, join the waiting run (stock, products,
 * customers: the union of the ids), which reads the latest state when it runs. The run row and its job commit together.
 * Returns how many runs it added.
 */
export async function queueOutbound(runtime: SubgraphRuntime, work: OutboundWork, connectors: Connector[]): Promise<number> {
  const entity = PUSH_ENTITY[work.kind];
  const targets = connectors.filter((c) => wantsPush(c, work));
  // The list a waiting run and a new push of the same key merge (an order's push has none).
  const idsKey = work.kind === 'CUSTOMERS' ? 'customerIds' : work.kind === 'ORDER' ? null : 'productIds';
  if (!targets.length) return 0;
  await ensureQueue(runtime);
  const em = runtime.database.orm.em.fork();
  const maxAttempts = syncSettingsOf(runtime.settings).maxAttempts;
  let queued = 0;
  await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    for (const connector of targets) {
      const key = outboundKeyOf(work);
      const rows = await connection.execute<{ id: string; inserted: boolean }[]>(
        `insert into sync.sync_run (id, connector_id, trigger, entities, status, total, processed, created, updated, unchanged, failed, conflicts, attempts, max_attempts, queued_at, "full", version, outbound, outbound_key)
         values (?, ?, ?, ?::jsonb, 'QUEUED', 0, 0, 0, 0, 0, 0, 0, 0, ?, now(), false, 0, ?::jsonb, ?)
         on conflict (connector_id, outbound_key) where status = 'QUEUED' do update
           set outbound = case when ?::text is not null
             then jsonb_set(sync_run.outbound, array[?::text], (select jsonb_agg(distinct p) from jsonb_array_elements((sync_run.outbound->?::text) || (excluded.outbound->?::text)) p))
             else sync_run.outbound end
         returning id, (xmax = 0) as inserted`,
        [randomUUID(), connector.id, SyncTrigger.EVENT, JSON.stringify([entity]), maxAttempts, JSON.stringify(work), key, idsKey, idsKey, idsKey, idsKey],
        'all',
        tx.getTransactionContext(),
      );
      if (rows[0]?.inserted) {
        await enqueueRun(tx, { id: rows[0].id, connectorId: connector.id });
        queued++;
      }
    }
  });
  return queued;
}

/**
 * Creates an order in the system that has no ref for it yet — once, even when an earlier
 * attempt sent it and died before recording the answer: every attempt commits `pushStartedAt`
 * on its run before sending, and an attempt that finds one (on this run or an earlier run for
 * the same order) asks the adapter for the order first. An adapter that cannot look orders up
 * sends again: at least once, never lost.
 */
async function createOnce(em: EntityManager, adapter: ConnectorAdapter, connector: Connector, run: SyncRun, order: OutboundOrder): Promise<{ externalId: string }> {
  const connection = em.getConnection();
  const [earlier] = await connection.execute<{ started: string | null }[]>(
    `select min(outbound->>'pushStartedAt') as started from sync.sync_run where connector_id = ? and outbound_key = ? and outbound->>'pushStartedAt' is not null`,
    [connector.id, `order:${order.id}`],
  );
  if (earlier?.started && adapter.findPushedOrder) {
    // A minute's margin for the system's clock against ours.
    const found = await adapter.findPushedOrder(order, new Date(Date.parse(earlier.started) - 60_000));
    if (found) {
      log.warn({ runId: run.id, orderId: order.id, externalId: found.externalId }, 'an earlier push created the order but its answer was lost; recording it instead of sending again');
      return found;
    }
  }
  // The first attempt's time stays: the lookup window must reach back to the earliest send.
  await connection.execute(`update sync.sync_run set outbound = outbound || jsonb_build_object('pushStartedAt', coalesce(outbound->>'pushStartedAt', ?::text)) where id = ?`, [new Date().toISOString(), run.id]);
  return adapter.pushOrder!(order, null);
}

/** Pushes what an outbound run holds (an order, products' stock, products or customers) through the adapter. */
export async function pushOutbound(em: EntityManager, runtime: SubgraphRuntime, adapter: ConnectorAdapter, connector: Connector, run: SyncRun, progress: RunProgress): Promise<void> {
  const work = run.outbound!;
  if (work.kind === 'PRODUCTS' || work.kind === 'CUSTOMERS') return pushRecords(em, runtime, adapter, connector, run, progress);
  const requestId = progress.requestId();
  if (work.kind === 'ORDER') {
    if (!adapter.pushOrder) throw new ExternalSystemError(`${connector.system} connectors cannot receive orders`, false);
    const data = await throughGateway(runtime.gateway, 'The order could not be read', (g) => g.request<{ order: OrderData | null }>(ORDER, { id: work.orderId }, requestId));
    if (!data.order) throw new ExternalSystemError(`order ${work.orderId} does not exist`, false);
    const order = data.order;
    // Echo suppression: an order sync placed from this connector's system is that system's, never pushed back to it.
    if (await placedFromConnector(em, connector.id, order.id)) return progress.add(1, { created: 0, updated: 0, unchanged: 1, conflicts: 0, failed: [] });
    const refs = await em.find(ExternalRef, { connectorId: connector.id, $or: [{ entityType: SyncEntity.CUSTOMER, entityId: order.customerId }, { entityType: SyncEntity.PRODUCT, entityId: { $in: order.lines.map((l) => l.productId) } }, { entityType: SyncEntity.ORDER, entityId: order.id }] });
    const refOf = (type: SyncEntity, id: string) => refs.find((r) => r.entityType === type && r.entityId === id);
    const outbound: OutboundOrder = {
      id: order.id,
      number: order.number,
      status: order.status,
      placedAt: order.createdAt,
      currency: order.currency,
      total: order.total.amount,
      customer: { ...order.customer, externalId: refOf(SyncEntity.CUSTOMER, order.customerId)?.externalId ?? null },
      lines: order.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice.amount, externalId: refOf(SyncEntity.PRODUCT, l.productId)?.externalId ?? null })),
    };
    const checksum = checksumOf(outbound);
    const existing = refOf(SyncEntity.ORDER, order.id);
    if (existing?.checksum === checksum) return progress.add(1, { created: 0, updated: 0, unchanged: 1, conflicts: 0, failed: [] });
    const pushed = existing ? await adapter.pushOrder(outbound, existing.externalId) : await createOnce(em, adapter, connector, run, outbound);
    const now = new Date();
    if (existing) Object.assign(existing, { externalId: pushed.externalId, checksum, lastSeenAt: now, lastSyncedAt: now });
    else em.create(ExternalRef, { connectorId: connector.id, system: connector.system, entityType: SyncEntity.ORDER, externalId: pushed.externalId, entityId: order.id, checksum, lastSeenAt: now, lastSyncedAt: now });
    // Recorded at once: what the system answered must not wait for the end of the run to be known.
    await em.flush();
    return progress.add(1, { created: existing ? 0 : 1, updated: existing ? 1 : 0, unchanged: 0, conflicts: 0, failed: [] });
  }
  if (!adapter.pushStock) throw new ExternalSystemError(`${connector.system} connectors cannot receive stock`, false);
  // Only products the system knows (synced from it) have an id there to push to.
  const refs = await em.find(ExternalRef, { connectorId: connector.id, entityType: SyncEntity.PRODUCT, entityId: { $in: work.productIds } });
  const mapped = new Set(Object.values((connector.fieldMapping as FieldMapping).inventory?.locations ?? {}));
  type Node = { id: string; sku: string; stockLevels: { onHand: number; available: number; warehouse: { code: string } }[] };
  const levels: OutboundStockLevel[] = [];
  const changedRefs: { ref: ExternalRef; stockChecksum: string }[] = [];
  for (let i = 0; i < refs.length; i += 100) {
    const chunk = refs.slice(i, i + 100);
    const data = await throughGateway(runtime.gateway, 'Stock could not be read', (g) => g.request<{ products: { edges: { node: Node }[] } }>(PRODUCT_STOCK, { ids: chunk.map((r) => r.entityId), first: chunk.length }, requestId));
    const refOf = new Map(chunk.map((r) => [r.entityId, r]));
    for (const { node: p } of data.products.edges) {
      const ref = refOf.get(p.id)!;
      const own = p.stockLevels.filter((l) => !mapped.size || mapped.has(l.warehouse.code));
      const stockChecksum = stockChecksumOf(own.map((l) => ({ warehouseCode: l.warehouse.code, quantity: l.available })));
      // Equal to what both sides last agreed on: sync's own inbound change coming back, or nothing new.
      if (stockChecksum === ref.stockChecksum) continue;
      changedRefs.push({ ref, stockChecksum });
      for (const l of own) levels.push({ externalId: ref.externalId, sku: p.sku, warehouseCode: l.warehouse.code, onHand: l.onHand, available: l.available });
    }
  }
  if (levels.length) await adapter.pushStock(levels);
  const now = new Date();
  for (const { ref, stockChecksum } of changedRefs) Object.assign(ref, { stockChecksum, lastSyncedAt: now });
  return progress.add(work.productIds.length, { created: 0, updated: changedRefs.length, unchanged: work.productIds.length - changedRefs.length, conflicts: 0, failed: [] });
}

/** The bus consumer group of the outbound pushes: every sync replica consumes in it, each event reaches one of them. */
export const OUTBOUND_GROUP = 'sync-outbound';

/** How long stop waits for the batch in hand: well within the subgraph's SHUTDOWN_GRACE_MS (default 10 s). */
/**
 * Deliveries before a push that cannot be queued is dead-lettered: with the bus's backoff (up
 * to 10 s) about a quarter of an hour, so a database or gateway outage does not dead-letter
 * good events; only one that keeps failing once everything is up ends there.
 */
const OUTBOUND_MAX_DELIVERIES = 100;
const OUTBOUND_STOP_TIMEOUT_MS = 3_000;

/**
 * Turns order, stock, product and customer events into outbound pushes (see {@link queueOutbound}), as the bus
 * consumer group {@link OUTBOUND_GROUP}: events published while no sync replica runs wait in
 * the group and are pushed once one runs again. Per batch, each order is queued once and
 * the stock of every product that changed as one push (a burst, a sync or a big order, moves
 * thousands of levels); products and customers as one push per connector of those it has
 * and did not just send us (outbound-records.ts). The batch is acknowledged only after its pushes are queued (their
 * rows committed); a failure has the bus deliver it again (order and stock events each on
 * their own: a bad order event does not hold up stock pushes), and an event that failed 10
 * deliveries is dead-lettered (Redis: `<prefix>:events:<Entity>:dead:sync-outbound`) and
 * skipped. A repeated delivery is harmless: it joins the waiting run, or a new run finds the
 * system already up to date (checksums).
 */
export class OutboundDispatcher implements BackgroundJob {
  private consuming?: Promise<() => Promise<void>>;

  /** @param options the consumer group's tuning (tests shorten `claimIdleMs`); an event rejected `maxDeliveries` times is dead-lettered */
  constructor(private readonly runtime: SubgraphRuntime, private readonly options: ConsumeOptions = {}) {}

  /** Resolves when the consumer is in the group (the group keeps events from its first start on). */
  async ready(): Promise<void> {
    await this.consuming;
  }

  start(): this {
    const options = { stopTimeoutMs: OUTBOUND_STOP_TIMEOUT_MS, maxDeliveries: OUTBOUND_MAX_DELIVERIES, ...this.options };
    this.consuming = this.runtime.bus.consume(OUTBOUND_GROUP, [EventEntity.ORDER, EventEntity.STOCK_LEVEL, EventEntity.PRODUCT, EventEntity.CUSTOMER], (batch) => this.dispatch(batch), options);
    this.consuming.catch((error) => log.error({ err: error }, 'the outbound dispatcher could not join its consumer group'));
    return this;
  }

  /** Queues the batch's pushes; resolves once they are committed. */
  private async dispatch(batch: EventEnvelope[]): Promise<void> {
    const orderIds = new Set<string>();
    const productIds = new Set<string>();
    const records: EventEnvelope[] = [];
    for (const event of batch) {
      // Any event of an order (placed, status changed, payment recorded): the push's checksum skips what the system already has.
      if (event.entity === EventEntity.ORDER) orderIds.add(event.entityId);
      else if (event.type === StockEvent.CHANGED) productIds.add(String((event.payload as StockChangedPayload).productId));
      else if (recordKindOf(event)) records.push(event);
    }
    if (!orderIds.size && !productIds.size && !records.length) return;
    const connectors = await this.connectors();
    for (const orderId of orderIds) await queueOutbound(this.runtime, { kind: 'ORDER', orderId }, connectors);
    if (productIds.size) await queueOutbound(this.runtime, { kind: 'STOCK', productIds: [...productIds] }, connectors);
    // A batch is one entity's stream: products or customers, each pushed (coalesced) to the systems that have them.
    const kind = records.length ? recordKindOf(records[0])! : null;
    if (!kind) return;
    const targets = connectors.filter((c) => wantsPush(c, recordWork(kind, [])));
    const pushes = await recordPushesOf(this.runtime.database.orm.em.fork(), kind, records, targets);
    for (const [connector, ids] of pushes) await queueOutbound(this.runtime, recordWork(kind, ids), [connector]);
  }

  /** Read per batch (a small table), so a connector created a moment ago gets the next event. */
  private connectors(): Promise<Connector[]> {
    return this.runtime.database.orm.em.fork().find(Connector, { direction: { $ne: SyncDirection.INBOUND } });
  }

  /**
   * Stops consuming, after the batch in hand, waiting for it at most OUTBOUND_STOP_TIMEOUT_MS
   * (a batch stuck, say on a database connection, must not hold up the subgraph's stop): a
   * batch not finished by then is not acknowledged and is delivered again, which is harmless.
   */
  async stop(): Promise<void> {
    const stop = await this.consuming?.catch(() => undefined);
    await stop?.();
  }
}
