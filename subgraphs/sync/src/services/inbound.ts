import { createHash, randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, insertRows, selectRows, updateRows, type GatewayClient } from '@tradegraph/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictPolicy, ConflictResolution, ConflictStatus, ExternalRef, SyncConflict, SyncEntity, type Connector, type ExternalSystem } from '../entities';
import type { SourceCustomer, SourceProduct } from '../adapters';

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

/** The supergraph's copy of a record: what it holds of the fields sync writes, and when it last changed. */
export interface LocalCopy {
  value: Record<string, unknown>;
  updatedAt: string | null;
}

/** One record's result from the owning subgraph's bulk mutation. */
interface Applied<R> {
  record: R;
  entityId: string;
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED';
}

/**
 * How sync applies one entity type: validation, the supergraph-side projection that conflict
 * detection compares, the batched read of the supergraph's copies, and the bulk mutation.
 */
export interface InboundKind<R extends SourceRecord> {
  entityType: SyncEntity;
  /** why the owning subgraph would refuse the record, or null (checked here so one bad record cannot sink its batch) */
  problemWith(record: R): string | null;
  /** everything the source said that sync applies (for products, stock too): equal means unchanged */
  sourceValue(record: R): unknown;
  /** the fields sync writes, normalised as the supergraph returns them */
  localValue(record: R): Record<string, unknown>;
  /** what else the ref remembers of an applied record (products: the stock both sides agree on) */
  refFields?(record: R): { stockChecksum?: string | null };
  /** the supergraph's copies of these entities, by id (absent when deleted) */
  readLocal(gateway: GatewayClient | undefined, ids: string[], requestId: string): Promise<Map<string, LocalCopy>>;
  /** applies the records through the owning subgraph's bulk mutation; failures are reported per record */
  apply(gateway: GatewayClient | undefined, records: R[], requestId: string): Promise<{ applied: Applied<R>[]; failed: { record: R; message: string }[] }>;
}

