/**
 * The federation benchmark's closed-loop load generator (a worker thread), as bench/load.ts but
 * for answers that must all be the same: a transport error is counted, not fatal, and every
 * answer's length is checked against the expected one (a cheap check that none changed under load).
 */
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
  /** by kind: `http <status>`, `length`, `graphql errors`, `fetch <code>` */
  errors: Record<string, number>;
  elapsedMs: number;
}

async function run(plan: FederationLoadPlan): Promise<FederationLoadResult> {
  const latenciesMs: number[] = [];
  const errors: Record<string, number> = {};
  const count = (kind: string) => (errors[kind] = (errors[kind] ?? 0) + 1);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next++ < plan.requests) {
      const t0 = performance.now();
      try {
        const response = await fetch(plan.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.token}` }, body: plan.body });
        const text = await response.text();
        if (response.status !== 200) count(`http ${response.status}`);
        else if (text.length !== plan.expectedLength) count(text.includes('"errors"') ? 'graphql errors' : 'length');
        else latenciesMs.push(performance.now() - t0);
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        count(`fetch ${cause?.code ?? (error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, lane));
  return { latenciesMs, errors, elapsedMs: performance.now() - started };
}

if (parentPort && workerData) {
  void run(workerData as FederationLoadPlan).then((result) => parentPort!.postMessage(result));
}
