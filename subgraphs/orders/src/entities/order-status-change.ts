import { statusHistoryEntity } from '@tradegraph/kit';
import { Order, OrderStatus } from './order';

export const OrderStatusChange = statusHistoryEntity(Order, 'orderId', OrderStatus, {
  description: 'One recorded move of an order\'s status.',
  fromDescription: 'Null when the order was placed.',
});
export type OrderStatusChange = InstanceType<typeof OrderStatusChange>;
