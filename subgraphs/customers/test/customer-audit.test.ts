import { AUDIT_RECORDED, type AuditRecordedPayload, type AuditSource } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { AddressKind, CustomerStatus } from '../src/entities';
import { CustomerService } from '../src/services/customers';
import { customersSubgraph } from '../src/subgraph';

/**
 * Every write path of a customer writes exactly one `audit.recorded` entry with its change, in
 * its transaction: none for a write that fails or changes nothing, and no personal value in any.
 */
let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(customersSubgraph);
  // fails the statement after the service did all its work: the write's transaction must roll back
  await db.em().getConnection().execute(`alter table customers.customer add constraint test_refuse_explode check (not (name = 'EXPLODE' and segment = 'DISTRIBUTOR'))`);
});
afterAll(() => db?.close());

const manager: AuditSource = { caller: { subject: 'mgr-7', roles: ['AGENT', 'MANAGER'], scopes: ['customers:pii'] }, requestId: 'req-audit-1' };
const service = () => new CustomerService(db.em(), manager);
const limit = { amount: '5000', currency: 'EUR' };
const address = { kind: AddressKind.BILLING, line1: 'Geheimweg 7', city: 'Musterstadt', postalCode: 'QX-99', country: 'DE' };

const auditsOf = async (customerId: string) =>
  (
    await db.em().getConnection().execute<{ type: string; entity: string; payload: AuditRecordedPayload }[]>(
      `select type, entity, payload from customers.outbox_event where type = ? and payload->>'entityId' = ? order by sequence`,
      [AUDIT_RECORDED, customerId],
    )
  ).map((row) => row.payload);
const auditCount = async () => Number((await db.em().getConnection().execute<{ n: string }[]>(`select count(*) as n from customers.outbox_event where type = ?`, [AUDIT_RECORDED]))[0].n);
const withheld = (field: string) => ({ field, before: null, after: null, withheld: 'PERSONAL' });

