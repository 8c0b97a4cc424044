import { randomUUID } from 'node:crypto';
import { graphql, type ExecutionResult } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InProcessBus, LoaderRegistry, logger, OutboxEvent, subgraphSchema, type Caller, type Role, type SubgraphContext } from '@tradegraph/kit';
import type { TestSubgraphDatabase } from '@tradegraph/kit/testing';
import { StockLevel, StockMovement, Warehouse } from '../src/entities';
import { inventorySubgraph } from '../src/subgraph';
import { StockService } from '../src/services/stock';
import { WarehouseService } from '../src/services/warehouses';

/** A fresh product id: tests never share products, so they never see each other's levels. */
export const newProduct = (): string => randomUUID();

let warehouseCounter = 0;
/** Creates a warehouse with a unique code. */
export async function warehouse(db: TestSubgraphDatabase, priority: number, active = true): Promise<Warehouse> {
  return new WarehouseService(db.em(), null).create({ code: `W-${process.pid}-${++warehouseCounter}`, name: `Warehouse ${warehouseCounter}`, priority, active });
}

/** Receives `quantity` units (nothing when 0). */
export async function stock(db: TestSubgraphDatabase, productId: string, warehouseId: string, quantity: number, safetyStock = 0): Promise<void> {
  const service = new StockService(db.em(), null);
  if (quantity > 0) await service.receive({ productId, warehouseId, quantity });
  if (safetyStock > 0) await service.setPolicy({ productId, warehouseId, safetyStock, reorderPoint: 0 });
}

/** The product's levels by warehouse id. */
export async function levelsOf(em: EntityManager, productId: string): Promise<Map<string, StockLevel>> {
  return new Map((await em.find(StockLevel, { productId })).map((l) => [l.warehouseId, l]));
}

/**
 * Checks the ledger invariant for every level of the products: onHand = Σ onHandDelta,
 * reserved = Σ reservedDelta, and nothing negative. Returns the offending levels (none expected).
 */
export async function ledgerMismatches(em: EntityManager, productIds: string[]): Promise<string[]> {
  const levels = await em.find(StockLevel, { productId: { $in: productIds } });
  const movements = await em.find(StockMovement, { productId: { $in: productIds } });
  const problems: string[] = [];
  for (const level of levels) {
    const own = movements.filter((m) => m.productId === level.productId && m.warehouseId === level.warehouseId);
    const onHand = own.reduce((s, m) => s + m.onHandDelta, 0);
    const reserved = own.reduce((s, m) => s + m.reservedDelta, 0);
    if (onHand !== level.onHand || reserved !== level.reserved) problems.push(`${level.id}: level ${level.onHand}/${level.reserved}, ledger ${onHand}/${reserved}`);
    if (level.onHand < 0 || level.reserved < 0 || level.reserved > level.onHand) problems.push(`${level.id}: impossible level ${level.onHand}/${level.reserved}`);
  }
  return problems;
}

/** The outbox rows about one entity id, oldest first. */
export function eventsOf(em: EntityManager, entityId: string): Promise<OutboxEvent[]> {
  return em.find(OutboxEvent, { entityId }, { orderBy: { sequence: 'asc' } });
}

/**
 * Runs a GraphQL operation against the inventory subgraph's served schema (rules applied),
 * with a context built the way kit's startSubgraph builds it.
 */
export async function execute(db: TestSubgraphDatabase, roles: Role[], source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult & { statements: number }> {
  const { schema } = await subgraphSchema(inventorySubgraph);
  const caller: Caller = { subject: roles.length ? 'tester' : null, roles, scopes: [] };
  const context: SubgraphContext = {
    caller,
    requestId: randomUUID(),
    em: db.em(),
    loaders: new LoaderRegistry(() => context),
    log: logger,
    runtime: { name: 'inventory', database: db.database, bus: new InProcessBus(), settings: {} },
  };
  const before = db.database.statementCount;
  const result = await graphql({ schema, source, variableValues, contextValue: context });
  return { ...result, statements: db.database.statementCount - before };
}
