/**
 * SIGTERM on a real gateway process (and a real subgraph process): `/ready` turns 503 at once,
 * new connections are refused, a request in flight still gets its whole answer, graphql-ws
 * subscribers are closed with 1012 (which graphql-ws clients retry), SSE streams end with a
 * retryable SHUTTING_DOWN result, and the process exits 0 within SHUTDOWN_GRACE_MS.
 *
 * A request is kept in flight honestly: the test holds a PostgreSQL lock on the products table,
 * so the products subgraph waits for it, and releases it while the gateway drains.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { print } from 'graphql';
import { CALLER_HEADER, CallerSigner, Role } from '@tradegraph/kit';
import { StockChangedDocument } from '../operations/__generated__/graphql';
import { composeSupergraph } from '../gateway/src/composition';
import { createProduct } from './support/fixtures';
import { startStack, TEST_CALLER_SECRET, TEST_JWT_SECRET, type TestStack } from './support/stack';

const ROOT = path.resolve(__dirname, '..');
const GRACE_MS = 5000;
const HOLD_MS = 700;

let stack: TestStack;
let admin: string;
let directory: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  stack = await startStack({ subgraphs: ['products', 'inventory'] });
  admin = await stack.token(Role.ADMIN);
  await createProduct(stack, admin, '9.00', 'Graceful drill');
  directory = await mkdtemp(path.join(tmpdir(), 'tradegraph-graceful-'));
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await stack?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

/** Starts `node -r @swc-node/register <entry>` and resolves with its URL once it logs `readyMessage`. */
function startProcess(entry: string, env: Record<string, string>, readyMessage: string): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null>; logs: string[] }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry, ...(entry.includes('gateway') ? ['--port', '0'] : [])], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: String(GRACE_MS), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start: ${logs.join('')}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        logs.push(line);
        if (!line.includes(readyMessage)) continue;
        clearTimeout(timer);
        resolve({ child, url: (JSON.parse(line) as { url: string }).url, exited, logs });
      }
    });
    void exited.then((code) => reject(new Error(`${entry} exited with ${code}: ${logs.join('')}`)));
  });
}

/** Holds an ACCESS EXCLUSIVE lock on the products table until `release()`: every read of it waits. */
async function lockProducts(): Promise<{ waiting(): Promise<number>; release(): Promise<void> }> {
  const client = new PgClient({ connectionString: stack.database.url });
  await client.connect();
  await client.query('begin');
  await client.query('lock table products.product in access exclusive mode');
  return {
    waiting: async () => Number((await client.query(`select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`)).rows[0].n),
    release: async () => {
      await client.query('commit');
      await client.end();
    },
  };
}

