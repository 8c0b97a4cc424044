import 'reflect-metadata';
import { Database, Role, schemaNameOf } from '@tradegraph/kit';
import { issueToken } from '../../gateway/src/auth';
import { FakeShopify } from '../../subgraphs/sync/test/fakes/shopify';
import { postGraphQL } from '../../test/support/client';
import { seedDemoData } from '../demo-data';
import { subgraphNamed } from '../subgraphs';
import type { Consumer } from './subscribers';

/** What the load orders: published products with stock enough for any run, and active customers. */
export interface Catalogue {
  productIds: string[];
  /** the customers orders are placed for; each has a subscriber of its own */
  customerIds: string[];
}

/**
 * Migrates and seeds the demo data the way `npm run seed` does (scripts/seed.ts), small and with
 * a million of every product in every warehouse so no order of a run is ever short of stock.
 */
export async function seedCatalogue(databaseUrl: string): Promise<Catalogue> {
  const open = async (name: string) => {
    const { definition } = subgraphNamed(name);
    const db = await Database.connect({ url: databaseUrl, schema: schemaNameOf(definition), entities: definition.entities, migrations: definition.migrations, poolMax: 2 });
    await db.migrate();
    return db;
  };
  const [products, customers, inventory, fieldAgents] = await Promise.all(['products', 'customers', 'inventory', 'field-agents'].map(open));
  try {
    await seedDemoData({ products, customers, inventory, fieldAgents }, { products: 60, customers: 10 }, { stockPerLevel: 1_000_000 });
    const sellable: { id: string }[] = await products.orm.em.getConnection().execute(`select id from products.product where status = 'PUBLISHED' order by sku limit 20`);
    const active: { id: string }[] = await customers.orm.em.getConnection().execute(`select id from customers.customer where status = 'ACTIVE' order by code limit 2`);
    if (sellable.length < 2 || active.length < 2) throw new Error(`the seed left too little to order: ${sellable.length} products, ${active.length} customers`);
    // The load orders for two customers for minutes: their limits are raised so that every order
    // still passes the credit check (and its lock) instead of being refused once exposure runs out.
    await customers.orm.em.getConnection().execute(`update customers.customer set credit_limit_minor = 100000000000 where id in (?, ?)`, active.map((r) => r.id));
    return { productIds: sellable.map((r) => r.id), customerIds: active.map((r) => r.id) };
  } finally {
    await Promise.all([products, customers, inventory, fieldAgents].map((db) => db.close()));
  }
}

/** An ADMIN token for one client of the run; each client has its own subject, so each has its own rate budget. */
export function adminToken(jwtSecret: string, subject: string): Promise<string> {
  return issueToken(jwtSecret, { subject, roles: [Role.ADMIN], scopes: [], issuer: 'tradegraph', audience: 'tradegraph-api', expiresIn: '2h' });
}

const CREATE_CONNECTOR = /* GraphQL */ `
  mutation FaultsCreateConnector($input: CreateConnectorInput!) { createConnector(input: $input) { id status } }
`;

/** The fake shop as a receiver of orders: every order placed must be created there (`POST orders.json`) exactly once. */
export class ShopReceiver implements Consumer {
  readonly name = 'shop (outbound push)';
  private counts = new Map<string, number>();
  private countedFrom = 0;

  constructor(readonly shop: FakeShopify) {}

  covers(): boolean {
    return true;
  }

  received(orderId: string): number {
    if (this.countedFrom !== this.shop.orders.size) {
      this.counts = new Map();
      for (const { body } of this.shop.orders.values()) {
        const id = String(body.source_identifier);
        this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
      }
      this.countedFrom = this.shop.orders.size;
    }
    return this.counts.get(orderId) ?? 0;
  }
}

/**
 * A local Shopify (the sync tests' fake, served by this process) and an outbound connector to
 * it that takes orders: every order placed is pushed there once, by the sync process.
 */
export async function startShop(gatewayUrl: string, token: string): Promise<FakeShopify> {
  const shop = new FakeShopify();
  await shop.start();
  const input = { name: 'Fault-test shop', system: 'SHOPIFY', baseUrl: shop.url, direction: 'OUTBOUND', entities: ['ORDER'], mode: 'WEBHOOK', credentials: { accessToken: shop.accessToken } };
  const result = await postGraphQL<{ createConnector: { id: string } }>(gatewayUrl, CREATE_CONNECTOR, { input }, { token });
  if (!result.data?.createConnector) {
    await shop.stop();
    throw new Error(`the outbound connector could not be created: ${JSON.stringify(result.errors)}`);
  }
  return shop;
}
