import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { detachedEntity, DomainError, ErrorCode, insertEvents, insertRows, qualifiedTable, selectRows, updateRows, type NewEvent, type Row } from '@tradegraph/kit';
import { StockLevel, StockMovement, type MovementType } from '../entities';
import { levelChangeEvents, recordLevelChange } from './events';

/** A level's natural key. */
export interface LevelKey {
  productId: string;
  warehouseId: string;
}

/** The map key of a level: `productId:warehouseId`. */
export const levelKey = (key: LevelKey): string => `${key.productId}:${key.warehouseId}`;

/** What one movement does to a level. */
export interface MovementSpec {
  type: MovementType;
  /** how many units moved (positive) */
  quantity: number;
  /** signed change of onHand */
  onHandDelta: number;
  /** signed change of reserved */
  reservedDelta: number;
  reason?: string | null;
  reference?: string | null;
}

/** PostgreSQL's `integer` ceiling: no level may grow past it. */
const INT_MAX = 2_147_483_647;

/** The one fixed order every transaction locks levels in, so that no two can deadlock. */
const compareKeys = (a: LevelKey, b: LevelKey) =>
  a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0;

/**
 * The only way stock levels change. Every method runs on the EntityManager of an open
 * transaction; a change is (1) locking the levels, (2) checking the domain rule on the locked
 * values, (3) {@link Ledger.move}, which writes the movement and the events with it.
 *
 * Locking: levels are locked with `select … for update` ordered by (productId, warehouseId),
 * in one statement per transaction, after any level rows were created. Concurrent changes of
 * the same level therefore queue up in PostgreSQL (across processes), and, since every
 * transaction takes its locks in the same order, they cannot deadlock.
 */
export class Ledger {
  /**
   * @param em the EntityManager of an open transaction
   * @param actor the caller's subject, recorded on every movement
   */
  constructor(private readonly em: EntityManager, private readonly actor: string | null) {}

  /**
   * Creates the levels that do not exist yet (all zero), without touching the ones that do.
   * `on conflict do nothing` makes concurrent first uses safe: the second waits for the first
   * and then finds the row. Returns the keys of the levels it created.
   */
  async ensureLevels(keys: readonly LevelKey[]): Promise<Set<string>> {
    const sorted = uniqueSorted(keys);
    if (sorted.length === 0) return new Set();
    const table = qualifiedTable(this.em, StockLevel);
    const values = sorted.map(() => '(?, ?, ?, 0, 0, 0, 0, 0, now())').join(', ');
    const params = sorted.flatMap((k) => [randomUUID(), k.productId, k.warehouseId]);
    const rows: { product_id: string; warehouse_id: string }[] = await this.em.getConnection().execute(
      `insert into ${table} (id, product_id, warehouse_id, on_hand, reserved, safety_stock, reorder_point, version, updated_at) values ${values} ` +
        `on conflict (product_id, warehouse_id) do nothing returning product_id, warehouse_id`,
      params,
      'all',
      this.em.getTransactionContext(),
    );
    return new Set(rows.map((r) => levelKey({ productId: r.product_id, warehouseId: r.warehouse_id })));
  }

