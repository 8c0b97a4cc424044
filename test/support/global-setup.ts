/**
 * Before any test file: make sure tests have a PostgreSQL server. TEST_DATABASE_URL (or
 * DATABASE_URL) wins; else the local server on 127.0.0.1:5432; else an embedded PostgreSQL
 * under .data/test-postgres, so `npm test` works on a machine with no database installed.
 * Redis likewise (test-redis.ts), and Chromium for the browser tests (browser.ts).
 */
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres';
import { provideBrowser } from './browser';
import { provideTestRedis } from './test-redis';

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export default async function globalSetup(): Promise<void> {
  (globalThis as { __stopTestRedis?: () => Promise<void> }).__stopTestRedis = await provideTestRedis();
  await providePostgres();
  provideBrowser();
}

async function providePostgres(): Promise<void> {
  if (process.env.TEST_DATABASE_URL || process.env.DATABASE_URL) return;
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await reachable(local)) {
    process.env.TEST_DATABASE_URL = local;
    return;
  }
  process.env.EMBEDDED_PG_PORT ??= '54339';
  const embedded = await startEmbeddedPostgres(path.resolve(__dirname, '../..'), 'test-postgres');
  const url = new URL(embedded.url);
  url.pathname = '/postgres';
  process.env.TEST_DATABASE_URL = url.toString();
  (globalThis as { __embeddedPostgres?: { stop(): Promise<void> } }).__embeddedPostgres = embedded;
}
