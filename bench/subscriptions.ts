/**
 * N concurrent subscribers on one gateway while stock changes every few milliseconds:
 * latency from the change's commit to the client's receipt (p50/p99), events delivered per
 * second, and the gateway's memory per subscriber. The servers run in this process, the
 * subscribers in a child process.
 *
 *   npm run bench:subscriptions [-- --subscribers 10000 --interval 5 --seconds 10]
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CreateProductDocument, CreateWarehouseDocument, PublishProductDocument } from '../operations/__generated__/graphql';
import { executeOk } from '../test/support/client';
import { startStack } from '../test/support/stack';
import { percentile } from './stats';


function request<T>(child: ChildProcess, message: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (m: { type: string }) => {
      if (m.type !== reply) return;
      child.off('message', listener);
      resolve(m as T);
    };
    child.on('message', listener);
    child.send(message);
  });
}

async function main() {
  const { values } = parseArgs({ options: { subscribers: { type: 'string', default: '10000' }, interval: { type: 'string', default: '5' }, seconds: { type: 'string', default: '10' } } });
  const subscribers = Number(values.subscribers);
  const intervalMs = Number(values.interval);
  const seconds = Number(values.seconds);

  const stack = await startStack({ subgraphs: ['products', 'inventory'], gateway: { subscriptionQueueSize: 100 }, relayIntervalMs: 250 });
  const child = fork(path.join(__dirname, 'subscribers.ts'), [], { execArgv: ['-r', '@swc-node/register'], stdio: 'inherit' });
  try {
    const token = await stack.token('ADMIN');
    const { createProduct } = await executeOk(stack.gatewayUrl, CreateProductDocument, { input: { sku: 'BENCH-1', name: 'Benchmarked bolt', basePrice: { amount: '1.00', currency: 'EUR' } } }, { token });
    await executeOk(stack.gatewayUrl, PublishProductDocument, { id: createProduct.id }, { token });
    const { createWarehouse } = await executeOk(stack.gatewayUrl, CreateWarehouseDocument, { input: { code: 'BENCH', name: 'Bench', priority: 1 } }, { token });

    global.gc?.();
    const before = process.memoryUsage();
    const opened = Date.now();
    const query = 'subscription ($ids: [ID!]) { stockChanged(productIds: $ids) { onHand available updatedAt product { name } } }';
    await request(child, { type: 'open', plan: { url: stack.gatewayUrl.replace(/^http/, 'ws'), token, query, variables: { ids: [createProduct.id] }, subscribers, sampled: 500 } }, 'ready');
    const openMs = Date.now() - opened;
    await new Promise((r) => setTimeout(r, 1000));
    global.gc?.();
    const after = process.memoryUsage();
    const stats = stack.gateway.subscriptions.stats();

    await request(child, { type: 'reset' }, 'reset');
    const RECEIVE = `mutation ($input: ReceiveStockInput!) { receiveStock(input: $input) { onHand } }`;
    // A change every `intervalMs`, not waiting for the previous one (at most 64 in flight).
    let changes = 0;
    const inflight = new Set<Promise<unknown>>();
    const started = Date.now();
    while (Date.now() - started < seconds * 1000) {
      const tick = Date.now();
      if (inflight.size < 64) {
        const sent: Promise<unknown> = fetch(stack.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: RECEIVE, variables: { input: { productId: createProduct.id, warehouseId: createWarehouse.id, quantity: 1 } } }),
        })
          .then((r) => r.json())
          .finally(() => inflight.delete(sent));
        inflight.add(sent);
        changes++;
      }
      const wait = intervalMs - (Date.now() - tick);
      await new Promise((r) => setTimeout(r, Math.max(wait, 0)));
    }
    await Promise.all(inflight);
    await new Promise((r) => setTimeout(r, 2000)); // let the last events drain
    const elapsed = (Date.now() - started) / 1000;
    const report = await request<{ delivered: number; errors: number; latencies: number[] }>(child, { type: 'report' }, 'report');
    const sorted = report.latencies.sort((x, y) => x - y);

    console.log(`\nsubscriptions through the gateway: ${subscribers} subscribers, a stock change every ${intervalMs} ms for ${seconds} s (node ${process.version})\n`);
    console.log(`subscribers connected      ${subscribers} in ${(openMs / 1000).toFixed(1)} s (${stats.groups} shared plan, ${stats.upstreamConnections} upstream connection)`);
    console.log(`stock changes made         ${changes} (${(changes / seconds).toFixed(0)}/s achieved)`);
    console.log(`events delivered           ${report.delivered} (${(report.delivered / elapsed).toFixed(0)}/s), errors ${report.errors}, expected ${changes * subscribers}`);
    console.log(`commit → receipt p50       ${percentile(sorted, 50)} ms`);
    console.log(`commit → receipt p99       ${percentile(sorted, 99)} ms`);
    console.log(`server memory / subscriber ${(((after.rss - before.rss) / subscribers) / 1024).toFixed(1)} KiB RSS, ${(((after.heapUsed - before.heapUsed) / subscribers) / 1024).toFixed(1)} KiB heap`);
  } finally {
    child.send({ type: 'close' });
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
