/**
 * Catalog text search at a million products: `products(first: 20, filter: { text })` through
 * the gateway at 8 concurrent clients (servers in this process, load in a worker thread), next
 * to the plain `products(first: 20)` list on the same stack, and — asked straight from
 * PostgreSQL on the same data, alternated with the load in the same run — the substring ILIKE
 * query search used to be and a `ts_rank` ordering over every match. Last, each term's first
 * page is checked against the relevance order computed by one query that reads every match.
 *
 * The catalog is seeded once into its own database (tradegraph_bench_catalog on the test
 * server) and reused by later runs.
 *
 *   npm run bench:catalog [-- --products 1000000 --requests 3000 --concurrency 8 --rounds 3]
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { Database, schemaNameOf } from '@tradegraph/kit';
import { testServerUrl } from '@tradegraph/kit/testing';
import { seedDemoData } from '../scripts/demo-data';
import { subgraphNamed } from '../scripts/subgraphs';
import { startStack } from '../test/support/stack';
import { ProductService } from '../subgraphs/products/src/services/products';
import { productsSubgraph } from '../subgraphs/products/src/subgraph';
import type { LoadPlan, LoadResult } from './load';
import { percentile } from './stats';

const DATABASE = 'tradegraph_bench_catalog';
const TERMS = [
  'drill', 'cordless drill', 'bosch hammer drill', 'makita 18v', 'stainless steel', 'nitrile gloves', 'copper pipe 22 mm', 'led floodlight ip65',
  'torque wrench', 'hex bolt m8', 'safety glasses', 'ball valve', 'TG-04242', 'TG-000777', 'wall plug', 'jigsaw wood', '"circular saw"', 'festool sander',
];
const SEARCH = 'query ($text: String!) { products(first: 20, filter: { text: $text }) { edges { node { sku name basePrice { amount } } } } }';
const LIST = 'query { products(first: 20) { edges { node { sku name basePrice { amount } } } } }';
const OLD_ILIKE = `select p0.* from products.product as p0 where p0.status in ('PUBLISHED') and (p0.name ilike $1 or p0.sku ilike $1 or p0.description ilike $1) order by p0.name asc, p0.id asc limit 21`;
const TS_RANK = `select p0.* from products.product as p0, websearch_to_tsquery('english', $1) q where p0.status in ('PUBLISHED') and p0.search_vector @@ q order by ts_rank(p0.search_vector, q) desc, p0.id limit 21`;
/** The first 20 of the relevance order (product-search.ts), the slow way: every match read and sorted. */
const RELEVANCE_REFERENCE = `select p.id from products.product p, websearch_to_tsquery('english', $1) q, (select case when $2::text !~ '\\s' then upper($2) || '%' end as prefix) s
  where p.status = 'PUBLISHED' and (p.search_vector @@ q or upper(p.sku) collate "C" like s.prefix)
  order by case when upper(p.sku) collate "C" like s.prefix then 2 when p.name_vector @@ q then 1 else 0 end desc,
    case when upper(p.sku) collate "C" like s.prefix then upper(p.sku) collate "C" end, p.id limit 20`;


async function ensureDatabase(products: number): Promise<string> {
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl());
  url.pathname = `/${DATABASE}`;
  const open = async (name: string) => {
    const { definition } = subgraphNamed(name);
    const db = await Database.connect({ url: url.toString(), schema: schemaNameOf(definition), entities: definition.entities, migrations: definition.migrations });
    await db.migrate();
    return db;
  };
  const [catalog, customers] = [await open('products'), await open('customers')];
  try {
    const [{ n }] = await catalog.orm.em.getConnection().execute('select count(*)::int as n from products.product');
    if (n >= products) {
      console.log(`catalog: reusing ${n.toLocaleString('en')} products in ${DATABASE}`);
    } else {
      console.log(`catalog: seeding ${products.toLocaleString('en')} products into ${DATABASE} (has ${n.toLocaleString('en')}) …`);
      const seeded = await seedDemoData({ products: catalog, customers }, { products, customers: 200 });
      await catalog.orm.em.getConnection().execute('vacuum analyze products.product');
      console.log(`catalog: seeded ${seeded.products.toLocaleString('en')} products in ${(seeded.ms / 1000).toFixed(0)} s (SEED_PRODUCTS=${products} npm run seed does the same)`);
    }
  } finally {
    await Promise.all([catalog.close(), customers.close()]);
  }
  return url.toString();
}

