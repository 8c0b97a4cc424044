/**
 * Loads demo data into DATABASE_URL (migrating first); idempotent, so running it twice adds
 * nothing the second time.
 *
 *   npm run seed                                  10,000 products, 1,000 customers
 *   SEED_PRODUCTS=500 SEED_CUSTOMERS=50 npm run seed
 */
import 'reflect-metadata';
import { Database, schemaNameOf } from '@tradegraph/kit';
import { seedDemoData, seedSizesFromEnv } from './demo-data';
import { subgraphNamed } from './subgraphs';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (`npm start` seeds its embedded database by itself)');
  const open = async (name: string) => {
    const { definition } = subgraphNamed(name);
    const db = await Database.connect({ url, schema: schemaNameOf(definition), entities: definition.entities, migrations: definition.migrations });
    await db.migrate();
    return db;
  };
  const products = await open('products');
  const customers = await open('customers');
  const inventory = await open('inventory');
  const fieldAgents = await open('field-agents');
  try {
    const result = await seedDemoData({ products, customers, inventory, fieldAgents }, seedSizesFromEnv());
    console.log(
      `seeded ${result.products} new products, ${result.customers} new customers, ${result.stockLevels} new stock levels, ${result.fieldAgents} new agents and ${result.visits} new visits in ${result.ms} ms`,
    );
  } finally {
    await Promise.all([products.close(), customers.close(), inventory.close(), fieldAgents.close()]);
  }
}

main().catch((error) => {
  console.error(`seed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
