/**
 * The federation benchmark's closed-loop load generator (a worker thread), as bench/load.ts but
 * for answers that must all be the same: a transport error is counted, not fatal, and every
 * answer's length is checked against the expected one (a cheap check that none changed under load).
 * It sends over keep-alive `node:http` rather than fetch: the client shares the 2 cores with the
 * gateways under test, and fetch reads every answer through web streams. Its busy time is the
 * event loop's active time: an upper bound of its CPU, as it includes waits for a core.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

export interface FederationLoadPlan {
  url: string;
  token: string;
  body: string;
  requests: number;
  concurrency: number;
  /** the byte length every answer must have */
  expectedLength: number;
}

export interface FederationLoadResult {
  latenciesMs: number[];
  /** by kind: `http <status>`, `length`, `graphql errors`, `transport <code>` */
  errors: Record<string, number>;
  elapsedMs: number;
  /** how long this thread's event loop was busy (an upper bound of its CPU: waits for a core count too) */
  busyMs: number;
}

function post(agent: http.Agent, plan: FederationLoadPlan): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(plan.url, { agent, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.token}`, 'content-length': Buffer.byteLength(plan.body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.once('error', reject);
    });
    request.once('error', reject);
    request.end(plan.body);
  });
}

async function run(plan: FederationLoadPlan): Promise<FederationLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const latenciesMs: number[] = [];
  const errors: Record<string, number> = {};
  const count = (kind: string) => (errors[kind] = (errors[kind] ?? 0) + 1);
  let next = 0;
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  const lane = async () => {
    while (next++ < plan.requests) {
      const t0 = performance.now();
      try {
        const { status, text } = await post(agent, plan);
        if (status !== 200) count(`http ${status}`);
        else if (text.length !== plan.expectedLength) count(text.includes('"errors"') ? 'graphql errors' : 'length');
        else latenciesMs.push(performance.now() - t0);
      } catch (error) {
        count(`transport ${(error as { code?: string }).code ?? (error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, lane));
  const elapsedMs = performance.now() - started;
  const busyMs = performance.eventLoopUtilization(loop).active;
  agent.destroy();
  return { latenciesMs, errors, elapsedMs, busyMs };
}

if (parentPort && workerData) {
  void run(workerData as FederationLoadPlan).then((result) => parentPort!.postMessage(result));
}
