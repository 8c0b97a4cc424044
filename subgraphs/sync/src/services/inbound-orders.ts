import { createHash, randomUUID } from 'node:crypto';
import { advisoryLock, DomainError, ErrorCode, logger, throughGateway, type GatewayClient } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConnectorAdapter, SourceOrder } from '../adapters';
import { ExternalRef, InboundOrder, SyncEntity, type Connector } from '../entities';
import { checksumOf, type BatchOutcome } from './inbound';

const log = logger.child({ subgraph: 'sync', component: 'inbound-orders' });

const PLACE_ORDER = /* GraphQL */ `
  mutation SyncPlaceInboundOrder($input: PlaceOrderInput!, $idempotencyKey: String!) {
    placeOrder(input: $input, idempotencyKey: $idempotencyKey) { id number status }
  }
`;
const ORDER_STATUS = /* GraphQL */ `
  query SyncInboundOrderStatus($id: ID!) { order(id: $id) { id number status lines { productId quantity } } }
`;
type PlacedOrder = { id: string; number: string; status: string; lines: { productId: string; quantity: number }[] };
const CANCEL_ORDER = /* GraphQL */ `
  mutation SyncCancelInboundOrder($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { id status } }
`;
const START_PROCESSING = /* GraphQL */ `
  mutation SyncStartInboundOrder($id: ID!) { startProcessingOrder(id: $id) { id status } }
`;
const COMPLETE_ORDER = /* GraphQL */ `
  mutation SyncCompleteInboundOrder($id: ID!) { completeOrder(id: $id) { id status } }
`;

/**
 * Refusals of placeOrder that wait on a person (stock received, a credit limit raised or an
 * override granted), not on the source: recorded once as a failed record of the run, then
 * left alone by delta runs until the source order changes; a `full` run tries them again.
 * Other refusals (a DRAFT product, an inactive customer …) are failed records every run.
 */
export const WAITING_REFUSALS: readonly string[] = [ErrorCode.INSUFFICIENT_STOCK, 'CREDIT_LIMIT_EXCEEDED'];

/** placeOrder's own limits (orders/src/inputs/order-inputs.ts), checked here so the message names the source order. */
const MAX_LINES = 100;
const MAX_QUANTITY = 100_000;

/**
 * The source account a connector reads, as part of an inbound order's idempotency key: the
 * origin of its baseUrl (lower-case host, default port dropped: the Shopify shop domain, the
 * NetSuite account's host) and, for a REST API, its path, plus what the adapter says names the
 * account within that server ({@link ConnectorAdapter.sourceAccount}: SAP B1's company
 * database, Business Central's company id). Two connectors to the same account give the same
 * keys; the connector's own id is no part of it, so re-creating a connector places nothing twice.
 */
export function sourceAccountOf(connector: Pick<Connector, 'system' | 'baseUrl'>, adapter: Pick<ConnectorAdapter, 'sourceAccount'>): string {
  let where = connector.baseUrl ?? '';
  try {
    const url = new URL(where);
    where = url.origin.toLowerCase() + (connector.system === 'REST' ? url.pathname.replace(/\/+$/, '') : '');
  } catch {
    // not a URL (adapterFor refuses such connectors before a run reads orders): used as it is
  }
  return adapter.sourceAccount ? `${where}|${adapter.sourceAccount}` : where;
}

/**
 * The idempotency key of the order placed from a source order: `<system>:<source account>:<external id>`
 * (lower-case system, {@link sourceAccountOf}), so a re-sync, a retried attempt, a second
 * replica, a re-created connector or a second connector to the same shop gets the same order.
 * Keys are at most 200 characters: a longer one is `<system>:sha256:<SHA-256 of account and id>`.
 */
export function inboundOrderKey(system: string, account: string, externalId: string): string {
  const key = `${system.toLowerCase()}:${account}:${externalId}`;
  return key.length <= 200 ? key : `${system.toLowerCase()}:sha256:${createHash('sha256').update(`${account}\n${externalId}`).digest('hex')}`;
}

