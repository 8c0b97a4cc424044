/**
 * The audit log of field-agents and partners, through the gateway: what an ADMIN reads in
 * `auditLog` after territories, agents, assignments, partners and API keys change — who did
 * it, in which request, which fields moved — without an agent's name and contact data or a key's
 * secret, and with nothing for changes that changed nothing, failed, or have a ledger of their own.
 */
import {
  AssignCustomerDocument,
  CreateAgentDocument,
  CreateApiKeyDocument,
  CreatePartnerDocument,
  CreateTerritoryDocument,
  PlanVisitDocument,
  RevokeApiKeyDocument,
  RotateApiKeyDocument,
  UpdateAgentDocument,
  UpdatePartnerDocument,
  UpdateTerritoryDocument,
} from '../operations/__generated__/graphql';
import { auditEntries, type AuditEntryNode } from './support/audit';
import { execute, executeOk } from './support/client';
import { createCustomer } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
let admin: string;
const ADMIN_SUBJECT = `audit-admin-${process.pid}`;
const byAdmin = (requestId: string) => ({ token: admin, headers: { 'x-request-id': requestId } });
const actor = { subject: ADMIN_SUBJECT, role: 'ADMIN' };

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['customers', 'field-agents', 'partners', 'audit'] });
  admin = await stack.token('ADMIN', [], ADMIN_SUBJECT);
}, 60_000);
afterAll(() => stack?.stop());

/** An entry as compared here: everything but its own id and times. */
const shape = ({ id: _id, occurredAt: _at, recordedAt: _recorded, ...entry }: AuditEntryNode) => entry;

