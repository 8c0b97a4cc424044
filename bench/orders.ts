/**
 * Orders per second placed with stock reservations, and the latency of placeOrder, through
 * the gateway: every order is priced by products, checked against customers, reserved in
 * inventory and written by orders. By default the servers run in this process and the load in
 * a worker thread; with --processes every subgraph and the gateway run in processes of their
 * own, as in production. NODE_ENV=production, as deployed (production-mode.ts).
 *
 *   npm run bench:orders [-- --orders 2000 --concurrency 16 --lines 3 --processes]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { stableId } from '@tradegraph/kit';
import { seedDemoData } from '../scripts/demo-data';
import { startStack } from '../test/support/stack';
import type { LoadPlan, LoadResult } from './load';
import { startProcessStack } from './processes';
import { benchInProductionMode } from './production-mode';
import { percentile } from './stats';

const PLACE = `mutation Place($input: PlaceOrderInput!, $key: String!) { placeOrder(input: $input, idempotencyKey: $key) { id number total { amount } } }`;


async function main() {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '16' },
      lines: { type: 'string', default: '3' },
      products: { type: 'string', default: '500' },
      processes: { type: 'boolean', default: false },
    },
  });
  benchInProductionMode('bench:orders');
  const orders = Number(values.orders);
  const concurrency = Number(values.concurrency);
  const linesPerOrder = Number(values.lines);
  const productCount = Number(values.products);

  // Production defaults for background work (relay polls, expiry sweeps), not the tests' fast ones.
  const inProcess = values.processes ? undefined : await startStack({ settings: { inventory: { sweepIntervalMs: 5000 } }, relayIntervalMs: 250 });
  const multi = values.processes ? await startProcessStack() : undefined;
  const databases = inProcess ? Object.fromEntries(Object.entries(inProcess.subgraphs).map(([name, s]) => [name, s.database])) : multi!.databases;
  const gatewayUrl = inProcess?.gatewayUrl ?? multi!.gatewayUrl;
  try {
    await seedDemoData({ products: databases.products, customers: databases.customers, inventory: databases.inventory }, { products: productCount, customers: 200 }, { stockPerLevel: 1_000_000 });
    // Every order still pays the credit check (each customer has a limit); the limits are made
    // large enough that 2,000 orders over 196 customers fit, so what is measured is placement.
    await databases.customers.orm.em.getConnection().execute(`update customers.customer set credit_limit_minor = 100000000000 where credit_limit_minor > 0`);
    const token = inProcess ? await inProcess.token('SERVICE', [], 'bench') : await multi!.token('SERVICE');
    const customers = Array.from({ length: 200 }, (_, i) => stableId('customer', `C-${String(i + 1).padStart(5, '0')}`)).filter((_, i) => i % 50 !== 49); // the seed suspends every 50th
    const products = Array.from({ length: productCount }, (_, i) => stableId('product', `TG-${String(i + 1).padStart(6, '0')}`));
    const rows: { id: string }[] = await databases.products.orm.em.getConnection().execute(`select id from products.product where status = 'PUBLISHED'`);
    const published = new Set(rows.map((r) => r.id));
    const sellable = products.filter((id) => published.has(id));
    const variables = Array.from({ length: orders }, (_, i) => {
      const lines = new Map<string, number>();
      for (let l = 0; l < linesPerOrder; l++) lines.set(sellable[(i * 7 + l * 13) % sellable.length], 1 + ((i + l) % 3));
      return { key: randomUUID(), input: { customerId: customers[i % customers.length], lines: [...lines].map(([productId, quantity]) => ({ productId, quantity })) } };
    });

    const runLoad = (plan: LoadPlan) =>
      new Promise<LoadResult>((resolve, reject) => {
        const worker = new Worker(path.join(__dirname, 'load.ts'), { workerData: plan, execArgv: ['-r', '@swc-node/register'] });
        worker.once('message', (result: LoadResult) => {
          void worker.terminate();
          resolve(result);
        });
        worker.once('error', reject);
      });

    await runLoad({ url: gatewayUrl, token, query: PLACE, variables: variables.slice(0, 100).map((v) => ({ ...v, key: randomUUID() })), concurrency }); // warm-up
    const counts = () => Object.fromEntries(Object.entries(inProcess?.subgraphs ?? {}).map(([name, s]) => [name, s.database.statementCount]));
    const before = counts();
    const cpuBefore = process.cpuUsage();
    const result = await runLoad({ url: gatewayUrl, token, query: PLACE, variables, concurrency });
    const cpu = process.cpuUsage(cpuBefore);
    const after = counts();
    const bySubgraph = Object.entries(after).map(([name, n]) => [name, n - before[name]] as const).filter(([, n]) => n > 0);
    const statements = bySubgraph.reduce((sum, [, n]) => sum + n, 0);
    const sorted = [...result.latenciesMs].sort((a, b) => a - b);
    const ok = sorted.length;
    console.log(`\nplaceOrder through the gateway: ${orders} orders × ${linesPerOrder} lines, ${concurrency} concurrent clients, ${values.processes ? 'one process per subgraph and gateway' : 'all servers in one process'} (node ${process.version})\n`);
    console.log(`placed           ${ok}${Object.keys(result.errors).length ? `   errors: ${JSON.stringify(result.errors)}` : ''}`);
    console.log(`orders/s         ${((ok / result.elapsedMs) * 1000).toFixed(1)}`);
    console.log(`latency p50      ${percentile(sorted, 50).toFixed(1)} ms`);
    console.log(`latency p99      ${percentile(sorted, 99).toFixed(1)} ms`);
    if (inProcess) {
      const per = (n: number) => (n / Math.max(ok, 1)).toFixed(1);
      console.log(`SQL per order    ${per(statements)} statements (all subgraphs, incl. outbox relays and event consumers): ${bySubgraph.map(([name, n]) => `${name} ${per(n)}`).join(', ')}`);
      // The whole process: gateway, subgraphs and the load generator's worker thread alike.
      console.log(`CPU per order    ${((cpu.user + cpu.system) / 1000 / Math.max(ok, 1)).toFixed(1)} ms (user + system of the whole process, load generator included, over ${(result.elapsedMs / 1000).toFixed(1)} s)`);
    }
  } finally {
    await inProcess?.stop();
    await multi?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
