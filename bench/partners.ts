/**
 * What the partner path costs at the gateway: the same public query (PublicProducts) sent with
 * an ADMIN JWT and with partner API keys (key check, validation against the public contract,
 * rate limits, trusted-document lookup), measured interleaved in one run so machine noise hits
 * every variant alike. Rate limits stay on, set high enough never to refuse.
 *
 *   npm run bench:partners [-- --requests 1000 --redis]
 *
 * --redis keeps rate limits and the APQ store in Redis (REDIS_URL, default redis://127.0.0.1:6379),
 * as replicas in production do; without it they are in memory.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import manifest from '../operations/__generated__/persisted-documents.json';
import { CreateApiKeyDocument, CreatePartnerDocument, PublicProductsDocument } from '../operations/__generated__/graphql';
import { seedDemoData } from '../scripts/demo-data';
import { executeOk } from '../test/support/client';
import { startStack } from '../test/support/stack';
import { percentile } from './stats';

const ID = (PublicProductsDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
const QUERY = (manifest as Record<string, string>)[ID];
const VARIABLES = { first: 10 };
/** High enough that no request of the run is refused; the limiter still counts each one. */
const UNLIMITED = 10_000_000;

async function post(url: string, body: Record<string, unknown>, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { errors?: unknown };
  if (answer.errors) throw new Error(`request failed (HTTP ${response.status}): ${JSON.stringify(answer.errors)}`);
  return performance.now() - started;
}


async function main() {
  const { values } = parseArgs({ options: { requests: { type: 'string', default: '1000' }, warmup: { type: 'string', default: '200' }, redis: { type: 'boolean', default: false } } });
  const requests = Number(values.requests);
  const warmup = Number(values.warmup);
  const redisUrl = values.redis ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined;
  process.env.LOG_LEVEL ??= 'warn';
  const stack = await startStack({
    subgraphs: ['products', 'customers', 'inventory', 'partners'],
    gateway: { redisUrl, rateLimitRequestsPerMinute: UNLIMITED, rateLimitCostPerMinute: UNLIMITED, rateLimitKeyPrefix: `bench:${randomUUID()}` },
  });
  try {
    const { products, customers, inventory } = stack.subgraphs;
    await seedDemoData({ products: products.database, customers: customers.database, inventory: inventory.database }, { products: 200, customers: 50 });
    const admin = await stack.token('ADMIN');
    const partnerKey = async (trustedDocumentsOnly: boolean) => {
      const input = { name: `Bench partner ${randomUUID()}`, trustedDocumentsOnly, requestsPerMinute: UNLIMITED, costPerMinute: UNLIMITED };
      const { createPartner } = await executeOk(stack.gatewayUrl, CreatePartnerDocument, { input }, { token: admin });
      const { createApiKey } = await executeOk(stack.gatewayUrl, CreateApiKeyDocument, { input: { partnerId: createPartner.id } }, { token: admin });
      return createApiKey.secret;
    };
    const open = await partnerKey(false);
    const trustedOnly = await partnerKey(true);
    const variants: { name: string; body: Record<string, unknown>; headers: Record<string, string> }[] = [
      { name: 'ADMIN JWT, query text', body: { query: QUERY, variables: VARIABLES }, headers: { authorization: `Bearer ${admin}` } },
      { name: 'ADMIN JWT, documentId', body: { documentId: ID, variables: VARIABLES }, headers: { authorization: `Bearer ${admin}` } },
      { name: 'partner API key, query text', body: { query: QUERY, variables: VARIABLES }, headers: { authorization: `ApiKey ${open}` } },
      { name: 'partner API key (trusted only), documentId', body: { documentId: ID, variables: VARIABLES }, headers: { authorization: `ApiKey ${trustedOnly}` } },
    ];
    for (let i = 0; i < warmup; i++) for (const v of variants) await post(stack.gatewayUrl, v.body, v.headers);
    const samples = variants.map(() => [] as number[]);
    for (let i = 0; i < requests; i++) {
      for (const [index, v] of variants.entries()) samples[index].push(await post(stack.gatewayUrl, v.body, v.headers));
    }
    const sorted = samples.map((s) => [...s].sort((a, b) => a - b));
    const [baseP50, baseP99] = [percentile(sorted[0], 50), percentile(sorted[0], 99)];
    console.log(`\nPublicProducts(first: 10), ${requests} sequential requests per variant, interleaved; rate limits in ${redisUrl ? 'Redis' : 'memory'} (node ${process.version}, ${new Date().toISOString()})\n`);
    console.log('variant'.padEnd(46), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'p50 vs ADMIN'.padStart(13), 'p99 vs ADMIN'.padStart(13));
    for (const [index, v] of variants.entries()) {
      const [p50, p99] = [percentile(sorted[index], 50), percentile(sorted[index], 99)];
      const delta = (value: number, base: number) => `${value - base >= 0 ? '+' : ''}${(value - base).toFixed(2)}`.padStart(13);
      console.log(v.name.padEnd(46), p50.toFixed(2).padStart(8), p99.toFixed(2).padStart(8), delta(p50, baseP50), delta(p99, baseP99));
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
