import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid, keysetFilter, keysetOrder, pageRequest, toConnectionPage, type ConnectionPage, type KeysetSort, type PageArgs } from '@tradegraph/kit';
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
    const rows = await this.em.find(
      StockLevel,
      { $and: [where, keysetFilter(LOW_STOCK_SORT, request) as FilterQuery<StockLevel>] },
      { orderBy: keysetOrder(LOW_STOCK_SORT, request), limit: request.size + 1 },
    );
    return toConnectionPage(rows, request, (l) => [l.availableStored ?? l.available, l.id], () => this.em.count(StockLevel, where));
  }

  /**
   * A product's movements, newest first, optionally in one warehouse.
   * @throws BAD_USER_INPUT for a malformed id or page argument
   */
  async movements(productId: string, warehouseId: string | null | undefined, page: PageArgs): Promise<ConnectionPage<StockMovement>> {
    assertUuid(productId, 'productId');
    if (warehouseId != null) assertUuid(warehouseId, 'warehouseId');
    const request = pageRequest(page);
    const where: FilterQuery<StockMovement> = { productId: productId.toLowerCase(), ...(warehouseId != null ? { warehouseId: warehouseId.toLowerCase() } : {}) };
    const rows = await this.em.find(
      StockMovement,
      { $and: [where, keysetFilter(NEWEST_FIRST, request) as FilterQuery<StockMovement>] },
      { orderBy: keysetOrder(NEWEST_FIRST, request), limit: request.size + 1 },
    );
    return toConnectionPage(rows, request, (m) => [m.id, m.id], () => this.em.count(StockMovement, where));
  }

  /** One warehouse's levels by product id. @throws BAD_USER_INPUT for a malformed page argument */
  async warehouseLevels(warehouseId: string, page: PageArgs): Promise<ConnectionPage<StockLevel>> {
    const request = pageRequest(page);
    const where: FilterQuery<StockLevel> = { warehouseId };
    const rows = await this.em.find(
      StockLevel,
      { $and: [where, keysetFilter(BY_PRODUCT, request) as FilterQuery<StockLevel>] },
      { orderBy: keysetOrder(BY_PRODUCT, request), limit: request.size + 1 },
    );
    return toConnectionPage(rows, request, (l) => [l.productId, l.id], () => this.em.count(StockLevel, where));
  }
}
