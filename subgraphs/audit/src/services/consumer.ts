import {
  AUDIT_ENTITY,
  AUDIT_RECORDED,
  isUuid,
  logger,
  qualifiedTable,
  sqlState,
  type BackgroundJob,
  type ConsumeOptions,
  type EventEnvelope,
  type SubgraphRuntime,
} from '@tradegraph/kit';
import { AuditEntry } from '../entities';

const log = logger.child({ subgraph: 'audit', component: 'consumer' });

/** The bus consumer group that stores the log: every audit replica consumes in it, each event reaches one of them. */
export const AUDIT_GROUP = 'audit-log';

/** How long stop waits for the batch in hand: an unacknowledged batch is delivered again, which is harmless. */
const AUDIT_STOP_TIMEOUT_MS = 3_000;

/** An `audit_entry` row as the insert takes it (jsonb_to_recordset's column names). */
export interface AuditRow {
  id: string;
  occurred_at: string;
  entity: string;
  entity_id: string;
  action: string;
  actor_subject: string | null;
  actor_role: string | null;
  request_id: string | null;
  subgraph: string;
  changes: { field: string; before: unknown; after: unknown; withheld?: 'PERSONAL' | 'SECRET' }[];
}

/** What a missing or unreadable text of the payload is stored as. */
const UNKNOWN = 'unknown';
const WITHHELD = new Set(['PERSONAL', 'SECRET']);
/** The DateTime scalar's range: a time outside it could be stored but never served. */
const EARLIEST = Date.parse('1900-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
/** Lone UTF-16 surrogates: JSON carries them as escapes PostgreSQL refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text PostgreSQL can store: no NUL byte (text and jsonb refuse it), no lone surrogate. */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)]));
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A payload's text field: strings as they are, numbers and booleans as text, anything else null. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * The row of one `audit.recorded` event, or null when it cannot be stored at all: another event
 * type on the stream, or an `entityId` that is no UUID (without it the entry could not be kept
 * once across deliveries). Anything else is stored as well as it can be and logged: a missing
 * text becomes "unknown", unreadable changes are dropped, an unreadable or out-of-range time becomes now, and
 * values marked withheld with an unknown reason are withheld as SECRET (never shown).
 */
export function auditRowOf(event: EventEnvelope): AuditRow | null {
  if (event.type !== AUDIT_RECORDED || event.entity !== AUDIT_ENTITY) {
    log.warn({ eventId: event.id, type: event.type, entity: event.entity }, 'not an audit.recorded event; skipped');
    return null;
  }
  if (!isUuid(event.entityId)) {
    log.error({ eventId: event.id, entityId: event.entityId }, 'an audit.recorded event without a UUID entityId cannot be stored; skipped');
    return null;
  }
  const problems: string[] = [];
  const payload = isRecord(event.payload) ? event.payload : (problems.push('payload'), {});
  const required = (field: string) => text(payload[field]) ?? (problems.push(field), UNKNOWN);
  const occurred = typeof event.occurredAt === 'string' ? new Date(event.occurredAt) : new Date(NaN);
  const readable = occurred.getTime() >= EARLIEST && occurred.getTime() <= LATEST;
  if (!readable) problems.push('occurredAt');
  const actor = isRecord(payload.actor) ? payload.actor : (payload.actor != null && problems.push('actor'), {});
  const changes: AuditRow['changes'] = [];
  if (!Array.isArray(payload.changes)) problems.push('changes');
  for (const change of Array.isArray(payload.changes) ? (payload.changes as unknown[]) : []) {
    const field = isRecord(change) ? text(change.field) : null;
    if (!isRecord(change) || field === null) {
      problems.push('changes[]');
      continue;
    }
    if (change.withheld == null) changes.push({ field, before: change.before ?? null, after: change.after ?? null });
    else {
      if (!WITHHELD.has(change.withheld as string)) problems.push('changes[].withheld');
      changes.push({ field, before: null, after: null, withheld: WITHHELD.has(change.withheld as string) ? (change.withheld as 'PERSONAL' | 'SECRET') : 'SECRET' });
    }
  }
  const row: AuditRow = {
    id: event.entityId,
    // Milliseconds, as cursors carry them: a finer stored time would make keyset pages skip rows.
    occurred_at: (readable ? occurred : new Date()).toISOString(),
    entity: required('entity'),
    entity_id: required('entityId'),
    action: required('action'),
    actor_subject: text(actor.subject),
    actor_role: text(actor.role),
    request_id: text(payload.requestId),
    subgraph: required('subgraph'),
    changes,
  };
  if (problems.length) log.warn({ eventId: event.id, entryId: row.id, problems: [...new Set(problems)] }, 'a malformed audit.recorded event; stored what it holds');
  return storable(row) as AuditRow;
}

/** The rows' JSON for the insert; a row that cannot be written as JSON (a BigInt, a cycle: only from an in-process publisher) is logged and left out. */
function rowsJson(rows: AuditRow[]): string {
  const parts: string[] = [];
  for (const row of rows) {
    try {
      parts.push(JSON.stringify(row));
    } catch (error) {
      log.error({ err: error, entryId: row.id }, 'an audit entry cannot be written as JSON; skipped');
    }
  }
  return `[${parts.join(',')}]`;
}

