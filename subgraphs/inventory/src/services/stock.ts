import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertBulkItems,
  assertUuid,
  badInput,
  DomainError,
  ErrorCode,
  isUuid,
  summarizeUpsert,
  type AuditSource,
  UpsertOutcome,
  type UpsertItemResult,
  type UpsertSummary,
} from '@tradegraph/kit';
import { MovementType, StockLevel, Warehouse } from '../entities';
import type { AdjustStockInput, ReceiveStockInput, SetStockLevelInput, StockPolicyInput, TransferStockInput } from '../inputs/stock-inputs';
import { Ledger, levelKey, type MovementSpec } from './ledger';
import { recordStockPolicyAudit } from './audit';
import { activeWarehouse } from './warehouses';
import { assertNonNegativeQuantity, assertPositiveQuantity, MAX_QUANTITY } from './quantities';

/**
 * Stock changes made by people and systems rather than orders: receipts, adjustments,
 * transfers, policies and bulk sync. Each runs in one transaction that locks the levels it
 * changes (see {@link Ledger}) and writes the movements and events with the change.
 */
export class StockService {
  /** the caller's subject, recorded on every movement */
  private readonly actor: string | null;

  /**
   * @param em this request's EntityManager
   * @param source who is asking, and in which request: the actor of movements and audit entries (null: the system)
   */
  constructor(private readonly em: EntityManager, private readonly source: AuditSource | null) {
    this.actor = source?.caller.subject ?? null;
  }

  /** Goods arrived: onHand += quantity (a RECEIPT). Creates the level on first use. @throws BAD_USER_INPUT */
  async receive(input: ReceiveStockInput): Promise<StockLevel> {
    const productId = productIdOf(input.productId, 'input.productId');
    assertPositiveQuantity(input.quantity, 'input.quantity');
    return this.em.transactional(async (em) => {
      const { ledger, level } = await this.lockedLevel(em, productId, input.warehouseId);
      ledger.move(level, { type: MovementType.RECEIPT, quantity: input.quantity, onHandDelta: input.quantity, reservedDelta: 0, reason: input.reason, reference: input.reference });
      return level;
    });
  }

  /**
   * Corrects onHand by `delta` (an ADJUSTMENT). onHand may not fall below what is reserved:
   * those units are promised to orders.
   * @throws BAD_USER_INPUT naming the field (delta 0, blank reason, too large a decrease)
   */
  async adjust(input: AdjustStockInput): Promise<StockLevel> {
    const productId = productIdOf(input.productId, 'input.productId');
    if (!Number.isInteger(input.delta) || input.delta === 0 || Math.abs(input.delta) > MAX_QUANTITY) {
      throw badInput('input.delta', `must be a whole number from -${MAX_QUANTITY} to ${MAX_QUANTITY} other than 0, got ${input.delta}`);
    }
    const reason = input.reason?.trim();
    if (!reason) throw badInput('input.reason', 'is required and must not be blank');
    return this.em.transactional(async (em) => {
      const { ledger, level, warehouse } = await this.lockedLevel(em, productId, input.warehouseId);
      if (level.onHand + input.delta < level.reserved) {
        throw badInput(
          'input.delta',
          `would leave ${level.onHand + input.delta} on hand of product ${productId} in ${warehouse.code}, below the ${level.reserved} reserved (at most -${level.onHand - level.reserved})`,
        );
      }
      ledger.move(level, { type: MovementType.ADJUSTMENT, quantity: Math.abs(input.delta), onHandDelta: input.delta, reservedDelta: 0, reason });
      return level;
    });
  }

  /**
   * Moves available units from one warehouse to another: a TRANSFER_OUT and a TRANSFER_IN
   * sharing one reference, in one transaction — both or neither. Reserved units and safety
   * stock stay where they are.
   * @returns the source level, then the target level
   * @throws INSUFFICIENT_STOCK when the source has fewer available units; BAD_USER_INPUT
   */
  async transfer(input: TransferStockInput): Promise<[StockLevel, StockLevel]> {
    const productId = productIdOf(input.productId, 'input.productId');
    assertPositiveQuantity(input.quantity, 'input.quantity');
    if (input.fromWarehouseId.toLowerCase() === input.toWarehouseId.toLowerCase()) {
      throw badInput('input.toWarehouseId', 'must differ from input.fromWarehouseId');
    }
    return this.em.transactional(async (em) => {
      const from = await activeWarehouse(em, input.fromWarehouseId, 'input.fromWarehouseId');
      const to = await activeWarehouse(em, input.toWarehouseId, 'input.toWarehouseId');
      const ledger = new Ledger(em, this.actor);
      const sourceKey = { productId, warehouseId: from.id };
      const targetKey = { productId, warehouseId: to.id };
      const { levels } = await ledger.ensureAndLock([sourceKey, targetKey]);
      const source = levels.get(levelKey(sourceKey))!;
      const target = levels.get(levelKey(targetKey))!;
      if (source.available < input.quantity) {
        throw new DomainError(
          ErrorCode.INSUFFICIENT_STOCK,
          `Not enough stock of product ${productId} in ${from.code} to transfer: requested ${input.quantity}, available ${source.available}`,
          { productId, requested: input.quantity, available: source.available },
        );
      }
      const reference = `transfer:${randomUUID()}`;
      const q = input.quantity;
      ledger.move(source, { type: MovementType.TRANSFER_OUT, quantity: q, onHandDelta: -q, reservedDelta: 0, reason: input.reason, reference });
      ledger.move(target, { type: MovementType.TRANSFER_IN, quantity: q, onHandDelta: q, reservedDelta: 0, reason: input.reason, reference });
      return [source, target];
    });
  }

