/**
 * The supergraph in its production shape for benchmarks: every subgraph and the gateway in a
 * process of its own (so the machine's cores are all used), on a fresh database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database, issueToken, schemaNameOf, subgraphSchema, type Role } from '@tradegraph/kit';
import { createTestDatabase } from '@tradegraph/kit/testing';
import { composeSupergraph } from '../gateway/src/composition';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { TEST_CALLER_SECRET, TEST_JWT_SECRET } from '../test/support/stack';

const root = path.resolve(__dirname, '..');

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url} exited with code ${child.exitCode} before it was ready`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} was not ready in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A running multi-process supergraph. */
export interface ProcessStack {
  gatewayUrl: string;
  /** each subgraph's GraphQL URL, by name */
  subgraphUrls: Record<string, string>;
  /** direct database handles, for seeding */
  databases: Record<string, Database>;
  token(role: Role, subject?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts every subgraph and the gateway as separate Node processes on ports from `basePort`. */
export async function startProcessStack(basePort = 5000, env: Record<string, string> = {}): Promise<ProcessStack> {
  const database = await createTestDatabase('tradegraph_bench');
  const gatewayUrl = `http://127.0.0.1:${basePort}/graphql`;
  const common = {
    ...process.env,
    DATABASE_URL: database.url,
    CALLER_SIGNING_SECRET: TEST_CALLER_SECRET,
    JWT_SECRET: TEST_JWT_SECRET,
    GATEWAY_URL: gatewayUrl,
    LOG_LEVEL: 'warn',
    TRACK_SQL_PER_REQUEST: 'false',
    ...env,
  };
  const children: ChildProcess[] = [];
  const databases: Record<string, Database> = {};
  const subgraphUrls: Record<string, string> = {};
  const start = (script: string, extra: Record<string, string>) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', script], { cwd: root, env: { ...common, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    return child;
  };
  const supergraphFile = path.join(os.tmpdir(), `tradegraph-bench-${process.pid}.graphql`);
  try {
    const sources = [];
    for (const [index, { definition, folder }] of SUBGRAPHS.entries()) {
      const port = basePort + 1 + index;
      const child = start(path.join(folder, 'src/index.ts'), { PORT: String(port) });
      await waitReady(`http://127.0.0.1:${port}/ready`, child);
      subgraphUrls[definition.name] = `http://127.0.0.1:${port}/graphql`;
      sources.push({ name: definition.name, url: subgraphUrls[definition.name], sdl: (await subgraphSchema(definition)).sdl });
      databases[definition.name] = await Database.connect({ url: database.url, schema: schemaNameOf(definition), entities: definition.entities, migrations: definition.migrations, poolMax: 4 });
    }
    fs.writeFileSync(supergraphFile, composeSupergraph(sources).supergraphSdl);
    const gateway = start('gateway/src/main.ts', { PORT: String(basePort), SUPERGRAPH_PATH: supergraphFile, ALLOW_ANONYMOUS: 'false' });
    await waitReady(`http://127.0.0.1:${basePort}/ready`, gateway);
  } catch (error) {
    for (const child of children) child.kill('SIGKILL');
    throw error;
  }
  return {
    gatewayUrl,
    subgraphUrls,
    databases,
    token: (role, subject = 'bench') => issueToken(TEST_JWT_SECRET, { subject, roles: [role], issuer: 'tradegraph', audience: 'tradegraph-api' }),
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      await Promise.all(Object.values(databases).map((db) => db.close()));
      fs.rmSync(supergraphFile, { force: true });
      await database.drop();
    },
  };
}
