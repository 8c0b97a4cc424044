import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AuditSource,
  type ConnectionPage,
  containsPattern,
  findByIdOrNotFound,
  findPage,
  flushOrConflict,
  type KeysetSort,
  moveStatus,
  type PageArgs,
  recordStatusChange,
  toMinorUnits,
  upsertByKey,
  type UpsertSummary,
} from '@tradegraph/kit';
import { Customer, CustomerSegment, CustomerStatus, CustomerStatusChange } from '../entities';
import { CustomerSort, type CreateCustomerInput, type CustomerFilter, type UpdateCustomerInput, type UpsertCustomerInput } from '../inputs/customer-inputs';
import { auditedCustomer, customerAuditEvent, recordCustomerAudit } from './audit';
import { customerStatus } from './customer-status';
import { changedGroups, customerEvent, customerGroups, recordCustomerWritten } from './events';

const SORTS: Record<CustomerSort, KeysetSort> = {
  [CustomerSort.NAME_ASC]: { field: 'name', descending: false },
  [CustomerSort.NAME_DESC]: { field: 'name', descending: true },
  [CustomerSort.CODE_ASC]: { field: 'code', descending: false },
  [CustomerSort.NEWEST]: { field: 'createdAt', descending: true },
  [CustomerSort.OLDEST]: { field: 'createdAt', descending: false },
};

type CustomerData = Pick<Customer, 'name' | 'email' | 'phone' | 'addresses' | 'segment' | 'creditLimitMinor' | 'currency' | 'latitude' | 'longitude'>;

/** The fields of an input as columns; fields the input leaves out are not in the result. */
function columns(input: UpdateCustomerInput, field: string): Partial<CustomerData> {
  const data: Partial<CustomerData> = {};
  if (input.name != null) data.name = input.name;
  if (input.email !== undefined) data.email = input.email ? input.email.toLowerCase() : null;
  if (input.phone !== undefined) data.phone = input.phone ?? null;
  if (input.addresses != null) data.addresses = input.addresses.map((a) => ({ kind: a.kind, line1: a.line1, line2: a.line2 ?? null, city: a.city, postalCode: a.postalCode, region: a.region ?? null, country: a.country.toUpperCase() }));
  if (input.segment != null) data.segment = input.segment;
  if (input.creditLimit != null) {
    data.creditLimitMinor = toMinorUnits(input.creditLimit.amount, input.creditLimit.currency, `${field}.creditLimit.amount`);
    data.currency = input.creditLimit.currency;
  }
  if (input.location !== undefined) {
    data.latitude = input.location?.lat ?? null;
    data.longitude = input.location?.lng ?? null;
  }
  return data;
}

/**
 * The customer rules: creating, changing, suspending and finding customers. Works on the
 * EntityManager it is given and never on GraphQL types, so tests call it directly.
 */
export class CustomerService {
  /** the caller's subject, recorded on every status move */
  private readonly actor: string | null;

  /** @param source who is asking, and in which request: the actor of every audit entry (null: the system) */
  constructor(private readonly em: EntityManager, private readonly source: AuditSource | null) {
    this.actor = source?.caller.subject ?? null;
  }

  /** @throws NOT_FOUND */
  async get(id: string): Promise<Customer> {
    return findByIdOrNotFound(this.em, Customer, id);
  }

  /** Creates an ACTIVE customer. @throws CONFLICT when the code is taken */
  async create(input: CreateCustomerInput): Promise<Customer> {
    const customer = this.em.create(Customer, { code: input.code, ...(columns(input, 'input') as CustomerData) });
    this.record(customer, null, CustomerStatus.ACTIVE, null);
    recordCustomerWritten(this.em, customer, null, []);
    recordCustomerAudit(this.em, this.source, customer.id, null, auditedCustomer(customer));
    await flushOrConflict(this.em, `A customer with code "${input.code}" already exists`, 'code');
    return customer;
  }

