/**
 * The inventory subgraph's audit entries (kit's `audit.recorded`, docs/architecture.md "Audit
 * log"): warehouses created and changed, and stock policies set, each in the outbox with its
 * change. Stock movements are not audited: the movement ledger already records every one, with
 * its actor.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditChanges, recordAudit, type AuditFields, type AuditSource, auditWrite } from '@tradegraph/kit';
import type { StockLevel, Warehouse } from '../entities';

const AUDIT_SUBGRAPH = 'inventory';

/** A warehouse holds no personal data: every field keeps its values. */
const WAREHOUSE_AUDIT_FIELDS: AuditFields = { code: 'plain', name: 'plain', address: 'plain', active: 'plain', priority: 'plain' };

/** What setStockPolicy changes on a level. */
const STOCK_POLICY_AUDIT_FIELDS: AuditFields = { safetyStock: 'plain', reorderPoint: 'plain' };

/** A warehouse's audited values, taken before a change and compared with those after it. */
export function auditedWarehouse(warehouse: Warehouse): Record<string, unknown> {
  return { code: warehouse.code, name: warehouse.name, address: warehouse.address, active: warehouse.active, priority: warehouse.priority };
}

/** Adds the audit entry of a warehouse's creation (`before` null) or change to `em`'s unit of work; nothing when nothing changed. */
export function recordWarehouseAudit(em: EntityManager, source: AuditSource | null, warehouse: Warehouse, before: Record<string, unknown> | null): void {
  recordAudit(em, AUDIT_SUBGRAPH, source, auditWrite('Warehouse', warehouse.id, before, auditedWarehouse(warehouse), WAREHOUSE_AUDIT_FIELDS));
}

/** Adds the audit entry of a level's new stock policy to `em`'s unit of work; nothing when it is the policy it had. */
export function recordStockPolicyAudit(em: EntityManager, source: AuditSource | null, level: StockLevel, before: Pick<StockLevel, 'safetyStock' | 'reorderPoint'>): void {
  recordAudit(em, AUDIT_SUBGRAPH, source, {
    entity: 'StockLevel',
    entityId: level.id,
    action: 'policy_set',
    changes: auditChanges(before, { safetyStock: level.safetyStock, reorderPoint: level.reorderPoint }, STOCK_POLICY_AUDIT_FIELDS),
  });
}
