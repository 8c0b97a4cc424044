/**
 * The customers subgraph's audit entries (kit's `audit.recorded`, docs/architecture.md "Audit
 * log"): one per create, update, status move and bulk-upserted change of a customer, in the
 * outbox with the change. Credit limit, segment, status and code keep their values; personal
 * data is only said to have changed (`withheld: 'PERSONAL'`), like `customer.*` events, which
 * name changed groups only: no outbox row and no stream holds it.
 *
 * The name is withheld too: customers include sole traders whose business name is a person's
 * name, and the outbox rule (customer-events.test.ts) already keeps it out of every event.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditChanges, auditEvent, recordAudit, toMoney, type AuditFields, type AuditRecord, type AuditSource, type NewEvent, type Row } from '@tradegraph/kit';
import type { Customer } from '../entities';

const AUDIT_SUBGRAPH = 'customers';

/** How each audited field of a customer is kept. `reason` is a status move's, null otherwise. */
const CUSTOMER_AUDIT_FIELDS: AuditFields = {
  code: 'plain',
  name: 'PERSONAL',
  email: 'PERSONAL',
  phone: 'PERSONAL',
  addresses: 'PERSONAL',
  location: 'PERSONAL',
  segment: 'plain',
  creditLimit: 'plain',
  status: 'plain',
  reason: 'plain',
};

type AuditedCustomer = Pick<Customer, 'code' | 'name' | 'email' | 'phone' | 'addresses' | 'segment' | 'status' | 'creditLimitMinor' | 'currency' | 'latitude' | 'longitude'>;

/**
 * A customer's audited values, from an entity or a bulk upsert's plain row (bigint and double
 * columns may arrive as text, jsonb addresses with any key order: normalised so that only a real
 * change differs). Never written anywhere as a whole: withheld fields leave no value behind.
 */
export function auditedCustomer(customer: AuditedCustomer | Row<Customer>, reason: string | null = null): Record<string, unknown> {
  const c = customer as AuditedCustomer;
  const addresses = (c.addresses ?? []).map((a) => [a.kind, a.line1, a.line2 ?? null, a.city, a.postalCode, a.region ?? null, a.country]);
  return {
    code: c.code,
    name: c.name,
    email: c.email ?? null,
    phone: c.phone ?? null,
    addresses: addresses.length ? addresses : null,
    location: c.latitude == null || c.longitude == null ? null : [Number(c.latitude), Number(c.longitude)],
    segment: c.segment,
    creditLimit: toMoney(c.creditLimitMinor, c.currency),
    status: c.status,
    reason,
  };
}

/** The change of customer `id` from `before` (null: created) to `after`; the action as `customer.*` events name it. */
function customerRecord(id: string, before: Record<string, unknown> | null, after: Record<string, unknown>): AuditRecord {
  const action = !before ? 'created' : before.status !== after.status ? 'status_changed' : 'updated';
  return { entity: 'Customer', entityId: id, action, changes: auditChanges(before, after, CUSTOMER_AUDIT_FIELDS) };
}

/** The audit entry of one customer's change as an outbox event, for the bulk path; null when nothing audited changed. */
export function customerAuditEvent(source: AuditSource | null, id: string, before: Record<string, unknown> | null, after: Record<string, unknown>): NewEvent | null {
  return auditEvent(AUDIT_SUBGRAPH, source, customerRecord(id, before, after));
}

/** Adds the audit entry of one customer's change to `em`'s unit of work; nothing when nothing audited changed. */
export function recordCustomerAudit(em: EntityManager, source: AuditSource | null, id: string, before: Record<string, unknown> | null, after: Record<string, unknown>): void {
  recordAudit(em, AUDIT_SUBGRAPH, source, customerRecord(id, before, after));
}
