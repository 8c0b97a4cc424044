import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller, Role } from './caller';
import { recordEvent, type NewEvent } from './events/outbox';

/**
 * The audit log (docs/architecture.md, "Audit log"): every change made through the API that no
 * ledger records already is written as an `audit.recorded` event into the owning subgraph's
 * outbox, in the transaction of the change; the audit subgraph stores each once, append-only.
 */
export const AUDIT_ENTITY = 'AuditEntry';
export const AUDIT_RECORDED = 'audit.recorded';

/** Who made a change: the caller's subject and its highest role; null for the system's own jobs. */
export interface AuditActor {
  subject: string | null;
  role: Role | null;
}

/** The system itself (a background sweep), not a caller. */
export const SYSTEM_ACTOR: AuditActor = Object.freeze({ subject: null, role: null });

/** Roles from most to least powerful: the one recorded is the first the caller holds. */
const ROLE_RANK: readonly Role[] = ['ADMIN', 'MANAGER', 'AGENT', 'SERVICE', 'PARTNER'];

/** The actor and request of a GraphQL request (a resolver's context). */
export interface AuditSource {
  caller: Caller;
  requestId: string | null;
}

/** Who asked, from a resolver's context: what every service that audits its writes takes. */
export function auditSource<C extends AuditSource>(ctx: C): Pick<C, 'caller' | 'requestId'> {
  return { caller: ctx.caller, requestId: ctx.requestId };
}

export function auditActor(caller: Caller): AuditActor {
  return { subject: caller.subject, role: ROLE_RANK.find((role) => caller.roles.includes(role)) ?? null };
}

/** Why a change's values are not kept: personal data stays with its owner (customers), secrets nowhere. */
export type AuditWithheld = 'PERSONAL' | 'SECRET';

/** One changed field; `before` is null for a new record, `after` null for a removed one. */
export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
  /** set when the values are withheld (both null then): the log says that the field changed, not to what */
  withheld?: AuditWithheld;
}

/** How each audited field of an entity is kept: `plain` with its values, the others withheld. */
export type AuditFields = Record<string, 'plain' | AuditWithheld>;

/** What a service audits: one entity's change. */
export interface AuditRecord {
  /** the GraphQL type changed, e.g. `Product`, `PriceList`, `Connector` */
  entity: string;
  entityId: string;
  /** what was done, lower case: `created`, `updated`, `deleted`, `status_changed`, `assigned`, `prices_set` … */
  action: string;
  changes: AuditChange[];
}

/** The `audit.recorded` payload (docs/events.md). */
export interface AuditRecordedPayload extends Record<string, unknown> {
  entity: string;
  entityId: string;
  action: string;
  actor: AuditActor;
  requestId: string | null;
  /** the subgraph that made the change */
  subgraph: string;
  changes: AuditChange[];
}

/** JSON-comparable form of a value: dates as ISO text, undefined as null. */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The audited fields that differ between two snapshots of an entity (`before` null: created,
 * `after` null: deleted), in the order of `fields`. Values are compared as JSON, so snapshots
 * should hold plain values (money as `{ amount, currency }`, dates as Date or ISO text).
 */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields: AuditFields): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const [field, kind] of Object.entries(fields)) {
    const was = before ? plain(before[field]) : null;
    const is = after ? plain(after[field]) : null;
    if (same(was, is)) continue;
    changes.push(kind === 'plain' ? { field, before: was, after: is } : { field, before: null, after: null, withheld: kind });
  }
  return changes;
}

/** An entity's audited values at one moment, as `auditChanges` compares them. */
export type AuditSnapshot = Record<string, unknown>;

/** The record of a create (`before` null) or an update of one entity: the audited fields that differ. */
export function auditWrite(entity: string, entityId: string, before: AuditSnapshot | null, after: AuditSnapshot, fields: AuditFields): AuditRecord {
  return { entity, entityId, action: before ? 'updated' : 'created', changes: auditChanges(before, after, fields) };
}

/**
 * The outbox event of one audited change, or null when it changed nothing audited (an update
 * to the same values is not logged). Its `entityId` is a new id, the audit entry's (the same on every delivery).
 */
export function auditEvent(subgraph: string, source: AuditSource | null, record: AuditRecord): NewEvent<AuditRecordedPayload> | null {
  if (!record.changes.length) return null;
  const payload: AuditRecordedPayload = {
    entity: record.entity,
    entityId: record.entityId,
    action: record.action,
    actor: source ? auditActor(source.caller) : SYSTEM_ACTOR,
    requestId: source?.requestId ?? null,
    subgraph,
    changes: record.changes,
  };
  return { type: AUDIT_RECORDED, entity: AUDIT_ENTITY, entityId: randomUUID(), version: 1, payload };
}

/**
 * Adds the audit entry of a change to the outbox of `em`'s unit of work: written by the same
 * flush, in the same transaction, as the change — or not at all. Nothing when nothing audited
 * changed.
 */
export function recordAudit(em: EntityManager, subgraph: string, source: AuditSource | null, record: AuditRecord): void {
  const event = auditEvent(subgraph, source, record);
  if (event) recordEvent(em, event);
}
