import { groupLoader, isUuid, readRows, readRowsWithParents, uniqueLoader, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { Reservation, ReservationAllocation, StockLevel, StockMovement, Warehouse } from './entities';

/**
 * The inventory subgraph's DataLoaders: one SQL statement per batch, one instance per request.
 * Warehouses and stock levels by product are read with plain SQL and are detached entities: a
 * write path loads what it changes through its own EntityManager, never flushes one of these.
 */

export const warehouseById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => readRows(em, Warehouse, 'id', ids), (w) => w.id);

export const stockLevelById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(StockLevel, { id: { $in: [...ids] } }), (l) => l.id);

/**
 * Every level of each product, all warehouses: what Product.stock and Product.stockLevels are
 * built from, one statement for all products of a request, their warehouses included (plain SQL,
 * kit's readRowsWithParents). Keys that are not UUIDs have none.
 */
export const stockLevelsByProduct = (ctx: SubgraphContext) =>
  groupLoader(async (productIds: readonly string[]) => {
    const { rows, parents } = await readRowsWithParents(ctx.em, StockLevel, 'productId', productIds.filter(isUuid), 'warehouseId', Warehouse);
    // the levels' warehouses came in the same statement: their loader needs no second one
    const warehouses = ctx.loaders.get(warehouseById);
    for (const warehouse of parents) warehouses.prime(warehouse.id, warehouse);
    return rows;
  }, (l) => l.productId);

/** Movement ids are bigints: anything else names no movement and never reaches the database. */
export const stockMovementById = ({ em }: SubgraphContext) =>
  uniqueLoader(async (ids: readonly string[]) => {
    const valid = ids.filter((id) => /^[1-9]\d{0,18}$/.test(id));
    return valid.length ? em.find(StockMovement, { id: { $in: valid } }) : [];
  }, (m) => String(m.id));

export const reservationById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(Reservation, { id: { $in: [...ids] } }), (r) => r.id);

export const allocationsByReservation = ({ em }: SubgraphContext) =>
  groupLoader(
    (ids: readonly string[]) => em.find(ReservationAllocation, { reservationId: { $in: [...ids] } }, { orderBy: { productId: 'asc', warehouseId: 'asc' } }),
    (a) => a.reservationId,
  );
