import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  advisoryLock,
  containsPattern,
  assertUuid,
  badInput,
  flushOrConflict,
  forbidden,
  findPage,
  notFound,
  type ConnectionPage,
  type KeysetSort,
  type PageArgs,
  findByIdOrNotFound,
  type AuditSource,
} from '@tradegraph/kit';
import { AgentStatus, CustomerAssignment, FieldAgent, Territory } from '../entities';
import type { AgentFilter, CreateAgentInput, CreateTerritoryInput, UpdateAgentInput, UpdateTerritoryInput } from '../inputs/agent-inputs';
import { agentScope, canSeeAgent, supervises, type Access } from './access';
import { agentAudit, agentSnapshot, assignmentAudit, assignmentSnapshot, audit, territoryAudit, territorySnapshot } from './audit';
import type { CustomerDirectory } from './customer-directory';

const BY_NAME: KeysetSort = { field: 'name', descending: false };
/** Read the row afresh and hold it to the end of the transaction: an audit's "before" is what this write replaces. */
const LOCKED = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;

/**
 * Territories, agents and which customers they look after. Territories are ADMIN's (and
 * SERVICE's) to change; a MANAGER may add and change agents and assign customers within the
 * territories it manages.
 */
export class AgentService {
  constructor(private readonly em: EntityManager, private readonly access: Access, private readonly source: AuditSource | null) {}

  async createTerritory(input: CreateTerritoryInput): Promise<Territory> {
    const territory = this.em.create(Territory, { code: input.code, name: input.name, managerSubject: input.managerSubject ?? null });
    audit(this.em, this.source, territoryAudit(null, territory));
    await flushOrConflict(this.em, `A territory with code "${input.code}" already exists`, 'code');
    return territory;
  }

  async updateTerritory(id: string, input: UpdateTerritoryInput): Promise<Territory> {
    assertUuid(id, 'id');
    return this.em.transactional(async (tx) => {
      const territory = await findByIdOrNotFound(tx, Territory, id, LOCKED);
      const before = territorySnapshot(territory);
      if (input.code != null) territory.code = input.code;
      if (input.name != null) territory.name = input.name;
      if (input.managerSubject !== undefined) territory.managerSubject = input.managerSubject ?? null;
      audit(tx, this.source, territoryAudit(before, territory));
      await flushOrConflict(tx, `A territory with code "${input.code}" already exists`, 'code');
      return territory;
    });
  }

  async createAgent(input: CreateAgentInput): Promise<FieldAgent> {
    await this.supervisedTerritory(this.em, input.territoryId, 'input.territoryId');
    const agent = this.em.create(FieldAgent, {
      employeeId: input.employeeId,
      name: input.name,
      email: input.email.toLowerCase(),
      phone: input.phone ?? null,
      territoryId: input.territoryId,
      vehicleType: input.vehicle?.type ?? null,
      vehicleRegistration: input.vehicle?.registration ?? null,
      status: input.status ?? AgentStatus.ACTIVE,
      subject: input.subject ?? null,
    });
    audit(this.em, this.source, agentAudit(null, agent));
    await flushOrConflict(this.em, 'An agent with this employeeId or subject already exists', 'employeeId');
    return agent;
  }

  async updateAgent(id: string, input: UpdateAgentInput): Promise<FieldAgent> {
    assertUuid(id, 'id');
    return this.em.transactional(async (tx) => {
      const agent = await tx.findOne(FieldAgent, { id }, LOCKED);
      if (!agent || !canSeeAgent(this.access, agent)) throw notFound('FieldAgent', id);
      if (!supervises(this.access, agent.territoryId)) throw forbidden('Only the manager of the agent\'s territory (or an admin) may change it');
      const before = agentSnapshot(agent);
      if (input.territoryId != null) agent.territoryId = (await this.supervisedTerritory(tx, input.territoryId, 'input.territoryId')).id;
      if (input.employeeId != null) agent.employeeId = input.employeeId;
      if (input.name != null) agent.name = input.name;
      if (input.email != null) agent.email = input.email.toLowerCase();
      if (input.phone !== undefined) agent.phone = input.phone ?? null;
      if (input.vehicle !== undefined) {
        agent.vehicleType = input.vehicle?.type ?? null;
        agent.vehicleRegistration = input.vehicle?.registration ?? null;
      }
      if (input.status != null) agent.status = input.status;
      if (input.subject !== undefined) agent.subject = input.subject ?? null;
      audit(tx, this.source, agentAudit(before, agent));
      await flushOrConflict(tx, 'An agent with this employeeId or subject already exists', 'employeeId');
      return agent;
    });
  }