  /** Locks the given levels (those that exist) in the fixed order; returns them by {@link levelKey}. */
  async lock(keys: readonly LevelKey[]): Promise<Map<string, StockLevel>> {
    const sorted = uniqueSorted(keys);
    if (sorted.length === 0) return new Map();
    const levels = await this.em.find(
      StockLevel,
      { $or: sorted.map((k) => ({ productId: k.productId, warehouseId: k.warehouseId })) },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { productId: 'asc', warehouseId: 'asc' }, refresh: true },
    );
    return new Map(levels.map((l) => [levelKey(l), l]));
  }

  /** Creates what is missing, then locks: for changes that may be a level's first use. */
  async ensureAndLock(keys: readonly LevelKey[]): Promise<{ levels: Map<string, StockLevel>; created: Set<string> }> {
    const created = await this.ensureLevels(keys);
    return { levels: await this.lock(keys), created };
  }

  /**
   * {@link ensureAndLock} for set-based changes: the same insert and the same one locking
   * select in the fixed order, but the levels come back as plain rows (detached StockLevels,
   * unknown to the EntityManager) for {@link moveAll}, without the unit of work's cost per level.
   */
  async ensureAndLockRows(keys: readonly LevelKey[]): Promise<{ levels: Map<string, StockLevel>; created: Set<string> }> {
    const created = await this.ensureLevels(keys);
    const sorted = uniqueSorted(keys);
    const rows = await selectRows(this.em, StockLevel, ['productId', 'warehouseId'], sorted, { orderBy: ['productId', 'warehouseId'], lock: 'update' });
    return { levels: new Map(rows.map((row) => [levelKey(row as LevelKey), detachedEntity(StockLevel, row)])), created };
  }

  /** Locks every level of the products (all warehouses), in the fixed order. */
  async lockProducts(productIds: readonly string[]): Promise<StockLevel[]> {
    if (productIds.length === 0) return [];
    return this.em.find(
      StockLevel,
      { productId: { $in: [...new Set(productIds)] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { productId: 'asc', warehouseId: 'asc' }, refresh: true },
    );
  }

  /**
   * Applies one movement to a locked level: changes onHand and reserved, bumps the version,
   * appends the movement and records `stock.changed` (and `stock.low` when it applies).
   * Callers check the domain rule first; this only guards the invariants the database also
   * enforces (0 ≤ reserved ≤ onHand), so that a bug fails loudly instead of at commit.
   */
  move(level: StockLevel, spec: MovementSpec): StockMovement {
    const before = { available: level.available, reorderPoint: level.reorderPoint };
    const { onHand, reserved } = checkedMove(level, spec);
    level.onHand = onHand;
    level.reserved = reserved;
    level.version++;
    level.updatedAt = new Date();
    const movement = this.em.create(StockMovement, movementOf(level, spec, this.actor));
    recordLevelChange(this.em, level, before, spec.type, spec.quantity);
    return movement;
  }

  /**
   * {@link move} for many levels at once, written set-based: one update of the levels, one
   * insert of the movements and one of the events, whatever the count. The levels must come
   * from {@link ensureAndLockRows} (locked, detached), each at most once; they are changed in
   * place, like {@link move} changes an entity.
   */
  async moveAll(moves: readonly { level: StockLevel; spec: MovementSpec }[]): Promise<void> {
    if (!moves.length) return;
    const { levels, movements, events } = this.movesOf(moves);
    await updateRows(this.em, StockLevel, 'id', levels);
    await insertRows(this.em, StockMovement, movements);
    await insertEvents(this.em, events);
  }

  /**
   * What {@link moveAll} writes, not written: the levels' new values, the movements and the
   * events as rows, for a caller that writes them as parts of one statement (the levels are
   * changed in place all the same).
   */
  movesOf(moves: readonly { level: StockLevel; spec: MovementSpec }[]): { levels: Row<StockLevel>[]; movements: Row<StockMovement>[]; events: NewEvent[] } {
    const now = new Date();
    const movements: Row<StockMovement>[] = [];
    const events: NewEvent[] = [];
    for (const { level, spec } of moves) {
      const before = { available: level.available, reorderPoint: level.reorderPoint };
      const { onHand, reserved } = checkedMove(level, spec);
      Object.assign(level, { onHand, reserved, version: level.version + 1, updatedAt: now, availableStored: undefined, belowReorderPoint: undefined });
      movements.push({ ...movementOf(level, spec, this.actor), occurredAt: now });
      events.push(...levelChangeEvents(level, before, spec.type, spec.quantity));
    }
    const levels = moves.map(({ level }) => ({ id: level.id, onHand: level.onHand, reserved: level.reserved, version: level.version, updatedAt: level.updatedAt }));
    return { levels, movements, events };
  }

  /** Sets a locked level's safety stock and reorder point; no movement (onHand and reserved stay), but an event. */
  setPolicy(level: StockLevel, policy: { safetyStock: number; reorderPoint: number }): void {
    const before = { available: level.available, reorderPoint: level.reorderPoint };
    level.safetyStock = policy.safetyStock;
    level.reorderPoint = policy.reorderPoint;
    level.version++;
    level.updatedAt = new Date();
    recordLevelChange(this.em, level, before, null, 0);
  }
}

/**
 * A level's onHand and reserved after a movement. Guards only the invariants the database also
 * enforces (0 ≤ reserved ≤ onHand ≤ INT_MAX), so that a bug fails loudly instead of at commit.
 */
function checkedMove(level: StockLevel, spec: MovementSpec): { onHand: number; reserved: number } {
  const onHand = level.onHand + spec.onHandDelta;
  const reserved = level.reserved + spec.reservedDelta;
  if (onHand > INT_MAX) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `A ${spec.type} of ${spec.quantity} would take product ${level.productId} past ${INT_MAX} units in warehouse ${level.warehouseId}`);
  }
  if (reserved < 0 || onHand < reserved) {
    throw new Error(`ledger: ${spec.type} of ${spec.quantity} would leave level ${level.id} at onHand ${onHand}, reserved ${reserved}`);
  }
  return { onHand, reserved };
}

function uniqueSorted(keys: readonly LevelKey[]): LevelKey[] {
  const map = new Map<string, LevelKey>();
  for (const k of keys) map.set(levelKey(k), { productId: k.productId, warehouseId: k.warehouseId });
  return [...map.values()].sort(compareKeys);
}

/** The ledger row of one move of a level. */
function movementOf(level: StockLevel, spec: MovementSpec, actor: string | null) {
  return {
    productId: level.productId,
    warehouseId: level.warehouseId,
    type: spec.type,
    quantity: spec.quantity,
    onHandDelta: spec.onHandDelta,
    reservedDelta: spec.reservedDelta,
    reason: spec.reason ?? null,
    reference: spec.reference ?? null,
    actor,
  };
}
