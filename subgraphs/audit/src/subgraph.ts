import type { SubgraphDefinition } from '@tradegraph/kit';
import { migrations } from '../migrations';
import { entities } from './entities';
import { permissions } from './permissions';
import { AuditResolver } from './resolvers/audit-resolver';
import { AuditLogConsumer } from './services/consumer';

/** The audit subgraph: the append-only log of changes made through the API, stored from every subgraph's `audit.recorded` events. */
export const auditSubgraph: SubgraphDefinition = {
  name: 'audit',
  entities,
  migrations,
  resolvers: [AuditResolver],
  // No entity: nothing references an audit entry, and a @key would only widen `_entities`.
  references: {},
  permissions,
  // Any number of replicas share the consumer group; each entry is stored once (its id is the key).
  background: (runtime) => [new AuditLogConsumer(runtime)],
};

/** The port audit listens on unless PORT says otherwise (matches supergraph.yaml). */
export const AUDIT_PORT = 4008;