/**
 * Serialises, per connector, placing an inbound order (and recording its refs) with the
 * outbound push deciding whether an order came from that connector: a push waits here until
 * a placement in flight has committed its {@link InboundOrder} row, so an order sync has just
 * placed is never pushed back to the system it came from. kit's transaction-scoped advisory
 * lock: released at commit or rollback, whatever happens to the process.
 */
const lockInboundOrders = (tx: EntityManager, connectorId: string) => advisoryLock(tx, `sync:inbound-order:${connectorId}`);

/**
 * Whether the order was placed by sync from this connector's system — then it is never pushed
 * back there. Waits for a placement in flight first (see {@link lockInboundOrders}).
 */
export async function placedFromConnector(em: EntityManager, connectorId: string, orderId: string): Promise<boolean> {
  // A clean fork: the transaction must carry nothing the caller's unit of work holds.
  return em.fork().transactional(async (tx) => {
    await lockInboundOrders(tx, connectorId);
    return (await tx.count(InboundOrder, { connectorId, orderId })) > 0;
  });
}

/** What to follow of a source order: what changes it (its updated-at and number do not). */
const sourceValue = (order: SourceOrder) => ({ status: order.status, customer: order.customerExternalId, lines: order.lines });

/** The order's name in messages: "SHOPIFY order #1001". */
const nameOf = (connector: Connector, order: SourceOrder) => `${connector.system} order ${order.number}`;

type RefOf = (type: SyncEntity, externalId: string) => ExternalRef | undefined;

/** What an inbound batch is applied with: a full run (refused orders are tried again) and the key's {@link sourceAccountOf}. */
export interface InboundOrderOptions {
  full: boolean;
  account: string;
}

/**
 * Applies one batch of source orders (services/runner.ts reads them after products and
 * customers, so their refs exist):
 * - an order Tradegraph pushed there (a ref of ours without an {@link InboundOrder}, one the
 *   adapter recognises, or one whose `claimedOrderId` is an order pushed to this connector) is
 *   Tradegraph's own: unchanged;
 * - a new OPEN order is placed through the gateway with placeOrder — the same path as any
 *   order: catalog prices for the customer, stock reserved, credit checked — its customer and
 *   products found by their ExternalRefs of this connector, with the idempotency key
 *   {@link inboundOrderKey}; an order first seen CANCELLED or FULFILLED is history and is not
 *   taken in. A customer or product not synced from the system fails the record, tried again
 *   next run; a {@link WAITING_REFUSALS} refusal fails it once and is remembered;
 * - a placed order whose source changed has its status followed: CANCELLED cancels ours
 *   (releasing its stock), FULFILLED completes it (PENDING goes through PROCESSING; the
 *   reserved stock ships). Lines changed at the source while ours is open are not followed
 *   (placeOrder's prices, stock and credit were for the lines placed): a failed record says so
 *   on every run until the lines agree again or the order is closed on either side.
 * Every order read marks its ORDER ref seen (for {@link cancelVanished}).
 */
