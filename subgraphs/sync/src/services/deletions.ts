import { throughGateway, type GatewayClient } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DeletionPolicy, ExternalRef, SyncEntity, type Connector, type SyncRun } from '../entities';
import type { RunProgress } from './run-progress';
import { applyInboundBatch, inChunks, type BatchOutcome, type EntityHandler, type SourceRecord } from './inbound';
import { sendAliased } from './aliased-mutations';

/*
 * Records deleted or made inactive at the source, under the connector's `deletions: ARCHIVE`
 * (never deleted in Tradegraph). Found two ways: the adapter flags a record `inactive`
 * (NetSuite isInactive, SAP B1 Valid/Frozen, Business Central blocked, Shopify status
 * archived), or a full run no longer sees a ref's record (reconcile: the record is gone).
 *
 * - Products, inactive or gone: ARCHIVED (archiveProduct; a DRAFT too) — unless another
 *   connector still holds a live ref to the product: then only this ref is marked archived.
 *   A product the source offers active again, which sync archived, is restored to DRAFT.
 * - Customers, inactive: SUSPENDED (a block in an ERP is often temporary, and ARCHIVED is
 *   final for customers), the ref marked `suspendedAt`; ACTIVE again (reactivateCustomer)
 *   when the source lifts the block — only customers sync suspended, never one a person did.
 * - Customers, gone: ARCHIVED (archiveCustomer, with the reason), which is final.
 */

const PRODUCT_STATUSES = /* GraphQL */ `
  query SyncProductStatuses($ids: [ID!]!, $first: Int!) { products(first: $first, filter: { ids: $ids }) { edges { node { id status } } } }
`;
const CUSTOMER_STATUSES = /* GraphQL */ `
  query SyncCustomerStatuses($ids: [String!]!, $first: Int!) { customers(first: $first, filter: { ids: $ids }) { edges { node { id status } } } }
`;

const PAGE = 100;
/** customer mutations sent in one request: each writes a status history row and an event */
const CUSTOMERS_PER_CALL = 50;

type ArchivableEntity = typeof SyncEntity.PRODUCT | typeof SyncEntity.CUSTOMER;
/** Why a record leaves: the source flags it inactive (it still has it), or no longer has it. */
type Retirement = 'inactive' | 'gone';

/** Whether the connector archives what its source deletes. */
export function archivesDeletions(connector: Connector): boolean {
  return connector.deletions === DeletionPolicy.ARCHIVE;
}

function emptyOutcome(): BatchOutcome {
  return { created: 0, updated: 0, unchanged: 0, conflicts: 0, failed: [] };
}

/**
 * Retires the entities behind these refs of the connector (see the top of the file for what
 * that means per entity and `why`). An external id sync never took in is unchanged; so is an
 * entity already in the state it would be put in. Counts: updated = an entity changed.
 */
export async function retireRecords(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, entityType: ArchivableEntity, externalIds: string[], why: Retirement, requestId: string): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  if (!externalIds.length) return outcome;
  const unique = [...new Set(externalIds)];
  const refs = await em.find(ExternalRef, { connectorId: connector.id, entityType, externalId: { $in: unique } });
  const live = refs.filter((r) => !r.archivedAt);
  outcome.unchanged += unique.length - live.length;
  const now = new Date();
  if (why === 'inactive') for (const ref of live) ref.lastSeenAt = now; // still there: not for reconciliation to archive
  const reason = `${why === 'gone' ? 'deleted' : 'made inactive'} in ${connector.system} (connector ${connector.name})`;
  let changed: Set<string>;
  if (entityType === SyncEntity.PRODUCT) changed = await archiveProducts(em, gateway, connector, live, requestId);
  else if (why === 'inactive') changed = await suspendCustomers(gateway, live.filter((r) => !r.suspendedAt), reason, requestId);
  else changed = await archiveCustomers(gateway, live, reason, requestId);
  for (const ref of live) {
    if (changed.has(ref.entityId)) {
      outcome.updated++;
      ref.lastSyncedAt = now;
    } else outcome.unchanged++;
    if (entityType === SyncEntity.CUSTOMER && why === 'inactive') {
      if (changed.has(ref.entityId)) ref.suspendedAt = now; // only sync's own suspension is ever lifted by sync
    } else {
      ref.archivedAt = now;
      ref.suspendedAt = null;
    }
  }
  await em.flush();
  return outcome;
}

