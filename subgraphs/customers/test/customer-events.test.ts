import { CUSTOMER_FIELD_GROUPS, CustomerEvent, OutboxEvent, type AuditSource, type CustomerChangedPayload } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { CustomerStatus } from '../src/entities';
import { CustomerService } from '../src/services/customers';
import { customersSubgraph } from '../src/subgraph';

/**
 * Every write path of a customer writes its `customer.*` event in the write's own transaction:
 * a write that fails (here: a check constraint the test adds, which fails the statement after
 * the service did all its work) leaves neither the change nor an event behind.
 */
let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(customersSubgraph);
  await db.em().getConnection().execute(`alter table customers.customer add constraint test_refuse_explode check (name <> 'EXPLODE')`);
});
afterAll(() => db?.close());

const limit = { amount: '5000', currency: 'EUR' };
const tester: AuditSource = { caller: { subject: 'tester', roles: ['MANAGER'], scopes: [] }, requestId: null };
const service = () => new CustomerService(db.em(), tester);
const eventsOf = async (customerId: string) =>
  (await db.em().find(OutboxEvent, { entity: 'Customer', entityId: customerId }, { orderBy: { sequence: 'asc' } })).map((e) => ({ type: e.type, version: e.version, payload: e.payload as CustomerChangedPayload }));
const eventCount = async () => db.em().count(OutboxEvent, { entity: 'Customer' });

describe('customer events', () => {
  test('create, update and a status move write one event each, with the customer after the change and a version that increases', async () => {
    const { id } = await service().create({ code: 'CEV-1', name: 'Acme', email: 'Buy@Acme.Example', creditLimit: limit });
    await service().update(id, { name: 'Acme GmbH', phone: '+49 30 1' });
    await service().update(id, { name: 'Acme GmbH' }); // nothing changes: no event
    await service().transition(id, CustomerStatus.SUSPENDED, 'overdue');
    const events = await eventsOf(id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      [CustomerEvent.CREATED, 1],
      [CustomerEvent.UPDATED, 2],
      [CustomerEvent.STATUS_CHANGED, 3],
    ]);
    expect(events[0].payload).toEqual({ customerId: id, code: 'CEV-1', status: 'ACTIVE', from: null, reason: null, changed: [...CUSTOMER_FIELD_GROUPS] });
    expect(events[1].payload).toEqual({ customerId: id, code: 'CEV-1', status: 'ACTIVE', from: 'ACTIVE', reason: null, changed: ['name', 'phone'] });
    expect(events[2].payload).toEqual({ customerId: id, code: 'CEV-1', status: 'SUSPENDED', from: 'ACTIVE', reason: 'overdue', changed: ['status'] });
  });

  test('no event keeps personal data: no email, phone, address or location value in any outbox row', async () => {
    const address = { kind: 'BILLING' as const, line1: 'Geheimweg 7', city: 'Musterstadt', postalCode: '12345', country: 'DE' };
    const { id } = await service().create({ code: 'CEV-PII', name: 'Private Person', email: 'private@person.example', phone: '+49 170 5550001', addresses: [address], location: { lat: 52.123456, lng: 13.654321 }, creditLimit: limit });
    await service().update(id, { email: 'other@person.example', phone: '+49 170 5550002', addresses: [{ ...address, line1: 'Anderweg 9' }] });
    await service().upsertMany([{ code: 'CEV-PII', name: 'Private Person', email: 'third@person.example', phone: '+49 170 5550003', addresses: [address], creditLimit: limit }]);
    const rows = await db.em().getConnection().execute<{ payload: unknown }[]>(`select payload from customers.outbox_event where entity = 'Customer' and entity_id = ? order by sequence`, [id]);
    expect(rows).toHaveLength(3);
    const text = JSON.stringify(rows);
    for (const secret of ['private@', 'other@', 'third@', '5550001', '5550002', '5550003', 'Geheimweg', 'Anderweg', 'Musterstadt', '12345', '52.12', '13.65', 'Private Person']) expect(text).not.toContain(secret);
    expect(rows.map((r) => (r.payload as CustomerChangedPayload).changed)).toEqual([[...CUSTOMER_FIELD_GROUPS], ['email', 'phone', 'addresses'], ['email', 'phone', 'addresses', 'location']]); // an upsert without a location clears it
  });

  test('a failed create, update or status move writes no event', async () => {
    const before = await eventCount();
    await expect(service().create({ code: 'CEV-BAD', name: 'EXPLODE', creditLimit: limit })).rejects.toThrow();
    const { id } = await service().create({ code: 'CEV-2', name: 'Beta', creditLimit: limit });
    await expect(service().update(id, { name: 'EXPLODE' })).rejects.toThrow();
    await expect(service().create({ code: 'CEV-2', name: 'Taken code', creditLimit: limit })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await service().transition(id, CustomerStatus.ARCHIVED, null);
    await expect(service().transition(id, CustomerStatus.ACTIVE, null)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    expect((await eventsOf(id)).map((e) => e.type)).toEqual([CustomerEvent.CREATED, CustomerEvent.STATUS_CHANGED]);
    expect(await eventCount()).toBe(before + 2);
  });

  test('a bulk upsert writes one event per created or updated customer in its transaction, none for the unchanged or failed', async () => {
    const first = await service().upsertMany([
      { code: 'CEVB-1', name: 'One', creditLimit: limit },
      { code: 'CEVB-2', name: 'Two', creditLimit: limit },
    ]);
    const [one, two] = first.items.map((i) => i.node!.id);
    const second = await service().upsertMany([
      { code: 'CEVB-1', name: 'One', creditLimit: limit }, // unchanged
      { code: 'CEVB-2', name: 'Two renamed', creditLimit: { amount: '7000', currency: 'EUR' }, status: CustomerStatus.SUSPENDED },
      { code: 'CEVB-3', name: 'Three', creditLimit: { amount: 'lots', currency: 'EUR' } }, // fails alone
    ]);
    expect(second.items.map((i) => i.outcome)).toEqual(['UNCHANGED', 'UPDATED', 'FAILED']);
    expect((await eventsOf(one)).map((e) => [e.type, e.version])).toEqual([[CustomerEvent.CREATED, 1]]);
    const twoEvents = await eventsOf(two);
    expect(twoEvents.map((e) => [e.type, e.version])).toEqual([[CustomerEvent.CREATED, 1], [CustomerEvent.STATUS_CHANGED, 2]]);
    expect(twoEvents[1].payload).toMatchObject({ changed: ['name', 'status', 'creditLimit'], status: 'SUSPENDED', from: 'ACTIVE', reason: 'bulk upsert' });
    const all = await db.em().find(OutboxEvent, { entity: 'Customer' });
    expect(all.filter((e) => (e.payload as CustomerChangedPayload).code === 'CEVB-3')).toHaveLength(0);

    // A batch whose write fails as a whole (one row breaks the constraint) leaves no event of any item.
    const before = await eventCount();
    await expect(service().upsertMany([
      { code: 'CEVB-1', name: 'One changed', creditLimit: limit },
      { code: 'CEVB-4', name: 'EXPLODE', creditLimit: limit },
    ])).rejects.toThrow();
    expect(await eventCount()).toBe(before);
    expect((await service().get(one)).name).toBe('One');
  });
  test('concurrent updates of one customer count its version one after the other', async () => {
    const { id } = await service().create({ code: 'CEV-RACE', name: 'Race', creditLimit: limit });
    await Promise.all([1, 2, 3, 4, 5].map((n) => service().update(id, { name: `Race ${n}` })));
    expect((await eventsOf(id)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await service().get(id)).version).toBe(6);
  });
});
