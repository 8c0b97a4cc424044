import { EventEntity, executeIn, type CustomerChangedPayload, type EventEnvelope, type ProductChangedPayload, type SubgraphRuntime } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { receives, type ConnectorAdapter, type OutboundRecord, type PushOutcome, type SourceCustomer, type SourceProduct } from '../adapters';
import { ConflictResolution, ConflictStatus, Connector, ExternalRef, SyncConflict, SyncEntity, type OutboundWork, type SyncRun } from '../entities';
import { ExternalSystemError } from './backoff';
import { customerHandler, productHandler } from './entity-handlers';
import { groupChecksum, pick, type GroupChecksums } from './field-groups';
import { checksumOf, decideConflict, type EntityHandler, type LocalCopy } from './inbound';
import type { RunProgress } from './run-progress';

/*
 * Products and customers changed in Tradegraph, pushed to the systems that have them. A system
 * has a record when sync linked it (an ExternalRef: it came in from there); a record it does
 * not have is not created there. Echo suppression is by field group (services/field-groups.ts):
 * the ref remembers, per group, Tradegraph's value as sync last wrote or pushed it. A change
 * sync itself brought in from a system leaves every group equal to that, so it is not pushed
 * back to that system; other systems that have the record get it. After a push both sides
 * agree on the pushed groups, so the system's next read (or webhook) of the same values is no
 * change and no conflict either. Only the groups Tradegraph changed are sent, so an edit made
 * in the system to another field stays; an adapter that reads the record before writing it
 * (Shopify) reports a group the system changed too, which is a SyncConflict settled by the
 * connector's policy as inbound settles one (MANUAL: left OPEN and not written).
 *
 * `customer.*` events carry no values (no personal data in the outbox or the stream), only
 * the names of the groups changed: a customer whose changed groups include one sync pushes is
 * queued, and the run's re-read drops sync's own echo.
 */

type RecordKind = 'PRODUCTS' | 'CUSTOMERS';
type RecordWork = Extract<OutboundWork, { kind: RecordKind }>;
type Item = SourceProduct['item'] | SourceCustomer['item'];

/** What differs per kind: the ref's entity type, the inbound handler (reads and groups), the adapter's pushed fields. */
const KINDS = {
  PRODUCTS: { entityType: SyncEntity.PRODUCT, handler: productHandler as EntityHandler<SourceProduct | SourceCustomer>, fields: 'product' },
  CUSTOMERS: { entityType: SyncEntity.CUSTOMER, handler: customerHandler as unknown as EntityHandler<SourceProduct | SourceCustomer>, fields: 'customer' },
} as const;

/** The groups of customerHandler.groupsOf: the customer fields sync takes in and pushes. */
const CUSTOMER_GROUPS = ['name', 'email', 'phone', 'creditLimit'];

/** The kind of push a `product.*` or `customer.*` event asks for, or null for other events. */
export function recordKindOf(event: EventEnvelope): RecordKind | null {
  return event.entity === EventEntity.PRODUCT ? 'PRODUCTS' : event.entity === EventEntity.CUSTOMER ? 'CUSTOMERS' : null;
}

/** The work of a push of these ids. */
export function recordWork(kind: RecordKind, ids: string[]): RecordWork {
  return kind === 'PRODUCTS' ? { kind, productIds: ids } : { kind, customerIds: ids };
}

/** A `product.*` event's record as the inbound item, so its groups compare with the ref's. */
function itemOfEvent(event: EventEnvelope): Item {
  const p = event.payload as ProductChangedPayload;
  return { sku: p.sku, name: p.name, description: p.description, brand: p.brand, basePrice: p.basePrice };
}

/** The groups (only `fields`, when given) whose Tradegraph value differs from what the ref says both sides last agreed on. */
function changedGroups(ref: Pick<ExternalRef, 'groupChecksums' | 'localChecksum'>, handler: EntityHandler<SourceProduct | SourceCustomer>, item: Item, fields?: readonly string[]): string[] {
  const groups = handler.groupsOf(item);
  const names = [...(fields ?? Object.keys(groups))];
  // A ref written before field groups existed knows only the whole copy.
  if (!ref.groupChecksums) return checksumOf(handler.localValue(item)) !== ref.localChecksum ? names : [];
  return names.filter((g) => ref.groupChecksums!.local[g] !== groupChecksum(groups[g]));
}

/**
 * Which connectors get a push for a batch's `product.*` / `customer.*` events, and of which
 * records: per connector that takes them, the records it has (a ref) whose latest event in the
 * batch differs from what both sides last agreed on (customers: whose events changed a group
 * sync pushes). Sync's own inbound writes of products come back equal and are dropped here
 * already; the rest is caught by the run ({@link pushRecords}), which reads the latest state.
 */
