import { randomUUID } from 'node:crypto';
import { AUDIT_RECORDED, Role, type AuditRecordedPayload, type AuditSource } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { ReservationService } from '../src/services/reservations';
import { StockService } from '../src/services/stock';
import { WarehouseService } from '../src/services/warehouses';
import { inventorySubgraph } from '../src/subgraph';
import { execute, newProduct, warehouse } from './helpers';

/**
 * Warehouses and stock policies write exactly one `audit.recorded` entry per change, in the
 * change's transaction; stock movements write none (the movement ledger records them).
 */
let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(inventorySubgraph);
});
afterAll(() => db?.close());

const manager: AuditSource = { caller: { subject: 'mgr-3', roles: ['MANAGER'], scopes: [] }, requestId: 'req-inv-1' };
const audits = async (entityId?: string) =>
  (
    await db.em().getConnection().execute<{ entity: string; payload: AuditRecordedPayload }[]>(
      `select entity, payload from inventory.outbox_event where type = ? ${entityId ? `and payload->>'entityId' = ?` : ''} order by sequence`,
      entityId ? [AUDIT_RECORDED, entityId] : [AUDIT_RECORDED],
    )
  ).map((row) => ({ ...row.payload, outboxEntity: row.entity }));
const auditCount = async () => (await audits()).length;

const CREATE = `mutation ($input: CreateWarehouseInput!) { createWarehouse(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateWarehouseInput!) { updateWarehouse(id: $id, input: $input) { id } }`;

describe('warehouse audit entries', () => {
  test('createWarehouse and updateWarehouse through the schema: one entry each, with the caller and the request', async () => {
    const code = `AW-${process.pid}`;
    const created = await execute(db, [Role.ADMIN], CREATE, { input: { code, name: 'Audit North', priority: 5 } });
    expect(created.errors).toBeUndefined();
    const id = (created.data as { createWarehouse: { id: string } }).createWarehouse.id;
    const [entry] = await audits(id);
    expect(entry).toEqual({
      outboxEntity: 'AuditEntry',
      entity: 'Warehouse',
      entityId: id,
      action: 'created',
      actor: { subject: 'tester', role: 'ADMIN' },
      requestId: expect.any(String) as string,
      subgraph: 'inventory',
      changes: [
        { field: 'code', before: null, after: code },
        { field: 'name', before: null, after: 'Audit North' },
        { field: 'active', before: null, after: true },
        { field: 'priority', before: null, after: 5 },
      ],
    });

    expect((await execute(db, [Role.MANAGER], UPDATE, { id, input: { active: false, priority: 7, name: 'Audit North', address: 'Dock 4' } })).errors).toBeUndefined();
    expect((await execute(db, [Role.MANAGER], UPDATE, { id, input: { active: false, priority: 7 } })).errors).toBeUndefined(); // same values: no entry
    const entries = await audits(id);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      action: 'updated',
      actor: { subject: 'tester', role: 'MANAGER' },
      changes: [
        { field: 'address', before: null, after: 'Dock 4' },
        { field: 'active', before: true, after: false },
        { field: 'priority', before: 5, after: 7 },
      ],
    });
    expect(entries[1].requestId).not.toBe(entries[0].requestId);
  });

  test('a refused or failed warehouse write leaves no entry', async () => {
    const [a, b] = [await warehouse(db, 1), await warehouse(db, 2)];
    const before = await auditCount();
    const service = new WarehouseService(db.em(), manager);
    await expect(service.update(b.id, { code: a.code })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(new WarehouseService(db.em(), manager).create({ code: a.code, name: 'Twice' })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(new WarehouseService(db.em(), manager).update(randomUUID(), { priority: 1 })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect((await execute(db, [Role.AGENT], UPDATE, { id: a.id, input: { priority: 9 } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await auditCount()).toBe(before);
  });
  test('concurrent updates of one warehouse: one entry each, and their befores chain (each is another\'s after, one is the original)', async () => {
    const w = await warehouse(db, 1);
    const original = w.name;
    const names = Array.from({ length: 8 }, (_, i) => `Chain ${process.pid}-${i}`);
    await Promise.all(names.map((name) => new WarehouseService(db.em(), manager).update(w.id, { name })));
    const changes = (await audits(w.id)).filter((entry) => entry.action === 'updated').map((entry) => entry.changes.find((c) => c.field === 'name'));
    const befores = changes.map((change) => change?.before);
    expect(changes.map((change) => change?.after).sort()).toEqual([...names].sort());
    // A chain: every before is distinct, exactly one is the original and the others are afters.
    expect(new Set(befores).size).toBe(names.length);
    expect(befores.filter((before) => before === original)).toHaveLength(1);
    expect(befores.filter((before) => before !== original).every((before) => names.includes(before as string))).toBe(true);
  });
});

describe('stock policy audit entries', () => {
  test('setStockPolicy: one entry on the level with what changed; the same policy again writes none', async () => {
    const w = await warehouse(db, 1);
    const productId = newProduct();
    const stock = new StockService(db.em(), manager);
    const level = await stock.setPolicy({ productId, warehouseId: w.id, safetyStock: 3, reorderPoint: 10 });
    await new StockService(db.em(), manager).setPolicy({ productId, warehouseId: w.id, safetyStock: 3, reorderPoint: 10 });
    await new StockService(db.em(), manager).setPolicy({ productId, warehouseId: w.id, safetyStock: 3, reorderPoint: 4 });
    expect(await audits(level.id)).toEqual([
      {
        outboxEntity: 'AuditEntry',
        entity: 'StockLevel',
        entityId: level.id,
        action: 'policy_set',
        actor: { subject: 'mgr-3', role: 'MANAGER' },
        requestId: 'req-inv-1',
        subgraph: 'inventory',
        changes: [
          { field: 'safetyStock', before: 0, after: 3 },
          { field: 'reorderPoint', before: 0, after: 10 },
        ],
      },
      expect.objectContaining({ changes: [{ field: 'reorderPoint', before: 10, after: 4 }] }),
    ]);
  });

  test('a refused policy leaves no entry; stock movements, which the ledger records, leave none either', async () => {
    const [w, other, closed] = [await warehouse(db, 1), await warehouse(db, 2), await warehouse(db, 3, false)];
    const productId = newProduct();
    const before = await auditCount();
    const stock = () => new StockService(db.em(), manager);
    await expect(stock().setPolicy({ productId, warehouseId: closed.id, safetyStock: 1, reorderPoint: 1 })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(stock().setPolicy({ productId, warehouseId: w.id, safetyStock: -1, reorderPoint: 1 })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });

    await stock().receive({ productId, warehouseId: w.id, quantity: 10 });
    await stock().adjust({ productId, warehouseId: w.id, delta: -1, reason: 'broken' });
    await stock().transfer({ productId, fromWarehouseId: w.id, toWarehouseId: other.id, quantity: 2 });
    await stock().setLevels([{ productId, warehouseCode: w.code, onHand: 5 }]);
    const reservations = new ReservationService(db.em(), 'service:orders');
    const orderId = randomUUID();
    await reservations.reserve(orderId, [{ productId, quantity: 1 }], 1);
    await new ReservationService(db.em(), 'service:orders').release(orderId);
    expect(await auditCount()).toBe(before);
  });
});
