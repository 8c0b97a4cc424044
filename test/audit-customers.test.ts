/**
 * The audit log of customers and inventory, through the gateway: each change made through the
 * API is stored once in the audit subgraph (ADMIN's auditLog) with its actor, its request and
 * its values, except personal data, which is recorded as changed and withheld. Stock movements
 * are the ledger's and leave no entry. Real subgraphs, real PostgreSQL, the stack's bus.
 */
import { randomUUID } from 'node:crypto';
import { CreateCustomerDocument, CreateWarehouseDocument, ReceiveStockDocument, SuspendCustomerDocument } from '../operations/__generated__/graphql';
import { auditEntries, type AuditEntryNode } from './support/audit';
import { executeOk, postGraphQL } from './support/client';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let manager: string;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'customers', 'inventory', 'audit'] });
  manager = await stack.token('MANAGER', ['customers:pii'], 'audit-manager');
});
afterAll(() => stack?.stop());

/** Sends a mutation (no typed document exists for it in operations/) as the manager under request id `requestId`. */
async function mutate<T>(query: string, variables: Record<string, unknown>, requestId = randomUUID()): Promise<T> {
  const result = await postGraphQL<T>(stack.gatewayUrl, query, variables, { token: manager, headers: { 'x-request-id': requestId } });
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const UPDATE_CUSTOMER = `mutation ($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }`;
const byAction = (entries: AuditEntryNode[], action: string) => entries.filter((e) => e.action === action);

describe('customers in the audit log', () => {
  test('a credit limit change is logged once with its values, actor and request; an email change is logged withheld, without values', async () => {
    const requests = { create: randomUUID(), credit: randomUUID(), email: randomUUID(), suspend: randomUUID() };
    const { createCustomer } = await executeOk(
      stack.gatewayUrl,
      CreateCustomerDocument,
      { input: { code: unique('AUD'), name: 'Audit Trading', email: 'first.person@audit.example', creditLimit: { amount: '5000', currency: 'EUR' } } },
      { token: manager, headers: { 'x-request-id': requests.create } },
    );
    const id = createCustomer.id;
    await mutate(UPDATE_CUSTOMER, { id, input: { creditLimit: { amount: '7500', currency: 'EUR' } } }, requests.credit);
    await mutate(UPDATE_CUSTOMER, { id, input: { creditLimit: { amount: '7500.00', currency: 'EUR' } } }); // the same limit: no entry
    await mutate(UPDATE_CUSTOMER, { id, input: { email: 'second.person@audit.example' } }, requests.email);
    await executeOk(stack.gatewayUrl, SuspendCustomerDocument, { id, reason: 'overdue invoices' }, { token: manager, headers: { 'x-request-id': requests.suspend } });

    const entries = await auditEntries(stack, { entity: 'Customer', entityId: id }, 4);
    expect(entries.map((e) => [e.action, e.requestId])).toEqual([
      ['status_changed', requests.suspend],
      ['updated', requests.email],
      ['updated', requests.credit],
      ['created', requests.create],
    ]);
    expect(entries.every((e) => e.subgraph === 'customers' && e.actor.subject === 'audit-manager' && e.actor.role === 'MANAGER')).toBe(true);

    const creditChanges = entries.flatMap((e) => e.changes.filter((c) => c.field === 'creditLimit' && c.before !== null).map((c) => ({ ...c, requestId: e.requestId })));
    expect(creditChanges).toEqual([
      { field: 'creditLimit', before: { amount: '5000.00', currency: 'EUR' }, after: { amount: '7500.00', currency: 'EUR' }, withheld: null, requestId: requests.credit },
    ]);
    expect(entries[1].changes).toEqual([{ field: 'email', before: null, after: null, withheld: 'PERSONAL' }]);
    expect(entries[0].changes).toEqual([
      { field: 'status', before: 'ACTIVE', after: 'SUSPENDED', withheld: null },
      { field: 'reason', before: null, after: 'overdue invoices', withheld: null },
    ]);
    expect(byAction(entries, 'created')[0].changes).toContainEqual({ field: 'name', before: null, after: null, withheld: 'PERSONAL' });
    const text = JSON.stringify(entries);
    for (const personal of ['first.person', 'second.person', 'audit.example', 'Audit Trading']) expect(text).not.toContain(personal);

    // The actor filter finds the same entries.
    expect((await auditEntries(stack, { actor: 'audit-manager', entityId: id }, 4)).map((e) => e.id)).toEqual(entries.map((e) => e.id));
  });

  test('upsertCustomers logs the created and changed customers only', async () => {
    const codes = [unique('AUDB'), unique('AUDB')];
    const UPSERT = `mutation ($items: [UpsertCustomerInput!]!) { upsertCustomers(items: $items) { items { outcome customer { id } } } }`;
    type Upserted = { upsertCustomers: { items: { outcome: string; customer: { id: string } | null }[] } };
    const item = (code: string, amount: string) => ({ code, name: `Bulk ${code}`, creditLimit: { amount, currency: 'EUR' } });
    const first = await mutate<Upserted>(UPSERT, { items: codes.map((code) => item(code, '100')) });
    const [one, two] = first.upsertCustomers.items.map((i) => i.customer!.id);
    const requestId = randomUUID();
    const second = await mutate<Upserted>(UPSERT, { items: [item(codes[0], '100'), item(codes[1], '250')] }, requestId);
    expect(second.upsertCustomers.items.map((i) => i.outcome)).toEqual(['UNCHANGED', 'UPDATED']);

    expect((await auditEntries(stack, { entity: 'Customer', entityId: one }, 1)).map((e) => e.action)).toEqual(['created']);
    const [updated] = await auditEntries(stack, { entity: 'Customer', entityId: two }, 2);
    expect(updated).toMatchObject({ action: 'updated', requestId, changes: [{ field: 'creditLimit', before: { amount: '100.00', currency: 'EUR' }, after: { amount: '250.00', currency: 'EUR' } }] });
  });
});

describe('inventory in the audit log', () => {
  test('warehouse changes and stock policies are logged; stock movements are not', async () => {
    const code = unique('AW');
    const { createWarehouse } = await executeOk(stack.gatewayUrl, CreateWarehouseDocument, { input: { code, name: 'Audit warehouse', priority: 3 } }, { token: manager });
    const warehouseId = createWarehouse.id;
    const updateRequest = randomUUID();
    await mutate(`mutation ($id: ID!, $input: UpdateWarehouseInput!) { updateWarehouse(id: $id, input: $input) { id } }`, { id: warehouseId, input: { priority: 9, active: true } }, updateRequest);

    const productId = randomUUID();
    const { receiveStock } = await executeOk(stack.gatewayUrl, ReceiveStockDocument, { input: { productId, warehouseId, quantity: 20, reason: 'delivery' } }, { token: manager });
    const policyRequest = randomUUID();
    const SET_POLICY = `mutation ($input: StockPolicyInput!) { setStockPolicy(input: $input) { id } }`;
    await mutate(SET_POLICY, { input: { productId, warehouseId, safetyStock: 2, reorderPoint: 6 } }, policyRequest);
    await mutate(SET_POLICY, { input: { productId, warehouseId, safetyStock: 2, reorderPoint: 6 } }); // the same policy: no entry

    const warehouseEntries = await auditEntries(stack, { entity: 'Warehouse', entityId: warehouseId }, 2);
    expect(warehouseEntries.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(warehouseEntries[0]).toMatchObject({ requestId: updateRequest, subgraph: 'inventory', actor: { subject: 'audit-manager', role: 'MANAGER' } });
    expect(warehouseEntries[0].changes).toEqual([{ field: 'priority', before: 3, after: 9, withheld: null }]);

    // The receipt came first: had it been logged, the relay (in commit order) would have stored it by now.
    const levelEntries = await auditEntries(stack, { entityId: receiveStock.id }, 1);
    expect(levelEntries).toHaveLength(1);
    expect(levelEntries[0]).toMatchObject({
      entity: 'StockLevel',
      action: 'policy_set',
      requestId: policyRequest,
      changes: [
        { field: 'safetyStock', before: 0, after: 2, withheld: null },
        { field: 'reorderPoint', before: 0, after: 6, withheld: null },
      ],
    });
  });
});
