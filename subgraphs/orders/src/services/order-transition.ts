import type { EntityManager } from '@mikro-orm/postgresql';
import { recordStatusChange } from '@tradegraph/kit';
import { type Order, type OrderStatus, OrderStatusChange } from '../entities';
import { recordOrderStatusChanged } from './events';

/**
 * What every move of a locked order's status leaves behind: the history row, the raised
 * version, the `order.status_changed` event, and the status. The caller has checked the move
 * against `orderStatus`. Shared by the order service and shipments (the last one completes).
 */
export function transitionOrder(em: EntityManager, order: Order, to: OrderStatus, reason: string | null, actor: string | null): void {
  const from = order.status;
  recordStatusChange(em, OrderStatusChange, order.id, { from, to, actor, reason });
  order.status = to;
  order.version++;
  recordOrderStatusChanged(em, order, from, to, reason);
}