  /** Changes the given fields; a change records `customer.updated`. @throws NOT_FOUND */
  async update(id: string, input: UpdateCustomerInput): Promise<Customer> {
    const data = columns(input, 'input');
    // The row locked: concurrent updates count the version one after the other.
    return this.em.transactional(async (tx) => {
      const customer = await findByIdOrNotFound(tx, Customer, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const before = customerGroups(customer);
      const audited = auditedCustomer(customer);
      Object.assign(customer, data);
      // An update that sets what is already there writes nothing, so it has no event either.
      const changed = changedGroups(before, customerGroups(customer));
      if (changed.length) recordCustomerWritten(tx, customer, customer.status, changed);
      recordCustomerAudit(tx, this.source, customer.id, audited, auditedCustomer(customer));
      await tx.flush();
      return customer;
    });
  }

  /** Moves a customer to `to` if the lifecycle allows it. @throws NOT_FOUND, INVALID_TRANSITION */
  transition(id: string, to: CustomerStatus, reason: string | null): Promise<Customer> {
    return moveStatus(this.em, Customer, id, customerStatus, to, (customer, em) => {
      const from = customer.status;
      this.record(customer, from, to, reason, em);
      const before = auditedCustomer(customer);
      customer.status = to;
      recordCustomerWritten(em, customer, from, ['status'], reason);
      recordCustomerAudit(em, this.source, customer.id, before, auditedCustomer(customer, reason));
    });
  }

  /** Creates or updates up to MAX_BULK_ITEMS customers by code, in one transaction; idempotent. */
  upsertMany(items: UpsertCustomerInput[]): Promise<UpsertSummary<Customer>> {
    return upsertByKey(this.em, items, {
      entity: Customer,
      key: 'code',
      keyOf: (item) => item.code,
      fields: (item, index) => columns({ segment: CustomerSegment.RETAIL, email: null, phone: null, addresses: [], location: null, ...item }, `items.${index}`),
      updated: ['name', 'email', 'phone', 'addresses', 'segment', 'creditLimitMinor', 'currency', 'latitude', 'longitude'],
      version: 'version',
      events: (row, before) => {
        const reason = before && before.status !== row.status ? 'bulk upsert' : null;
        const audit = customerAuditEvent(this.source, row.id!, before && auditedCustomer(before), auditedCustomer(row, reason));
        return [customerEvent(row, before?.status ?? null, changedGroups(before && customerGroups(before), customerGroups(row)), before === null, reason), ...(audit ? [audit] : [])];
      },
      lifecycle: {
        machine: customerStatus,
        initial: CustomerStatus.ACTIVE,
        wanted: (item) => item.status,
        history: CustomerStatusChange,
        change: (customerId, from, to, now) => ({ customerId, from, to, actor: this.actor, reason: from === null ? null : 'bulk upsert', changedAt: now }),
      },
    });
  }

  /**
   * One page of customers matching the filter.
   * @param searchEmail whether `filter.text` may match emails (callers with the PII scope only,
   *   so that a search cannot confirm an address the caller may not read)
   * @param onlyIds when given, only these customers (a field agent's territory); part of the query
   */
  async search(filter: CustomerFilter | null | undefined, sort: CustomerSort, page: PageArgs, searchEmail: boolean, onlyIds: ReadonlySet<string> | null = null): Promise<ConnectionPage<Customer>> {
    const conditions: FilterQuery<Customer>[] = [];
    if (onlyIds) conditions.push({ id: { $in: [...onlyIds] } });
    if (filter?.status?.length) conditions.push({ status: { $in: filter.status } });
    if (filter?.segment?.length) conditions.push({ segment: { $in: filter.segment } });
    if (filter?.ids) conditions.push({ id: { $in: filter.ids } });
    if (filter?.text) {
      const like = containsPattern(filter.text);
      const fields: FilterQuery<Customer>[] = [{ name: { $ilike: like } }, { code: { $ilike: like } }];
      if (searchEmail) fields.push({ email: { $ilike: like } });
      conditions.push({ $or: fields });
    }
    return findPage(this.em, Customer, { $and: conditions }, SORTS[sort], page);
  }

  private record(customer: Customer, from: CustomerStatus | null, to: CustomerStatus, reason: string | null, em: EntityManager = this.em): void {
    recordStatusChange(em, CustomerStatusChange, customer.id, { from, to, actor: this.actor, reason });
  }
}
