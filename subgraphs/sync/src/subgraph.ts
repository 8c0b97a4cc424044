import { isUuid, PeriodicTask, type SubgraphContext, type SubgraphDefinition } from '@tradegraph/kit';
import { migrations } from '../migrations';
import { Customer, entities, Product, SyncRun } from './entities';
import { connectorById } from './loaders';
import { permissions } from './permissions';
import { ConnectorResolver } from './resolvers/connector-resolver';
import { CustomerRefsResolver, ProductRefsResolver } from './resolvers/external-ref-resolver';
import { SyncRunResolver } from './resolvers/sync-run-resolver';
import { QueueWorker } from './services/queue';
import { performRun } from './services/runner';
import { queueDueRuns } from './services/scheduler';
import { webhookApp } from './services/webhooks';
import { syncSettingsOf } from './settings';

/** The sync subgraph: connectors to external systems, their runs, and external refs. */
export const syncSubgraph: SubgraphDefinition = {
  name: 'sync',
  entities,
  migrations,
  resolvers: [ConnectorResolver, SyncRunResolver, ProductRefsResolver, CustomerRefsResolver],
  orphanedTypes: [Product, Customer],
  references: {
    Connector: (ref, ctx: SubgraphContext) => ctx.loaders.get(connectorById).load(String(ref.id)),
    SyncRun: (ref, ctx: SubgraphContext) => (isUuid(ref.id) ? ctx.em.findOne(SyncRun, String(ref.id)) : null),
    Product: (ref) => ({ id: String(ref.id) }),
    Customer: (ref) => ({ id: String(ref.id) }),
  },
  permissions,
  // POST /webhooks/:connectorId on the subgraph's own port; signatures are checked there.
  routes: (runtime) => webhookApp(runtime),
  // The job queue's worker (graphile-worker): any number of replicas share the jobs. The
  // polling scheduler queues due runs; an advisory lock keeps it to one replica at a time.
  background: (runtime) => {
    const settings = syncSettingsOf(runtime.settings);
    return [
      new QueueWorker(runtime, { concurrency: settings.concurrency, pollIntervalMs: settings.pollIntervalMs }, (runId) => performRun(runtime, runId)),
      new PeriodicTask('sync:scheduler', settings.schedulerIntervalMs, () => queueDueRuns(runtime)),
    ];
  },
};

/** The port sync listens on unless PORT says otherwise (matches supergraph.yaml). */
export const SYNC_PORT = 4006;