function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'load.ts'), { workerData: plan, execArgv: ['-r', '@swc-node/register'] });
    worker.once('message', (result: LoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

async function timeSql(client: Client, sql: string, values: unknown[]): Promise<number> {
  const started = performance.now();
  await client.query(sql, values);
  return performance.now() - started;
}

async function main() {
  const { values } = parseArgs({
    options: {
      products: { type: 'string', default: '1000000' },
      requests: { type: 'string', default: '3000' },
      concurrency: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const [products, requests, concurrency, rounds] = [values.products, values.requests, values.concurrency, values.rounds].map(Number);
  process.env.LOG_LEVEL ??= 'warn';
  const url = await ensureDatabase(products);

  const stack = await startStack({
    subgraphs: ['products'],
    database: { url, drop: async () => {} },
    gateway: { rateLimitRequestsPerMinute: 100_000_000, rateLimitCostPerMinute: 1_000_000_000 },
  });
  const sql = new Client({ connectionString: url });
  await sql.connect();
  const catalog = await Database.connect({ url, schema: schemaNameOf(productsSubgraph), entities: productsSubgraph.entities, migrations: productsSubgraph.migrations });
  try {
    // an agent: not staff, so every search also carries the published-only rule
    const token = await stack.token('AGENT', [], 'bench-catalog');
    const searches = (count: number) => Array.from({ length: count }, (_, i) => ({ text: TERMS[i % TERMS.length] }));
    await runLoad({ url: stack.gatewayUrl, token, query: SEARCH, variables: searches(TERMS.length * 4), concurrency }); // warm-up
    await runLoad({ url: stack.gatewayUrl, token, query: LIST, variables: searches(50), concurrency });

    const results = { search: [] as LoadResult[], list: [] as LoadResult[] };
    const old: number[] = [];
    const ranked: number[] = [];
    const ours: number[] = [];
    const loads: number[] = [];
    const perRound = Math.ceil(requests / rounds);
    for (let round = 0; round < rounds; round++) {
      loads.push(os.loadavg()[0]);
      results.search.push(await runLoad({ url: stack.gatewayUrl, token, query: SEARCH, variables: searches(perRound), concurrency }));
      results.list.push(await runLoad({ url: stack.gatewayUrl, token, query: LIST, variables: searches(perRound), concurrency }));
      for (const text of TERMS) {
        old.push(await timeSql(sql, OLD_ILIKE, [`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]));
        ranked.push(await timeSql(sql, TS_RANK, [text]));
        const started = performance.now();
        await new ProductService(catalog.orm.em.fork(), null).search({ text }, null, { first: 20 }, false);
        ours.push(performance.now() - started);
      }
    }

    let ordered = 0;
    for (const text of TERMS) {
      const page = await new ProductService(catalog.orm.em.fork(), null).search({ text }, null, { first: 20 }, false);
      const reference = (await sql.query(RELEVANCE_REFERENCE, [text, text.trim()])).rows.map((r: { id: string }) => r.id);
      if (JSON.stringify(page.edges.map((e) => e.node.id)) === JSON.stringify(reference)) ordered++;
      else console.log(`catalog: the first page of "${text}" is not in relevance order`);
    }

    const [{ n }] = (await sql.query('select count(*)::int as n from products.product')).rows;
    console.log(`\n${n.toLocaleString('en')} products, ${TERMS.length} rotating search terms, ${concurrency} concurrent clients, ${rounds} alternating rounds, all servers in one process (node ${process.version})`);
    console.log(`load average (1 min) at each round's start: ${loads.map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores; first pages in relevance order (checked against a query reading every match): ${ordered}/${TERMS.length}\n`);
    console.log('variant'.padEnd(62), 'requests'.padStart(9), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'errors'.padStart(8));
    const row = (name: string, samples: number[], perSecond: string, errors = '') => {
      const sorted = [...samples].sort((a, b) => a - b);
      console.log(name.padEnd(62), String(sorted.length).padStart(9), perSecond.padStart(8), percentile(sorted, 50).toFixed(1).padStart(8), percentile(sorted, 99).toFixed(1).padStart(8), errors.padStart(8));
    };
    for (const [name, runs] of [['gateway: products(first: 20, filter: { text }) — search', results.search], ['gateway: products(first: 20) — the same list without text', results.list]] as const) {
      const latencies = runs.flatMap((r) => r.latenciesMs);
      const elapsed = runs.reduce((sum, r) => sum + r.elapsedMs, 0);
      const errors = runs.reduce((sum, r) => sum + Object.values(r.errors).reduce((a, b) => a + b, 0), 0);
      row(name, latencies, ((latencies.length / elapsed) * 1000).toFixed(0), String(errors));
    }
    row('SQL only, before: ILIKE substring, name order (old search)', old, '');
    row('SQL only, after: ProductService.search (relevance tiers)', ours, '');
    row('SQL only, ts_rank over every match (not chosen)', ranked, '');
  } finally {
    await sql.end();
    await catalog.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
