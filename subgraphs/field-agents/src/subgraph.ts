import { PeriodicTask, type SubgraphContext, type SubgraphDefinition } from '@tradegraph/kit';
import { migrations } from '../migrations';
import { Customer, entities } from './entities';
import { visibleAgentById, visibleTerritoryById, visibleVisitById } from './loaders';
import { permissions } from './permissions';
import { AgentResolver } from './resolvers/agent-resolver';
import { CustomerExtensionResolver } from './resolvers/customer-extension-resolver';
import { VisitSubscriptionResolver } from './resolvers/subscription-resolver';
import { TerritoryResolver } from './resolvers/territory-resolver';
import { VisitResolver } from './resolvers/visit-resolver';
import { markMissedVisits } from './services/missed-visits';
import { fieldAgentSettingsOf } from './settings';

/** The field-agents subgraph: agents, territories, visits with GPS check-in, performance. */
export const fieldAgentsSubgraph: SubgraphDefinition = {
  name: 'field-agents',
  entities,
  migrations,
  resolvers: [AgentResolver, TerritoryResolver, VisitResolver, CustomerExtensionResolver, VisitSubscriptionResolver],
  orphanedTypes: [Customer],
  references: {
    // Scoped like every other read: what the caller may not see resolves to null.
    FieldAgent: (ref, ctx: SubgraphContext) => ctx.loaders.get(visibleAgentById).load(String(ref.id)),
    Territory: (ref, ctx: SubgraphContext) => ctx.loaders.get(visibleTerritoryById).load(String(ref.id)),
    Visit: (ref, ctx: SubgraphContext) => ctx.loaders.get(visibleVisitById).load(String(ref.id)),
    Customer: (ref) => ({ id: String(ref.id) }),
  },
  permissions,
  // The missed-visit sweep: safe with any number of replicas (`for update skip locked`).
  background: (runtime) => {
    const settings = fieldAgentSettingsOf(runtime.settings);
    return [
      new PeriodicTask('field-agents:missed-visits', settings.missedSweepMs, () =>
        markMissedVisits(runtime.database.orm.em.fork(), { missedAfterMinutes: settings.missedAfterMinutes }),
      ),
    ];
  },
};

/** The port field-agents listens on unless PORT says otherwise (matches supergraph.yaml). */
export const FIELD_AGENTS_PORT = 4005;
