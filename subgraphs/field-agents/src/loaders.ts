import DataLoader from 'dataloader';
import { groupLoader, isUuid, nestedPages, qualifiedTable, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { CustomerAssignment, FieldAgent, Territory, Visit, VisitStatusChange } from './entities';
import type { VisitFilter } from './inputs/visit-inputs';
import { agentScope, applyVisitScope, resolveAccess, territoryScope, visitScope, type Access } from './services/access';

/**
 * The field-agents subgraph's DataLoaders: one SQL statement per batch, one instance per
 * request. Every loader of agents, territories and visits puts the caller's scope into its
 * query, so rows the caller may not see are never loaded: they resolve to null (or are absent
 * from a list), on every path, `_entities` included.
 */

/** The caller's access, worked out once per request (a one-key memo). */
export const callerAccess = (ctx: SubgraphContext) => new DataLoader<'caller', Access>(async (keys) => {
  const access = await resolveAccess(ctx.em, ctx.caller);
  return keys.map(() => access);
});

/** This request's access. */
export const accessOf = (ctx: SubgraphContext): Promise<Access> => ctx.loaders.get(callerAccess).load('caller');

export const visibleAgentById = (ctx: SubgraphContext) =>
  uuidLoader(async (ids) => ctx.em.find(FieldAgent, { $and: [{ id: { $in: [...ids] } }, agentScope(await accessOf(ctx))] }), (a) => a.id);

export const visibleTerritoryById = (ctx: SubgraphContext) =>
  uuidLoader(async (ids) => ctx.em.find(Territory, { $and: [{ id: { $in: [...ids] } }, territoryScope(await accessOf(ctx))] }), (t) => t.id);

export const visibleVisitById = (ctx: SubgraphContext) =>
  uuidLoader(async (ids) => ctx.em.find(Visit, { $and: [{ id: { $in: [...ids] } }, visitScope(await accessOf(ctx))] }), (v) => v.id);

/** The agents of each territory the caller may see, by name. */
export const visibleAgentsByTerritory = (ctx: SubgraphContext) =>
  groupLoader(
    async (ids: readonly string[]) => ctx.em.find(FieldAgent, { $and: [{ territoryId: { $in: [...ids] } }, agentScope(await accessOf(ctx))] }, { orderBy: { name: 'asc', id: 'asc' } }),
    (a) => a.territoryId,
  );

/** Each customer's assignment (or null); keys that are not UUIDs have none. */
export const assignmentByCustomer = (ctx: SubgraphContext) =>
  uuidLoader((ids) => ctx.em.find(CustomerAssignment, { customerId: { $in: [...ids] } }), (a) => a.customerId);

export const statusHistoryByVisit = (ctx: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => ctx.em.find(VisitStatusChange, { visitId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (c) => c.visitId);

/** A customer's latest visits (Customer.visits), the caller may see, for many customers in one windowed statement. */
export const customerVisits = nestedPages<Visit, VisitFilter, Access>({
  entity: Visit,
  parentColumn: 'customer_id',
  parentOf: (v) => v.customerId,
  sortColumn: 'scheduled_at',
  sortOf: (v) => v.scheduledAt,
  access: accessOf,
  restrict: (query, filter, prefix, access) => applyVisitScope(applyFilter(query, filter, prefix), access, prefix.replace(/\.$/, '')),
}).pages;

function applyFilter<Q extends { whereIn: Function; where: Function }>(query: Q, filter: VisitFilter | null, prefix = ''): Q {
  if (filter?.agentId) query.where(`${prefix}agent_id`, filter.agentId);
  if (filter?.territoryId) query.where(`${prefix}territory_id`, filter.territoryId);
  if (filter?.status?.length) query.whereIn(`${prefix}status`, filter.status);
  if (filter?.from) query.where(`${prefix}scheduled_at`, '>=', filter.from);
  if (filter?.to) query.where(`${prefix}scheduled_at`, '<', filter.to);
  return query;
}

/** What an agent did with the visits scheduled in a period. */
export interface PerformanceFigures {
  planned: number;
  completed: number;
  missed: number;
  offSiteCheckIns: number;
}

/**
 * Visit figures of many agents for a period in one grouped statement per distinct period
 * (the usual case: one `performance(from, to)` field over a list of agents). Counts visits
 * scheduled in [from, to): all of them (planned), the COMPLETED, the MISSED, and those whose
 * check-in was off-site. The agents themselves were already scoped by the loader that
 * produced them.
 */
export const agentPerformance = (ctx: SubgraphContext) =>
  new DataLoader<{ agentId: string; from: Date; to: Date }, PerformanceFigures, string>(
    async (keys) => {
      const byPeriod = new Map<string, { from: Date; to: Date; agentIds: Set<string> }>();
      for (const key of keys) {
        const period = `${key.from.toISOString()}|${key.to.toISOString()}`;
        const group = byPeriod.get(period) ?? { from: key.from, to: key.to, agentIds: new Set<string>() };
        group.agentIds.add(key.agentId);
        byPeriod.set(period, group);
      }
      const figures = new Map<string, PerformanceFigures>();
      for (const [period, { from, to, agentIds }] of byPeriod) {
        const valid = [...agentIds].filter(isUuid);
        if (!valid.length) continue;
        const knex = ctx.em.getKnex();
        const query = knex(knex.raw(qualifiedTable(ctx.em, Visit)))
          .whereIn('agent_id', valid)
          .where('scheduled_at', '>=', from)
          .where('scheduled_at', '<', to)
          .groupBy('agent_id')
          .select(
            'agent_id',
            knex.raw('count(*)::int as planned'),
            knex.raw("(count(*) filter (where status = 'COMPLETED'))::int as completed"),
            knex.raw("(count(*) filter (where status = 'MISSED'))::int as missed"),
            knex.raw('(count(*) filter (where off_site))::int as off_site'),
          );
        const rows: { agent_id: string; planned: number; completed: number; missed: number; off_site: number }[] = await ctx.em.getConnection().execute(query);
        for (const row of rows) figures.set(`${period}|${row.agent_id}`, { planned: row.planned, completed: row.completed, missed: row.missed, offSiteCheckIns: row.off_site });
      }
      return keys.map((k) => figures.get(`${k.from.toISOString()}|${k.to.toISOString()}|${k.agentId}`) ?? { planned: 0, completed: 0, missed: 0, offSiteCheckIns: 0 });
    },
    { cacheKeyFn: (key) => `${key.agentId}|${key.from.toISOString()}|${key.to.toISOString()}` },
  );
