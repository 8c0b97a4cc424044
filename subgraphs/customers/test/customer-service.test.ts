import type { AuditSource } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { AddressKind, Customer, CustomerSegment, CustomerStatus, CustomerStatusChange } from '../src/entities';
import { CustomerSort, type UpsertCustomerInput } from '../src/inputs/customer-inputs';
import { CustomerService } from '../src/services/customers';
import { customersSubgraph } from '../src/subgraph';

let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(customersSubgraph);
});
afterAll(() => db?.close());

const tester: AuditSource = { caller: { subject: 'tester', roles: ['MANAGER'], scopes: [] }, requestId: null };
const service = () => new CustomerService(db.em(), tester);
const limit = { amount: '5000', currency: 'EUR' };

describe('CustomerService', () => {
  test('create stores normalised data and records the creation', async () => {
    const customer = await service().create({
      code: 'CS-1',
      name: 'Acme',
      email: 'Orders@Acme.Example',
      creditLimit: limit,
      location: { lat: 52.52, lng: 13.405 },
      addresses: [{ kind: AddressKind.BILLING, line1: 'Main 1', city: 'Berlin', postalCode: '10115', country: 'de' }],
    });
    expect(customer).toMatchObject({ status: CustomerStatus.ACTIVE, email: 'orders@acme.example', segment: CustomerSegment.RETAIL, creditLimitMinor: 500000 });
    expect(customer.addresses[0].country).toBe('DE');
    expect(customer.location).toEqual({ lat: 52.52, lng: 13.405 });
    expect(await db.em().count(CustomerStatusChange, { customerId: customer.id })).toBe(1);
    await expect(service().create({ code: 'CS-1', name: 'Again', creditLimit: limit })).rejects.toMatchObject({ extensions: { code: 'CONFLICT', field: 'code' } });
  });

  test('suspend and reactivate are recorded with their reason; archived is final', async () => {
    const { id } = await service().create({ code: 'CS-2', name: 'Beta', creditLimit: limit });
    await service().transition(id, CustomerStatus.SUSPENDED, 'overdue invoices');
    await service().transition(id, CustomerStatus.ACTIVE, null);
    await service().transition(id, CustomerStatus.ARCHIVED, 'closed');
    await expect(service().transition(id, CustomerStatus.ACTIVE, null)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    const moves = await db.em().find(CustomerStatusChange, { customerId: id }, { orderBy: { id: 'asc' } });
    expect(moves.map((m) => [m.to, m.reason])).toEqual([
      ['ACTIVE', null],
      ['SUSPENDED', 'overdue invoices'],
      ['ACTIVE', null],
      ['ARCHIVED', 'closed'],
    ]);
  });

  test('upsertCustomers is idempotent by code, including addresses read back from jsonb', async () => {
    const items: UpsertCustomerInput[] = Array.from({ length: 30 }, (_, i) => ({
      code: `UC-${i}`,
      name: `Customer ${i}`,
      creditLimit: limit,
      segment: CustomerSegment.WHOLESALE,
      addresses: [{ kind: AddressKind.SHIPPING, line1: `${i} Dock Road`, city: 'Hamburg', postalCode: '20457', country: 'DE', region: null, line2: null }],
    }));
    expect(await service().upsertMany(items)).toMatchObject({ created: 30, updated: 0, unchanged: 0 });
    expect(await service().upsertMany(items)).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
    items[5] = { ...items[5], status: CustomerStatus.SUSPENDED };
    const third = await service().upsertMany(items);
    expect(third).toMatchObject({ updated: 1, unchanged: 29 });
    expect((await db.em().findOneOrFail(Customer, { code: 'UC-5' })).status).toBe(CustomerStatus.SUSPENDED);
  });

  test('a batch of 500 is a fixed handful of statements; a failure in the middle fails alone', async () => {
    const items: UpsertCustomerInput[] = Array.from({ length: 500 }, (_, i) => ({
      code: `BULK-${String(i).padStart(3, '0')}`,
      name: `Bulk ${i}`,
      email: `Bulk${i}@Example.com`,
      creditLimit: limit,
      location: { lat: 50 + i / 1000, lng: 8 },
      addresses: [{ kind: AddressKind.BILLING, line1: `${i} Main St`, city: 'Frankfurt', postalCode: '60311', country: 'de' }],
    }));
    items[250] = { ...items[250], creditLimit: { amount: '1.001', currency: 'EUR' } };
    const before = db.database.statementCount;
    const first = await service().upsertMany(items);
    // begin, existing customers, insert customers, insert history, commit
    expect(db.database.statementCount - before).toBeLessThanOrEqual(5);
    expect(first).toMatchObject({ created: 499, failed: 1 });
    expect(first.items[250]).toMatchObject({ index: 250, key: 'BULK-250', outcome: 'FAILED', node: null, error: expect.stringMatching(/items\.250\.creditLimit\.amount/) });
    expect(first.items[251].node).toMatchObject({ code: 'BULK-251', email: 'bulk251@example.com', creditLimit: { amount: '5000.00', currency: 'EUR' }, location: { lat: 50.251, lng: 8 } });
    const stored = await db.em().findOneOrFail(Customer, { code: 'BULK-251' });
    expect(stored).toMatchObject({ id: first.items[251].node!.id, status: CustomerStatus.ACTIVE, addresses: [{ country: 'DE', line2: null, region: null }] });
    expect(await db.em().count(Customer, { code: 'BULK-250' })).toBe(0);

    const second = items.map((item) => ({ ...item }));
    second[250] = { ...second[250], creditLimit: limit };
    second[3] = { ...second[3], status: CustomerStatus.ARCHIVED };
    const mid = db.database.statementCount;
    const again = await service().upsertMany(second);
    expect(db.database.statementCount - mid).toBeLessThanOrEqual(6);
    expect(again).toMatchObject({ created: 1, updated: 1, unchanged: 498, failed: 0 });
    const archived = await db.em().findOneOrFail(Customer, { code: 'BULK-003' });
    const moves = await db.em().find(CustomerStatusChange, { customerId: archived.id }, { orderBy: { id: 'asc' } });
    expect(moves.map((m) => [m.from, m.to, m.reason])).toEqual([[null, 'ACTIVE', null], ['ACTIVE', 'ARCHIVED', 'bulk upsert']]);
    second[3] = { ...second[3], status: CustomerStatus.ACTIVE };
    const third = await service().upsertMany(second);
    expect(third.items[3]).toMatchObject({ outcome: 'FAILED', error: expect.stringMatching(/ARCHIVED/) });
    expect(third).toMatchObject({ unchanged: 499, failed: 1 });
  });

  test('search filters by segment and text; email matches only when allowed', async () => {
    await service().create({ code: 'CS-FIND', name: 'Findable GmbH', email: 'secret@hidden.example', creditLimit: limit, segment: CustomerSegment.KEY_ACCOUNT });
    const byText = await service().search({ text: 'findable' }, CustomerSort.NAME_ASC, { first: 10 }, false);
    expect(byText.edges.map((e) => e.node.code)).toEqual(['CS-FIND']);
    expect((await service().search({ text: 'hidden.example' }, CustomerSort.NAME_ASC, { first: 10 }, false)).edges).toHaveLength(0);
    expect((await service().search({ text: 'hidden.example' }, CustomerSort.NAME_ASC, { first: 10 }, true)).edges).toHaveLength(1);
    const keyAccounts = await service().search({ segment: [CustomerSegment.KEY_ACCOUNT] }, CustomerSort.CODE_ASC, { first: 10 }, false);
    expect(keyAccounts.edges.map((e) => e.node.code)).toEqual(['CS-FIND']);
  });
});
