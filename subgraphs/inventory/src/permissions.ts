import { allow, isAuthenticated, requireRole, Role } from '@tradegraph/kit';

/** Who may see where stock is and why it moved: staff, field agents and services, never partners. */
const stockReaders = requireRole(Role.ADMIN, Role.MANAGER, Role.AGENT, Role.SERVICE);
/** Who may change stock and warehouses. */
const stockStaff = requireRole(Role.ADMIN, Role.MANAGER, Role.SERVICE);
/** Who may reserve, ship, release and return for orders: the orders subgraph (SERVICE), and admins to repair. */
const orderFlow = requireRole(Role.SERVICE, Role.ADMIN);

/**
 * Who may do what in the inventory subgraph. Anything not listed is denied. Any
 * authenticated caller may see whether and how much of a product is available
 * (Product.stock's totals); the per-warehouse detail is for readers of stock.
 */
export const permissions = {
  Query: {
    warehouses: stockReaders,
    warehouse: stockReaders,
    reservation: stockReaders,
    lowStock: stockReaders,
    stockMovements: stockReaders,
  },
  Subscription: {
    stockChanged: stockReaders,
    lowStock: stockReaders,
  },
  Mutation: {
    reserveStock: orderFlow,
    commitReservation: orderFlow,
    commitReservationPart: orderFlow,
    releaseReservation: orderFlow,
    returnStock: orderFlow,
    receiveStock: stockStaff,
    adjustStock: stockStaff,
    transferStock: stockStaff,
    setStockPolicy: stockStaff,
    setStockLevels: stockStaff,
    createWarehouse: stockStaff,
    updateWarehouse: stockStaff,
  },
  Product: { id: allow, stock: isAuthenticated, stockLevels: stockReaders },
  ProductStock: { onHand: isAuthenticated, reserved: isAuthenticated, available: isAuthenticated, inStock: isAuthenticated, byWarehouse: stockReaders },
  Warehouse: stockReaders,
  StockLevel: stockReaders,
  StockMovement: stockReaders,
  Reservation: stockReaders,
  ReservationAllocation: stockReaders,
};
