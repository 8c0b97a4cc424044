/**
 * Stock @apollo/gateway + @apollo/server (A) against the Tradegraph gateway (B) on one deep
 * federated query (nested fragments over four in-memory demo subgraphs, ~80 KB answers), 50
 * connections, alternated in rounds in one run. Each subgraph, A and B run in a process of their
 * own (CPU per request is each process's own; one process for all four subgraphs was one thread
 * that capped any gateway near 2.3× stock), the load in a worker thread here.
 * Before measuring, both answers are compared byte for byte.
 *
 * The subgraphs are served lean (graphql-js on node:http with a document cache, schemas still
 * built by @apollo/subgraph: lean-subgraph.ts): both sides call the same ones, and in production
 * they run on other hosts, so the ~25 ms of CPU per request Apollo Server + express cost them
 * here only took cores from the gateways under test. Their CPU per request is still printed
 * apart (`subgraphs CPU`); SUBGRAPH_SERVER=apollo serves them with @apollo/server as before.
 * B runs plans on Tradegraph's executor (GATEWAY_EXECUTOR=apollo gives it Apollo's back).
 *
 *   npm run bench:federation [-- --requests 400 --rounds 4 --concurrency 50 --first 28 --profile ours|stock|both --allocations ours|stock|both]
 *
 * --profile runs that side with `node --cpu-prof` (profiles in bench/federation/.profiles/);
 * --allocations samples what that side allocates (`<side>.heapprofile` there).
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { BENCH_SECRETS, demoSupergraph, post, type Side } from './gateways';
import { DEEP_FIRST, DEEP_QUERY } from './query';
import { DEMO_SUBGRAPHS, type ServedSubgraph } from './subgraphs';
import type { FederationLoadPlan, FederationLoadResult } from './load';
import { percentile } from '../stats';

const PROFILE_DIR = path.join(__dirname, '.profiles');
/** every process of the benchmark shares the machine's cores */
const CORES_SHARED = os.availableParallelism();
const NAMES: Record<Side, string> = { stock: 'A stock @apollo/gateway', ours: 'B Tradegraph gateway' };

interface Child {
  process: ChildProcess;
  request<T>(message: object, answerKey: string): Promise<T>;
}

