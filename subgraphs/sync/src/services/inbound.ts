import { createHash, randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, insertRows, selectRows, updateRows, type AuditSource, type GatewayClient } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictPolicy, ConflictResolution, ConflictStatus, ExternalRef, SyncConflict, SyncEntity, type Connector } from '../entities';
import type { SourceCustomer, SourceProduct } from '../adapters';
import { auditConflictResolved } from './audit';
import { agreedChecksums, canonicalJson, compareGroups, groupChecksum, pick, type GroupChecksums, type Groups } from './field-groups';

/** What a batch did. */
export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** records both sides had changed (settled by policy, or left OPEN) */
  conflicts: number;
  failed: { externalId: string; message: string }[];
}

/** A record from a source, of any entity sync applies inbound. */
export type SourceRecord = SourceProduct | SourceCustomer;

/** The supergraph's copy of a record: the fields sync writes, shaped like the upsert's item, and when it last changed. */
export interface LocalCopy<I> {
  item: I;
  updatedAt: string | null;
}

/** What to write for one record. */
export interface InboundWrite<R extends SourceRecord> {
  record: R;
  /** what to upsert — the source's item with the groups Tradegraph keeps — or null when its fields need no write */
  item: R['item'] | null;
  /** the record's entity when it exists */
  entityId: string | null;
  /** whether to apply what the source is the authority for (products: stock) */
  sourceOwned: boolean;
}

/** One write's result from the owning subgraph's bulk mutation. */
export interface Applied<R extends SourceRecord> {
  write: InboundWrite<R>;
  entityId: string;
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED';
}

/**
 * How sync applies one entity type: validation, the field groups conflict detection compares,
 * the batched read of the supergraph's copies, and the bulk mutation.
 */
export interface EntityHandler<R extends SourceRecord> {
  entityType: SyncEntity;
  /** why the owning subgraph would refuse the record, or null (checked here so one bad record cannot sink its batch) */
  problemWith(record: R): string | null;
  /** everything the source said that sync applies (for products, stock too): equal means unchanged */
  sourceValue(record: R): unknown;
  /** the field groups both sides may change (services/field-groups.ts), of a source's item or the supergraph's copy */
  groupsOf(item: R['item']): Groups;
  /** the fields sync writes, normalised as the supergraph returns them: the ref's `localChecksum` */
  localValue(item: R['item']): Record<string, unknown>;
  /** the checksum of what the source is the authority for (products: stock), or null when the record carries none */
  sourceOwnedChecksum?(record: R): string | null;
  /** the supergraph's copies of these entities, by id (absent when deleted) */
  readLocal(gateway: GatewayClient | undefined, ids: string[], requestId: string): Promise<Map<string, LocalCopy<R['item']>>>;
  /** applies the writes through the owning subgraph's bulk mutation; failures are reported per record */
  apply(gateway: GatewayClient | undefined, writes: InboundWrite<R>[], requestId: string): Promise<{ applied: Applied<R>[]; failed: { record: R; message: string }[] }>;
}

/** SHA-256 of a value's JSON with sorted keys: equal records give equal checksums. */
export function checksumOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** A decision for one record whose both sides changed. */
type Decision = { winner: ConflictResolution; by: string } | { winner: null };

/** What the connector's policy says when both sides changed; null winner = leave it OPEN. */
export function decideConflict(policy: ConflictPolicy, sourceUpdatedAt: string | null, localUpdatedAt: string | null): Decision {
  const by = `policy:${policy}`;
  switch (policy) {
    case ConflictPolicy.SOURCE_WINS:
      return { winner: ConflictResolution.SOURCE, by };
    case ConflictPolicy.SUPERGRAPH_WINS:
      return { winner: ConflictResolution.SUPERGRAPH, by };
    case ConflictPolicy.NEWEST_WINS: {
      // A source that does not date its records cannot be shown older: its version wins.
      const source = sourceUpdatedAt ? Date.parse(sourceUpdatedAt) : NaN;
      const local = localUpdatedAt ? Date.parse(localUpdatedAt) : NaN;
      return { winner: Number.isNaN(source) || Number.isNaN(local) || source >= local ? ConflictResolution.SOURCE : ConflictResolution.SUPERGRAPH, by };
    }
    case ConflictPolicy.MANUAL:
      return { winner: null };
  }
}

