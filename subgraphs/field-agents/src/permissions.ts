import { allow, requireRole, Role } from '@tradegraph/kit';

/**
 * Who works with field sales data: staff, agents and services. What each of them sees is
 * narrowed further in the queries themselves (see services/access.ts): ADMIN and SERVICE see
 * everything, a MANAGER the territories it manages, an AGENT its own record and visits.
 */
const fieldReaders = requireRole(Role.ADMIN, Role.MANAGER, Role.AGENT, Role.SERVICE);
/** Who may change agents and assignments (a MANAGER only within its territories). */
const supervisors = requireRole(Role.ADMIN, Role.MANAGER, Role.SERVICE);
/** Who may change territories. */
const administrators = requireRole(Role.ADMIN, Role.SERVICE);
/** Lookups for other subgraphs (orders, customers), through the gateway. */
const services = requireRole(Role.SERVICE);

/** Who may do what in the field-agents subgraph. Anything not listed is denied; partners see nothing. */
export const permissions = {
  Query: {
    myAgent: fieldReaders,
    agent: fieldReaders,
    agents: fieldReaders,
    territory: fieldReaders,
    territories: fieldReaders,
    visit: fieldReaders,
    visits: fieldReaders,
    myVisits: fieldReaders,
    agentBySubject: services,
    territoryCustomerIds: services,
  },
  Subscription: {
    visitUpdated: requireRole(Role.ADMIN, Role.MANAGER, Role.AGENT, Role.SERVICE),
  },
  Mutation: {
    createTerritory: administrators,
    updateTerritory: administrators,
    createAgent: supervisors,
    updateAgent: supervisors,
    assignCustomer: supervisors,
    planVisit: fieldReaders,
    startVisit: fieldReaders,
    completeVisit: fieldReaders,
    cancelVisit: fieldReaders,
  },
  FieldAgent: fieldReaders,
  Vehicle: fieldReaders,
  AgentPerformance: fieldReaders,
  Territory: fieldReaders,
  Visit: fieldReaders,
  GeoFix: fieldReaders,
  VisitStatusChange: fieldReaders,
  Customer: { id: allow, territory: fieldReaders, assignedAgent: fieldReaders, visits: fieldReaders },
};
