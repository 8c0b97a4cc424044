import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { assertUuid, badInput, codeRule, findByIdOrNotFound, flushOrConflict, isCode, isUuid, type AuditSource } from '@tradegraph/kit';
import { Warehouse } from '../entities';
import type { CreateWarehouseInput, UpdateWarehouseInput } from '../inputs/warehouse-inputs';
import { auditedWarehouse, recordWarehouseAudit } from './audit';

/**
 * The warehouse a stock change names, which must exist and be active: stock in an inactive
 * warehouse is frozen. @throws BAD_USER_INPUT naming `field`
 */
export async function activeWarehouse(em: EntityManager, id: string, field: string): Promise<Warehouse> {
  const warehouse = isUuid(id) ? await em.findOne(Warehouse, { id: id.toLowerCase() }) : null;
  if (!warehouse) throw badInput(field, `is not a known warehouse: ${id}`);
  if (!warehouse.active) throw badInput(field, `names warehouse ${warehouse.code}, which is inactive`);
  return warehouse;
}

/** Creating, changing and listing warehouses. Works on the EntityManager it is given, never on GraphQL types. */
export class WarehouseService {
  /** @param source who is asking, and in which request: the actor of every audit entry (null: the system) */
  constructor(private readonly em: EntityManager, private readonly source: AuditSource | null) {}

  /** Every warehouse, preferred (lowest priority) first. */
  list(): Promise<Warehouse[]> {
    return this.em.find(Warehouse, {}, { orderBy: { priority: 'asc', code: 'asc' } });
  }

  /** @throws CONFLICT when the code is taken, BAD_USER_INPUT for an invalid field */
  async create(input: CreateWarehouseInput): Promise<Warehouse> {
    assertCode(input.code, 'input.code');
    const warehouse = this.em.create(Warehouse, {
      code: input.code,
      name: input.name,
      address: input.address ?? null,
      active: input.active ?? true,
      priority: input.priority ?? 100,
    });
    recordWarehouseAudit(this.em, this.source, warehouse, null);
    await flushOrConflict(this.em, `A warehouse with code "${input.code}" already exists`, 'input.code');
    return warehouse;
  }

  /**
   * Changes the given fields. The row is locked and read afresh first, so concurrent updates'
   * audit entries chain (each `before` is the previous `after`).
   * @throws NOT_FOUND, CONFLICT (code taken), BAD_USER_INPUT
   */
  async update(id: string, input: UpdateWarehouseInput): Promise<Warehouse> {
    assertUuid(id, 'id');
    if (input.code != null) assertCode(input.code, 'input.code');
    return this.em.transactional(async (tx) => {
      const warehouse = await findByIdOrNotFound(tx, Warehouse, id.toLowerCase(), { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const before = auditedWarehouse(warehouse);
      if (input.code != null) warehouse.code = input.code;
      if (input.name != null) warehouse.name = input.name;
      if (input.address !== undefined) warehouse.address = input.address;
      if (input.active != null) warehouse.active = input.active;
      if (input.priority != null) warehouse.priority = input.priority;
      recordWarehouseAudit(tx, this.source, warehouse, before);
      await flushOrConflict(tx, `A warehouse with code "${warehouse.code}" already exists`, 'input.code');
      return warehouse;
    });
  }
}

function assertCode(code: string, field: string): void {
  if (code.length < 1 || code.length > 32 || !isCode(code)) throw badInput(field, codeRule());
}
