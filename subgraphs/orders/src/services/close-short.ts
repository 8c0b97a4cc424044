import type { EntityManager } from '@mikro-orm/postgresql';
import { toMoney } from '@tradegraph/kit';
import { type Order, OrderLine, ShipmentLine } from '../entities';

/**
 * "Close short": a partly shipped order that is cancelled keeps what it shipped and owes for
 * it. Its subtotal, tax and total are recomputed from the shipped quantities at the lines'
 * prices; tax in proportion to the tax the order was placed with (its rate then, rounded half
 * up), so a later change of the tax rate does not reach back. The lines keep the ordered
 * quantities; the shipments say what shipped.
 *
 * Called on the locked order as it moves to CANCELLED, after inventory released the unshipped
 * rest (no shipment can be added after that: inventory refuses parts of a released
 * reservation). Changes nothing and answers null when nothing shipped.
 * @returns the note for the status history ("closed short: …"), or null
 */
export async function closeShort(em: EntityManager, order: Order): Promise<string | null> {
  const shipped = new Map<string, number>();
  for (const line of await em.find(ShipmentLine, { orderId: order.id })) shipped.set(line.productId, (shipped.get(line.productId) ?? 0) + line.quantity);
  if (!shipped.size) return null;
  const lines = await em.find(OrderLine, { orderId: order.id }, { orderBy: { lineNo: 'asc' } });
  const subtotalMinor = lines.reduce((sum, line) => sum + line.unitPriceMinor * (shipped.get(line.productId) ?? 0), 0);
  // round half up of subtotal × tax / placed subtotal, in integers
  const taxMinor = order.subtotalMinor > 0 ? Math.floor((2 * subtotalMinor * order.taxMinor + order.subtotalMinor) / (2 * order.subtotalMinor)) : 0;
  const before = toMoney(order.totalMinor, order.currency).amount;
  order.subtotalMinor = subtotalMinor;
  order.taxMinor = taxMinor;
  order.balanceDueMinor -= order.totalMinor - (subtotalMinor + taxMinor);
  order.totalMinor = subtotalMinor + taxMinor;
  const units = (quantities: Iterable<number>) => [...quantities].reduce((a, b) => a + b, 0);
  return `closed short: ${units(shipped.values())} of ${units(lines.map((l) => l.quantity))} units shipped; total ${before} → ${toMoney(order.totalMinor, order.currency).amount} ${order.currency}`;
}
