import { inJobSpan, PeriodicTask, type SubgraphContext, type SubgraphDefinition } from '@tradegraph/kit';
import { migrations } from '../migrations';
import { Customer, entities, Order, Product } from './entities';
import { conflictById, connectorById, syncRunById } from './loaders';
import { permissions } from './permissions';
import { ConnectorResolver } from './resolvers/connector-resolver';
import { ConflictResolver } from './resolvers/conflict-resolver';
import { CustomerExtensionResolver } from './resolvers/customer-extension-resolver';
import { OrderExtensionResolver } from './resolvers/order-extension-resolver';
import { ProductExtensionResolver } from './resolvers/product-extension-resolver';
import { SyncSubscriptionResolver } from './resolvers/subscription-resolver';
import { SyncRunResolver } from './resolvers/sync-run-resolver';
import { OutboundDispatcher } from './services/outbound';
import { QueueWorker } from './services/queue';
import { recoverLostRuns } from './services/recovery';
import { performRun } from './services/runner';
import { queueDueRuns } from './services/scheduler';
import { syncMetrics } from './services/metrics';
import { webhookApp } from './services/webhooks';
import { syncSettingsOf } from './settings';

/** The sync subgraph: connectors to external systems, their runs, and external refs. */
export const syncSubgraph: SubgraphDefinition = {
  name: 'sync',
  entities,
  migrations,
  resolvers: [ConnectorResolver, SyncRunResolver, ConflictResolver, SyncSubscriptionResolver, ProductExtensionResolver, CustomerExtensionResolver, OrderExtensionResolver],
  orphanedTypes: [Product, Customer, Order],
  references: {
    Connector: (ref, ctx: SubgraphContext) => ctx.loaders.get(connectorById).load(String(ref.id)),
    SyncRun: (ref, ctx: SubgraphContext) => ctx.loaders.get(syncRunById).load(String(ref.id)),
    Product: (ref) => ({ id: String(ref.id) }),
    SyncConflict: (ref, ctx: SubgraphContext) => ctx.loaders.get(conflictById).load(String(ref.id)),
    Customer: (ref) => ({ id: String(ref.id) }),
    Order: (ref) => ({ id: String(ref.id) }),
  },
  permissions,
  // Sync moves customers' contact data between systems, so its calls see it unmasked.
  serviceScopes: ['customers:pii'],
  // POST /webhooks/:connectorId on the subgraph's own port; signatures are checked there.
  routes: (runtime) => webhookApp(runtime),
  // The job queue's worker (graphile-worker): any number of replicas share the jobs. The
  // polling scheduler queues due runs; an advisory lock keeps it to one replica at a time.
  // The dispatcher turns order and stock events into outbound pushes.
  background: (runtime) => {
    const settings = syncSettingsOf(runtime.settings);
    syncMetrics(runtime); // registered at start, so /metrics lists them before the first run
    return [
      new QueueWorker(runtime, { concurrency: settings.concurrency, pollIntervalMs: settings.pollIntervalMs }, (runId) => inJobSpan('sync', 'sync.run', { 'tradegraph.sync.run_id': runId }, () => performRun(runtime, runId))),
      new PeriodicTask('sync:scheduler', settings.schedulerIntervalMs, () => queueDueRuns(runtime)),
      new OutboundDispatcher(runtime),
      // Runs whose worker died (no heartbeat for staleRunMs) go back to the queue.
      new PeriodicTask('sync:recovery', Math.max(100, Math.round(settings.staleRunMs / 2)), () => recoverLostRuns(runtime, settings.staleRunMs)),
    ];
  },
};

/** The port sync listens on unless PORT says otherwise (matches supergraph.yaml). */
export const SYNC_PORT = 4006;
