import type { Database } from '@tradegraph/kit';
import { seedCustomers } from '../subgraphs/customers/src/seed';
import { seedFieldAgents } from '../subgraphs/field-agents/src/seed';
import { seedInventory } from '../subgraphs/inventory/src/seed';
import { seedProducts } from '../subgraphs/products/src/seed';

/** How much demo data to load (SEED_PRODUCTS, SEED_CUSTOMERS). */
export interface SeedSizes {
  products: number;
  customers: number;
}

export function seedSizesFromEnv(): SeedSizes {
  const read = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${process.env[name]}"`);
    return value;
  };
  return { products: read('SEED_PRODUCTS', 10_000), customers: read('SEED_CUSTOMERS', 1_000) };
}

/**
 * Loads the demo data into each subgraph's own schema: customers first, then the catalog,
 * whose price-list assignments need the customers' ids, then stock for the catalog's products,
 * then field sales (territories per customer city, agents `agent-1` …, assignments, visits)
 * from the customers' places. Ids and values are passed along, never read across schemas.
 */
export async function seedDemoData(
  databases: { products: Database; customers: Database; inventory?: Database; fieldAgents?: Database },
  sizes: SeedSizes,
  options: { stockPerLevel?: number } = {},
) {
  const started = Date.now();
  const customers = await seedCustomers(databases.customers.orm.em.fork(), sizes.customers);
  const products = await seedProducts(databases.products.orm.em.fork(), sizes.products, customers.customers);
  const stock = databases.inventory ? await seedInventory(databases.inventory.orm.em.fork(), products.productIds, { onHand: options.stockPerLevel }) : undefined;
  const field = databases.fieldAgents ? await seedFieldAgents(databases.fieldAgents.orm.em.fork(), customers.customers) : undefined;
  // A bulk load leaves the planner without statistics and the visibility map empty until
  // autovacuum comes by: the catalog search's index-only walks would be planned as sorted
  // sequential scans (9 ms instead of 0.2 ms a page at 10,000 products) for the first minutes.
  await vacuumAnalyze(databases.customers, ['customer']);
  await vacuumAnalyze(databases.products, ['product', 'price_list_item', 'customer_price_list']);
  if (databases.inventory) await vacuumAnalyze(databases.inventory, ['stock_level']);
  return {
    customers: customers.inserted,
    products: products.inserted,
    stockLevels: stock?.levels ?? 0,
    fieldAgents: field?.agents ?? 0,
    visits: field?.visits ?? 0,
    ms: Date.now() - started,
  };
}

/** VACUUM (ANALYZE) of freshly seeded tables: statistics for the planner, a visibility map for index-only scans. */
async function vacuumAnalyze(database: Database, tables: string[]): Promise<void> {
  const connection = database.orm.em.getConnection();
  for (const table of tables) await connection.execute(`vacuum (analyze) "${database.schema}"."${table}"`);
}

/** True when the catalog has no products yet (first start). */
export async function isEmpty(products: Database): Promise<boolean> {
  const [row] = await products.orm.em.getConnection().execute(`select exists(select 1 from "${products.schema}"."product") as any`);
  return !row.any;
}
