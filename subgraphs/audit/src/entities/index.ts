export * from './audit-entry';

import { AuditEntry } from './audit-entry';

/** Every MikroORM entity of the audit subgraph. */
export const entities = [AuditEntry];