  /**
   * Puts a customer (of the customers subgraph, checked through the gateway) in a territory
   * and, optionally, with one of its agents; replaces an earlier assignment.
   * @throws BAD_USER_INPUT for an unknown customer, or an agent of another territory
   */
  async assignCustomer(customerId: string, territoryId: string, agentId: string | null, directory: CustomerDirectory): Promise<CustomerAssignment> {
    assertUuid(customerId, 'customerId');
    const territory = await this.supervisedTerritory(this.em, territoryId, 'territoryId');
    if (agentId != null) {
      assertUuid(agentId, 'agentId');
      const agent = await this.em.findOne(FieldAgent, { id: agentId });
      if (!agent) throw badInput('agentId', `is not a known agent: ${agentId}`);
      if (agent.territoryId !== territory.id) throw badInput('agentId', `works territory ${agent.territoryId}, not ${territory.id}`);
    }
    if (!(await directory.facts(customerId)).exists) throw badInput('customerId', `is not a known customer: ${customerId}`);
    return this.em.transactional(async (tx) => {
      // A row lock cannot hold a customer who has no assignment yet: two first assignments at
      // once must still each audit what the other left, so they queue on the customer instead.
      await advisoryLock(tx, `field-agents:customer-assignment:${customerId}`);
      const existing = await tx.findOne(CustomerAssignment, { customerId }, { refresh: true });
      if (existing && !supervises(this.access, existing.territoryId)) throw forbidden('The customer is assigned to a territory you do not manage');
      const after = assignmentSnapshot({ territoryId: territory.id, agentId });
      audit(tx, this.source, assignmentAudit(customerId, existing && assignmentSnapshot(existing), after));
      await tx.upsert(CustomerAssignment, { customerId, territoryId: territory.id, agentId, assignedAt: new Date() });
      await tx.flush();
      return (await tx.findOne(CustomerAssignment, { customerId }, { refresh: true }))!;
    });
  }

  /** One page of the agents the caller may see, by name; the scope is part of the query. */
  async search(filter: AgentFilter | null | undefined, page: PageArgs): Promise<ConnectionPage<FieldAgent>> {
    const conditions: FilterQuery<FieldAgent>[] = [agentScope(this.access)];
    if (filter?.territoryId) conditions.push({ territoryId: filter.territoryId });
    if (filter?.status) conditions.push({ status: filter.status });
    if (filter?.text) {
      const like = containsPattern(filter.text);
      conditions.push({ $or: [{ name: { $ilike: like } }, { employeeId: { $ilike: like } }, { email: { $ilike: like } }] });
    }
    return findPage(this.em, FieldAgent, { $and: conditions }, BY_NAME, page);
  }

  /** The ids of the customers assigned to the territory of the ACTIVE agent with this subject (none otherwise). */
  async territoryCustomerIds(agentSubject: string): Promise<string[]> {
    const rows: { customer_id: string }[] = await this.em.getConnection().execute(
      `select a.customer_id from "${this.em.config.get('schema')}"."customer_assignment" a
        where a.territory_id = (select g.territory_id from "${this.em.config.get('schema')}"."field_agent" g where g.subject = ? and g.status = 'ACTIVE')
        order by a.customer_id`,
      [agentSubject],
    );
    return rows.map((r) => r.customer_id);
  }

  /** A territory the caller supervises. @throws BAD_USER_INPUT when unknown, FORBIDDEN when someone else's */
  private async supervisedTerritory(em: EntityManager, id: string, field: string): Promise<Territory> {
    assertUuid(id, field);
    const territory = await em.findOne(Territory, { id });
    if (!territory) throw badInput(field, `is not a known territory: ${id}`);
    if (!supervises(this.access, territory.id)) throw forbidden('Only the manager of this territory (or an admin) may do this');
    return territory;
  }
}