/** A raw HTTP/1.1 connection: requests written one after another on it (pipelined), everything read until the server closes it. */
function rawConnection(url: string): { send(request: string): void; received: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let data = '';
  socket.on('data', (chunk) => (data += chunk.toString()));
  const received = new Promise<string>((resolve, reject) => {
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
  return { send: (request) => socket.write(request), received };
}

const post = (host: string, body: string, token: string) =>
  `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const get = (host: string, target: string) => `GET ${target} HTTP/1.1\r\nHost: ${host}\r\n\r\n`;

const waitUntil = async (condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

test('SIGTERM on the gateway: /ready 503 and new connections refused at once, the request in flight answered in full, graphql-ws closed with 1012 and retried, SSE ended with SHUTTING_DOWN, exit 0 within the grace period', async () => {
  const { supergraphSdl } = composeSupergraph(Object.values(stack.subgraphs).map((s) => ({ name: s.name, url: s.url, sdl: s.sdl })));
  const supergraphPath = path.join(directory, 'supergraph.graphql');
  await writeFile(supergraphPath, supergraphSdl);
  const gateway = await startProcess('gateway/src/main.ts', {
    SUPERGRAPH_PATH: supergraphPath,
    JWT_SECRET: TEST_JWT_SECRET,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    RATE_LIMIT_REQUESTS_PER_MINUTE: '0',
    RATE_LIMIT_COST_PER_MINUTE: '0',
  }, 'gateway ready');
  const { host } = new URL(gateway.url);

  // A subscriber whose client retries (at once, for the test): it sees 1012, then connects again.
  const closes: number[] = [];
  let connecting = 0;
  const subscriber = createClient({
    url: gateway.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${admin}` },
    retryAttempts: 2,
    retryWait: async () => undefined,
    on: { connecting: () => void connecting++, closed: (event) => void closes.push((event as { code: number }).code) },
  });
  let subscribed = false;
  subscriber.subscribe({ query: print(StockChangedDocument) }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  subscriber.on('connected', () => (subscribed = true));
  await waitUntil(() => subscribed, 'the subscriber to connect');

  // An SSE subscriber: its stream ends with a last, retryable SHUTTING_DOWN result.
  const stream = await fetch(`${gateway.url}/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: print(StockChangedDocument) }),
  });
  expect(stream.status).toBe(200);
  const streamed = stream.text();

  const lock = await lockProducts();
  const inFlight = rawConnection(gateway.url);
  inFlight.send(post(host, JSON.stringify({ query: '{ products(first: 5) { edges { node { name } } } }' }), admin));
  await waitUntil(async () => (await lock.waiting()) > 0, 'the products query to wait on the lock');

  const signalledAt = performance.now();
  gateway.child.kill('SIGTERM');
  await waitUntil(() => gateway.logs.some((line) => line.includes('gateway: stopping')), 'the gateway to begin stopping');
  // The same connection, still busy, asks again: /ready is 503 while draining.
  inFlight.send(get(host, '/ready'));
  // A new connection is refused.
  await waitUntil(async () => {
    try {
      await fetch(gateway.url.replace(/\/graphql$/, '/health'));
      return false;
    } catch (error) {
      return /ECONNREFUSED/.test(String((error as { cause?: unknown }).cause));
    }
  }, 'new connections to be refused', 2000);
  await waitUntil(() => closes.length > 0, 'the subscriber to be closed');
  expect(closes[0]).toBe(1012);
  await waitUntil(() => connecting >= 2, 'the graphql-ws client to retry after 1012');

  await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  await lock.release();
  const answered = await inFlight.received;
  expect([...answered.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]))).toEqual([200, 503]);
  expect(answered).toContain('"name":"Graceful drill"');
  expect(answered).not.toContain('"errors"');
  const events = await streamed;
  expect(events).toMatch(/event: next\ndata: .*"code":"SHUTTING_DOWN"/);
  expect(events).toContain('"retryable":true');
  expect(events.trim()).toMatch(/event: complete\ndata:\s*$/);
  expect(await gateway.exited).toBe(0);
  const stoppedMs = performance.now() - signalledAt;
  expect(stoppedMs).toBeGreaterThan(HOLD_MS);
  expect(stoppedMs).toBeLessThan(GRACE_MS);
  await subscriber.dispose();
}, 60_000);

test('SIGTERM on a subgraph process: the request in flight is answered in full, then it exits 0 within the grace period', async () => {
  const products = await startProcess('subgraphs/products/src/index.ts', {
    PORT: '0',
    DATABASE_URL: stack.database.url,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
  }, 'subgraph ready');
  const signed = await new CallerSigner(TEST_CALLER_SECRET).sign({ subject: 'test-admin', roles: [Role.ADMIN], scopes: [] }, 'graceful-subgraph');
  const { host } = new URL(products.url);
  const lock = await lockProducts();
  const inFlight = rawConnection(products.url);
  const body = JSON.stringify({ query: '{ products(first: 5) { edges { node { name } } } }' });
  inFlight.send(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n${CALLER_HEADER}: ${signed}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  await waitUntil(async () => (await lock.waiting()) > 0, 'the products query to wait on the lock');

  const signalledAt = performance.now();
  products.child.kill('SIGTERM');
  await waitUntil(() => products.logs.some((line) => line.includes('products: stopping')), 'the subgraph to begin stopping');
  inFlight.send(get(host, '/ready'));
  await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  await lock.release();
  const answered = await inFlight.received;
  expect([...answered.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]))).toEqual([200, 503]);
  expect(answered).toContain('"name":"Graceful drill"');
  expect(await products.exited).toBe(0);
  expect(performance.now() - signalledAt).toBeLessThan(GRACE_MS);
}, 60_000);
