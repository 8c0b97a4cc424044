import { allow, requireRole, Role } from '@tradegraph/kit';

/** Who works with orders: staff, field agents (narrowed to their own later) and services. */
const orderReaders = requireRole(Role.ADMIN, Role.MANAGER, Role.AGENT, Role.SERVICE);
const orderTakers = requireRole(Role.ADMIN, Role.MANAGER, Role.AGENT, Role.SERVICE);
const orderManagers = requireRole(Role.ADMIN, Role.MANAGER, Role.SERVICE);

/** Who may do what in the orders subgraph. Anything not listed is denied; partners see no orders. */
export const permissions = {
  Query: {
    order: orderReaders,
    orderByNumber: orderReaders,
    orders: orderReaders,
    shipment: orderReaders,
  },
  Subscription: {
    orderStatusChanged: orderReaders,
    shipmentUpdated: orderReaders,
  },
  Mutation: {
    placeOrder: orderTakers,
    startProcessingOrder: orderManagers,
    completeOrder: orderManagers,
    cancelOrder: orderManagers,
    refundOrder: orderManagers,
    recordPayment: orderManagers,
    reversePayment: orderManagers,
    // shipping is completing in parts: the roles that may complete an order
    createShipment: orderManagers,
    markShipmentDelivered: orderManagers,
  },
  // the override names a manager and their reason: staff and services only, null with FORBIDDEN for agents
  Order: { '*': orderReaders, transactions: orderManagers, creditOverride: orderManagers },
  OrderLine: orderReaders,
  OrderStatusChange: orderReaders,
  PaymentTransaction: orderManagers,
  // reached through Order.shipments, shipment(id) and shipmentUpdated, each scoped to the order's customer like Order, or a manager's mutation
  Shipment: orderReaders,
  ShipmentLine: orderReaders,
  // credit: as the customers subgraph shows creditLimit (its customer readers), an agent's narrowed to its territory in the resolver
  Customer: { id: allow, orders: orderReaders, credit: orderReaders },
  CustomerCredit: orderReaders,
  CreditOverride: orderReaders,
  FieldAgent: { id: allow, orders: orderReaders, sales: orderReaders },
  AgentSales: orderReaders,
  Product: allow,
};
