import { randomUUID } from 'node:crypto';
import { AUDIT_ENTITY, AUDIT_RECORDED, OutboxEvent, type AuditChange, type AuditRecordedPayload, type AuditSource } from '@tradegraph/kit';
import { openTestDatabase, type TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { AgentStatus, FieldAgent, VisitType } from '../src/entities';
import type { Access } from '../src/services/access';
import { AgentService } from '../src/services/agents';
import type { CustomerDirectory } from '../src/services/customer-directory';
import { VisitService } from '../src/services/visits';
import { fieldAgentSettingsOf } from '../src/settings';
import { fieldAgentsSubgraph } from '../src/subgraph';

/**
 * Every write of agents, territories and assignments writes one `audit.recorded` row into the
 * field-agents outbox in its own transaction: with the caller and request, the audited fields
 * that changed, and an agent's name and contact data withheld. Visits keep a status history and are not
 * audited.
 */
let db: TestSubgraphDatabase;
beforeAll(async () => {
  db = await openTestDatabase(fieldAgentsSubgraph);
});
afterAll(() => db?.close());

const ADMIN: Access = { all: true, agent: null, managedTerritoryIds: [], subject: 'admin-7' };
const source: AuditSource = { caller: { subject: 'admin-7', roles: ['ADMIN'], scopes: [] }, requestId: 'req-audit-1' };
const service = (access: Access = ADMIN, by: AuditSource = source) => new AgentService(db.em(), access, by);
const known = new Set<string>();
const directory: CustomerDirectory = { facts: (id) => Promise.resolve({ exists: known.has(id), location: null }) };
const newCustomer = () => {
  const id = randomUUID();
  known.add(id);
  return id;
};

async function auditRows(): Promise<AuditRecordedPayload[]> {
  const rows = await db.em().find(OutboxEvent, { type: AUDIT_RECORDED }, { orderBy: { sequence: 'asc' } });
  for (const row of rows) expect(row.entity).toBe(AUDIT_ENTITY);
  return rows.map((r) => r.payload as AuditRecordedPayload);
}
const entriesOf = async (entityId: string) => (await auditRows()).filter((p) => p.entityId === entityId);
const auditCount = async () => (await auditRows()).length;
const common = { actor: { subject: 'admin-7', role: 'ADMIN' }, requestId: 'req-audit-1', subgraph: 'field-agents' };

let codes = 0;
const newTerritory = (managerSubject: string | null = null) => service().createTerritory({ code: `AUD${++codes}`, name: `Audit ${codes}`, managerSubject });

describe('field-agents audit log', () => {
  test('createTerritory and updateTerritory write one entry each; the same values again write none', async () => {
    const territory = await newTerritory('manager-a');
    await service().updateTerritory(territory.id, { name: 'Renamed', managerSubject: null });
    await service().updateTerritory(territory.id, { name: 'Renamed', code: territory.code });
    expect(await entriesOf(territory.id)).toEqual([
      {
        ...common,
        entity: 'Territory',
        entityId: territory.id,
        action: 'created',
        changes: [
          { field: 'code', before: null, after: territory.code },
          { field: 'name', before: null, after: territory.name },
          { field: 'managerSubject', before: null, after: 'manager-a' },
        ],
      },
      {
        ...common,
        entity: 'Territory',
        entityId: territory.id,
        action: 'updated',
        changes: [
          { field: 'name', before: territory.name, after: 'Renamed' },
          { field: 'managerSubject', before: 'manager-a', after: null },
        ],
      },
    ]);
  });

  test('an agent\'s name, email, phone and plate are withheld as PERSONAL and their values are in no outbox row', async () => {
    const territory = await newTerritory();
    const other = await newTerritory();
    const agent = await service().createAgent({
      employeeId: 'AUD-E1',
      name: 'Anna Audit',
      email: 'Anna.Private@Example.test',
      phone: '+49 170 5551234',
      territoryId: territory.id,
      vehicle: { type: 'VAN', registration: 'B-AU 4711' },
      subject: 'agent-audit-1',
    });
    await service().updateAgent(agent.id, { email: 'anna.new@example.test', phone: '+49 170 5559876', vehicle: { type: 'VAN', registration: 'B-AU 4712' }, territoryId: other.id, status: AgentStatus.INACTIVE });
    await service().updateAgent(agent.id, { name: 'Anna Audit', email: 'ANNA.NEW@example.test', status: AgentStatus.INACTIVE }); // the same values: no entry

    const entries = await entriesOf(agent.id);
    expect(entries).toEqual([
      {
        ...common,
        entity: 'FieldAgent',
        entityId: agent.id,
        action: 'created',
        changes: [
          { field: 'employeeId', before: null, after: 'AUD-E1' },
          { field: 'name', before: null, after: null, withheld: 'PERSONAL' },
          { field: 'email', before: null, after: null, withheld: 'PERSONAL' },
          { field: 'phone', before: null, after: null, withheld: 'PERSONAL' },
          { field: 'territoryId', before: null, after: territory.id },
          { field: 'vehicleType', before: null, after: 'VAN' },
          { field: 'vehicleRegistration', before: null, after: null, withheld: 'PERSONAL' },
          { field: 'status', before: null, after: 'ACTIVE' },
          { field: 'subject', before: null, after: 'agent-audit-1' },
        ],
      },
      {
        ...common,
        entity: 'FieldAgent',
        entityId: agent.id,
        action: 'updated',
        changes: [
          { field: 'email', before: null, after: null, withheld: 'PERSONAL' },
          { field: 'phone', before: null, after: null, withheld: 'PERSONAL' },
          { field: 'territoryId', before: territory.id, after: other.id },
          { field: 'vehicleRegistration', before: null, after: null, withheld: 'PERSONAL' },
          { field: 'status', before: 'ACTIVE', after: 'INACTIVE' },
        ],
      },
    ]);
    const text = JSON.stringify(await db.em().getConnection().execute(`select payload from field_agents.outbox_event`));
    for (const personal of ['Anna Audit', 'anna.private', 'Anna.Private', 'anna.new', '5551234', '5559876', 'B-AU']) expect(text).not.toContain(personal);
  });

  test('assignCustomer audits the Customer\'s territory and agent before and after; the same assignment again writes none', async () => {
    const first = await newTerritory();
    const second = await newTerritory();
    const agent = await service().createAgent({ employeeId: 'AUD-E2', name: 'Bert', email: 'bert@example.test', territoryId: second.id });
    const customerId = newCustomer();
    await service().assignCustomer(customerId, first.id, null, directory);
    await service().assignCustomer(customerId, second.id, agent.id, directory);
    await service().assignCustomer(customerId, second.id, agent.id, directory);
    expect(await entriesOf(customerId)).toEqual([
      {
        ...common,
        entity: 'Customer',
        entityId: customerId,
        action: 'assigned',
        changes: [{ field: 'territoryId', before: null, after: first.id }], // agentId stays null: not a change
      },
      {
        ...common,
        entity: 'Customer',
        entityId: customerId,
        action: 'assigned',
        changes: [
          { field: 'territoryId', before: first.id, after: second.id },
          { field: 'agentId', before: null, after: agent.id },
        ],
      },
    ]);
  });

  test('the actor is the caller\'s highest role; a MANAGER changing its own agent is recorded as MANAGER', async () => {
    const territory = await newTerritory('manager-m');
    const agent = await service().createAgent({ employeeId: 'AUD-E3', name: 'Carl', email: 'carl@example.test', territoryId: territory.id });
    const manager: Access = { all: false, agent: null, managedTerritoryIds: [territory.id], subject: 'manager-m' };
    await service(manager, { caller: { subject: 'manager-m', roles: ['AGENT', 'MANAGER'], scopes: [] }, requestId: 'req-m' }).updateAgent(agent.id, { name: 'Carla' });
    const [, updated] = await entriesOf(agent.id);
    expect(updated).toMatchObject({ actor: { subject: 'manager-m', role: 'MANAGER' }, requestId: 'req-m', changes: [{ field: 'name', before: null, after: null, withheld: 'PERSONAL' }] });
  });

  test('a failed write leaves no entry: conflicts, refusals, unknown customers, agents of another territory', async () => {
    const territory = await newTerritory();
    const other = await newTerritory();
    const agent = await service().createAgent({ employeeId: 'AUD-E4', name: 'Dora', email: 'dora@example.test', territoryId: territory.id });
    await service().createAgent({ employeeId: 'AUD-E5', name: 'Emil', email: 'emil@example.test', territoryId: territory.id });
    const before = await auditCount();

    await expect(service().createTerritory({ code: territory.code, name: 'Duplicate' })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(service().updateTerritory(other.id, { code: territory.code, name: 'Taken code' })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(service().createAgent({ employeeId: 'AUD-E4', name: 'Twin', email: 'twin@example.test', territoryId: territory.id })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(service().updateAgent(agent.id, { employeeId: 'AUD-E5', name: 'Renamed too' })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    const stranger: Access = { all: false, agent: null, managedTerritoryIds: [other.id], subject: 'manager-x' };
    await expect(service(stranger).updateAgent(agent.id, { name: 'Not yours' })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(service().assignCustomer(randomUUID(), territory.id, null, directory)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(service().assignCustomer(newCustomer(), other.id, agent.id, directory)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const theirs = newCustomer();
    await service().assignCustomer(theirs, territory.id, null, directory);
    const afterAssign = await auditCount();
    await expect(service(stranger).assignCustomer(theirs, other.id, null, directory)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    expect(afterAssign).toBe(before + 1);
    expect(await auditCount()).toBe(afterAssign);
    expect((await db.em().findOneOrFail(FieldAgent, { id: agent.id })).employeeId).toBe('AUD-E4');
  });

  test('visits are not audited: their status history is the ledger', async () => {
    const territory = await newTerritory();
    const agent = await service().createAgent({ employeeId: 'AUD-E6', name: 'Fritz', email: 'fritz@example.test', territoryId: territory.id });
    const customerId = newCustomer();
    await service().assignCustomer(customerId, territory.id, agent.id, directory);
    const before = await auditCount();
    const visits = () => new VisitService(db.em(), ADMIN, fieldAgentSettingsOf(undefined));
    const planned = await visits().plan({ agentId: agent.id, customerId, type: VisitType.SALES, scheduledAt: new Date(Date.now() + 3_600_000) });
    await visits().start(planned.id, { lat: 52.5, lng: 13.4 }, directory);
    await visits().complete(planned.id, { checkOut: { lat: 52.5, lng: 13.4 }, outcome: 'done' });
    const cancelled = await visits().plan({ agentId: agent.id, customerId, type: VisitType.SALES, scheduledAt: new Date(Date.now() + 7_200_000) });
    await visits().cancel(cancelled.id, 'rain');
    expect(await auditCount()).toBe(before);
  });

  describe('concurrent writes of one record: one entry each, whose befores chain in the order they committed', () => {
    /** Each `before` is the `after` of the entry committed just before it; the first starts from `original`. */
    function expectChain(changes: (AuditChange | undefined)[], original: unknown, afters: unknown[]) {
      expect(changes.map((c) => c?.after).sort()).toEqual([...afters].sort());
      expect(changes.map((c) => c?.before)).toEqual([original, ...changes.slice(0, -1).map((c) => c?.after)]);
    }
    const N = 6;
    const field = (name: string) => (entry: AuditRecordedPayload) => entry.changes.find((c) => c.field === name);

    test('updateTerritory', async () => {
      const territory = await newTerritory();
      const names = Array.from({ length: N }, (_, i) => `Race ${codes}-${i}`);
      await Promise.all(names.map((name) => service().updateTerritory(territory.id, { name })));
      const updates = (await entriesOf(territory.id)).filter((e) => e.action === 'updated');
      expectChain(updates.map(field('name')), territory.name, names);
    });

    test('updateAgent', async () => {
      const territory = await newTerritory();
      const agent = await service().createAgent({ employeeId: 'AUD-RACE', name: 'Racer', email: 'racer@example.test', territoryId: territory.id });
      const ids = Array.from({ length: N }, (_, i) => `AUD-RACE-${i}`);
      await Promise.all(ids.map((employeeId) => service().updateAgent(agent.id, { employeeId })));
      const updates = (await entriesOf(agent.id)).filter((e) => e.action === 'updated');
      expectChain(updates.map(field('employeeId')), 'AUD-RACE', ids);
    });

    test('assignCustomer, the first assignments included: only one starts from no assignment', async () => {
      const territory = await newTerritory();
      const agents = await Promise.all(Array.from({ length: N }, (_, i) => service().createAgent({ employeeId: `AUD-AS-${i}`, name: `Assignee ${i}`, email: `assignee${i}@example.test`, territoryId: territory.id })));
      const customerId = newCustomer();
      await Promise.all(agents.map((agent) => service().assignCustomer(customerId, territory.id, agent.id, directory)));
      const entries = await entriesOf(customerId);
      expect(entries.filter((e) => e.changes.some((c) => c.field === 'territoryId' && c.before === null))).toHaveLength(1);
      expectChain(entries.map(field('agentId')), null, agents.map((a) => a.id));
    });
  });
});