export async function recordPushesOf(em: EntityManager, kind: RecordKind, events: EventEnvelope[], connectors: Connector[]): Promise<Map<Connector, string[]>> {
  const { entityType, handler } = KINDS[kind];
  const latest = new Map<string, EventEnvelope>();
  for (const event of events) if ((latest.get(event.entityId)?.version ?? -1) < event.version) latest.set(event.entityId, event);
  const out = new Map<Connector, string[]>();
  if (!connectors.length || !latest.size) return out;
  const refs = await executeIn<{ connector_id: string; entity_id: string; group_checksums: GroupChecksums | null; local_checksum: string | null }>(
    em,
    'select connector_id, entity_id, group_checksums, local_checksum from sync.external_ref where entity_type = ? and entity_id = any(?::uuid[]) and connector_id = any(?::uuid[])',
    [entityType, `{${[...latest.keys()].join(',')}}`, `{${connectors.map((c) => c.id).join(',')}}`],
  );
  // Customer events name their changed groups only: any sync pushes (in any event of the batch) queues the customer.
  // An event written before they did (no `changed`) counts as changing all.
  const customerChanges = new Map<string, Set<string>>();
  if (kind === 'CUSTOMERS') for (const e of events) for (const g of (e.payload as Partial<CustomerChangedPayload>).changed ?? CUSTOMER_GROUPS) customerChanges.set(e.entityId, (customerChanges.get(e.entityId) ?? new Set()).add(g));
  for (const ref of refs) {
    const event = latest.get(ref.entity_id)!;
    const differs = kind === 'CUSTOMERS'
      ? CUSTOMER_GROUPS.some((g) => customerChanges.get(ref.entity_id)?.has(g))
      : changedGroups({ groupChecksums: ref.group_checksums, localChecksum: ref.local_checksum }, handler, itemOfEvent(event)).length > 0;
    if (!differs) continue;
    const connector = connectors.find((c) => c.id === ref.connector_id)!;
    out.set(connector, [...(out.get(connector) ?? []), ref.entity_id]);
  }
  return out;
}

/**
 * Pushes the groups of a run's products or customers that changed in Tradegraph since both
 * sides last agreed, to the system, for each it has (a ref); then the refs record the pushed
 * groups as agreed. What the system refused is counted as failed; a group the system changed
 * too is a conflict, settled by the connector's policy ({@link settle}).
 */
export async function pushRecords(em: EntityManager, runtime: SubgraphRuntime, adapter: ConnectorAdapter, connector: Connector, run: SyncRun, progress: RunProgress): Promise<void> {
  const work = run.outbound as RecordWork;
  const { entityType, handler, fields: fieldsKey } = KINDS[work.kind];
  if (!receives(connector.system, work.kind)) throw new ExternalSystemError(`${connector.system} connectors cannot receive ${work.kind.toLowerCase()}`, false);
  const push = (records: OutboundRecord<Item>[]): Promise<PushOutcome> =>
    work.kind === 'PRODUCTS' ? adapter.pushProducts!(records as OutboundRecord<SourceProduct['item']>[]) : adapter.pushCustomers!(records as OutboundRecord<SourceCustomer['item']>[]);
  const ids = work.kind === 'PRODUCTS' ? work.productIds : work.customerIds;
  const fields = adapter.pushedFields?.[fieldsKey];
  const refs = await em.find(ExternalRef, { connectorId: connector.id, entityType, entityId: { $in: ids } });
  const locals: Map<string, LocalCopy<Item>> = refs.length ? await handler.readLocal(runtime.gateway, refs.map((r) => r.entityId), progress.requestId()) : new Map();
  const changed = refs.flatMap((ref) => {
    const local = locals.get(ref.entityId);
    const groups = local ? changedGroups(ref, handler, local.item, fields) : [];
    return local && groups.length ? [{ ref, local, groups }] : [];
  });
  const outcome = changed.length ? await push(changed.map(({ ref, local, groups }) => outboundRecord(handler, ref, local.item, groups))) : { failed: [] };
  const settled = await settle(em, handler, connector, run, changed, outcome.conflicts ?? []);
  const again = settled.repush.length ? await push(settled.repush.map(({ ref, local, groups }) => ({ externalId: ref.externalId, entityId: ref.entityId, item: local.item, groups }))) : { failed: [] };
  const failed = [...outcome.failed, ...again.failed];
  const refused = new Set(failed.map((f) => f.externalId));
  const now = new Date();
  for (const { ref, local, groups } of changed) {
    if (refused.has(ref.externalId)) continue;
    const ours = handler.groupsOf(local.item);
    const agreed: GroupChecksums = { source: { ...ref.groupChecksums?.source }, local: { ...ref.groupChecksums?.local } };
    const kept = settled.notWritten.get(ref.externalId);
    for (const g of groups) if (!kept?.has(g)) agreed.source[g] = agreed.local[g] = groupChecksum(ours[g]);
    // The system's value won: Tradegraph's is acknowledged, so the next inbound run takes the system's as a change of its own.
    for (const g of settled.systemWins.get(ref.externalId) ?? []) agreed.local[g] = groupChecksum(ours[g]);
    Object.assign(ref, { groupChecksums: agreed, localChecksum: checksumOf(handler.localValue(local.item)), lastSyncedAt: now });
  }
  await em.flush();
  const updated = changed.filter(({ ref, groups }) => !refused.has(ref.externalId) && groups.some((g) => !settled.notWritten.get(ref.externalId)?.has(g))).length;
  return progress.add(ids.length, { created: 0, updated, unchanged: ids.length - changed.length, conflicts: settled.count, failed });
}

