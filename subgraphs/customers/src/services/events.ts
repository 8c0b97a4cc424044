/**
 * The customers subgraph's events: one `customer.*` per write of a customer, by every write
 * path (create, update, status moves, bulk upserts), written to the outbox in the transaction
 * of the write or not at all. Types and payload are kit's catalogue (`CustomerEvent`): sync's
 * outbound connectors consume them. The payload names the customer and the field groups the
 * write changed, never their values: no personal data is kept in the outbox or the stream
 * (see {@link CustomerChangedPayload}).
 *
 * | type                      | entity     | entityId     | version                | payload |
 * |---------------------------|------------|--------------|------------------------|---------|
 * | `customer.created`        | `Customer` | the customer | the customer's version | {@link CustomerChangedPayload} (`changed`: every group) |
 * | `customer.updated`        | `Customer` | …            | …                      | … (`changed`: the groups that changed) |
 * | `customer.status_changed` | `Customer` | …            | …                      | … (`from` the status before, `reason`) |
 * | `audit.recorded`          | `AuditEntry` | the entry's own id | 1              | kit's `AuditRecordedPayload`: one per write above that changed an audited field (services/audit.ts) |
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CUSTOMER_FIELD_GROUPS, CustomerEvent, EventEntity, recordEvent, type CustomerChangedPayload, type CustomerFieldGroup, type NewEvent, type Row } from '@tradegraph/kit';
import type { Customer } from '../entities';

/** The fields a customer's events look at, from an entity or a bulk upsert's plain row. */
type CustomerFields = Pick<Customer, 'id' | 'code' | 'name' | 'email' | 'phone' | 'segment' | 'status' | 'creditLimitMinor' | 'currency' | 'addresses' | 'latitude' | 'longitude' | 'version'>;

/** A customer's values per field group, to compare before and after a write (never written anywhere). */
export function customerGroups(customer: CustomerFields | Row<Customer>): Record<CustomerFieldGroup, string> {
  const c = customer as CustomerFields;
  const values: Record<CustomerFieldGroup, unknown> = {
    name: c.name,
    email: c.email ?? null,
    phone: c.phone ?? null,
    segment: c.segment,
    status: c.status,
    creditLimit: [Number(c.creditLimitMinor), c.currency],
    addresses: (c.addresses ?? []).map((a) => [a.kind, a.line1, a.line2 ?? null, a.city, a.postalCode, a.region ?? null, a.country]),
    location: c.latitude == null || c.longitude == null ? null : [Number(c.latitude), Number(c.longitude)],
  };
  return Object.fromEntries(CUSTOMER_FIELD_GROUPS.map((g) => [g, JSON.stringify(values[g])])) as Record<CustomerFieldGroup, string>;
}

/** The groups whose values differ between two {@link customerGroups}; every group when there was nothing before. */
export function changedGroups(before: Record<CustomerFieldGroup, string> | null, after: Record<CustomerFieldGroup, string>): CustomerFieldGroup[] {
  return CUSTOMER_FIELD_GROUPS.filter((g) => !before || before[g] !== after[g]);
}

/** The customer after a write, the status it had before (null: created), why it moved and what changed. */
export function customerPayload(customer: CustomerFields | Row<Customer>, from: string | null, changed: CustomerFieldGroup[], reason: string | null = null): CustomerChangedPayload {
  const c = customer as CustomerFields;
  return { customerId: c.id, code: c.code, status: c.status, from, reason, changed };
}

/** The event of one write: created when there was no customer before, status_changed when the status moved, else updated. */
export function customerEvent(customer: CustomerFields | Row<Customer>, from: string | null, changed: CustomerFieldGroup[], created: boolean, reason: string | null = null): NewEvent<CustomerChangedPayload> {
  const c = customer as CustomerFields;
  const type = created ? CustomerEvent.CREATED : from !== c.status ? CustomerEvent.STATUS_CHANGED : CustomerEvent.UPDATED;
  return { type, entity: EventEntity.CUSTOMER, entityId: c.id, version: c.version, payload: customerPayload(c, created ? null : from, changed, reason) };
}

/**
 * Counts a write on the customer (its version) and adds its event to the outbox of `em`'s unit
 * of work, so the flush that writes the customer writes the event too.
 * @param from the status before the write; null when the customer is new (its version stays 1)
 * @param changed the groups the write changed (ignored for a new customer: all of them)
 */
export function recordCustomerWritten(em: EntityManager, customer: Customer, from: string | null, changed: CustomerFieldGroup[], reason: string | null = null): void {
  if (from !== null) customer.version += 1;
  recordEvent(em, customerEvent(customer, from, from === null ? [...CUSTOMER_FIELD_GROUPS] : changed, from === null, reason));
}
