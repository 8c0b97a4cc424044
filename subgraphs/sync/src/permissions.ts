import { allow, requireRole, Role } from '@tradegraph/kit';

/** Who manages connectors and runs. */
const managers = requireRole(Role.ADMIN, Role.SERVICE);
/** Who may look at them. */
const readers = requireRole(Role.ADMIN, Role.MANAGER, Role.SERVICE);

/** Who may do what in the sync subgraph; anything not listed is denied. Credentials have no field at all. */
export const permissions = {
  Query: { connectors: readers, connector: readers, syncRuns: readers, syncRun: readers, syncConflicts: readers, syncConflict: readers },
  Subscription: { syncRunUpdated: readers, connectorStatusChanged: readers },
  Mutation: {
    createConnector: managers,
    updateConnector: managers,
    pauseConnector: managers,
    resumeConnector: managers,
    triggerSync: managers,
    cancelSyncRun: managers,
    retrySyncRun: managers,
    resolveConflict: managers,
  },
  Product: { id: allow, externalRefs: readers, syncState: readers },
  Customer: { id: allow, externalRefs: readers },
  Order: { id: allow, externalRefs: readers },
  Connector: readers,
  ConnectorHealth: readers,
  SyncRun: readers,
  SyncRunError: readers,
  ExternalRef: readers,
  SyncConflict: readers,
  SyncState: readers,
};
