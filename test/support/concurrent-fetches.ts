/**
 * Sends twenty concurrent fetches through one subgraph's SubgraphResilience to a local server
 * that answers none until all twenty have arrived, then prints `ok`. Run in a process of its own
 * (test/subgraph-resilience.test.ts) because Jest's sandbox does not see the process warnings
 * Node prints on stderr.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphResilience } from '../../gateway/src/subgraph-resilience';

const CONCURRENT = 20;

async function main(): Promise<void> {
  const waiting: http.ServerResponse[] = [];
  const server = http.createServer((_req, res) => {
    waiting.push(res);
    if (waiting.length === CONCURRENT) for (const response of waiting) response.end('{"data":{}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const resilience = new SubgraphResilience({ timeoutMs: 5000, breakerFailures: 100, halfOpenAfterMs: 1000, queryRetries: 1 });
  const fetchFrom = resilience.fetcher('busy', url);
  const send = () => fetchFrom(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ warehouses { code } }' }) });
  const responses = await Promise.all(Array.from({ length: CONCURRENT }, send));
  server.close();
  console.log(responses.every((response) => response.status === 200) ? 'ok' : `statuses ${responses.map((r) => r.status).join(',')}`);
}

void main();