describe('field-agents changes in the audit log', () => {
  test('territories, agents and customer assignments: one entry per change, newest first, name and contact data withheld', async () => {
    const code = `AUD${process.pid}`;
    const { createTerritory } = await executeOk(stack.gatewayUrl, CreateTerritoryDocument, { input: { code, name: 'Audit North' } }, byAdmin('req-fa-1'));
    const territoryId = createTerritory.id;
    await executeOk(stack.gatewayUrl, UpdateTerritoryDocument, { id: territoryId, input: { name: 'Audit North-East', managerSubject: 'manager-audit' } }, byAdmin('req-fa-2'));
    await executeOk(stack.gatewayUrl, UpdateTerritoryDocument, { id: territoryId, input: { name: 'Audit North-East' } }, byAdmin('req-fa-noop')); // the same values
    const duplicate = await execute(stack.gatewayUrl, CreateTerritoryDocument, { input: { code, name: 'Duplicate' } }, byAdmin('req-fa-failed'));
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const { createAgent } = await executeOk(
      stack.gatewayUrl,
      CreateAgentDocument,
      { input: { employeeId: `AUD-${process.pid}`, name: 'Alma Audit', email: 'alma.private@example.test', phone: '+49 170 5550042', territoryId, vehicle: { type: 'CAR', registration: 'B-AL 42' } } },
      byAdmin('req-fa-3'),
    );
    const agentId = createAgent.id;
    const manager = await stack.token('MANAGER', [], 'manager-audit');
    await executeOk(stack.gatewayUrl, UpdateAgentDocument, { id: agentId, input: { phone: '+49 170 5550043', name: 'Alma Audit-Berg' } }, { token: manager, headers: { 'x-request-id': 'req-fa-4' } });

    const customerId = await createCustomer(stack, await stack.token('ADMIN', [], 'customer-maker'));
    const assign = (agent: string | null, requestId: string) => executeOk(stack.gatewayUrl, AssignCustomerDocument, { customerId, territoryId, agentId: agent }, byAdmin(requestId));
    await assign(null, 'req-fa-5');
    await assign(agentId, 'req-fa-6');
    await assign(agentId, 'req-fa-noop'); // the same assignment
    // A visit has its status history instead; planned before the last audited change, so an entry
    // for it would be in the log by the time that change's entry is.
    await executeOk(stack.gatewayUrl, PlanVisitDocument, { input: { agentId, customerId, type: 'SALES', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() } }, byAdmin('req-fa-visit'));
    await executeOk(stack.gatewayUrl, UpdateAgentDocument, { id: agentId, input: { status: 'INACTIVE' } }, byAdmin('req-fa-7'));

    const territory = await auditEntries(stack, { entity: 'Territory', entityId: territoryId }, 2);
    expect(territory.map(shape)).toEqual([
      {
        entity: 'Territory', entityId: territoryId, action: 'updated', actor, requestId: 'req-fa-2', subgraph: 'field-agents',
        changes: [
          { field: 'name', before: 'Audit North', after: 'Audit North-East', withheld: null },
          { field: 'managerSubject', before: null, after: 'manager-audit', withheld: null },
        ],
      },
      {
        entity: 'Territory', entityId: territoryId, action: 'created', actor, requestId: 'req-fa-1', subgraph: 'field-agents',
        changes: [
          { field: 'code', before: null, after: code, withheld: null },
          { field: 'name', before: null, after: 'Audit North', withheld: null },
        ],
      },
    ]);

    const agent = await auditEntries(stack, { entity: 'FieldAgent', entityId: agentId }, 3);
    expect(agent.map((e) => [e.action, e.requestId, e.actor])).toEqual([
      ['updated', 'req-fa-7', actor],
      ['updated', 'req-fa-4', { subject: 'manager-audit', role: 'MANAGER' }],
      ['created', 'req-fa-3', actor],
    ]);
    expect(agent[0].changes).toEqual([{ field: 'status', before: 'ACTIVE', after: 'INACTIVE', withheld: null }]);
    expect(agent[1].changes).toEqual([
      { field: 'name', before: null, after: null, withheld: 'PERSONAL' },
      { field: 'phone', before: null, after: null, withheld: 'PERSONAL' },
    ]);
    expect(agent[2].changes.filter((c) => c.withheld).map((c) => c.field)).toEqual(['name', 'email', 'phone', 'vehicleRegistration']);
    const text = JSON.stringify(agent);
    for (const personal of ['Alma Audit', 'alma.private', '5550042', '5550043', 'B-AL']) expect(text).not.toContain(personal);

    const assignments = await auditEntries(stack, { entity: 'Customer', entityId: customerId, actor: ADMIN_SUBJECT }, 2);
    expect(assignments.map(shape)).toEqual([
      {
        entity: 'Customer', entityId: customerId, action: 'assigned', actor, requestId: 'req-fa-6', subgraph: 'field-agents',
        changes: [{ field: 'agentId', before: null, after: agentId, withheld: null }],
      },
      {
        entity: 'Customer', entityId: customerId, action: 'assigned', actor, requestId: 'req-fa-5', subgraph: 'field-agents',
        changes: [{ field: 'territoryId', before: null, after: territoryId, withheld: null }],
      },
    ]);
    expect(await auditEntries(stack, { entity: 'Visit' }, 0)).toEqual([]);
    expect([...territory, ...agent, ...assignments].map((e) => e.requestId)).not.toContain('req-fa-noop');
  });
});