  /** Sets a level's safety stock and reorder point; creates the level on first use. @throws BAD_USER_INPUT */
  async setPolicy(input: StockPolicyInput): Promise<StockLevel> {
    const productId = productIdOf(input.productId, 'input.productId');
    assertNonNegativeQuantity(input.safetyStock, 'input.safetyStock');
    assertNonNegativeQuantity(input.reorderPoint, 'input.reorderPoint');
    return this.em.transactional(async (em) => {
      const { ledger, level } = await this.lockedLevel(em, productId, input.warehouseId);
      if (level.safetyStock === input.safetyStock && level.reorderPoint === input.reorderPoint) return level;
      const before = { safetyStock: level.safetyStock, reorderPoint: level.reorderPoint };
      ledger.setPolicy(level, input);
      recordStockPolicyAudit(em, this.source, level, before);
      return level;
    });
  }

  /**
   * Sets onHand for up to MAX_BULK_ITEMS levels, as an external system reports them: each
   * difference is written as one ADJUSTMENT (reason 'stock sync'); an equal value writes
   * nothing, so running the same batch twice changes nothing the second time. An item naming
   * an unknown or inactive warehouse code, or an onHand below what is reserved, fails alone;
   * the others apply. CREATED means the level did not exist before.
   * @throws BAD_USER_INPUT when the batch is too large or repeats a product and warehouse
   */
  async setLevels(items: readonly SetStockLevelInput[]): Promise<UpsertSummary<StockLevel>> {
    const keyOf = (item: SetStockLevelInput) => `${item.productId.toLowerCase()}@${item.warehouseCode}`;
    assertBulkItems(items, keyOf, 'warehouseCode');
    const results = await this.em.transactional(async (em) => {
      const codes = [...new Set(items.map((i) => i.warehouseCode))];
      const warehouses = new Map((await em.find(Warehouse, { code: { $in: codes } })).map((w) => [w.code, w]));
      const fail = (index: number, error: string): UpsertItemResult<StockLevel> => ({ index, key: keyOf(items[index]), outcome: UpsertOutcome.FAILED, node: null, error });
      const checked = items.map((item, index) => {
        const warehouse = warehouses.get(item.warehouseCode);
        if (!isUuid(item.productId)) return fail(index, `items.${index}.productId must be an id (UUID), got "${item.productId}"`);
        if (!Number.isInteger(item.onHand) || item.onHand < 0 || item.onHand > MAX_QUANTITY) return fail(index, `items.${index}.onHand must be a whole number from 0 to ${MAX_QUANTITY}`);
        if (!warehouse) return fail(index, `items.${index}.warehouseCode "${item.warehouseCode}" is not a known warehouse`);
        if (!warehouse.active) return fail(index, `items.${index}.warehouseCode "${item.warehouseCode}" names an inactive warehouse`);
        return { productId: item.productId.toLowerCase(), warehouseId: warehouse.id };
      });
      const keys = checked.filter((c): c is { productId: string; warehouseId: string } => !('outcome' in c));
      const ledger = new Ledger(em, this.actor);
      const { levels, created } = await ledger.ensureAndLockRows(keys);
      const moves: { level: StockLevel; spec: MovementSpec }[] = [];
      const results = checked.map((c, index): UpsertItemResult<StockLevel> => {
        if ('outcome' in c) return c;
        const item = items[index];
        const level = levels.get(levelKey(c))!;
        const isNew = created.has(levelKey(c));
        if (item.onHand < level.reserved) return fail(index, `items.${index}.onHand ${item.onHand} is below the ${level.reserved} units reserved`);
        const delta = item.onHand - level.onHand;
        if (delta !== 0) moves.push({ level, spec: { type: MovementType.ADJUSTMENT, quantity: Math.abs(delta), onHandDelta: delta, reservedDelta: 0, reason: 'stock sync' } });
        const outcome = isNew ? UpsertOutcome.CREATED : delta === 0 ? UpsertOutcome.UNCHANGED : UpsertOutcome.UPDATED;
        return { index, key: keyOf(item), outcome, node: level, error: null };
      });
      await ledger.moveAll(moves);
      return results;
    });
    return summarizeUpsert(results);
  }

  /** The level of a product in an active warehouse, created on first use and locked, with the ledger that moves it. */
  private async lockedLevel(em: EntityManager, productId: string, warehouseId: string): Promise<{ ledger: Ledger; level: StockLevel; warehouse: Warehouse }> {
    const warehouse = await activeWarehouse(em, warehouseId, 'input.warehouseId');
    const ledger = new Ledger(em, this.actor);
    const key = { productId, warehouseId: warehouse.id };
    const { levels } = await ledger.ensureAndLock([key]);
    return { ledger, level: levels.get(levelKey(key))!, warehouse };
  }
}

/** A product id from an input: a UUID, in PostgreSQL's lower-case form. @throws BAD_USER_INPUT naming `field` */
function productIdOf(value: string, field: string): string {
  assertUuid(value, field);
  return value.toLowerCase();
}