type Changed = { ref: ExternalRef; local: LocalCopy<Item>; groups: string[] };

/** A record to push; with group checksums the adapter can tell a group the system changed too. */
function outboundRecord(handler: EntityHandler<SourceProduct | SourceCustomer>, ref: ExternalRef, item: Item, groups: string[]): OutboundRecord<Item> {
  const base = ref.groupChecksums;
  const ours = handler.groupsOf(item);
  return {
    externalId: ref.externalId,
    entityId: ref.entityId,
    item,
    groups,
    // A group is the system's change when it is neither what both last agreed on nor already Tradegraph's value.
    changedInSystem: base
      ? (current) => {
          const theirs = handler.groupsOf(current);
          return groups.filter((g) => groupChecksum(theirs[g]) !== base.source[g] && groupChecksum(theirs[g]) !== groupChecksum(ours[g]));
        }
      : undefined,
  };
}

/**
 * Records the groups a push found changed on both sides as SyncConflicts (one per record, the
 * OPEN one updated) and settles them by the connector's policy: Tradegraph's version is pushed
 * again without the check (`repush`); the system's is left there (`systemWins`), for the next
 * inbound run to take; MANUAL leaves the conflict OPEN and writes nothing.
 */
async function settle(em: EntityManager, handler: EntityHandler<SourceProduct | SourceCustomer>, connector: Connector, run: SyncRun, changed: Changed[], conflicts: NonNullable<PushOutcome['conflicts']>) {
  const repush: Changed[] = [];
  const notWritten = new Map<string, Set<string>>();
  const systemWins = new Map<string, string[]>();
  if (!conflicts.length) return { repush, notWritten, systemWins, count: 0 };
  const open = await em.find(SyncConflict, { connectorId: connector.id, entityType: handler.entityType, status: ConflictStatus.OPEN, externalId: { $in: conflicts.map((c) => c.externalId) } });
  const byExternalId = new Map(changed.map((c) => [c.ref.externalId, c]));
  const now = new Date();
  for (const conflict of conflicts) {
    const record = byExternalId.get(conflict.externalId)!;
    const decision = decideConflict(connector.conflictPolicy, conflict.updatedAt, record.local.updatedAt);
    const fields = {
      runId: run.id,
      entityId: record.ref.entityId,
      sourceValue: pick(handler.groupsOf(conflict.current), conflict.groups),
      supergraphValue: pick(handler.groupsOf(record.local.item), conflict.groups),
      sourceUpdatedAt: conflict.updatedAt ? new Date(conflict.updatedAt) : null,
      supergraphUpdatedAt: record.local.updatedAt ? new Date(record.local.updatedAt) : null,
      detectedAt: now,
      ...(decision.winner ? { status: ConflictStatus.RESOLVED, resolution: decision.winner, resolvedBy: decision.by, resolvedAt: now } : {}),
    };
    const existing = open.find((c) => c.externalId === conflict.externalId); // at most one per record and run
    em.persist(existing ? Object.assign(existing, fields) : em.create(SyncConflict, { connectorId: connector.id, entityType: handler.entityType, externalId: conflict.externalId, ...fields }));
    if (decision.winner === ConflictResolution.SUPERGRAPH) repush.push({ ...record, groups: conflict.groups });
    else {
      notWritten.set(conflict.externalId, new Set(conflict.groups));
      if (decision.winner === ConflictResolution.SOURCE) systemWins.set(conflict.externalId, conflict.groups);
    }
  }
  return { repush, notWritten, systemWins, count: conflicts.length };
}