/**
 * Full-run reconciliation under deletions ARCHIVE: after a run read every record of the entity
 * (from an adapter that `listsEverything`) and applied them all, the connector's refs it did not
 * see are records the source no longer has, and are retired as gone, 500 at a time. A read that
 * returned nothing retires nothing: an empty answer is likelier a misconfigured connector than
 * a source emptied.
 * @param processedBefore the run's processed count before the entity was read
 */
export async function archiveUnseen(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, run: SyncRun, entityType: ArchivableEntity, progress: RunProgress, processedBefore: number): Promise<void> {
  if (!archivesDeletions(connector)) return;
  await progress.settled();
  if (run.failed > 0 || run.processed === processedBefore || !run.startedAt) return;
  const fork = em.fork();
  const gone = await unseenSince(fork, connector, entityType, run.startedAt);
  for (let i = 0; i < gone.length; i += 500) {
    const chunk = gone.slice(i, i + 500);
    await progress.add(chunk.length, await retireRecords(fork, gateway, connector, entityType, chunk, 'gone', progress.requestId()));
  }
}

/**
 * After a full run of `entityType` that applied every record it read: the connector's live refs
 * the run did not see (`lastSeenAt` before it started) are records the source no longer has.
 */
export async function unseenSince(em: EntityManager, connector: Connector, entityType: ArchivableEntity, startedAt: Date): Promise<string[]> {
  const rows = await em.getConnection().execute<{ external_id: string }[]>(
    'select external_id from sync.external_ref where connector_id = ? and entity_type = ? and archived_at is null and last_seen_at < ? order by external_id',
    [connector.id, entityType, startedAt],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => r.external_id);
}

/**
 * Records the source offers active again: a product sync archived (its ref `archivedAt`) and
 * still ARCHIVED is restored to DRAFT (a person publishes it again); a customer sync suspended
 * (`suspendedAt`) and still SUSPENDED is reactivated. A customer ARCHIVED stays so (final);
 * its ref is live again.
 */
export async function revive(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, entityType: ArchivableEntity, externalIds: string[], requestId: string): Promise<void> {
  if (!externalIds.length) return;
  const refs = await em.find(ExternalRef, { connectorId: connector.id, entityType, externalId: { $in: [...new Set(externalIds)] }, $or: [{ archivedAt: { $ne: null } }, { suspendedAt: { $ne: null } }] });
  if (!refs.length) return;
  if (entityType === SyncEntity.PRODUCT) {
    const archived = refs.filter((r) => r.archivedAt).map((r) => r.entityId);
    const statuses = await statusesOf(gateway, PRODUCT_STATUSES, 'products', archived, requestId);
    const restore = archived.filter((id) => statuses.get(id) === 'ARCHIVED');
    await sendAliased(gateway, { name: 'SyncRestoreProducts', field: (n) => `restoreProduct(id: $c${n}) { id }`, what: 'Products could not be restored' }, restore, requestId);
  } else {
    const suspended = refs.filter((r) => r.suspendedAt && !r.archivedAt).map((r) => r.entityId);
    const statuses = await statusesOf(gateway, CUSTOMER_STATUSES, 'customers', suspended, requestId);
    const reactivate = suspended.filter((id) => statuses.get(id) === 'SUSPENDED');
    await sendAliased(gateway, { name: 'SyncReactivateCustomers', field: (n) => `reactivateCustomer(id: $c${n}) { id }`, what: 'Customers could not be reactivated' }, reactivate, requestId, CUSTOMERS_PER_CALL);
  }
  for (const ref of refs) {
    ref.archivedAt = null;
    ref.suspendedAt = null;
  }
  await em.flush();
}

/**
 * Applies one inbound batch: under deletions ARCHIVE, records the source flags `inactive` are
 * retired instead of written, and the others are applied and revived; under IGNORE the flag is
 * ignored and every record is applied as it is.
 */