/**
 * Applies one batch (≤ 1000) of inbound records of one entity type:
 * 1. a record whose source checksum equals its ExternalRef's is unchanged and skipped;
 * 2. a changed record sync had written before is compared with the supergraph's copy field
 *    group by field group ({@link planWrites}): groups only the source changed are taken,
 *    groups only Tradegraph changed are kept, and groups both changed are a {@link SyncConflict}
 *    settled by the connector's policy or left OPEN. What the source is the authority for
 *    (stock) is never part of a conflict: it is applied whenever the source's changed;
 * 3. what is left to write goes to the owning subgraph's bulk mutation through the gateway as
 *    SERVICE, and the refs record exactly what was applied or acknowledged. A record that
 *    failed keeps its old ref, so the next run tries it again.
 */
export async function applyInboundBatch<R extends SourceRecord>(
  em: EntityManager,
  gateway: GatewayClient | undefined,
  handler: EntityHandler<R>,
  connector: Connector,
  runId: string | null,
  records: R[],
  requestId: string,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, conflicts: 0, failed: [] };
  if (!records.length) return outcome;
  // Plain rows, read and written set-based: a batch's refs never pass through the unit of work.
  const refs = (await selectRows(em, ExternalRef, ['connectorId', 'entityType', 'externalId'], records.map((r) => ({ connectorId: connector.id, entityType: handler.entityType, externalId: r.externalId })))) as RefRow[];
  const refByExternalId = new Map(refs.map((r) => [r.externalId, r]));
  const writes = new RefWrites(connector, handler.entityType);
  const now = new Date();
  const seen: string[] = [];
  const changed: R[] = [];
  for (const record of records) {
    const ref = refByExternalId.get(record.externalId);
    const problem = handler.problemWith(record);
    if (problem) outcome.failed.push({ externalId: record.externalId, message: problem });
    else if (ref && ref.checksum === checksumOf(handler.sourceValue(record))) {
      outcome.unchanged++;
      seen.push(ref.id);
    } else changed.push(record);
  }
  // Unchanged refs only need their time: one statement, not one per ref.
  if (seen.length) await em.getConnection().execute('update sync.external_ref set last_seen_at = ? where id = any(?::uuid[])', [now, `{${seen.join(',')}}`], 'run', em.getTransactionContext());

  const plans = await planWrites(em, gateway, handler, connector, runId, changed, refByExternalId, requestId);
  const toWrite = new Map<InboundWrite<R>, Plan<R>>();
  for (const plan of plans) {
    if (plan.conflict) outcome.conflicts++;
    if (plan.write) toWrite.set(plan.write, plan);
    else {
      // Nothing to write: the ref still learns what was taken in or acknowledged.
      if (!plan.conflict) outcome.unchanged++;
      writes.set(plan.ref, plan.record, plan.ref!.entityId, plan.refFields, now, plan.conflict !== null);
    }
  }
  if (toWrite.size) {
    let result: Awaited<ReturnType<EntityHandler<R>['apply']>>;
    try {
      result = await handler.apply(gateway, [...toWrite.keys()], requestId);
    } catch (error) {
      // The batch as a whole was refused (input the checks above did not foresee): its records
      // fail and the run goes on. Anything else (UNAVAILABLE …) fails the attempt.
      if (!(error instanceof DomainError) || error.extensions.code !== ErrorCode.BAD_USER_INPUT) throw error;
      result = { applied: [], failed: [...toWrite.keys()].map((w) => ({ record: w.record, message: error.message })) };
    }
    for (const { record, message } of result.failed) outcome.failed.push({ externalId: record.externalId, message });
    for (const a of result.applied) {
      if (a.outcome === 'CREATED') outcome.created++;
      else if (a.outcome === 'UPDATED') outcome.updated++;
      else outcome.unchanged++;
      const plan = toWrite.get(a.write)!;
      writes.set(plan.ref, plan.record, a.entityId, plan.refFields, now, true);
    }
  }
  await writes.write(em);
  await em.flush();
  return outcome;
}

