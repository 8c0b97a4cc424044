import type { EntityManager } from '@mikro-orm/postgresql';
import { insertIgnoringExisting, seededRandom, stableId } from '@tradegraph/kit';
import { ProductStatus } from './entities';

const TREE: Record<string, string[]> = {
  'Power Tools': ['Drills', 'Saws', 'Sanders'],
  'Hand Tools': ['Hammers', 'Screwdrivers', 'Wrenches'],
  Fasteners: ['Screws', 'Bolts', 'Anchors'],
  Electrical: ['Cables', 'Switches', 'Lighting'],
  Plumbing: ['Pipes', 'Fittings', 'Valves'],
  Safety: ['Gloves', 'Eyewear', 'Helmets'],
};
const BRANDS = ['Bosch', 'Makita', 'Hilti', 'Fischer', 'Wera', 'Knipex', 'Stanley', 'Festool', 'Würth', 'Milwaukee'];
const ADJECTIVES = ['Compact', 'Heavy-duty', 'Professional', 'Cordless', 'Precision', 'Industrial', 'Lightweight', 'Premium'];

/** The demo price lists and the discount each gives off the base price. */
export const DEMO_PRICE_LISTS = [
  { name: 'Wholesale EUR', discount: 0.1, segment: 'WHOLESALE' },
  { name: 'Distributor EUR', discount: 0.18, segment: 'DISTRIBUTOR' },
  { name: 'Key accounts EUR', discount: 0.25, segment: 'KEY_ACCOUNT' },
] as const;

const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Loads the demo catalog: a category tree, `count` products (deterministic skus TG-000001 …),
 * the demo price lists with a price for every product, and each given customer's list by
 * segment. Idempotent: rows that exist are left alone.
 */
export async function seedProducts(
  em: EntityManager,
  count: number,
  customers: { id: string; segment: string }[],
): Promise<{ inserted: number; productIds: string[] }> {
  const random = seededRandom(424242);
  const now = new Date();
  const categories: Record<string, unknown>[] = [];
  const leaves: { id: string; name: string }[] = [];
  for (const [root, children] of Object.entries(TREE)) {
    const rootId = stableId('category', slugOf(root));
    categories.push({ id: rootId, name: root, slug: slugOf(root), parent_id: null, created_at: now });
    for (const child of children) {
      const id = stableId('category', slugOf(child));
      categories.push({ id, name: child, slug: slugOf(child), parent_id: rootId, created_at: now });
      leaves.push({ id, name: child });
    }
  }
  await insertIgnoringExisting(em, 'category', categories, 'slug');

  const products = Array.from({ length: count }, (_, i) => {
    const sku = `TG-${String(i + 1).padStart(6, '0')}`;
    const leaf = leaves[i % leaves.length];
    const brand = BRANDS[Math.floor(random() * BRANDS.length)];
    const roll = random();
    const status = roll < 0.9 ? ProductStatus.PUBLISHED : roll < 0.97 ? ProductStatus.DRAFT : ProductStatus.ARCHIVED;
    const singular = leaf.name.replace(/s$/, '');
    return {
      id: stableId('product', sku),
      sku,
      name: `${ADJECTIVES[Math.floor(random() * ADJECTIVES.length)]} ${singular} ${brand} ${100 + (i % 900)}`,
      description: `${brand} ${singular.toLowerCase()} for daily professional use.`,
      status,
      category_id: leaf.id,
      brand,
      base_price_minor: 199 + Math.floor(random() * 49_800),
      currency: 'EUR',
      attributes: JSON.stringify([
        { name: 'weight_kg', value: (0.1 + random() * 5).toFixed(2) },
        { name: 'warranty_years', value: String(1 + Math.floor(random() * 5)) },
      ]),
      created_at: new Date(now.getTime() - (count - i) * 60_000),
      updated_at: now,
      published_at: status === ProductStatus.PUBLISHED ? now : null,
    };
  });
  const inserted = new Set(await insertIgnoringExisting(em, 'product', products, 'sku', 'id'));
  await insertIgnoringExisting(
    em,
    'product_status_change',
    products.filter((p) => inserted.has(p.id)).map((p) => ({ product_id: p.id, from: null, to: p.status, actor: 'seed', changed_at: now })),
    null,
  );

  for (const list of DEMO_PRICE_LISTS) {
    const listId = stableId('price-list', list.name);
    await insertIgnoringExisting(em, 'price_list', [{ id: listId, name: list.name, currency: 'EUR', created_at: now, updated_at: now }], 'name');
    await insertIgnoringExisting(
      em,
      'price_list_item',
      products.map((p) => ({
        id: stableId('price-list-item', `${list.name}:${p.sku}`),
        price_list_id: listId,
        product_id: p.id,
        amount_minor: Math.round(p.base_price_minor * (1 - list.discount)),
        currency: 'EUR',
      })),
      ['price_list_id', 'product_id'],
    );
    await insertIgnoringExisting(
      em,
      'customer_price_list',
      customers.filter((c) => c.segment === list.segment).map((c) => ({ customer_id: c.id, price_list_id: listId, assigned_at: now })),
      'customer_id',
    );
  }
  return { inserted: inserted.size, productIds: products.map((p) => p.id) };
}
