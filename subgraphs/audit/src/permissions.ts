import { requireRole, Role } from '@tradegraph/kit';

/** The audit log is ADMIN's alone: it names who changed what. */
const admins = requireRole(Role.ADMIN);

/** Who may do what in the audit subgraph. Anything not listed is denied; there is no mutation: entries come only from the bus. */
export const permissions = {
  Query: {
    auditLog: admins,
  },
  AuditEntry: admins,
  AuditActor: admins,
  AuditChange: admins,
};
