import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid, findPage, pageRequest, type ConnectionPage, type KeysetSort, type PageArgs } from '@tradegraph/kit';
import { StockLevel, StockMovement, Warehouse } from '../entities';

/** Most urgent first: the least available, ties by id. */
const LOW_STOCK_SORT: KeysetSort = { field: 'availableStored', descending: false };
/** The ledger newest first; the bigint id is the order movements happened in. */
const NEWEST_FIRST: KeysetSort = { field: 'id', descending: true };
const BY_PRODUCT: KeysetSort = { field: 'productId', descending: false };

/** Reading stock: the paginated lists behind lowStock, stockMovements and Warehouse.stockLevels. */
export class StockQueries {
  constructor(private readonly em: EntityManager) {}

  /**
   * Levels in active warehouses whose available is at or below their reorder point, least
   * available first (keyset pages over the generated `available` column).
   * @throws BAD_USER_INPUT for a malformed warehouseId or page argument
   */
  async lowStock(warehouseId: string | null | undefined, page: PageArgs): Promise<ConnectionPage<StockLevel>> {
    if (warehouseId != null) assertUuid(warehouseId, 'warehouseId');
    const request = pageRequest(page);
    const active = (await this.em.find(Warehouse, { active: true }, { fields: ['id'] })).map((w) => w.id);
    const warehouses = warehouseId != null ? active.filter((id) => id === warehouseId.toLowerCase()) : active;
    const where: FilterQuery<StockLevel> = { belowReorderPoint: true, warehouseId: { $in: warehouses } };
    return findPage(this.em, StockLevel, where, LOW_STOCK_SORT, request, (l) => [l.availableStored ?? l.available, l.id]);
  }

  /**
   * A product's movements, newest first, optionally in one warehouse.
   * @throws BAD_USER_INPUT for a malformed id or page argument
   */
  async movements(productId: string, warehouseId: string | null | undefined, page: PageArgs): Promise<ConnectionPage<StockMovement>> {
    assertUuid(productId, 'productId');
    if (warehouseId != null) assertUuid(warehouseId, 'warehouseId');
    const where: FilterQuery<StockMovement> = { productId: productId.toLowerCase(), ...(warehouseId != null ? { warehouseId: warehouseId.toLowerCase() } : {}) };
    return findPage(this.em, StockMovement, where, NEWEST_FIRST, page);
  }

  /** One warehouse's levels by product id. @throws BAD_USER_INPUT for a malformed page argument */
  async warehouseLevels(warehouseId: string, page: PageArgs): Promise<ConnectionPage<StockLevel>> {
    return findPage(this.em, StockLevel, { warehouseId }, BY_PRODUCT, page);
  }
}