export async function applyBatchWithDeletions<R extends SourceRecord>(em: EntityManager, gateway: GatewayClient | undefined, handler: EntityHandler<R>, connector: Connector, runId: string | null, records: R[], requestId: string): Promise<BatchOutcome> {
  if (!archivesDeletions(connector)) return applyInboundBatch(em, gateway, handler, connector, runId, records, requestId);
  const entityType = handler.entityType as ArchivableEntity;
  const live = records.filter((r) => !r.inactive);
  const gone = records.filter((r) => r.inactive);
  const outcome = await applyInboundBatch(em, gateway, handler, connector, runId, live, requestId);
  const failed = new Set(outcome.failed.map((f) => f.externalId));
  await revive(em, gateway, connector, entityType, live.map((r) => r.externalId).filter((id) => !failed.has(id)), requestId);
  if (!gone.length) return outcome;
  const retired = await retireRecords(em, gateway, connector, entityType, gone.map((r) => r.externalId), 'inactive', requestId);
  return { created: outcome.created, updated: outcome.updated + retired.updated, unchanged: outcome.unchanged + retired.unchanged, conflicts: outcome.conflicts, failed: [...outcome.failed, ...retired.failed] };
}

/** Status by id of the products or customers with these ids (those gone from Tradegraph are absent). */
async function statusesOf(gateway: GatewayClient | undefined, query: string, field: 'products' | 'customers', ids: string[], requestId: string): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  return inChunks(ids, PAGE, async (chunk) => {
    type Page = Record<string, { edges: { node: { id: string; status: string } }[] }>;
    const data = await throughGateway(gateway, `The ${field} could not be read`, (g) => g.request<Page>(query, { ids: chunk, first: chunk.length }, requestId));
    return new Map(data[field].edges.map(({ node }) => [node.id, node.status]));
  });
}

/**
 * Archives the products of these refs through archiveProduct (the lifecycle's own move: no
 * read-and-write-back that could overwrite an edit) — except those another connector still
 * holds a live ref to (another system still has them) and those already ARCHIVED or gone.
 * @returns the ids of the products archived now
 */
async function archiveProducts(em: EntityManager, gateway: GatewayClient | undefined, connector: Connector, refs: ExternalRef[], requestId: string): Promise<Set<string>> {
  const ids = refs.map((r) => r.entityId);
  if (!ids.length) return new Set();
  const elsewhere = new Set((await em.find(ExternalRef, { entityType: SyncEntity.PRODUCT, entityId: { $in: ids }, connectorId: { $ne: connector.id }, archivedAt: null }, { fields: ['entityId'] })).map((r) => r.entityId));
  const candidates = ids.filter((id) => !elsewhere.has(id));
  const statuses = await statusesOf(gateway, PRODUCT_STATUSES, 'products', candidates, requestId);
  const archive = candidates.filter((id) => statuses.has(id) && statuses.get(id) !== 'ARCHIVED');
  await sendAliased(gateway, { name: 'SyncArchiveProducts', field: (n) => `archiveProduct(id: $c${n}) { id }`, what: 'Products could not be archived' }, archive, requestId);
  return new Set(archive);
}

/** Suspends those of these customers that are ACTIVE. @returns the ids suspended now */
async function suspendCustomers(gateway: GatewayClient | undefined, refs: ExternalRef[], reason: string, requestId: string): Promise<Set<string>> {
  const statuses = await statusesOf(gateway, CUSTOMER_STATUSES, 'customers', refs.map((r) => r.entityId), requestId);
  const suspend = [...statuses].filter(([, status]) => status === 'ACTIVE').map(([id]) => id);
  await sendAliased(gateway, { name: 'SyncSuspendCustomers', field: (n) => `suspendCustomer(id: $c${n}, reason: $reason) { id }`, shared: { reason: ['String', reason] }, what: 'Customers could not be suspended' }, suspend, requestId, CUSTOMERS_PER_CALL);
  return new Set(suspend);
}

/** Archives those of these customers not ARCHIVED yet (ACTIVE or SUSPENDED). @returns the ids archived now */
async function archiveCustomers(gateway: GatewayClient | undefined, refs: ExternalRef[], reason: string, requestId: string): Promise<Set<string>> {
  const statuses = await statusesOf(gateway, CUSTOMER_STATUSES, 'customers', refs.map((r) => r.entityId), requestId);
  const archive = [...statuses].filter(([, status]) => status !== 'ARCHIVED').map(([id]) => id);
  await sendAliased(gateway, { name: 'SyncArchiveCustomers', field: (n) => `archiveCustomer(id: $c${n}, reason: $reason) { id }`, shared: { reason: ['String', reason] }, what: 'Customers could not be archived' }, archive, requestId, CUSTOMERS_PER_CALL);
  return new Set(archive);
}
