import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../embedded-postgres';
import { SUBGRAPHS } from '../subgraphs';
import { freePort } from '../../test/support/ports';
import { answersOk, redisAnswers, ROOT, ServerProcess } from './server-process';

/** Where the harness keeps its Redis data and the servers' logs (git-ignored). */
export const WORK_DIR = path.join(ROOT, '.data', 'faults');
/** The embedded PostgreSQL's data folder of the harness, apart from `npm start`'s. */
const POSTGRES_FOLDER = 'faults-postgres';

/**
 * The harness's own PostgreSQL (the embedded one, on a port of its own), which it can stop and
 * start again on the same port and data.
 */
class HarnessPostgres {
  private running?: EmbeddedDatabase;
  url = '';

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    // startEmbeddedPostgres reads its port from here; this process is the harness alone.
    process.env.EMBEDDED_PG_PORT = String(this.port);
    this.running = await startEmbeddedPostgres(ROOT, POSTGRES_FOLDER);
    this.url = this.running.url;
  }

  /** An empty `tradegraph` database, so every run starts from the same state. */
  async recreateDatabase(): Promise<void> {
    const admin = new Client({ host: '127.0.0.1', port: this.port, user: 'postgres', password: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query('drop database if exists tradegraph with (force)');
      await admin.query('create database tradegraph');
    } finally {
      await admin.end();
    }
  }

  /** pg_ctl stop -m fast: open connections are cut, as in a restart or failover. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop();
  }

  get dataDir(): string | undefined {
    return this.running?.dataDir;
  }
}

/** The secrets of one run: fresh each time, handed to the servers that share them. */
export interface Secrets {
  jwt: string;
  caller: string;
}

/**
 * The supergraph in its production shape on loopback: PostgreSQL, Redis, every subgraph and
 * the gateway, each its own process on a spare port, so that any one of them can be killed,
 * stopped and started again while the others run.
 */
export class Cluster {
  readonly secrets: Secrets = { jwt: randomBytes(36).toString('base64url'), caller: randomBytes(36).toString('base64url') };
  readonly subgraphs = new Map<string, ServerProcess>();
  gateway!: ServerProcess;
  redis!: ServerProcess;
  postgres!: HarnessPostgres;
  gatewayUrl = '';
  redisUrl = '';
  private readonly ports = new Set<number>();

  /** PostgreSQL first (empty database) and Redis (empty data folder); `seed` runs against the database before the subgraphs start. */
  async startDatabases(): Promise<void> {
    fs.mkdirSync(path.join(WORK_DIR, 'logs'), { recursive: true });
    const redisDir = path.join(WORK_DIR, 'redis');
    fs.rmSync(redisDir, { recursive: true, force: true });
    fs.mkdirSync(redisDir, { recursive: true });
    for (const file of fs.readdirSync(path.join(WORK_DIR, 'logs'))) fs.rmSync(path.join(WORK_DIR, 'logs', file));

    this.postgres = new HarnessPostgres(await freePort(this.ports));
    await this.postgres.start();
    await this.postgres.recreateDatabase();

    const redisPort = await freePort(this.ports);
    // AOF on and snapshots off: what Redis acknowledged survives its restart, and nothing else is written.
    this.redis = new ServerProcess('redis', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--appendonly', 'yes', '--save', '', '--dir', redisDir], process.env, this.logFile('redis'), () => redisAnswers(redisPort));
    await this.redis.start(20_000);
    this.redisUrl = `redis://127.0.0.1:${redisPort}`;
  }

  /** Every subgraph (in parallel) and then the gateway, over the checked-in supergraph with SUBGRAPH_URL_* pointing at them. */
  async startServers(): Promise<void> {
    const gatewayPort = await freePort(this.ports);
    this.gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const common: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      DATABASE_URL: this.postgres.url,
      DATABASE_POOL_MAX: '5',
      REDIS_URL: this.redisUrl,
      CALLER_SIGNING_SECRET: this.secrets.caller,
      JWT_SECRET: this.secrets.jwt,
      GATEWAY_URL: this.gatewayUrl,
      LOG_LEVEL: process.env.FAULTS_SERVER_LOG_LEVEL ?? 'warn',
      TRACK_SQL_PER_REQUEST: 'false',
    };
    const routing: Record<string, string> = {};
    for (const { definition, folder } of SUBGRAPHS) {
      const name = definition.name;
      const port = await freePort(this.ports);
      routing[`SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`] = `http://127.0.0.1:${port}/graphql`;
      const env = { ...common, SERVICE_NAME: name, PORT: String(port), ...(name === 'sync' ? SYNC_ENV : {}) };
      this.subgraphs.set(name, this.nodeServer(name, path.join(folder, 'src', 'index.ts'), [], env, `http://127.0.0.1:${port}/ready`));
    }
    await Promise.all([...this.subgraphs.values()].map((server) => server.start()));
    const gatewayEnv = { ...common, ...routing, SERVICE_NAME: 'gateway', PORT: String(gatewayPort), ALLOW_ANONYMOUS: 'false' };
    this.gateway = this.nodeServer('gateway', 'gateway/src/main.ts', ['--supergraph', 'supergraph.graphql'], gatewayEnv, `http://127.0.0.1:${gatewayPort}/ready`);
    await this.gateway.start();
  }

  subgraph(name: string): ServerProcess {
    const server = this.subgraphs.get(name);
    if (!server) throw new Error(`no subgraph "${name}" runs`);
    return server;
  }

  /** The Node servers (subgraphs and gateway): the ones that must survive what happens to the databases. */
  nodeServers(): ServerProcess[] {
    return [...this.subgraphs.values(), ...(this.gateway ? [this.gateway] : [])];
  }

  /** Stops everything this cluster started, by pid: the gateway, the subgraphs, Redis, PostgreSQL last. */
  async stop(): Promise<void> {
    const settle = (work: Promise<unknown>) => work.catch((error: Error) => console.error(`while stopping: ${error.message}`));
    if (this.gateway) await settle(this.gateway.stop('SIGTERM', 5000));
    await Promise.all([...this.subgraphs.values()].map((server) => settle(server.stop('SIGTERM', 5000))));
    if (this.redis) await settle(this.redis.stop('SIGTERM', 5000));
    if (this.postgres) await settle(this.postgres.stop());
  }

  private logFile(name: string): string {
    return path.join(WORK_DIR, 'logs', `${name}.log`);
  }

  private nodeServer(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, readyUrl: string): ServerProcess {
    return new ServerProcess(name, process.execPath, ['-r', '@swc-node/register', script, ...args], env, this.logFile(name), () => answersOk(readyUrl));
  }
}

/**
 * Sync as a fast outbound pusher: its job queue polled often and retries soon, so pushes follow
 * events within a second or two; a run whose worker died (PostgreSQL cut it off mid-job) is
 * taken for lost after 10 s without a heartbeat instead of a minute, so a run fits in minutes.
 */
const SYNC_ENV = { SYNC_POLL_INTERVAL_MS: '200', SYNC_RETRY_BASE_MS: '200', SYNC_RETRY_MAX_MS: '2000', SYNC_HEARTBEAT_MS: '2000', SYNC_STALE_RUN_MS: '10000' };
