/**
 * p50/p95/p99 latency of a cross-subgraph query through the gateway, next to the same data
 * asked straight from the owning subgraph, measured interleaved in one run so machine noise
 * hits all variants alike.
 *
 *   npm run bench:gateway [-- --requests 2000]
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { CALLER_HEADER, CallerSigner } from '@tradegraph/kit';
import { seedDemoData } from '../scripts/demo-data';
import { startStack, TEST_CALLER_SECRET } from '../test/support/stack';
import { percentile } from './stats';

const CROSS = '{ customers(first: 20) { edges { node { name priceList { name } } } } }';
const LOCAL = '{ customers(first: 20) { edges { node { name } } } }';

async function post(url: string, query: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}


async function main() {
  const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' }, warmup: { type: 'string', default: '200' } } });
  const requests = Number(values.requests);
  const warmup = Number(values.warmup);
  process.env.LOG_LEVEL ??= 'warn';
  // Rate limits stay on (their cost is part of the overhead) but high enough never to refuse one client's thousands of requests.
  const stack = await startStack({ subgraphs: ['products', 'customers'], gateway: { rateLimitRequestsPerMinute: 100_000_000, rateLimitCostPerMinute: 1_000_000_000 } });
  try {
    await seedDemoData({ products: stack.subgraphs.products.database, customers: stack.subgraphs.customers.database }, { products: 1000, customers: 500 });
    const token = await stack.token('ADMIN');
    const signed = await new CallerSigner(TEST_CALLER_SECRET, 3600).sign({ subject: 'bench', roles: ['ADMIN'], scopes: [] }, 'bench');
    const variants: { name: string; url: string; query: string; headers: Record<string, string> }[] = [
      { name: 'gateway, customers + priceList (2 subgraphs)', url: stack.gatewayUrl, query: CROSS, headers: { authorization: `Bearer ${token}` } },
      { name: 'gateway, customers only (1 subgraph)', url: stack.gatewayUrl, query: LOCAL, headers: { authorization: `Bearer ${token}` } },
      { name: 'customers subgraph directly', url: stack.subgraphs.customers.url, query: LOCAL, headers: { [CALLER_HEADER]: signed } },
    ];
    for (let i = 0; i < warmup; i++) for (const v of variants) await post(v.url, v.query, v.headers);
    const samples = variants.map(() => [] as number[]);
    for (let i = 0; i < requests; i++) {
      for (const [index, v] of variants.entries()) samples[index].push(await post(v.url, v.query, v.headers));
    }
    const direct = [...samples[2]].sort((a, b) => a - b);
    console.log(`\n${requests} sequential requests per variant, interleaved (node ${process.version}, ${new Date().toISOString()})\n`);
    console.log('variant'.padEnd(48), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p99 ms'.padStart(8), 'p50 vs direct'.padStart(14));
    for (const [index, v] of variants.entries()) {
      const sorted = [...samples[index]].sort((a, b) => a - b);
      const ratio = percentile(sorted, 50) / percentile(direct, 50);
      console.log(v.name.padEnd(48), percentile(sorted, 50).toFixed(2).padStart(8), percentile(sorted, 95).toFixed(2).padStart(8), percentile(sorted, 99).toFixed(2).padStart(8), `${ratio.toFixed(2)}×`.padStart(14));
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
