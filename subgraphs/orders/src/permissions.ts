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
  },
  Subscription: {
    orderStatusChanged: orderReaders,
  },
  Mutation: {
    placeOrder: orderTakers,
    startProcessingOrder: orderManagers,
    completeOrder: orderManagers,
    cancelOrder: orderManagers,
    refundOrder: orderManagers,
    recordPayment: orderManagers,
    reversePayment: orderManagers,
  },
  Order: { '*': orderReaders, transactions: orderManagers },
  OrderLine: orderReaders,
  OrderStatusChange: orderReaders,
  PaymentTransaction: orderManagers,
  Customer: { id: allow, orders: orderReaders },
  FieldAgent: { id: allow, orders: orderReaders, sales: orderReaders },
  AgentSales: orderReaders,
  Product: allow,
};
