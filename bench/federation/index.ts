/**
 * Stock @apollo/gateway + @apollo/server (A) against the Tradegraph gateway (B) on one deep
 * federated query (nested fragments over four in-memory demo subgraphs, ~80 KB answers), 50
 * connections, alternated in rounds in one run. Subgraphs, A and B each run in a process of
 * their own (CPU per request is each gateway process's own), the load in a worker thread here.
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
import type { ServedSubgraph } from './subgraphs';
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

  const subgraphs = start('subgraphs', false);
  const children: Child[] = [subgraphs];
  try {
    const { subgraphs: served } = await subgraphs.request<{ subgraphs: ServedSubgraph[] }>({}, 'subgraphs');
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
      const [gateway, served] = await Promise.all([usageOf(gateways[side].child), usageOf(subgraphs)]);
      return [gateway.cpuMicros, served.cpuMicros, gateway.gcMicros];
    };
    type Totals = { latencies: number[]; elapsedMs: number; ok: number; attempts: number; cpuMicros: number; gcMicros: number; subgraphMicros: number; loadMs: number; errors: Record<string, number> };
    const totals = Object.fromEntries(sides.map((side) => [side, { latencies: [], elapsedMs: 0, ok: 0, attempts: 0, cpuMicros: 0, gcMicros: 0, subgraphMicros: 0, loadMs: 0, errors: {} }])) as unknown as Record<Side, Totals>;
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
        t.cpuMicros += after[0] - before[0];
        t.gcMicros += after[2] - before[2];
        t.subgraphMicros += after[1] - before[1];
        t.loadMs += result.busyMs;
        for (const [code, n] of Object.entries(result.errors)) t.errors[code] = (t.errors[code] ?? 0) + n;
        line.push(`${side === 'stock' ? 'A' : 'B'} ${((result.latenciesMs.length / result.elapsedMs) * 1000).toFixed(0)} req/s`);
      }
      console.log(`  round ${round + 1}: ${line.join(', ')}`);
    }

    // CPU per request: the gateway process's own, and the subgraphs process's for that side's requests
    console.log(`\n${'side'.padEnd(28)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'gw CPU ms/req'.padStart(15)}${'of it GC'.padStart(10)}${'subgraphs CPU'.padStart(15)}${'load CPU'.padStart(10)}  errors`);
    const rate = (side: Side) => (totals[side].ok / totals[side].elapsedMs) * 1000;
    for (const side of sides) {
      const t = totals[side];
      const sorted = [...t.latencies].sort((x, y) => x - y);
      console.log(`${NAMES[side].padEnd(28)}${rate(side).toFixed(0).padStart(9)}${percentile(sorted, 50).toFixed(1).padStart(9)}${percentile(sorted, 99).toFixed(1).padStart(9)}${(t.cpuMicros / 1000 / t.attempts).toFixed(2).padStart(15)}${(t.gcMicros / 1000 / t.attempts).toFixed(2).padStart(10)}${(t.subgraphMicros / 1000 / t.attempts).toFixed(2).padStart(15)}${(t.loadMs / t.attempts).toFixed(2).padStart(10)}  ${JSON.stringify(t.errors)}`);
    }
    console.log(`\nB/A throughput: ${(rate('ours') / rate('stock')).toFixed(2)}×`);
    // What the shared cores leave to any gateway: the subgraphs and the load generator run on the
    // same two cores, so even a gateway costing no CPU could not go faster than they allow.
    const ours = totals.ours;
    const othersMs = (ours.subgraphMicros / 1000 + ours.loadMs) / ours.attempts;
    const cores = CORES_SHARED;
    const ceiling = (cores * 1000) / othersMs;
    const forThreeTimes = (cores * 1000) / (3 * rate('stock')) - othersMs;
    console.log(`ceiling here: subgraphs + load generator cost ${othersMs.toFixed(2)} ms CPU per request of ${cores} cores, so a gateway costing nothing would reach ${ceiling.toFixed(0)} req/s (${(ceiling / rate('stock')).toFixed(2)}× stock); 3× stock needs a gateway of ≤ ${forThreeTimes.toFixed(2)} ms CPU per request (B: ${(ours.cpuMicros / 1000 / ours.attempts).toFixed(2)})`);
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