/**
 * Stores rows in one statement; rows already stored (a repeated delivery) are left as they
 * are. Resolves with how many were new. @throws when the database fails
 */
export async function insertAuditRows(runtime: SubgraphRuntime, rows: AuditRow[]): Promise<number> {
  if (!rows.length) return 0;
  const em = runtime.database.orm.em.fork();
  const result = await em.getConnection().execute<{ id: string }[]>(
    `insert into ${qualifiedTable(em, AuditEntry)} (id, occurred_at, entity, entity_id, action, actor_subject, actor_role, request_id, subgraph, changes)
     select id, occurred_at, entity, entity_id, action, actor_subject, actor_role, request_id, subgraph, changes
     from jsonb_to_recordset(?::jsonb) as r(id uuid, occurred_at timestamptz, entity text, entity_id text, action text, actor_subject text, actor_role text, request_id text, subgraph text, changes jsonb)
     on conflict (id) do nothing
     returning id`,
    [rowsJson(rows)],
  );
  return result.length;
}

/** A PostgreSQL data exception or constraint violation (classes 22, 23): the values' fault, the same on every delivery. */
const isDataError = (error: unknown) => /^2[23]/.test(sqlState(error) ?? '');

/**
 * Stores a batch of `audit.recorded` events, each once. When PostgreSQL refuses the batch's data
 * (which would be refused again on every delivery and stall the log), each row is stored on its
 * own, one PostgreSQL still refuses without its changes, and one refused even then is logged and
 * skipped. Any other failure (database down, table locked or gone) rejects, so the bus delivers
 * the batch again.
 */
export async function storeAuditBatch(runtime: SubgraphRuntime, batch: EventEnvelope[]): Promise<number> {
  const rows = batch.map(auditRowOf).filter((row): row is AuditRow => row !== null);
  try {
    return await insertAuditRows(runtime, rows);
  } catch (error) {
    if (!isDataError(error)) throw error;
  }
  let stored = 0;
  for (const row of rows) {
    try {
      stored += await insertAuditRows(runtime, [row]);
    } catch (error) {
      if (!isDataError(error)) throw error;
      try {
        stored += await insertAuditRows(runtime, [{ ...row, changes: [] }]);
        log.error({ err: error, entryId: row.id }, 'PostgreSQL refused an audit entry\'s changes; stored it without them');
      } catch (again) {
        if (!isDataError(again)) throw again;
        log.error({ err: again, entryId: row.id }, 'PostgreSQL refused an audit entry; skipped');
      }
    }
  }
  return stored;
}

/**
 * Stores the audit log from the bus, as the consumer group {@link AUDIT_GROUP}: entries
 * published while no audit replica runs wait in the group and are stored once one runs again.
 * On Redis it is the only reader of the audit stream, which it trims to what it has not stored
 * yet (no other group and no subscriber may read that stream).
 * A batch is acknowledged only once its insert committed, and never given up (no dead letter:
 * losing an audit entry is worse than waiting for the database).
 */
export class AuditLogConsumer implements BackgroundJob {
  private consuming?: Promise<() => Promise<void>>;

  /** @param options the consumer group's tuning (tests shorten `retryMs`) */
  constructor(private readonly runtime: SubgraphRuntime, private readonly options: ConsumeOptions = {}) {}

  /** Resolves when the consumer is in the group (the group keeps, from its first start on, every entry the stream still held then and every later one). */
  async ready(): Promise<void> {
    await this.consuming;
  }

  start(): this {
    // fromRetained: on the very first start (a first deployment onto a running system) the entries already published are stored too.
    // trimAcknowledged: Redis does not trim the audit stream by count at publish (a big sync
    // would push out entries not stored yet); this group removes what it has stored instead.
    const options = { stopTimeoutMs: AUDIT_STOP_TIMEOUT_MS, ...this.options, maxDeliveries: Number.MAX_SAFE_INTEGER, fromRetained: true, trimAcknowledged: true };
    const stored = this.runtime.metrics?.counter({ name: 'tradegraph_audit_entries_stored_total', help: 'Audit entries stored (a repeated delivery stores none)' });
    const failures = this.runtime.metrics?.counter({ name: 'tradegraph_audit_store_failures_total', help: 'Batches of audit entries the database did not take; each is delivered again' });
    const store = async (batch: EventEnvelope[]) => {
      try {
        stored?.inc(await storeAuditBatch(this.runtime, batch));
      } catch (error) {
        failures?.inc();
        throw error;
      }
    };
    this.consuming = this.runtime.bus.consume(AUDIT_GROUP, [AUDIT_ENTITY], store, options);
    this.consuming.catch((error) => log.error({ err: error }, 'the audit log consumer could not join its consumer group'));
    return this;
  }

  async stop(): Promise<void> {
    const stop = await this.consuming?.catch(() => undefined);
    await stop?.();
  }
}
