/**
 * A closed-loop load generator for the benchmarks, run in a worker thread so that it does not
 * share an event loop with the servers it measures.
 */
import { parentPort, workerData } from 'node:worker_threads';

/** What the worker is asked to do. */
export interface LoadPlan {
  url: string;
  token: string;
  query: string;
  /** one variables object per request, sent in order */
  variables: Record<string, unknown>[];
  concurrency: number;
}

/** What it measured. */
export interface LoadResult {
  latenciesMs: number[];
  errors: Record<string, number>;
  elapsedMs: number;
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const errors: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    for (;;) {
      const index = next++;
      if (index >= plan.variables.length) return;
      const t0 = performance.now();
      const response = await fetch(plan.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.token}` },
        body: JSON.stringify({ query: plan.query, variables: plan.variables[index] }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const code = body.errors?.[0]?.extensions?.code;
      if (code) errors[code] = (errors[code] ?? 0) + 1;
      else latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, lane));
  return { latenciesMs, errors, elapsedMs: performance.now() - started };
}

if (parentPort && workerData) {
  void run(workerData as LoadPlan).then((result) => parentPort!.postMessage(result));
}
