/**
 * The Redis the tests use. TEST_REDIS_URL wins; else the local server on 127.0.0.1:6379; else a
 * `redis-server` of our own on a free port when the binary is installed. Where none can be had,
 * the tests that need one are skipped with a notice in the summary, never silently, and
 * REQUIRE_TEST_REDIS=1 (CI) makes that a failure instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { freePort } from './ports';

const LOCAL = 'redis://127.0.0.1:6379';

/** Set by global-setup when no Redis could be had: the reason, shown in the summary. */
export const NO_REDIS_ENV = 'TEST_REDIS_MISSING';

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}


/** Starts `redis-server` on a free loopback port; undefined when the binary is not installed. */
async function startOwnRedis(): Promise<{ url: string; process: ChildProcess } | undefined> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!spawned) return undefined;
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await answersPing(url)) return { url, process: child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  return undefined;
}

/**
 * Called by global-setup: settles TEST_REDIS_URL (or NO_REDIS_ENV) for every test file and
 * returns a function that stops the Redis it started, if any.
 * @throws when REQUIRE_TEST_REDIS=1 and no Redis could be had
 */
export async function provideTestRedis(): Promise<() => Promise<void>> {
  const wanted = process.env.TEST_REDIS_URL;
  if (wanted && (await answersPing(wanted))) return async () => undefined;
  if (!wanted && (await answersPing(LOCAL))) {
    process.env.TEST_REDIS_URL = LOCAL;
    return async () => undefined;
  }
  const own = wanted ? undefined : await startOwnRedis();
  if (own) {
    process.env.TEST_REDIS_URL = own.url;
    return async () => {
      own.process.kill('SIGTERM');
      await new Promise((resolve) => (own.process.exitCode !== null ? resolve(undefined) : own.process.once('exit', resolve)));
    };
  }
  const reason = wanted ? `no Redis answers at ${wanted}` : `no Redis at 127.0.0.1:6379 and no redis-server binary to start one`;
  if (process.env.REQUIRE_TEST_REDIS === '1') throw new Error(`REQUIRE_TEST_REDIS=1 but ${reason}`);
  delete process.env.TEST_REDIS_URL;
  process.env[NO_REDIS_ENV] = reason;
  return async () => undefined;
}

/** The Redis a test file may use; only call it inside `describeWithRedis`. */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('no test Redis: wrap the tests that need one in describeWithRedis');
  return url;
}

/** `describe` for tests that need a real Redis: skipped, with the summary's notice, where none could be had. */
export function describeWithRedis(name: string, tests: () => void): void {
  (process.env.TEST_REDIS_URL ? describe : describe.skip)(name, tests);
}