export async function applyInboundOrders(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, records: SourceOrder[], options: InboundOrderOptions, requestId: string): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, conflicts: 0, failed: [] };
  if (!records.length) return outcome;
  const externalIds = records.map((r) => r.externalId);
  const known = new Map((await em.find(InboundOrder, { connectorId: connector.id, externalId: { $in: externalIds } })).map((row) => [row.externalId, row]));
  const customerIds = [...new Set(records.flatMap((r) => (r.customerExternalId ? [r.customerExternalId] : [])))];
  const productIds = [...new Set(records.flatMap((r) => r.lines.flatMap((l) => (l.productExternalId ? [l.productExternalId] : []))))];
  const refs = await em.find(ExternalRef, {
    connectorId: connector.id,
    $or: [
      { entityType: SyncEntity.ORDER, externalId: { $in: externalIds } },
      { entityType: SyncEntity.CUSTOMER, externalId: { $in: customerIds } },
      { entityType: SyncEntity.PRODUCT, externalId: { $in: productIds } },
    ],
  });
  await em.nativeUpdate(ExternalRef, { connectorId: connector.id, entityType: SyncEntity.ORDER, externalId: { $in: externalIds } }, { lastSeenAt: new Date() });
  const pushedHere = await pushedToConnector(em, connector.id, records.flatMap((r) => (r.claimedOrderId ? [r.claimedOrderId] : [])));
  const refOf: RefOf = (type, externalId) => refs.find((r) => r.entityType === type && r.externalId === externalId);
  for (const record of records) {
    const checksum = checksumOf(sourceValue(record));
    const row = known.get(record.externalId);
    if (!row && (record.fromTradegraph || (record.claimedOrderId && pushedHere.has(record.claimedOrderId)) || refOf(SyncEntity.ORDER, record.externalId))) {
      outcome.unchanged++; // pushed there by Tradegraph: the order is ours
      continue;
    }
    if (row?.orderId) {
      if (row.checksum === checksum) outcome.unchanged++;
      else await followStatus(em, gateway, connector, record, row, checksum, refOf, outcome, requestId);
      continue;
    }
    if ((row && row.checksum === checksum && !options.full) || record.status !== 'OPEN') {
      outcome.unchanged++; // refused before and unchanged since, or history
      continue;
    }
    const problem = orderProblem(connector, record, refOf);
    if (problem) {
      outcome.failed.push({ externalId: record.externalId, message: problem });
      continue;
    }
    await place(em, gateway, connector, record, checksum, refOf, options.account, outcome, requestId);
  }
  return outcome;
}

/**
 * Which of these Tradegraph order ids were pushed to this connector (an outbound run of the
 * order exists): a source order claiming one of them is Tradegraph's. One statement a batch.
 */
async function pushedToConnector(em: EntityManager, connectorId: string, orderIds: string[]): Promise<Set<string>> {
  if (!orderIds.length) return new Set();
  const rows = await em.getConnection().execute<{ order_id: string }[]>(
    `select distinct outbound->>'orderId' as order_id from sync.sync_run where connector_id = ? and outbound->>'orderId' = any(?::text[])`,
    [connectorId, `{${[...new Set(orderIds)].map((id) => `"${id.replace(/["\\]/g, '')}"`).join(',')}}`],
    'all',
    em.getTransactionContext(),
  );
  return new Set(rows.map((r) => r.order_id));
}

/** Why the order cannot be placed as the source has it (unknown customer or product, lines placeOrder refuses), or null. */
function orderProblem(connector: Connector, record: SourceOrder, refOf: RefOf): string | null {
  const name = nameOf(connector, record);
  if (!record.customerExternalId) return `${name} names no customer`;
  if (!refOf(SyncEntity.CUSTOMER, record.customerExternalId)) return `${name}: customer ${record.customerExternalId} is not known in Tradegraph (it was not synced from this connector's ${connector.system}); sync its customers first — the order is tried again on the next run`;
  if (!record.lines.length) return `${name} has no lines`;
  if (record.lines.length > MAX_LINES) return `${name} has ${record.lines.length} lines; an order takes at most ${MAX_LINES}`;
  for (const [i, line] of record.lines.entries()) {
    if (!line.productExternalId) return `${name}: line ${i + 1} names no item (a custom line), which Tradegraph cannot place`;
    if (!refOf(SyncEntity.PRODUCT, line.productExternalId)) return `${name}: line ${i + 1}'s product ${line.productExternalId} is not known in Tradegraph (it was not synced from this connector's ${connector.system}); sync its products first — the order is tried again on the next run`;
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) return `${name}: line ${i + 1}'s quantity ${line.quantity} is not a whole number from 1 to ${MAX_QUANTITY}`;
  }
  return null;
}

