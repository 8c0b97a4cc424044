import { StateMachine } from '@tradegraph/kit';
import { OrderStatus } from '../entities/order';

/** The order lifecycle: the one table of allowed status moves. */
export const orderStatus = new StateMachine<OrderStatus>('Order', {
  [OrderStatus.PENDING]: [OrderStatus.PROCESSING, OrderStatus.CANCELLED],
  [OrderStatus.PROCESSING]: [OrderStatus.COMPLETED, OrderStatus.CANCELLED],
  [OrderStatus.COMPLETED]: [OrderStatus.REFUNDED],
  [OrderStatus.REFUNDED]: [],
  [OrderStatus.CANCELLED]: [],
});