/** SHA-256 of a value's JSON with sorted keys: equal records give equal checksums. */
export function checksumOf(value: unknown): string {
  const canonical = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
      : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
        : JSON.stringify(v ?? null);
  return createHash('sha256').update(canonical(value)).digest('hex');
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
 * 2. a changed record that sync had written before is checked against the supergraph's copy:
 *    if that copy changed since (its checksum differs from the ref's `localChecksum`), both
 *    sides changed — a {@link SyncConflict} settled by the connector's policy or left OPEN;
 * 3. the rest go to the owning subgraph's bulk mutation through the gateway as SERVICE, and
 *    their refs record the new checksums. A record that failed keeps its old ref, so the
 *    next run tries it again.
 */
export async function applyInboundBatch<R extends SourceRecord>(
  em: EntityManager,
  gateway: GatewayClient | undefined,
  kind: InboundKind<R>,
  connector: Connector,
  runId: string | null,
  records: R[],
  requestId: string,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, conflicts: 0, failed: [] };
  if (!records.length) return outcome;
  // Plain rows, read and written set-based: a batch's refs never pass through the unit of work.
  const refs = (await selectRows(em, ExternalRef, ['connectorId', 'entityType', 'externalId'], records.map((r) => ({ connectorId: connector.id, entityType: kind.entityType, externalId: r.externalId })))) as RefRow[];
  const refByExternalId = new Map(refs.map((r) => [r.externalId, r]));
  const writes = new RefWrites(connector, kind.entityType);
  const now = new Date();
  const seen: string[] = [];
  const changed: R[] = [];
  for (const record of records) {
    const ref = refByExternalId.get(record.externalId);
    const problem = kind.problemWith(record);
    if (problem) outcome.failed.push({ externalId: record.externalId, message: problem });
    else if (ref && ref.checksum === checksumOf(kind.sourceValue(record))) {
      outcome.unchanged++;
      seen.push(ref.id);
    } else changed.push(record);
  }
  // Unchanged refs only need their time: one statement, not one per ref.
  if (seen.length) await em.getConnection().execute('update sync.external_ref set last_seen_at = ? where id = any(?::uuid[])', [now, `{${seen.join(',')}}`], 'run', em.getTransactionContext());

  const toApply = await settleConflicts(em, gateway, kind, connector, runId, changed, refByExternalId, writes, outcome, requestId);
  if (toApply.length) {
    let result: Awaited<ReturnType<InboundKind<R>['apply']>>;
    try {
      result = await kind.apply(gateway, toApply, requestId);
    } catch (error) {
      // The batch as a whole was refused (input the checks above did not foresee): its records
      // fail and the run goes on. Anything else (UNAVAILABLE …) fails the attempt.
      if (!(error instanceof DomainError) || error.extensions.code !== ErrorCode.BAD_USER_INPUT) throw error;
      result = { applied: [], failed: toApply.map((record) => ({ record, message: error.message })) };
    }
    for (const { record, message } of result.failed) outcome.failed.push({ externalId: record.externalId, message });
    for (const a of result.applied) {
      if (a.outcome === 'CREATED') outcome.created++;
      else if (a.outcome === 'UPDATED') outcome.updated++;
      else outcome.unchanged++;
      writes.applied(kind, refByExternalId.get(a.record.externalId), a.record, a.entityId, now);
    }
  }
  await writes.write(em);
  await em.flush();
  return outcome;
}

/** An ExternalRef as a plain row (every column). */
type RefRow = Required<Pick<ExternalRef, 'id' | 'connectorId' | 'system' | 'entityType' | 'externalId' | 'entityId' | 'checksum' | 'localChecksum' | 'stockChecksum' | 'lastSeenAt' | 'lastSyncedAt'>>;

/** The ref rows a batch creates and changes, written in two statements at the end. */
class RefWrites {
  private readonly inserts: RefRow[] = [];
  private readonly updates = new Map<string, RefRow>();

  constructor(private readonly connector: Connector, private readonly entityType: SyncEntity) {}

  /** Records that sync wrote `record`: both checksums become the record's. */
  applied<R extends SourceRecord>(kind: InboundKind<R>, ref: RefRow | undefined, record: R, entityId: string, now: Date): void {
    const fields = { entityId, checksum: checksumOf(kind.sourceValue(record)), localChecksum: checksumOf(kind.localValue(record)), stockChecksum: kind.refFields?.(record).stockChecksum ?? ref?.stockChecksum ?? null, lastSeenAt: now, lastSyncedAt: now };
    if (ref) this.changed(ref, fields);
    else this.inserts.push({ id: randomUUID(), connectorId: this.connector.id, system: this.connector.system as ExternalSystem, entityType: this.entityType, externalId: record.externalId, ...fields });
  }

  /** Records a change to an existing ref. */
  changed(ref: RefRow, fields: Partial<RefRow>): void {
    Object.assign(ref, fields);
    this.updates.set(ref.id, ref);
  }

  async write(em: EntityManager): Promise<void> {
    await insertRows(em, ExternalRef, this.inserts);
    await updateRows(em, ExternalRef, 'id', [...this.updates.values()].map(({ id, entityId, checksum, localChecksum, stockChecksum, lastSeenAt, lastSyncedAt }) => ({ id, entityId, checksum, localChecksum, stockChecksum, lastSeenAt, lastSyncedAt })));
  }
}

/**
 * Finds the changed records whose supergraph copy changed too, settles each by the policy
 * (recording the conflict), and returns the records to apply.
 */
async function settleConflicts<R extends SourceRecord>(
  em: EntityManager,
  gateway: GatewayClient | undefined,
  kind: InboundKind<R>,
  connector: Connector,
  runId: string | null,
  changed: R[],
  refByExternalId: Map<string, RefRow>,
  writes: RefWrites,
  outcome: BatchOutcome,
  requestId: string,
): Promise<R[]> {
  const known = changed.filter((r) => refByExternalId.get(r.externalId)?.localChecksum);
  if (!known.length) return changed;
  const locals = await kind.readLocal(gateway, known.map((r) => refByExternalId.get(r.externalId)!.entityId), requestId);
  const open = await em.find(SyncConflict, { connectorId: connector.id, entityType: kind.entityType, status: ConflictStatus.OPEN, externalId: { $in: known.map((r) => r.externalId) } });
  const openByExternalId = new Map(open.map((c) => [c.externalId, c]));
  const skip = new Set<R>();
  const now = new Date();
  for (const record of known) {
    const ref = refByExternalId.get(record.externalId)!;
    const local = locals.get(ref.entityId);
    if (!local) continue; // deleted in Tradegraph: the upsert brings it back
    const localChecksum = checksumOf(local.value);
    if (localChecksum === ref.localChecksum && !openByExternalId.has(record.externalId)) continue;
    outcome.conflicts++;
    const decision = decideConflict(connector.conflictPolicy, record.updatedAt, local.updatedAt);
    const fields = {
      runId,
      entityId: ref.entityId,
      sourceValue: { ...record } as Record<string, unknown>,
      supergraphValue: local.value,
      sourceUpdatedAt: record.updatedAt ? new Date(record.updatedAt) : null,
      supergraphUpdatedAt: local.updatedAt ? new Date(local.updatedAt) : null,
      detectedAt: now,
      ...(decision.winner ? { status: ConflictStatus.RESOLVED, resolution: decision.winner, resolvedBy: decision.by, resolvedAt: now } : {}),
    };
    const existing = openByExternalId.get(record.externalId);
    if (existing) Object.assign(existing, fields);
    else em.persist(em.create(SyncConflict, { connectorId: connector.id, entityType: kind.entityType, externalId: record.externalId, ...fields }));
    if (decision.winner === ConflictResolution.SOURCE) continue;
    skip.add(record);
    // The supergraph's copy stays; acknowledging both versions means neither is a conflict again until one changes.
    if (decision.winner === ConflictResolution.SUPERGRAPH) writes.changed(ref, { checksum: checksumOf(kind.sourceValue(record)), localChecksum, lastSeenAt: now, lastSyncedAt: now });
  }
  return changed.filter((r) => !skip.has(r));
}

/**
 * Settles an OPEN conflict as a person chose: SOURCE applies the source's version (as sync
 * would have), SUPERGRAPH keeps Tradegraph's and acknowledges both. Records who chose.
 */
export async function resolveConflictWith<R extends SourceRecord>(
  em: EntityManager,
  gateway: GatewayClient | undefined,
  kind: InboundKind<R>,
  connector: Connector,
  conflict: SyncConflict,
  choice: ConflictResolution,
  subject: string,
  requestId: string,
): Promise<SyncConflict> {
  const record = conflict.sourceValue as unknown as R;
  const [ref] = (await selectRows(em, ExternalRef, ['connectorId', 'entityType', 'externalId'], [{ connectorId: connector.id, entityType: kind.entityType, externalId: conflict.externalId }])) as RefRow[];
  const writes = new RefWrites(connector, kind.entityType);
  const now = new Date();
  if (choice === ConflictResolution.SOURCE) {
    const result = await kind.apply(gateway, [record], requestId);
    if (result.failed.length) throw new DomainError(ErrorCode.CONFLICT, `The source's version could not be applied: ${result.failed[0].message}`);
    writes.applied(kind, ref, record, result.applied[0].entityId, now);
  } else if (ref) {
    const local = (await kind.readLocal(gateway, [conflict.entityId], requestId)).get(conflict.entityId);
    writes.changed(ref, { checksum: checksumOf(kind.sourceValue(record)), localChecksum: local ? checksumOf(local.value) : ref.localChecksum, lastSyncedAt: now });
  }
  await writes.write(em);
  Object.assign(conflict, { status: ConflictStatus.RESOLVED, resolution: choice, resolvedBy: subject, resolvedAt: now });
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
