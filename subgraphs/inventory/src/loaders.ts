import { groupLoader, isUuid, uniqueLoader, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { Reservation, ReservationAllocation, StockLevel, StockMovement, Warehouse } from './entities';

/** The inventory subgraph's DataLoaders: one SQL statement per batch, one instance per request. */

export const warehouseById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(Warehouse, { id: { $in: [...ids] } }), (w) => w.id);

export const stockLevelById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(StockLevel, { id: { $in: [...ids] } }), (l) => l.id);

/**
 * Every level of each product, all warehouses: what Product.stock and Product.stockLevels are
 * built from, one statement for all products of a request. Keys that are not UUIDs have none.
 */
export const stockLevelsByProduct = ({ em }: SubgraphContext) =>
  groupLoader(async (productIds: readonly string[]) => {
    const valid = productIds.filter(isUuid);
    return valid.length ? em.find(StockLevel, { productId: { $in: valid } }) : [];
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
