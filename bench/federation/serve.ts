/**
 * A child process of the federation benchmark: `subgraphs` serves the four demo subgraphs,
 * `stock` or `ours` one gateway over the supergraph the parent sends. Each side runs in a
 * process of its own so that its CPU time (and, with --cpu-prof, its profile) is its own.
 *
 * Messages: parent → child `{ supergraph }` (gateways), `{ cpu: true }`, `{ stop: true }`;
 * child → parent `{ ready, subgraphs | url, token }`, `{ cpuMicros, gcMicros }` (CPU time and garbage
 * collection pauses so far).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { serveSide, type Side } from './gateways';
import { serveDemoSubgraphs } from './subgraphs';

type Message = { supergraph?: string; cpu?: boolean; stop?: boolean };

const role = process.argv[2] as Side | 'subgraphs';
const send = (message: unknown) => process.send!(message);

// the main thread's time in garbage collection pauses, so far
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

async function main() {
  let stop: () => Promise<void> = async () => {};
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
      void stop().finally(() => process.exit(0));
    }
  });
  if (role === 'subgraphs') {
    const served = await serveDemoSubgraphs();
    stop = served.stop;
    send({ ready: true, subgraphs: served.subgraphs });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
