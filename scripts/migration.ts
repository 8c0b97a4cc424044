/**
 * Writes a new migration for one subgraph: the difference between its entities and the schema
 * its existing migrations produce, found on a scratch database that is dropped afterwards.
 *
 *   npm run migration:create -- products [name]
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { schemaNameOf } from '@tradegraph/kit';
import { subgraphNamed } from './subgraphs';

async function main() {
  const [name, given] = process.argv.slice(2);
  // The label becomes part of a class name: letters, digits and underscores only.
  const label = given?.replace(/[^A-Za-z0-9_]/g, '_');
  if (!name) throw new Error('usage: npm run migration:create -- <subgraph> [name]');
  const { definition, folder } = subgraphNamed(name);
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `tradegraph_migration_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${scratch}`);
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  const migrationsDir = path.resolve(folder, 'migrations');
  try {
    const orm = await MikroORM.init({
      driver: PostgreSqlDriver,
      clientUrl: url.toString(),
      schema: schemaNameOf(definition),
      entities: definition.entities,
      extensions: [Migrator],
      migrations: { migrationsList: definition.migrations, path: migrationsDir, emit: 'ts', snapshot: false },
    });
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(migrationsDir, false, definition.migrations.length === 0, label);
    await orm.close();
    if (!result.fileName) {
      console.log(`${name}: entities and migrations agree; nothing to write`);
      return;
    }
    writeIndex(migrationsDir);
    console.log(`${name}: wrote ${path.join(folder, 'migrations', result.fileName)}`);
  } finally {
    await admin.query(`drop database if exists ${scratch}`);
    await admin.end();
  }
}

/** Rewrites migrations/index.ts so that it lists every migration file in order. */
function writeIndex(dir: string) {
  const files = fs.readdirSync(dir).filter((f) => /^Migration\d+.*\.ts$/.test(f)).sort();
  const lines = files.map((f, i) => `import { ${className(dir, f)} as M${i} } from './${f.replace(/\.ts$/, '')}';`);
  const list = files.map((f, i) => `  { name: '${f.replace(/\.ts$/, '')}', class: M${i} },`);
  fs.writeFileSync(
    path.join(dir, 'index.ts'),
    `// Written by scripts/migration.ts: every migration of this subgraph, in the order they apply.\n` +
      `import type { MigrationObject } from '@mikro-orm/core';\n${lines.join('\n')}\n\n` +
      `export const migrations: MigrationObject[] = [\n${list.join('\n')}\n];\n`,
  );
}

function className(dir: string, file: string): string {
  const match = /export class (\w+)/.exec(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (!match) throw new Error(`${file} exports no migration class`);
  return match[1];
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
