/**
 * The federation benchmark's closed-loop load generator (a worker thread), as bench/load.ts but
 * for answers that must all be the same: a transport error is counted, not fatal, and every
 * answer's length is checked against the expected one (a cheap check that none changed under load).
 * It sends with bench/keep-alive-post.ts (node:http, not fetch). Its busy time is the event
 * loop's active time: an upper bound of its CPU, as it includes waits for a core.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { keepAlivePoster } from '../keep-alive-post';

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

async function run(plan: FederationLoadPlan): Promise<FederationLoadResult> {
  const client = keepAlivePoster(plan.url, plan.token, plan.concurrency);
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
        const { status, text } = await client.post(plan.body);
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
  client.close();
  return { latenciesMs, errors, elapsedMs, busyMs };
}

if (parentPort && workerData) {
  void run(workerData as FederationLoadPlan).then((result) => parentPort!.postMessage(result));
}
