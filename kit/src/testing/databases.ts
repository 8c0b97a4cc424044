/* Test databases: each test file gets databases of its own on the test server. */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { Database } from '../database';
import { schemaNameOf, type SubgraphDefinition } from '../subgraph-definition';

/** The PostgreSQL server tests use: TEST_DATABASE_URL (test/support/global-setup sets it), else DATABASE_URL, else the local server. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** A database of its own for one test file, dropped by `drop()`. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database on the test server, so test files never see each other's rows. */
export async function createTestDatabase(prefix = 'tradegraph_test'): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A migrated, connected database for one subgraph's service tests. */
export interface TestSubgraphDatabase {
  database: Database;
  /** a fresh EntityManager, as a request would get */
  em(): EntityManager;
  close(): Promise<void>;
}

/** Creates a database, migrates the subgraph's schema into it and connects. */
export async function openTestDatabase(definition: Pick<SubgraphDefinition, 'name' | 'entities' | 'migrations'>): Promise<TestSubgraphDatabase> {
  const created = await createTestDatabase();
  const database = await Database.connect({ url: created.url, schema: schemaNameOf(definition), entities: definition.entities, migrations: definition.migrations, poolMax: 20 });
  await database.migrate();
  return {
    database,
    em: () => database.orm.em.fork(),
    async close() {
      await database.close();
      await created.drop();
    },
  };
}
