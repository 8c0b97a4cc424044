/**
 * A child process of the federation benchmark: `subgraph:<name>` serves one demo subgraph,
 * `stock` or `ours` one gateway over the supergraph the parent sends. Each runs in a process of
 * its own so that its CPU time (and, with --cpu-prof, its profile) is its own, and the subgraphs,
 * as in production, are not one thread that every request of the gateways queues on.
 *
 * Messages: parent → child `{ supergraph }` (gateways), `{ cpu: true }`, `{ stop: true }`;
 * child → parent `{ ready, subgraphs | url, token }`, `{ cpuMicros, gcMicros }` (CPU time and garbage
 * collection pauses so far).
 */
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import { serveSide, type Side } from './gateways';
import { serveDemoSubgraphs } from './subgraphs';

type Message = { supergraph?: string; cpu?: boolean; stop?: boolean };

// `subgraph:<name>` serves one demo subgraph
const role = process.argv[2] as Side | `subgraph:${string}`;
const send = (message: unknown) => process.send!(message);

// the main thread's time in garbage collection pauses, so far
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

/**
 * With ALLOCATION_PROFILE set, every allocation is sampled (every 16 KiB, objects already
 * collected included: what the garbage collector had to deal with, not what was left) and the
 * profile is written there on stop.
 */
async function sampleAllocations(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}) =>
    new Promise<Record<string, unknown>>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as Record<string, unknown>))));
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async () => {
    const { profile } = await post('HeapProfiler.stopSampling');
    fs.writeFileSync(file, JSON.stringify(profile));
  };
}

async function main() {
  let stop: () => Promise<void> = async () => {};
  const stopSampling = await sampleAllocations(process.env.ALLOCATION_PROFILE);
  process.on('message', (message: Message) => {
    if (message.supergraph) {
      void serveSide(role as Side, message.supergraph).then((gateway) => {
        stop = gateway.stop;
        send({ ready: true, url: gateway.url, token: gateway.token });
      });
    } else if (message.cpu) {
      const { user, system } = process.cpuUsage();
      send({ cpuMicros: user + system, gcMicros: Math.round(gcMs * 1000) });
    } else if (message.stop) {
      // a normal exit, so that --cpu-prof writes its profile
      void stop().then(stopSampling).finally(() => process.exit(0));
    }
  });
  if (role.startsWith('subgraph:')) {
    const served = await serveDemoSubgraphs(undefined, role.slice('subgraph:'.length));
    stop = served.stop;
    send({ ready: true, subgraphs: served.subgraphs });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
