import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hasRole, Role, type Caller } from '@tradegraph/kit';
import { FieldAgent, Territory, type Visit } from '../entities';

/**
 * What the caller may see in field-agents, worked out once per request:
 * - ADMIN and SERVICE: everything (`all`);
 * - MANAGER: the territories whose `managerSubject` is the caller's subject, with their agents and visits;
 * - AGENT: its own agent record (found by subject), its own visits and its own territory.
 * A caller with several roles sees the union.
 */
export interface Access {
  all: boolean;
  /** the caller's own agent record (AGENT callers), or null */
  agent: FieldAgent | null;
  /** the territories the caller manages (MANAGER callers) */
  managedTerritoryIds: string[];
  /** the caller's subject, for the records of who did what */
  subject: string | null;
}

/** Works out the caller's access: no statement for ADMIN/SERVICE, one per role otherwise. */
export async function resolveAccess(em: EntityManager, caller: Caller): Promise<Access> {
  const all = hasRole(caller, Role.ADMIN, Role.SERVICE);
  const base: Access = { all, agent: null, managedTerritoryIds: [], subject: caller.subject };
  if (all || !caller.subject) return base;
  if (hasRole(caller, Role.AGENT)) base.agent = await em.findOne(FieldAgent, { subject: caller.subject });
  if (hasRole(caller, Role.MANAGER)) {
    base.managedTerritoryIds = (await em.find(Territory, { managerSubject: caller.subject }, { fields: ['id'] })).map((t) => t.id);
  }
  return base;
}

/** An SQL condition that matches nothing (MikroORM renders an empty `$in` as `1 = 0`). */
const NOTHING = { id: { $in: [] as string[] } };

/**
 * What the caller may see of records kept per agent and territory: its own (the agent's id in
 * `ownKey`), and those of the territories it manages.
 */
function ownOrManaged(access: Access, ownKey: 'agentId' | 'id'): Record<string, unknown> {
  if (access.all) return {};
  const or: Record<string, unknown>[] = [];
  if (access.agent) or.push({ [ownKey]: access.agent.id });
  if (access.managedTerritoryIds.length) or.push({ territoryId: { $in: access.managedTerritoryIds } });
  return or.length ? { $or: or } : NOTHING;
}

/** The visits the caller may see, as a condition for the query itself (never load-then-filter). */
export function visitScope(access: Access): FilterQuery<Visit> {
  return ownOrManaged(access, 'agentId');
}

/** The agents the caller may see. */
export function agentScope(access: Access): FilterQuery<FieldAgent> {
  return ownOrManaged(access, 'id');
}

/** The territories the caller may see: managed ones, and an agent's own. */
export function territoryScope(access: Access): FilterQuery<Territory> {
  if (access.all) return {};
  const ids = [...access.managedTerritoryIds, ...(access.agent ? [access.agent.territoryId] : [])];
  return { id: { $in: ids } };
}

/**
 * The same visibility for a hand-written knex query over the visit table (windowed and grouped
 * statements): adds `where (agent_id = ? or territory_id in (…))`, or `where false`.
 */
export function applyVisitScope<Q extends { where: Function; whereRaw: Function }>(query: Q, access: Access, alias = ''): Q {
  if (access.all) return query;
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  const agentId = access.agent?.id;
  const territories = access.managedTerritoryIds;
  if (!agentId && !territories.length) return query.whereRaw('false');
  return query.where(function (this: { orWhere: Function; orWhereIn: Function }) {
    if (agentId) this.orWhere(column('agent_id'), agentId);
    if (territories.length) this.orWhereIn(column('territory_id'), territories);
  });
}

/** True when the caller may act on (and see) a visit of this agent and territory. */
export function canSeeVisit(access: Access, visit: { agentId: string; territoryId: string }): boolean {
  return access.all || visit.agentId === access.agent?.id || access.managedTerritoryIds.includes(visit.territoryId);
}

/** True when the caller may see (and, for staff, manage) this agent. */
export function canSeeAgent(access: Access, agent: { id: string; territoryId: string }): boolean {
  return access.all || agent.id === access.agent?.id || access.managedTerritoryIds.includes(agent.territoryId);
}

/** True when the caller supervises the territory (ADMIN, SERVICE, or its manager). */
export function supervises(access: Access, territoryId: string): boolean {
  return access.all || access.managedTerritoryIds.includes(territoryId);
}