/** An ExternalRef as a plain row (every column). */
type RefRow = Required<Pick<ExternalRef, 'id' | 'connectorId' | 'system' | 'entityType' | 'externalId' | 'entityId' | 'checksum' | 'localChecksum' | 'groupChecksums' | 'stockChecksum' | 'lastSeenAt' | 'lastSyncedAt'>>;

/** What a ref holds once a plan's write (if any) is done. */
type RefFields = Pick<RefRow, 'checksum' | 'localChecksum' | 'groupChecksums' | 'stockChecksum'>;

/** The ref rows a batch creates and changes, written in two statements at the end. */
class RefWrites {
  private readonly inserts: RefRow[] = [];
  private readonly updates = new Map<string, RefRow>();

  constructor(private readonly connector: Connector, private readonly entityType: SyncEntity) {}

  /** Records what sync applied or acknowledged for `record`; `synced`: it wrote or settled something. */
  set(ref: RefRow | undefined, record: SourceRecord, entityId: string, fields: RefFields, now: Date, synced: boolean): void {
    const row = { entityId, ...fields, lastSeenAt: now, lastSyncedAt: synced ? now : (ref?.lastSyncedAt ?? null) };
    if (ref) this.changed(ref, row);
    else this.inserts.push({ id: randomUUID(), connectorId: this.connector.id, system: this.connector.system, entityType: this.entityType, externalId: record.externalId, ...row });
  }

  /** Records a change to an existing ref. */
  changed(ref: RefRow, fields: Partial<RefRow>): void {
    Object.assign(ref, fields);
    this.updates.set(ref.id, ref);
  }

  async write(em: EntityManager): Promise<void> {
    await insertRows(em, ExternalRef, this.inserts);
    await updateRows(em, ExternalRef, 'id', [...this.updates.values()].map(({ id, entityId, checksum, localChecksum, groupChecksums, stockChecksum, lastSeenAt, lastSyncedAt }) => ({ id, entityId, checksum, localChecksum, groupChecksums, stockChecksum, lastSeenAt, lastSyncedAt })));
  }
}

/** What to do with one changed record. */
interface Plan<R extends SourceRecord> {
  record: R;
  ref: RefRow | undefined;
  /** null: nothing to write (the ref is still updated) */
  write: InboundWrite<R> | null;
  refFields: RefFields;
  /** the conflict found (settled or OPEN), if any */
  conflict: SyncConflict | null;
}

/**
 * Compares each changed record with the supergraph's copy group by group, records the
 * conflicts (settled by the policy, or OPEN), and says what to write and what the ref will hold.
 */