describe('partners changes in the audit log', () => {
  test('partners and API keys: one entry per changed record, status moves included, never a secret', async () => {
    const { createPartner } = await executeOk(stack.gatewayUrl, CreatePartnerDocument, { input: { name: 'Audit Partner', costPerMinute: 500 } }, byAdmin('req-p-1'));
    const partnerId = createPartner.id;
    await executeOk(stack.gatewayUrl, UpdatePartnerDocument, { id: partnerId, input: { name: 'Audit Partner AG', status: 'SUSPENDED' } }, byAdmin('req-p-2'));
    await executeOk(stack.gatewayUrl, UpdatePartnerDocument, { id: partnerId, input: { status: 'ACTIVE' } }, byAdmin('req-p-status'));
    await executeOk(stack.gatewayUrl, UpdatePartnerDocument, { id: partnerId, input: { name: 'Audit Partner AG' } }, byAdmin('req-p-noop'));

    const { createApiKey } = await executeOk(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId, scopes: ['catalog:read'] } }, byAdmin('req-p-3'));
    const oldKey = createApiKey.apiKey;
    const { rotateApiKey } = await executeOk(stack.gatewayUrl, RotateApiKeyDocument, { id: oldKey.id, overlapSeconds: 60 }, byAdmin('req-p-4'));
    const newKey = rotateApiKey.apiKey;
    const { revokeApiKey } = await executeOk(stack.gatewayUrl, RevokeApiKeyDocument, { id: newKey.id }, byAdmin('req-p-5'));
    await executeOk(stack.gatewayUrl, RevokeApiKeyDocument, { id: newKey.id }, byAdmin('req-p-noop'));
    const dead = await execute(stack.gatewayUrl, RotateApiKeyDocument, { id: newKey.id, overlapSeconds: 60 }, byAdmin('req-p-failed'));
    expect(dead.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const partner = await auditEntries(stack, { entity: 'Partner', entityId: partnerId }, 3);
    expect(partner.map(shape)).toEqual([
      {
        entity: 'Partner', entityId: partnerId, action: 'updated', actor, requestId: 'req-p-status', subgraph: 'partners',
        changes: [{ field: 'status', before: 'SUSPENDED', after: 'ACTIVE', withheld: null }],
      },
      {
        entity: 'Partner', entityId: partnerId, action: 'updated', actor, requestId: 'req-p-2', subgraph: 'partners',
        changes: [
          { field: 'name', before: 'Audit Partner', after: 'Audit Partner AG', withheld: null },
          { field: 'status', before: 'ACTIVE', after: 'SUSPENDED', withheld: null },
        ],
      },
      {
        entity: 'Partner', entityId: partnerId, action: 'created', actor, requestId: 'req-p-1', subgraph: 'partners',
        changes: [
          { field: 'name', before: null, after: 'Audit Partner', withheld: null },
          { field: 'status', before: null, after: 'ACTIVE', withheld: null },
          { field: 'trustedDocumentsOnly', before: null, after: false, withheld: null },
          { field: 'costPerMinute', before: null, after: 500, withheld: null },
        ],
      },
    ]);

    const secret = { field: 'secretHash', before: null, after: null, withheld: 'SECRET' };
    const oldEntries = await auditEntries(stack, { entity: 'ApiKey', entityId: oldKey.id }, 2);
    expect(oldEntries.map(shape)).toEqual([
      {
        entity: 'ApiKey', entityId: oldKey.id, action: 'rotated', actor, requestId: 'req-p-4', subgraph: 'partners',
        changes: [
          { field: 'expiresAt', before: null, after: expect.any(String), withheld: null },
          { field: 'replacedBy', before: null, after: newKey.id, withheld: null },
        ],
      },
      {
        entity: 'ApiKey', entityId: oldKey.id, action: 'created', actor, requestId: 'req-p-3', subgraph: 'partners',
        changes: [
          { field: 'partnerId', before: null, after: partnerId, withheld: null },
          { field: 'prefix', before: null, after: oldKey.prefix, withheld: null },
          { field: 'scopes', before: null, after: ['catalog:read'], withheld: null },
          secret,
        ],
      },
    ]);
    expect(new Date(oldEntries[0].changes[0].after as string).getTime()).toBeLessThanOrEqual(Date.now() + 60_000);

    const newEntries = await auditEntries(stack, { entity: 'ApiKey', entityId: newKey.id }, 2);
    expect(newEntries.map((e) => [e.action, e.requestId])).toEqual([['revoked', 'req-p-5'], ['created', 'req-p-4']]);
    expect(newEntries[0].changes).toEqual([{ field: 'revokedAt', before: null, after: revokeApiKey.revokedAt, withheld: null }]);
    expect(newEntries[1].changes).toContainEqual({ field: 'rotatedFrom', before: null, after: oldKey.id, withheld: null });

    const all = await auditEntries(stack, { actor: ADMIN_SUBJECT, from: new Date(Date.now() - 600_000).toISOString() }, 0);
    const text = JSON.stringify(all);
    for (const key of [createApiKey.secret, rotateApiKey.secret]) expect(text).not.toContain(key.slice(13));
    const requests = all.map((e) => e.requestId);
    expect(requests).toEqual(expect.arrayContaining(['req-p-1', 'req-p-2', 'req-p-status', 'req-p-3', 'req-p-4', 'req-p-5']));
    for (const none of ['req-p-noop', 'req-p-failed']) expect(requests).not.toContain(none);
  });
});
