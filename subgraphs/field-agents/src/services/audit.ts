/**
 * What the field-agents subgraph writes to the audit log (kit/src/audit.ts): every change of a
 * territory, an agent or a customer's assignment made through its API, as one `audit.recorded`
 * outbox row in the transaction of the change; an update to the same values writes none. Visits
 * are not audited: their status history is the ledger.
 *
 * | entity       | action              | fields |
 * |--------------|---------------------|--------|
 * | `Territory`  | `created`, `updated` | code, name, managerSubject |
 * | `FieldAgent` | `created`, `updated` | employeeId, territoryId, vehicleType, status, subject; name, email, phone, vehicleRegistration withheld (PERSONAL) |
 * | `Customer`   | `assigned`           | territoryId, agentId |
 *
 * An agent's name is withheld like its contact data: the log is append-only, so nothing in it
 * could be erased for the person; `employeeId` is the pseudonymous key that names the agent.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditChanges, recordAudit, type AuditFields, type AuditRecord, type AuditSource, auditWrite, type AuditSnapshot } from '@tradegraph/kit';
import type { CustomerAssignment, FieldAgent, Territory } from '../entities';

const AUDIT_SUBGRAPH = 'field-agents';

type Snapshot = AuditSnapshot;

const TERRITORY_FIELDS: AuditFields = { code: 'plain', name: 'plain', managerSubject: 'plain' };
const AGENT_FIELDS: AuditFields = {
  employeeId: 'plain',
  name: 'PERSONAL',
  email: 'PERSONAL',
  phone: 'PERSONAL',
  territoryId: 'plain',
  vehicleType: 'plain',
  vehicleRegistration: 'PERSONAL',
  status: 'plain',
  subject: 'plain',
};
/** A customer's assignment, audited as a change of the Customer (the GraphQL type assignCustomer returns). */
const ASSIGNMENT_FIELDS: AuditFields = { territoryId: 'plain', agentId: 'plain' };

/** Adds the entry to the outbox of `em`'s unit of work (nothing when nothing audited changed). */
export function audit(em: EntityManager, source: AuditSource | null, record: AuditRecord): void {
  recordAudit(em, AUDIT_SUBGRAPH, source, record);
}

export function territorySnapshot(territory: Territory): Snapshot {
  return { code: territory.code, name: territory.name, managerSubject: territory.managerSubject };
}

/** The entry of one write of a territory; `before` is its snapshot before the write, null when it is new. */
export function territoryAudit(before: Snapshot | null, territory: Territory): AuditRecord {
  return auditWrite('Territory', territory.id, before, territorySnapshot(territory), TERRITORY_FIELDS);
}

/** An agent's audited values; the personal ones only ever reach `auditChanges`, which withholds them. */
export function agentSnapshot(agent: FieldAgent): Snapshot {
  return {
    employeeId: agent.employeeId,
    name: agent.name,
    email: agent.email,
    phone: agent.phone,
    territoryId: agent.territoryId,
    vehicleType: agent.vehicleType,
    vehicleRegistration: agent.vehicleRegistration,
    status: agent.status,
    subject: agent.subject,
  };
}

/** The entry of one write of an agent; `before` is its snapshot before the write, null when it is new. */
export function agentAudit(before: Snapshot | null, agent: FieldAgent): AuditRecord {
  return auditWrite('FieldAgent', agent.id, before, agentSnapshot(agent), AGENT_FIELDS);
}

export function assignmentSnapshot(assignment: Pick<CustomerAssignment, 'territoryId' | 'agentId'>): Snapshot {
  return { territoryId: assignment.territoryId, agentId: assignment.agentId };
}

/** The entry of a customer's (re)assignment; `before` null: it had none. */
export function assignmentAudit(customerId: string, before: Snapshot | null, after: Snapshot): AuditRecord {
  return { entity: 'Customer', entityId: customerId, action: 'assigned', changes: auditChanges(before, after, ASSIGNMENT_FIELDS) };
}