describe('customer audit entries', () => {
  test('createCustomer: one entry with the values kept, personal fields withheld, the actor and the request', async () => {
    const { id } = await service().create({ code: 'AUD-1', name: 'Acme', email: 'buy@acme.example', creditLimit: limit, location: { lat: 52.5, lng: 13.4 } });
    const rows = await db.em().getConnection().execute<{ entity: string; entity_id: string; version: number }[]>(
      `select entity, entity_id, version from customers.outbox_event where type = ? and payload->>'entityId' = ?`,
      [AUDIT_RECORDED, id],
    );
    expect(rows.map((r) => [r.entity, r.version])).toEqual([['AuditEntry', 1]]);
    expect(rows[0].entity_id).not.toBe(id); // the entry's own id
    expect(await auditsOf(id)).toEqual([
      {
        entity: 'Customer',
        entityId: id,
        action: 'created',
        actor: { subject: 'mgr-7', role: 'MANAGER' },
        requestId: 'req-audit-1',
        subgraph: 'customers',
        changes: [
          { field: 'code', before: null, after: 'AUD-1' },
          withheld('name'),
          withheld('email'),
          withheld('location'),
          { field: 'segment', before: null, after: 'RETAIL' },
          { field: 'creditLimit', before: null, after: { amount: '5000.00', currency: 'EUR' } },
          { field: 'status', before: null, after: 'ACTIVE' },
        ],
      },
    ]);
  });

  test('updateCustomer: one entry with what changed; the same values again, or read back from jsonb, write none', async () => {
    const { id } = await service().create({ code: 'AUD-2', name: 'Beta', email: 'a@beta.example', addresses: [address], creditLimit: limit });
    await service().update(id, { creditLimit: { amount: '7500.5', currency: 'EUR' }, email: 'b@beta.example', segment: 'WHOLESALE' });
    await service().update(id, { creditLimit: { amount: '7500.50', currency: 'EUR' }, email: 'B@Beta.Example', addresses: [{ ...address }], name: 'Beta' });
    const [created, updated, ...rest] = await auditsOf(id);
    expect(created.action).toBe('created');
    expect(rest).toEqual([]);
    expect(updated).toMatchObject({ action: 'updated', actor: { subject: 'mgr-7', role: 'MANAGER' }, requestId: 'req-audit-1' });
    expect(updated.changes).toEqual([
      withheld('email'),
      { field: 'segment', before: 'RETAIL', after: 'WHOLESALE' },
      { field: 'creditLimit', before: { amount: '5000.00', currency: 'EUR' }, after: { amount: '7500.50', currency: 'EUR' } },
    ]);
    await service().update(id, { addresses: [], phone: '+49 30 123' });
    expect((await auditsOf(id))[2].changes).toEqual([withheld('phone'), withheld('addresses')]);
  });

  test('status moves: one entry each with the status and the reason given', async () => {
    const { id } = await service().create({ code: 'AUD-3', name: 'Gamma', creditLimit: limit });
    await service().transition(id, CustomerStatus.SUSPENDED, 'overdue invoices');
    await service().transition(id, CustomerStatus.ACTIVE, null);
    await service().transition(id, CustomerStatus.ARCHIVED, 'closed');
    const moves = (await auditsOf(id)).slice(1);
    expect(moves.map((m) => [m.action, m.changes])).toEqual([
      ['status_changed', [{ field: 'status', before: 'ACTIVE', after: 'SUSPENDED' }, { field: 'reason', before: null, after: 'overdue invoices' }]],
      ['status_changed', [{ field: 'status', before: 'SUSPENDED', after: 'ACTIVE' }]],
      ['status_changed', [{ field: 'status', before: 'ACTIVE', after: 'ARCHIVED' }, { field: 'reason', before: null, after: 'closed' }]],
    ]);
    expect(moves.every((m) => m.actor.subject === 'mgr-7' && m.requestId === 'req-audit-1')).toBe(true);
  });

  test('a failed or refused write leaves no entry', async () => {
    const { id } = await service().create({ code: 'AUD-4', name: 'EXPLODE', creditLimit: limit });
    const before = await auditCount();
    await expect(service().update(id, { segment: 'DISTRIBUTOR', creditLimit: { amount: '1', currency: 'EUR' } })).rejects.toThrow(); // the check constraint
    await expect(service().create({ code: 'AUD-4', name: 'Taken code', creditLimit: limit })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(service().update('00000000-0000-4000-8000-000000000000', { name: 'Nobody' })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(service().transition(id, CustomerStatus.ACTIVE, 'already')).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    expect(await auditCount()).toBe(before);
    expect((await service().get(id)).creditLimitMinor).toBe(500000);
  });

  test('upsertCustomers: an entry for each created or changed customer only, written with the batch or not at all', async () => {
    const first = await service().upsertMany([
      { code: 'AUDB-1', name: 'One', creditLimit: limit },
      { code: 'AUDB-2', name: 'Two', creditLimit: limit, addresses: [address] },
    ]);
    const [one, two] = first.items.map((i) => i.node!.id);
    expect((await auditsOf(one)).map((a) => [a.action, a.actor, a.requestId])).toEqual([['created', { subject: 'mgr-7', role: 'MANAGER' }, 'req-audit-1']]);
    expect((await auditsOf(two))[0].changes.map((c) => c.field)).toEqual(['code', 'name', 'addresses', 'segment', 'creditLimit', 'status']);

    const before = await auditCount();
    const second = await service().upsertMany([
      { code: 'AUDB-1', name: 'One', creditLimit: limit }, // unchanged
      { code: 'AUDB-2', name: 'Two', creditLimit: { amount: '9000', currency: 'EUR' }, addresses: [address], status: CustomerStatus.SUSPENDED },
      { code: 'AUDB-3', name: 'Three', creditLimit: { amount: 'lots', currency: 'EUR' } }, // fails alone
    ]);
    expect(second.items.map((i) => i.outcome)).toEqual(['UNCHANGED', 'UPDATED', 'FAILED']);
    expect(await auditCount()).toBe(before + 1);
    expect((await auditsOf(two))[1]).toMatchObject({
      action: 'status_changed',
      changes: [
        { field: 'creditLimit', before: { amount: '5000.00', currency: 'EUR' }, after: { amount: '9000.00', currency: 'EUR' } },
        { field: 'status', before: 'ACTIVE', after: 'SUSPENDED' },
        { field: 'reason', before: null, after: 'bulk upsert' },
      ],
    });

    // A batch whose write fails as a whole leaves no entry of any item.
    await expect(service().upsertMany([
      { code: 'AUDB-1', name: 'One', creditLimit: { amount: '1', currency: 'EUR' } },
      { code: 'AUDB-X', name: 'EXPLODE', segment: 'DISTRIBUTOR', creditLimit: limit },
    ])).rejects.toThrow();
    expect(await auditCount()).toBe(before + 1);
  });

  test('no outbox row holds a personal value: names, emails, phones, addresses and locations are withheld', async () => {
    const { id } = await service().create({ code: 'AUD-PII', name: 'Erika Mustermann', email: 'erika@private.example', phone: '+49 170 5550001', addresses: [address], location: { lat: 52.123456, lng: 13.654321 }, creditLimit: limit });
    await service().update(id, { name: 'Erika Musterfrau', email: 'e.m@private.example', phone: '+49 170 5550002', addresses: [{ ...address, line1: 'Anderweg 9' }], location: { lat: 48.987654, lng: 11.246813 } });
    await service().upsertMany([{ code: 'AUD-PII', name: 'Erika Privat', email: 'third@private.example', phone: '+49 170 5550003', addresses: [address], creditLimit: limit }]);
    const audits = await auditsOf(id);
    expect(audits).toHaveLength(3);
    expect(audits[1].changes).toEqual(['name', 'email', 'phone', 'addresses', 'location'].map(withheld));
    const text = JSON.stringify(await db.em().getConnection().execute(`select payload from customers.outbox_event`));
    for (const secret of ['Mustermann', 'Musterfrau', 'Erika', 'private.example', '5550001', '5550002', '5550003', 'Geheimweg', 'Anderweg', 'Musterstadt', 'QX-99', '52.12', '13.65', '48.98', '11.24']) {
      expect(text).not.toContain(secret);
    }
  });
});
