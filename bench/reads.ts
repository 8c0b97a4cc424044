/**
 * Read throughput through the gateway, in production mode, for three workloads, each run by
 * `--concurrency` closed-loop clients for `--seconds`:
 *   lookup  `product(sku) { name stock { available } }` over rotating skus (products + inventory)
 *   list    `products(first: 20)` with sku, name and base price (products only)
 *   search  a 20-product text search with `priceFor(customerId)` and `stock` (products + inventory)
 * By default the servers run in this process and the load in a worker thread; with --processes
 * every subgraph and the gateway run in processes of their own. With --compare a second
 * supergraph runs with the per-hop caches off (PER_HOP_CACHES=false) on the same database, and
 * the two are measured in alternating rounds, side by side.
 *
 *   npm run bench:reads [-- --seconds 15 --concurrency 16 --products 10000 --processes --compare --only lookup]
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { stableId, type Database } from '@tradegraph/kit';
import { seedDemoData } from '../scripts/demo-data';
import { startStack, type TestStack } from '../test/support/stack';
import { startProcessStack } from './processes';
import { keepAlivePoster } from './keep-alive-post';
import { benchInProductionMode } from './production-mode';
import { percentile } from './stats';

const LOOKUP = `query Lookup($sku: String!) { product(sku: $sku) { name stock { available } } }`;
const LIST = `query List { products(first: 20) { edges { node { sku name basePrice { amount } } } } }`;
const SEARCH = `query Search($text: String!, $customerId: ID!) { products(first: 20, filter: { text: $text }) { edges { node { sku name priceFor(customerId: $customerId) { amount } stock { available } } } } }`;
const SEARCH_TEXTS = ['Bosch', 'Makita', 'Hilti', 'Drill', 'Saw', 'Cordless', 'Premium Screw', 'Wera', 'Valve', 'Helmet', 'Industrial', 'Cable'];

interface Workload {
  name: string;
  what: string;
  /** request bodies, sent round-robin */
  bodies: string[];
  target: string;
}

interface LoadPlan {
  url: string;
  token: string;
  bodies: string[];
  concurrency: number;
  durationMs: number;
}

interface LoadResult {
  latenciesMs: number[];
  errors: Record<string, number>;
  elapsedMs: number;
  /** CPU the whole process (servers and load generator) spent in the round, when measured in one process */
  cpuMs?: number;
}

/** The worker's closed loop. */
async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const client = keepAlivePoster(plan.url, plan.token, plan.concurrency);
  const latenciesMs: number[] = [];
  const errors: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const deadline = started + plan.durationMs;
  const lane = async () => {
    while (performance.now() < deadline) {
      const body = plan.bodies[next++ % plan.bodies.length];
      const t0 = performance.now();
      try {
        const { status, text } = await client.post(body);
        const parsed = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        const code = parsed.errors?.[0]?.extensions?.code ?? (status !== 200 ? `HTTP_${status}` : parsed.data ? undefined : 'NO_DATA');
        if (code) errors[code] = (errors[code] ?? 0) + 1;
        else latenciesMs.push(performance.now() - t0);
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'NETWORK';
        errors[code] = (errors[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, lane));
  const elapsedMs = performance.now() - started;
  client.close();
  return { latenciesMs, errors, elapsedMs };
}


/** The load generator: one worker thread for the whole run, given one plan at a time. */
function loadWorker(): { run(plan: LoadPlan): Promise<LoadResult>; stop(): Promise<number> } {
  const worker = new Worker(__filename, { execArgv: ['-r', '@swc-node/register'] });
  return {
    run: (plan) =>
      new Promise<LoadResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(plan);
      }),
    stop: () => worker.terminate(),
  };
}

/** One line of the table: throughput, latency and errors of one measured round (or rounds summed). */
function line(label: string, results: LoadResult[]): string {
  const latencies = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const elapsed = results.reduce((sum, r) => sum + r.elapsedMs, 0);
  const errors: Record<string, number> = {};
  for (const r of results) for (const [code, n] of Object.entries(r.errors)) errors[code] = (errors[code] ?? 0) + n;
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  // On a shared machine req/s follows whatever else runs; CPU per request follows the code.
  const cpuMs = results.every((r) => r.cpuMs !== undefined) ? results.reduce((sum, r) => sum + r.cpuMs!, 0) : undefined;
  const cpu = cpuMs !== undefined && latencies.length ? `   CPU ${(cpuMs / latencies.length).toFixed(2)} ms/req` : '';
  return `${label.padEnd(26)} ${((latencies.length / elapsed) * 1000).toFixed(0).padStart(6)} req/s   p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms${cpu}   errors ${errorCount}${errorCount ? ` ${JSON.stringify(errors)}` : ''}`;
}