function start(role: string, profile: boolean, allocations = false): Child {
  if (allocations) fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const child = fork(path.join(__dirname, 'serve.ts'), [role], {
    execArgv: ['-r', '@swc-node/register', ...(profile ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [])],
    // production mode, as deployed: it insists on real secrets, so the bench's own are passed in
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...BENCH_SECRETS, ...(allocations ? { ALLOCATION_PROFILE: path.join(PROFILE_DIR, `${role}.heapprofile`) } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    process: child,
    request: <T>(message: object, answerKey: string) =>
      new Promise<T>((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`${role} exited with ${code}`));
        const onMessage = (answer: Record<string, unknown>) => {
          if (!(answerKey in answer)) return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(answer as T);
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
        if (Object.keys(message).length) child.send(message);
      }),
  };
}

function runLoad(plan: FederationLoadPlan): Promise<FederationLoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'load.ts'), { workerData: plan, execArgv: ['-r', '@swc-node/register'] });
    worker.once('message', (result: FederationLoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}


/** The first place two JSON texts differ, with some context, or undefined when they are equal. */
function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at byte ${i}:\n  A …${a.slice(Math.max(0, i - 80), i + 80)}…\n  B …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '400' },
      rounds: { type: 'string', default: '4' },
      concurrency: { type: 'string', default: '50' },
      first: { type: 'string', default: String(DEEP_FIRST) },
      warmup: { type: 'string', default: '100' },
      profile: { type: 'string' },
      allocations: { type: 'string' },
    },
  });
  const requests = Number(values.requests);
  const rounds = Number(values.rounds);
  const concurrency = Number(values.concurrency);
  const variables = { first: Number(values.first) };
  const profiled = (side: Side) => values.profile === side || values.profile === 'both';
  const sampled = (side: Side) => values.allocations === side || values.allocations === 'both';

  const subgraphs = DEMO_SUBGRAPHS.map((subgraph) => start(`subgraph:${subgraph.name}`, false));
  const children: Child[] = [...subgraphs];
  try {
    const served = (await Promise.all(subgraphs.map((child) => child.request<{ subgraphs: ServedSubgraph[] }>({}, 'subgraphs')))).flatMap((answer) => answer.subgraphs);
    const supergraph = demoSupergraph(served);
    const sides: Side[] = ['stock', 'ours'];
    const gateways = {} as Record<Side, { child: Child; url: string; token: string }>;
    for (const side of sides) {
      const child = start(side, profiled(side), sampled(side));
      children.push(child);
      gateways[side] = { child, ...(await child.request<{ url: string; token: string }>({ supergraph }, 'url')) };
    }

    // Same bytes from both, before anything is timed.
    const answers = await Promise.all(sides.map((side) => post(gateways[side], DEEP_QUERY, variables)));
    const raw = firstDifference(answers[0].text, answers[1].text);
    const canonical = firstDifference(JSON.stringify(JSON.parse(answers[0].text)), JSON.stringify(JSON.parse(answers[1].text)));
    const parsed = JSON.parse(answers[0].text) as { errors?: unknown };
    console.log(`\ndeep query: ${answers[0].text.length} bytes (A, HTTP ${answers[0].status}) / ${answers[1].text.length} bytes (B, HTTP ${answers[1].status})${parsed.errors ? ', WITH ERRORS' : ''}`);
    console.log(`responses: ${raw === undefined ? 'byte-identical' : `raw bytes differ ${raw}`}${raw !== undefined ? `; parsed JSON ${canonical === undefined ? 'identical' : `differs ${canonical}`}` : ''}`);

    const body = JSON.stringify({ query: DEEP_QUERY, variables });
    const plan = (side: Side, requests: number): FederationLoadPlan => ({ url: gateways[side].url, token: gateways[side].token, body, requests, concurrency, expectedLength: answers[0].text.length });
    for (const side of sides) await runLoad(plan(side, Number(values.warmup)));

    const usageOf = (child: Child) => child.request<{ cpuMicros: number; gcMicros: number }>({ cpu: true }, 'cpuMicros');
    const cpu = async (side: Side) => {
      const [gateway, ...served] = await Promise.all([usageOf(gateways[side].child), ...subgraphs.map(usageOf)]);
      return { gateway: gateway.cpuMicros, gc: gateway.gcMicros, subgraphs: served.map((usage) => usage.cpuMicros) };
    };
    type Totals = { latencies: number[]; elapsedMs: number; ok: number; attempts: number; cpuMicros: number; gcMicros: number; subgraphMicros: number[]; loadMs: number; errors: Record<string, number> };
    const totals = Object.fromEntries(sides.map((side) => [side, { latencies: [], elapsedMs: 0, ok: 0, attempts: 0, cpuMicros: 0, gcMicros: 0, subgraphMicros: subgraphs.map(() => 0), loadMs: 0, errors: {} }])) as unknown as Record<Side, Totals>;
    console.log(`\n${rounds} rounds × ${requests} requests per side, ${concurrency} connections, alternating (node ${process.version}, ${new Date().toISOString()})`);
    for (let round = 0; round < rounds; round++) {
      const order: Side[] = round % 2 === 0 ? ['stock', 'ours'] : ['ours', 'stock'];
      const line: string[] = [];
      for (const side of order) {
        const before = await cpu(side);
        const result = await runLoad(plan(side, requests));
        const after = await cpu(side);
        const t = totals[side];
        t.latencies.push(...result.latenciesMs);
        t.elapsedMs += result.elapsedMs;
        t.ok += result.latenciesMs.length;
        t.attempts += requests;
        t.cpuMicros += after.gateway - before.gateway;
        t.gcMicros += after.gc - before.gc;
        after.subgraphs.forEach((micros, i) => (t.subgraphMicros[i] += micros - before.subgraphs[i]));
        t.loadMs += result.busyMs;
        for (const [code, n] of Object.entries(result.errors)) t.errors[code] = (t.errors[code] ?? 0) + n;
        line.push(`${side === 'stock' ? 'A' : 'B'} ${((result.latenciesMs.length / result.elapsedMs) * 1000).toFixed(0)} req/s`);
      }
      console.log(`  round ${round + 1}: ${line.join(', ')}`);
    }

    // Per request: the gateway process's CPU and its main thread's GC pauses, the subgraph
    // processes' CPU for that side's requests, and the load generator's busy time
    const perRequest = (t: Totals) => ({
      gateway: t.cpuMicros / 1000 / t.attempts,
      gc: t.gcMicros / 1000 / t.attempts,
      subgraphs: t.subgraphMicros.map((micros) => micros / 1000 / t.attempts),
      load: t.loadMs / t.attempts,
    });
    console.log(`\n${'side'.padEnd(28)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'gw CPU ms/req'.padStart(15)}${'GC pauses'.padStart(11)}${'subgraphs CPU'.padStart(15)}${'load busy'.padStart(11)}  errors`);
    const rate = (side: Side) => (totals[side].ok / totals[side].elapsedMs) * 1000;
    for (const side of sides) {
      const t = totals[side];
      const each = perRequest(t);
      const sorted = [...t.latencies].sort((x, y) => x - y);
      console.log(`${NAMES[side].padEnd(28)}${rate(side).toFixed(0).padStart(9)}${percentile(sorted, 50).toFixed(1).padStart(9)}${percentile(sorted, 99).toFixed(1).padStart(9)}${each.gateway.toFixed(2).padStart(15)}${each.gc.toFixed(2).padStart(11)}${each.subgraphs.reduce((a, b) => a + b, 0).toFixed(2).padStart(15)}${each.load.toFixed(2).padStart(11)}  ${JSON.stringify(t.errors)}`);
    }
    console.log(`\nB/A throughput: ${(rate('ours') / rate('stock')).toFixed(2)}×`);
    // What the others leave to any gateway. The subgraphs and the load generator share the cores
    // with it, and each of them is one thread: a subgraph process cannot answer more than
    // 1000 / (its ms per request) requests a second (GC helper threads aside, so this is about).
    const ours = perRequest(totals.ours);
    const othersMs = ours.subgraphs.reduce((a, b) => a + b, 0) + ours.load;
    const busiest = Math.max(...ours.subgraphs, ours.load);
    const ceiling = Math.min((CORES_SHARED * 1000) / othersMs, 1000 / busiest);
    const wanted = 3 * rate('stock');
    const budget = Math.min((CORES_SHARED * 1000) / wanted - othersMs, 1000 / wanted);
    console.log(
      `ceiling here: the subgraphs cost ${ours.subgraphs.map((ms, i) => `${DEMO_SUBGRAPHS[i].name} ${ms.toFixed(2)}`).join(', ')} ms CPU per request and the load generator ${ours.load.toFixed(2)} ms busy, on ${CORES_SHARED} cores: ` +
        `a gateway costing nothing would reach about ${ceiling.toFixed(0)} req/s (${(ceiling / rate('stock')).toFixed(2)}× stock); ` +
        (wanted <= ceiling && budget > 0 ? `3× stock needs a gateway of ≤ ${budget.toFixed(2)} ms CPU per request (B: ${ours.gateway.toFixed(2)})` : '3× stock is out of reach here whatever the gateway costs'),
    );
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.process.exitCode !== null) return resolve();
            child.process.once('exit', () => resolve());
            child.process.send({ stop: true });
          }),
      ),
    );
    if (values.profile || values.allocations) console.log(`profiles in ${PROFILE_DIR} (bench/federation/profile-summary.ts reads both kinds)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
