import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  containsPattern,
  assertBulkItems,
  detachedEntity,
  insertRows,
  selectRows,
  updateRows,
  type Row,
  flushOrConflict,
  hasSameFields,
  keysetFilter,
  keysetOrder,
  keysetPosition,
  notFound,
  pageRequest,
  summarizeUpsert,
  toConnectionPage,
  toMinorUnits,
  UpsertOutcome,
  withUpsertRetry,
  type ConnectionPage,
  type KeysetSort,
  type PageArgs,
  type UpsertItemResult,
  type UpsertSummary,
} from '@tradegraph/kit';
import { Customer, CustomerSegment, CustomerStatus, CustomerStatusChange } from '../entities';
import { CustomerSort, type CreateCustomerInput, type CustomerFilter, type UpdateCustomerInput, type UpsertCustomerInput } from '../inputs/customer-inputs';
import { customerStatus } from './customer-status';

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
  constructor(private readonly em: EntityManager, private readonly actor: string | null) {}

  /** @throws NOT_FOUND */
  async get(id: string): Promise<Customer> {
    const customer = await this.em.findOne(Customer, { id });
    if (!customer) throw notFound('Customer', id);
    return customer;
  }

  /** Creates an ACTIVE customer. @throws CONFLICT when the code is taken */
  async create(input: CreateCustomerInput): Promise<Customer> {
    const customer = this.em.create(Customer, { code: input.code, ...(columns(input, 'input') as CustomerData) });
    this.record(customer, null, CustomerStatus.ACTIVE, null);
    await flushOrConflict(this.em, `A customer with code "${input.code}" already exists`, 'code');
    return customer;
  }

  /** Changes the given fields. @throws NOT_FOUND */
  async update(id: string, input: UpdateCustomerInput): Promise<Customer> {
    const customer = await this.get(id);
    Object.assign(customer, columns(input, 'input'));
    await this.em.flush();
    return customer;
  }

  /** Moves a customer to `to` if the lifecycle allows it. @throws NOT_FOUND, INVALID_TRANSITION */
  async transition(id: string, to: CustomerStatus, reason: string | null): Promise<Customer> {
    return this.em.transactional(async (em) => {
      const customer = await em.findOne(Customer, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!customer) throw notFound('Customer', id);
      customerStatus.assert(customer.status, to);
      this.record(customer, customer.status, to, reason, em);
      customer.status = to;
      return customer;
    });
  }

  /** Creates or updates up to MAX_BULK_ITEMS customers by code, in one transaction; idempotent. */
  async upsertMany(items: UpsertCustomerInput[]): Promise<UpsertSummary<Customer>> {
    assertBulkItems(items, (item) => item.code, 'code');
    return summarizeUpsert(await withUpsertRetry(() => this.applyUpsert(items), () => this.em.clear()));
  }

  /**
   * One pass of {@link upsertMany}, set-based: one select of the existing customers (locked, in
   * code order, so a concurrent status move cannot slip between the check and the write), then
   * one insert of the new customers, one update of the changed ones and one insert of their
   * status history, whatever the batch size.
   */
  private applyUpsert(items: UpsertCustomerInput[]): Promise<UpsertItemResult<Customer>[]> {
    return this.em.transactional(async (em) => {
      const existing = await selectRows(em, Customer, ['code'], items.map((i) => ({ code: i.code })), { orderBy: ['code'], lock: 'no key update' });
      const byCode = new Map(existing.map((c) => [c.code!, c]));
      const now = new Date();
      const inserts: Row<Customer>[] = [];
      const updates: Row<Customer>[] = [];
      const history: Row<CustomerStatusChange>[] = [];
      const record = (customerId: string, from: CustomerStatus | null, to: CustomerStatus, reason: string | null) =>
        history.push({ customerId, from, to, actor: this.actor, reason, changedAt: now });

      const results = items.map((item, index): UpsertItemResult<Customer> => {
        const fail = (error: string): UpsertItemResult<Customer> => ({ index, key: item.code, outcome: UpsertOutcome.FAILED, node: null, error });
        let data: CustomerData;
        try {
          data = columns({ segment: CustomerSegment.RETAIL, email: null, phone: null, addresses: [], location: null, ...item }, `items.${index}`) as CustomerData;
        } catch (error) {
          return fail((error as Error).message);
        }
        const current = byCode.get(item.code);
        if (!current) {
          const status = item.status ?? CustomerStatus.ACTIVE;
          const row: Row<Customer> = { id: randomUUID(), code: item.code, ...data, status, createdAt: now, updatedAt: now };
          inserts.push(row);
          record(row.id!, null, status, null);
          return { index, key: item.code, outcome: UpsertOutcome.CREATED, node: detachedEntity(Customer, row), error: null };
        }
        let steps: CustomerStatus[] = [];
        if (item.status && item.status !== current.status) {
          try {
            steps = customerStatus.path(current.status!, item.status);
          } catch (error) {
            return fail((error as Error).message);
          }
        }
        if (steps.length === 0 && hasSameFields(current, data)) return { index, key: item.code, outcome: UpsertOutcome.UNCHANGED, node: detachedEntity(Customer, current), error: null };
        const row: Row<Customer> = { ...current, ...data, updatedAt: now };
        for (const step of steps) {
          record(row.id!, row.status!, step, 'bulk upsert');
          row.status = step;
        }
        updates.push(row);
        return { index, key: item.code, outcome: UpsertOutcome.UPDATED, node: detachedEntity(Customer, row), error: null };
      });

      // New codes in one fixed order: two batches inserting the same new codes queue up on the
      // first one instead of deadlocking; the later one fails on it and withUpsertRetry runs it again.
      await insertRows(em, Customer, inserts.sort((a, b) => (a.code! < b.code! ? -1 : a.code! > b.code! ? 1 : 0)));
      await updateRows(
        em,
        Customer,
        'id',
        updates.map(({ id, name, email, phone, addresses, segment, creditLimitMinor, currency, latitude, longitude, status, updatedAt }) => ({ id, name, email, phone, addresses, segment, creditLimitMinor, currency, latitude, longitude, status, updatedAt })),
      );
      await insertRows(em, CustomerStatusChange, history);
      return results;
    });
  }

  /**
   * One page of customers matching the filter.
   * @param searchEmail whether `filter.text` may match emails (callers with the PII scope only,
   *   so that a search cannot confirm an address the caller may not read)
   * @param onlyIds when given, only these customers (a field agent's territory); part of the query
   */
  async search(filter: CustomerFilter | null | undefined, sort: CustomerSort, page: PageArgs, searchEmail: boolean, onlyIds: ReadonlySet<string> | null = null): Promise<ConnectionPage<Customer>> {
    const request = pageRequest(page);
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
    const keyset = SORTS[sort];
    const rows = await this.em.find(
      Customer,
      { $and: [...conditions, keysetFilter(keyset, request) as FilterQuery<Customer>] },
      { orderBy: keysetOrder(keyset, request), limit: request.size + 1 },
    );
    return toConnectionPage(
      rows,
      request,
      keysetPosition(keyset),
      () => this.em.count(Customer, { $and: conditions }),
    );
  }

  private record(customer: Customer, from: CustomerStatus | null, to: CustomerStatus, reason: string | null, em: EntityManager = this.em): void {
    em.create(CustomerStatusChange, { customerId: customer.id, from, to, actor: this.actor, reason });
  }
}