async function planWrites<R extends SourceRecord>(
  em: EntityManager,
  gateway: GatewayClient | undefined,
  handler: EntityHandler<R>,
  connector: Connector,
  runId: string | null,
  changed: R[],
  refByExternalId: Map<string, RefRow>,
  requestId: string,
): Promise<Plan<R>[]> {
  const known = changed.filter((r) => refByExternalId.has(r.externalId));
  const locals = known.length ? await handler.readLocal(gateway, known.map((r) => refByExternalId.get(r.externalId)!.entityId), requestId) : new Map<string, LocalCopy<R['item']>>();
  const open = known.length ? await em.find(SyncConflict, { connectorId: connector.id, entityType: handler.entityType, status: ConflictStatus.OPEN, externalId: { $in: known.map((r) => r.externalId) } }) : [];
  const openByExternalId = new Map(open.map((c) => [c.externalId, c]));
  const now = new Date();
  return changed.map((record) => {
    const ref = refByExternalId.get(record.externalId);
    const local = ref ? locals.get(ref.entityId) : undefined;
    const owned = handler.sourceOwnedChecksum?.(record) ?? null;
    const checksum = checksumOf(handler.sourceValue(record));
    if (!ref || !local) {
      // New, or deleted in Tradegraph (the upsert brings it back): the source's version whole.
      const refFields = { checksum, localChecksum: checksumOf(handler.localValue(record.item)), groupChecksums: agreedChecksums(handler.groupsOf(record.item)), stockChecksum: owned ?? ref?.stockChecksum ?? null };
      return { record, ref, write: { record, item: record.item, entityId: null, sourceOwned: owned !== null }, refFields, conflict: null };
    }
    const sourceGroups = handler.groupsOf(record.item);
    const localGroups = handler.groupsOf(local.item);
    const compared = compareGroups(sourceGroups, localGroups, ref.groupChecksums, checksumOf(handler.localValue(local.item)) === ref.localChecksum);
    const take = [...compared.fromSource];
    const groups = compared.next;
    const existing = openByExternalId.get(record.externalId) ?? null;
    let conflict: SyncConflict | null = null;
    let stillOpen = false;
    if (compared.conflicting.length) {
      const decision = decideConflict(connector.conflictPolicy, record.updatedAt, local.updatedAt);
      const fields = {
        runId,
        entityId: ref.entityId,
        // Only what conflicts: the groups both sides changed.
        sourceValue: pick(sourceGroups, compared.conflicting),
        supergraphValue: pick(localGroups, compared.conflicting),
        sourceUpdatedAt: record.updatedAt ? new Date(record.updatedAt) : null,
        supergraphUpdatedAt: local.updatedAt ? new Date(local.updatedAt) : null,
        detectedAt: now,
        ...(decision.winner ? { status: ConflictStatus.RESOLVED, resolution: decision.winner, resolvedBy: decision.by, resolvedAt: now } : {}),
      };
      conflict = existing ? Object.assign(existing, fields) : em.create(SyncConflict, { connectorId: connector.id, entityType: handler.entityType, externalId: record.externalId, ...fields });
      em.persist(conflict);
      // SOURCE: written, both sides agree. SUPERGRAPH: both versions acknowledged, neither is a
      // conflict again until one changes. OPEN: nothing moves, so the next run finds it again.
      for (const group of decision.winner ? compared.conflicting : []) {
        const s = groupChecksum(sourceGroups[group]);
        if (decision.winner === ConflictResolution.SOURCE) take.push(group);
        groups.source[group] = s;
        groups.local[group] = decision.winner === ConflictResolution.SOURCE ? s : groupChecksum(localGroups[group]);
      }
      stillOpen = decision.winner === null;
    } else if (existing) {
      // What the open conflict waited on is gone (a side went back, or both now agree).
      const settled = Object.keys(existing.sourceValue).every((g) => take.includes(g) || groupChecksum(sourceGroups[g]) === groupChecksum(localGroups[g]));
      Object.assign(existing, { status: ConflictStatus.RESOLVED, resolution: settled ? ConflictResolution.SOURCE : ConflictResolution.SUPERGRAPH, resolvedBy: 'sync', resolvedAt: now });
    }
    const item = { ...record.item } as Record<string, unknown>;
    for (const group of Object.keys(sourceGroups)) if (!take.includes(group)) item[group] = (local.item as Record<string, unknown>)[group];
    const written = item as R['item'];
    const itemChanged = checksumOf(handler.localValue(written)) !== checksumOf(handler.localValue(local.item));
    const sourceOwned = owned !== null && owned !== ref.stockChecksum;
    const refFields: RefFields = {
      // While a conflict is open the source's version is not settled: the next run reads the record again.
      checksum: stillOpen ? ref.checksum : checksum,
      localChecksum: checksumOf(handler.localValue(written)),
      groupChecksums: groups,
      stockChecksum: owned ?? ref.stockChecksum,
    };
    const write = itemChanged || sourceOwned ? { record, item: itemChanged ? written : null, entityId: ref.entityId, sourceOwned } : null;
    return { record, ref, write, refFields, conflict };
  });
}

