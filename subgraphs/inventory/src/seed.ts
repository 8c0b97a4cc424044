import type { EntityManager } from '@mikro-orm/postgresql';
import { insertIgnoringExisting, seededRandom, stableId } from '@tradegraph/kit';
import { MovementType } from './entities';

/** The demo warehouses: Berlin is preferred, then Hamburg, then Munich. */
export const DEMO_WAREHOUSES = [
  { code: 'BER-1', name: 'Berlin Central', address: 'Am Borsigturm 100, 13507 Berlin', priority: 1 },
  { code: 'HAM-1', name: 'Hamburg Port', address: 'Kurt-Eckelmann-Straße 1, 21129 Hamburg', priority: 2 },
  { code: 'MUC-1', name: 'Munich South', address: 'Frankfurter Ring 81, 80807 München', priority: 3 },
] as const;

/**
 * Loads demo stock for the given products (ids from the products subgraph, passed along, never
 * read across): the demo warehouses, a level for every product in one or two of them with
 * deterministic quantities and policies, and a RECEIPT movement per level that holds stock,
 * so the ledger adds up to the levels. About one level in twenty starts empty, to show
 * out-of-stock and low-stock states (`options.onHand` gives every level the same quantity instead,
 * for benchmarks). Idempotent: levels that exist are left alone, and only
 * new levels get their receipt.
 */
export async function seedInventory(em: EntityManager, productIds: string[], options: { onHand?: number } = {}): Promise<{ warehouses: number; levels: number }> {
  const random = seededRandom(73_0001);
  const now = new Date();
  const warehouses = DEMO_WAREHOUSES.map((w) => ({ id: stableId('warehouse', w.code), ...w, active: true, created_at: now }));
  const newWarehouses = await insertIgnoringExisting(em, 'warehouse', warehouses, 'code');

  const levels: Record<string, unknown>[] = [];
  for (const productId of productIds) {
    const first = Math.floor(random() * warehouses.length);
    const count = random() < 0.4 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const warehouse = warehouses[(first + k) % warehouses.length];
      const drawn = random() < 0.05 ? 0 : 5 + Math.floor(random() * 300);
      const onHand = options.onHand ?? drawn;
      levels.push({
        id: stableId('stock-level', `${productId}:${warehouse.code}`),
        product_id: productId,
        warehouse_id: warehouse.id,
        on_hand: onHand,
        reserved: 0,
        safety_stock: Math.floor(random() * 6),
        reorder_point: 10 + Math.floor(random() * 30),
        version: onHand > 0 ? 1 : 0,
        updated_at: now,
      });
    }
  }
  const inserted = new Set(await insertIgnoringExisting(em, 'stock_level', levels, ['product_id', 'warehouse_id'], 'id'));
  await insertIgnoringExisting(
    em,
    'stock_movement',
    levels
      .filter((l) => inserted.has(l.id) && (l.on_hand as number) > 0)
      .map((l) => ({
        product_id: l.product_id,
        warehouse_id: l.warehouse_id,
        type: MovementType.RECEIPT,
        quantity: l.on_hand,
        on_hand_delta: l.on_hand,
        reserved_delta: 0,
        reason: 'opening stock (demo data)',
        reference: 'seed',
        actor: 'seed',
        occurred_at: now,
      })),
    null,
  );
  return { warehouses: newWarehouses.length, levels: inserted.size };
}
