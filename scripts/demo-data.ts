import { Database, schemaNameOf } from '@tradegraph/kit';
import { Customer } from '../subgraphs/customers/src/entities';
import { seedCustomers } from '../subgraphs/customers/src/seed';
import { seedFieldAgents } from '../subgraphs/field-agents/src/seed';
import { fieldAgentsSubgraph } from '../subgraphs/field-agents/src/subgraph';
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
 * then field sales (territories per customer city, agents `agent-1` …, assignments, visits),
 * which needs the customers' cities and locations (ids and values passed along, never read
 * across schemas: the customers' own ORM reads them). Without a `fieldAgents` database, one
 * is opened on the customers' server in the `field_agents` schema (and migrated), so callers
 * that predate field-agents still seed it.
 */
export async function seedDemoData(
  databases: { products: Database; customers: Database; inventory?: Database; fieldAgents?: Database },
  sizes: SeedSizes,
  options: { stockPerLevel?: number } = {},
) {
  const started = Date.now();
  const customers = await seedCustomers(databases.customers.orm.em.fork() as never, sizes.customers);
  const products = await seedProducts(databases.products.orm.em.fork() as never, sizes.products, customers.customers);
  const stock = databases.inventory ? await seedInventory(databases.inventory.orm.em.fork() as never, products.productIds, { onHand: options.stockPerLevel }) : undefined;
  const field = await seedFieldSales(databases.customers, customers.customers.map((c) => c.id), databases.fieldAgents);
  return { customers: customers.inserted, products: products.inserted, stockLevels: stock?.levels ?? 0, fieldAgents: field.agents, visits: field.visits, ms: Date.now() - started };
}

async function seedFieldSales(customersDb: Database, customerIds: string[], fieldAgents?: Database) {
  const facts = [];
  const em = customersDb.orm.em.fork();
  for (let i = 0; i < customerIds.length; i += 1000) {
    const rows = await em.find(Customer, { id: { $in: customerIds.slice(i, i + 1000) } }, { fields: ['id', 'addresses', 'latitude', 'longitude'] });
    facts.push(...rows.map((c) => ({ id: c.id, city: c.addresses[0]?.city ?? 'Unassigned', lat: c.latitude, lng: c.longitude })));
  }
  const db =
    fieldAgents ??
    (await Database.connect({ url: customersDb.orm.config.get('clientUrl')!, schema: schemaNameOf(fieldAgentsSubgraph), entities: fieldAgentsSubgraph.entities, migrations: fieldAgentsSubgraph.migrations }));
  try {
    if (!fieldAgents) await db.migrate();
    return await seedFieldAgents(db.orm.em.fork() as never, facts);
  } finally {
    if (!fieldAgents) await db.close();
  }
}

/** True when the catalog has no products yet (first start). */
export async function isEmpty(products: Database): Promise<boolean> {
  const [row] = await products.orm.em.getConnection().execute(`select exists(select 1 from "${products.schema}"."product") as any`);
  return !row.any;
}
