/**
 * The subscriber side of bench:subscriptions, run as a child process (its own event loop and
 * file-descriptor table): opens N graphql-ws connections to the gateway, one subscription
 * each, and reports what arrived and how late.
 */
import 'reflect-metadata';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

interface Plan {
  url: string;
  token: string;
  query: string;
  variables: Record<string, unknown>;
  subscribers: number;
  /** how many subscribers record latencies (all count deliveries) */
  sampled: number;
}

const clients: Client[] = [];
const latencies: number[] = [];
let delivered = 0;
let errors = 0;

async function open(plan: Plan): Promise<void> {
  let ready = 0;
  const batch = 250;
  for (let i = 0; i < plan.subscribers; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, plan.subscribers - i) }, (_, k) => {
        const index = i + k;
        return new Promise<void>((resolve) => {
          const client = createClient({ url: plan.url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${plan.token}` }, retryAttempts: 0, lazy: false, on: { connected: () => resolve() } });
          clients.push(client);
          client.subscribe<{ stockChanged: { updatedAt: string } }>({ query: plan.query, variables: plan.variables }, {
            next: (result) => {
              delivered++;
              if (result.errors) errors++;
              else if (index < plan.sampled) latencies.push(Date.now() - Date.parse(result.data!.stockChanged.updatedAt));
            },
            error: () => errors++,
            complete: () => undefined,
          });
          ready++;
        });
      }),
    );
  }
  process.send!({ type: 'ready', ready });
}

process.on('message', async (message: { type: string; plan?: Plan }) => {
  if (message.type === 'open') await open(message.plan!);
  if (message.type === 'reset') {
    delivered = 0;
    errors = 0;
    latencies.length = 0;
    process.send!({ type: 'reset' });
  }
  if (message.type === 'report') process.send!({ type: 'report', delivered, errors, latencies });
  if (message.type === 'close') {
    await Promise.all(clients.map(async (c) => c.dispose()));
    process.exit(0);
  }
});