/**
 * Settles an OPEN conflict as a person chose: SOURCE writes the source's values of the groups
 * in conflict, SUPERGRAPH keeps Tradegraph's and acknowledges both. Either way the ref's group
 * checksums record it, so the next sync neither raises it again nor forgets the source's
 * other changes (those, and stock, were applied when the conflict was found). Records who chose,
 * and audits it in the flush that resolves it. `em` is a transaction holding the conflict's row
 * lock (SyncService.resolveConflict), so the ref, the resolution and its entry commit together.
 */
export async function resolveConflictWith<R extends SourceRecord>(
  em: EntityManager,
  gateway: GatewayClient | undefined,
  handler: EntityHandler<R>,
  connector: Connector,
  conflict: SyncConflict,
  choice: ConflictResolution,
  actor: AuditSource & { requestId: string },
): Promise<SyncConflict> {
  const { requestId } = actor;
  const [ref] = (await selectRows(em, ExternalRef, ['connectorId', 'entityType', 'externalId'], [{ connectorId: connector.id, entityType: handler.entityType, externalId: conflict.externalId }])) as RefRow[];
  const local = (await handler.readLocal(gateway, [conflict.entityId], requestId)).get(conflict.entityId);
  if (!local || !ref) throw new DomainError(ErrorCode.CONFLICT, 'The record no longer exists in Tradegraph; the next sync brings the source\'s version back');
  // Conflicts found before field groups held the whole source record.
  const legacy = conflict.sourceValue.item as R['item'] | undefined;
  const source = legacy ? handler.groupsOf(legacy) : conflict.sourceValue;
  const localGroups = handler.groupsOf(local.item);
  const groups: GroupChecksums = { source: { ...ref.groupChecksums?.source }, local: { ...ref.groupChecksums?.local } };
  const writes = new RefWrites(connector, handler.entityType);
  const now = new Date();
  let item = local.item;
  if (choice === ConflictResolution.SOURCE) {
    item = { ...local.item, ...source };
    const record = { externalId: conflict.externalId, updatedAt: null, item, stock: [] } as unknown as R;
    const result = await handler.apply(gateway, [{ record, item, entityId: conflict.entityId, sourceOwned: false }], requestId);
    if (result.failed.length) throw new DomainError(ErrorCode.CONFLICT, `The source's version could not be applied: ${result.failed[0].message}`);
  }
  for (const group of Object.keys(source)) {
    groups.source[group] = groupChecksum(source[group]);
    groups.local[group] = choice === ConflictResolution.SOURCE ? groups.source[group] : groupChecksum(localGroups[group]);
  }
  writes.changed(ref, { localChecksum: checksumOf(handler.localValue(item)), groupChecksums: groups, lastSyncedAt: now });
  await writes.write(em);
  const before = { status: conflict.status, resolution: conflict.resolution };
  Object.assign(conflict, { status: ConflictStatus.RESOLVED, resolution: choice, resolvedBy: actor.caller.subject ?? 'unknown', resolvedAt: now });
  auditConflictResolved(em, actor, conflict, before);
  await em.flush();
  return conflict;
}

/** Calls `read` for the ids in chunks of `size` (the subgraphs' id filters are bounded) and merges the maps. */
export async function inChunks<V>(ids: string[], size: number, read: (chunk: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
  const out = new Map<string, V>();
  for (let i = 0; i < ids.length; i += size) for (const [k, v] of await read(ids.slice(i, i + size))) out.set(k, v);
  return out;
}

/** Amounts as the supergraph returns them ("10.00" and "10" are one price). */
export function normalAmount(amount: string): string {
  const n = Number(amount);
  return Number.isFinite(n) ? String(n) : amount;
}