/** The source order's quantities by Tradegraph product id (placeOrder takes one line per product: lines of the same item are summed); null when a line's product is not known. */
function quantitiesOf(record: SourceOrder, refOf: RefOf): Map<string, number> | null {
  const quantities = new Map<string, number>();
  for (const line of record.lines) {
    const ref = line.productExternalId ? refOf(SyncEntity.PRODUCT, line.productExternalId) : undefined;
    if (!ref) return null;
    quantities.set(ref.entityId, (quantities.get(ref.entityId) ?? 0) + line.quantity);
  }
  return quantities;
}

/** The code of a placeOrder / status refusal the record fails with; rethrows what fails the attempt (UNAVAILABLE …). */
function refusalOf(error: unknown): { code: string; message: string } {
  if (!(error instanceof DomainError) || error.extensions.code === ErrorCode.UNAVAILABLE || error.extensions.code === ErrorCode.INTERNAL) throw error;
  return { code: String(error.extensions.code), message: error.message };
}

/**
 * Places one order and records it, under the connector's inbound-order lock (see
 * {@link lockInboundOrders}): its row is read again under the lock, so an overlapping
 * placement (another replica, a run and a retry) finds the order placed and leaves it; its
 * ORDER ref (the link Order.externalRefs shows) and its {@link InboundOrder} row commit before
 * the lock is released. Rows are written by plain statements, never through the unit of work,
 * so one order's transaction carries no other's.
 */
async function place(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, record: SourceOrder, checksum: string, refOf: RefOf, account: string, outcome: BatchOutcome, requestId: string): Promise<void> {
  const input = {
    customerId: refOf(SyncEntity.CUSTOMER, record.customerExternalId!)!.entityId,
    lines: [...quantitiesOf(record, refOf)!].map(([productId, quantity]) => ({ productId, quantity })),
    notes: `${nameOf(connector, record)} (taken in by sync)`,
  };
  const now = new Date();
  try {
    const placed = await em.fork().transactional(async (tx) => {
      await lockInboundOrders(tx, connector.id);
      const current = await tx.findOne(InboundOrder, { connectorId: connector.id, externalId: record.externalId });
      if (current?.orderId) return false;
      type Placed = { placeOrder: { id: string; number: string; status: string } };
      const answer = await throughGateway(gateway, `${nameOf(connector, record)} could not be placed`, (g) => g.request<Placed>(PLACE_ORDER, { input, idempotencyKey: inboundOrderKey(connector.system, account, record.externalId) }, requestId));
      const orderId = answer.placeOrder.id;
      const fields = { checksum, orderId, refusedCode: null, refusedMessage: null, updatedAt: now };
      if (current) await tx.nativeUpdate(InboundOrder, { id: current.id }, fields);
      else await tx.insert(InboundOrder, { id: randomUUID(), connectorId: connector.id, externalId: record.externalId, ...fields });
      await tx.insert(ExternalRef, { id: randomUUID(), connectorId: connector.id, system: connector.system, entityType: SyncEntity.ORDER, externalId: record.externalId, entityId: orderId, checksum, lastSeenAt: now, lastSyncedAt: now });
      return true;
    });
    if (placed) outcome.created++;
    else outcome.unchanged++; // placed meanwhile by an overlapping run
  } catch (error) {
    const refusal = refusalOf(error);
    outcome.failed.push({ externalId: record.externalId, message: `${refusal.code}: ${refusal.message}` });
    if (!WAITING_REFUSALS.includes(refusal.code)) return;
    log.info({ connectorId: connector.id, externalId: record.externalId, code: refusal.code }, 'an inbound order was refused; it waits for a change at the source or a full run');
    // One statement, whatever an overlapping run wrote meanwhile; a placed order's row is never turned back into a refusal.
    await em.getConnection().execute(
      `insert into sync.inbound_order (id, connector_id, external_id, checksum, order_id, refused_code, refused_message, updated_at) values (?, ?, ?, ?, null, ?, ?, ?)
       on conflict (connector_id, external_id) do update set checksum = excluded.checksum, refused_code = excluded.refused_code, refused_message = excluded.refused_message, updated_at = excluded.updated_at
       where inbound_order.order_id is null`,
      [randomUUID(), connector.id, record.externalId, checksum, refusal.code, refusal.message.slice(0, 2000), now],
      'run',
      em.getTransactionContext(),
    );
  }
}