interface Target {
  label: string;
  url: string;
  token: string;
  stop(): Promise<void>;
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '15' },
      concurrency: { type: 'string', default: '16' },
      products: { type: 'string', default: '10000' },
      processes: { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '4' },
      only: { type: 'string' },
    },
  });
  benchInProductionMode('bench:reads');
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const productCount = Number(values.products);

  // Rate limits stay on (in memory), set far above the load, so their cost is in what is measured.
  const limits = { RATE_LIMIT_REQUESTS_PER_MINUTE: '100000000', RATE_LIMIT_COST_PER_MINUTE: '1000000000' };
  const targets: Target[] = [];
  const start = async (label: string, cachesOff: boolean, basePort: number, shared?: TestStack) => {
    const previous = process.env.PER_HOP_CACHES;
    if (cachesOff) process.env.PER_HOP_CACHES = 'false';
    try {
      if (values.processes) {
        const stack = await startProcessStack(basePort, { ...limits, ...(cachesOff ? { PER_HOP_CACHES: 'false' } : {}) });
        return { stack, target: { label, url: stack.gatewayUrl, token: await stack.token('ADMIN'), stop: () => stack.stop() }, databases: stack.databases };
      }
      const stack = await startStack({ database: shared?.database, gateway: { rateLimitRequestsPerMinute: Number(limits.RATE_LIMIT_REQUESTS_PER_MINUTE), rateLimitCostPerMinute: Number(limits.RATE_LIMIT_COST_PER_MINUTE) }, relayIntervalMs: 1000 });
      const databases = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.database]));
      return { stack, target: { label, url: stack.gatewayUrl, token: await stack.token('ADMIN', [], 'bench'), stop: () => stack.stop() }, databases, inProcess: stack };
    } finally {
      if (previous === undefined) delete process.env.PER_HOP_CACHES;
      else process.env.PER_HOP_CACHES = previous;
    }
  };

  const load = loadWorker();
  try {
    const seed = async (databases: Record<string, Database>) => {
      const seeded = await seedDemoData({ products: databases.products, customers: databases.customers, inventory: databases.inventory }, { products: productCount, customers: 200 });
      console.log(`seeded ${productCount} products in ${(seeded.ms / 1000).toFixed(1)} s`);
    };
    const first = await start(values.compare ? 'caches on' : `PER_HOP_CACHES=${process.env.PER_HOP_CACHES ?? 'true'}`, false, 5000);
    targets.push(first.target);
    await seed(first.databases);
    if (values.compare) {
      // In one process the second supergraph shares the first one's database; in processes it gets (and seeds) its own.
      const second = await start('caches off (stock)', true, 5100, first.inProcess);
      targets.unshift(second.target);
      if (values.processes) await seed(second.databases);
    }

    const skus = Array.from({ length: Math.min(productCount, 5000) }, (_, i) => `TG-${String(1 + ((i * 7919) % productCount)).padStart(6, '0')}`);
    const customers = Array.from({ length: 200 }, (_, i) => stableId('customer', `C-${String(i + 1).padStart(5, '0')}`));
    const workloads: Workload[] = [
      { name: 'lookup', what: 'product(sku) { name stock { available } }  (2 subgraphs)', bodies: skus.map((sku) => JSON.stringify({ query: LOOKUP, variables: { sku } })), target: '≥ 600 req/s, p99 < 100 ms' },
      { name: 'list', what: 'products(first: 20) { sku name basePrice }  (1 subgraph)', bodies: [JSON.stringify({ query: LIST })], target: '≥ 800 req/s' },
      {
        name: 'search',
        what: 'products(first: 20, filter: { text }) with priceFor and stock  (2 subgraphs)',
        bodies: customers.map((customerId, i) => JSON.stringify({ query: SEARCH, variables: { text: SEARCH_TEXTS[i % SEARCH_TEXTS.length], customerId } })),
        target: '≥ 300 req/s, p99 < 150 ms',
      },
    ].filter((w) => !values.only || values.only.split(',').includes(w.name));

    console.log(`\nreads through the gateway: ${concurrency} concurrent clients, ${seconds} s per workload${values.compare ? ` in ${values.rounds} alternating rounds per side` : ''}, ${values.processes ? 'one process per subgraph and gateway' : 'all servers in one process'}, NODE_ENV=production (node ${process.version})`);
    for (const workload of workloads) {
      for (const target of targets) await load.run({ url: target.url, token: target.token, bodies: workload.bodies, concurrency, durationMs: 2000 }); // warm-up
      const rounds = values.compare ? Number(values.rounds) : 1;
      const results = new Map<Target, LoadResult[]>(targets.map((t) => [t, []]));
      for (let round = 0; round < rounds; round++) {
        // Alternate which side goes first, so neither always runs right after the other's garbage.
        for (const target of round % 2 ? [...targets].reverse() : targets) {
          const cpuBefore = process.cpuUsage();
          const result = await load.run({ url: target.url, token: target.token, bodies: workload.bodies, concurrency, durationMs: (seconds * 1000) / rounds });
          const cpu = process.cpuUsage(cpuBefore);
          results.get(target)!.push({ ...result, cpuMs: values.processes ? undefined : (cpu.user + cpu.system) / 1000 });
        }
      }
      console.log(`\n${workload.name}: ${workload.what}   target ${workload.target}`);
      for (const target of targets) console.log(line(`  ${target.label}`, results.get(target)!));
    }
  } finally {
    await load.stop();
    for (const target of targets) await target.stop();
  }
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  parentPort!.on('message', (plan: LoadPlan) => void runLoad(plan).then((result) => parentPort!.postMessage(result)));
}