/** Whether the order's lines are the source order's (by product and summed quantity). */
function sameLines(order: PlacedOrder, record: SourceOrder, refOf: RefOf): boolean {
  const wanted = quantitiesOf(record, refOf);
  if (!wanted) return false;
  const placed = new Map<string, number>();
  for (const line of order.lines) placed.set(line.productId, (placed.get(line.productId) ?? 0) + line.quantity);
  return placed.size === wanted.size && [...wanted].every(([productId, quantity]) => placed.get(productId) === quantity);
}

/** Follows a placed order's new source status (see {@link applyInboundOrders}); what fails is a failed record, tried again next run. */
async function followStatus(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, record: SourceOrder, row: InboundOrder, checksum: string, refOf: RefOf, outcome: BatchOutcome, requestId: string): Promise<void> {
  const orderId = row.orderId!;
  const what = `${nameOf(connector, record)} could not be followed`;
  try {
    const read = await throughGateway(gateway, what, (g) => g.request<{ order: PlacedOrder | null }>(ORDER_STATUS, { id: orderId }, requestId));
    const status = read.order?.status ?? null;
    const open = status === 'PENDING' || status === 'PROCESSING';
    if (record.status === 'OPEN' && open && !sameLines(read.order!, record, refOf)) {
      // Not recorded as followed: reported again each run until the lines agree or the order closes.
      const message = `${nameOf(connector, record)}: its lines were changed in ${connector.system} after it was placed as order ${read.order!.number}; Tradegraph does not change a placed order's lines (its prices, stock and credit were for those) — change order ${read.order!.number} in Tradegraph, or cancel the order in ${connector.system} and enter a new one`;
      outcome.failed.push({ externalId: record.externalId, message });
      return;
    }
    let changed = false;
    if (record.status === 'CANCELLED' && open) {
      await throughGateway(gateway, what, (g) => g.request(CANCEL_ORDER, { id: orderId, reason: `Cancelled (or closed unfulfilled) in ${nameOf(connector, record)}` }, requestId));
      changed = true;
    } else if (record.status === 'FULFILLED' && open) {
      if (status === 'PENDING') await throughGateway(gateway, what, (g) => g.request(START_PROCESSING, { id: orderId }, requestId));
      await throughGateway(gateway, what, (g) => g.request(COMPLETE_ORDER, { id: orderId }, requestId));
      changed = true;
    }
    await em.nativeUpdate(InboundOrder, { id: row.id }, { checksum, updatedAt: new Date() });
    await em.nativeUpdate(ExternalRef, { connectorId: connector.id, entityType: SyncEntity.ORDER, externalId: record.externalId }, { checksum, lastSeenAt: new Date(), ...(changed ? { lastSyncedAt: new Date() } : {}) });
    if (changed) outcome.updated++;
    else outcome.unchanged++;
  } catch (error) {
    const refusal = refusalOf(error);
    outcome.failed.push({ externalId: record.externalId, message: `${refusal.code}: ${refusal.message}` });
  }
}

/**
 * After a complete read (a full run of an adapter that `listsEverything`, under the connector's
 * `deletions: ARCHIVE`): orders placed from this connector whose source order was not read
 * (ORDER ref not seen since `startedAt`) are gone at the source — Business Central deletes a
 * cancelled sales order — and ours, while PENDING or PROCESSING, is cancelled "no longer in
 * <system>", releasing its stock and credit exposure. Their refs are then marked `archivedAt`
 * and never looked at again. Opt-in like every deletion (services/deletions.ts): a source read
 * through a filtered view would otherwise cancel what it merely does not show; and a Business
 * Central order posted with Ship and Invoice vanishes too — its shipment is not read, so it is
 * cancelled as well (the stock it shipped is released, not shipped: see README "Orders in").
 */
export async function cancelVanished(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, startedAt: Date, requestId: string): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, conflicts: 0, failed: [] };
  const gone = await em.getConnection().execute<{ ref_id: string; external_id: string; order_id: string }[]>(
    `select r.id as ref_id, r.external_id, i.order_id from sync.external_ref r join sync.inbound_order i on i.connector_id = r.connector_id and i.external_id = r.external_id and i.order_id = r.entity_id
     where r.connector_id = ? and r.entity_type = 'ORDER' and r.archived_at is null and r.last_seen_at < ? order by r.external_id`,
    [connector.id, startedAt],
    'all',
    em.getTransactionContext(),
  );
  for (const row of gone) {
    const what = `${connector.system} order ${row.external_id}, no longer in ${connector.system}, could not be cancelled`;
    try {
      const read = await throughGateway(gateway, what, (g) => g.request<{ order: PlacedOrder | null }>(ORDER_STATUS, { id: row.order_id }, requestId));
      const open = read.order?.status === 'PENDING' || read.order?.status === 'PROCESSING';
      if (open) await throughGateway(gateway, what, (g) => g.request(CANCEL_ORDER, { id: row.order_id, reason: `no longer in ${connector.system}` }, requestId));
      await em.nativeUpdate(ExternalRef, { id: row.ref_id }, { archivedAt: new Date(), ...(open ? { lastSyncedAt: new Date() } : {}) });
      if (open) outcome.updated++;
      else outcome.unchanged++;
    } catch (error) {
      const refusal = refusalOf(error);
      outcome.failed.push({ externalId: row.external_id, message: `${refusal.code}: ${refusal.message}` });
    }
  }
  return outcome;
}

/**
 * Reads a connector's orders page by page and applies them in batches of `batchSize`; after a
 * `complete` read that returned orders, cancels those gone at the source ({@link cancelVanished}).
 * Returns the newest updated-at seen (the next delta's cursor), or `cursor` when none was dated.
 */
export async function syncInboundOrders(
  em: EntityManager,
  gateway: GatewayClient | undefined,
  connector: Connector,
  pages: AsyncGenerator<SourceOrder[]>,
  options: InboundOrderOptions & { complete: boolean; batchSize: number; cursor: string | undefined; requestId: () => string },
  applied: (offered: number, outcome: BatchOutcome) => Promise<void>,
): Promise<string | undefined> {
  const startedAt = new Date();
  let newest = options.cursor;
  let read = 0;
  const batch: SourceOrder[] = [];
  const flush = async (records: SourceOrder[]) => applied(records.length, await applyInboundOrders(em.fork(), gateway, connector, records, options, options.requestId()));
  for await (const page of pages) {
    for (const record of page) if (record.updatedAt && (!newest || Date.parse(record.updatedAt) > Date.parse(newest))) newest = record.updatedAt;
    read += page.length;
    batch.push(...page);
    while (batch.length >= options.batchSize) await flush(batch.splice(0, options.batchSize));
  }
  if (batch.length) await flush(batch.splice(0));
  // An empty answer is likelier a misconfigured connector than a source emptied: nothing is cancelled.
  if (options.complete && read > 0) {
    const outcome = await cancelVanished(em.fork(), gateway, connector, startedAt, options.requestId());
    if (outcome.updated + outcome.unchanged + outcome.failed.length) await applied(outcome.updated + outcome.unchanged + outcome.failed.length, outcome);
  }
  return newest;
}
