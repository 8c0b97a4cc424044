import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../embedded-postgres';
import { SUBGRAPHS } from '../subgraphs';
import { freeStablePort } from '../../test/support/ports';
import { answersOk, listensOn, redisAnswers, ROOT, ServerProcess } from './server-process';

/** Where a harness (`faults`, `scale`) keeps its Redis data and the servers' logs (git-ignored). */
export const workDirOf = (harness: string): string => path.join(ROOT, '.data', harness);

/**
 * The harness's own PostgreSQL (the embedded one, on a port of its own), which it can stop and
 * start again on the same port and data.
 */
class HarnessPostgres {
  private running?: EmbeddedDatabase;
  url = '';

  /** `folder`: its data folder under .data, apart from `npm start`'s and the other harness's */
  constructor(readonly port: number, private readonly folder: string) {}

  async start(): Promise<void> {
    // startEmbeddedPostgres reads its port from here; this process is the harness alone.
    process.env.EMBEDDED_PG_PORT = String(this.port);
    this.running = await startEmbeddedPostgres(ROOT, this.folder);
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
  readonly ports = new Set<number>();
  private readonly workDir: string;

  /** `harness` names its folders: .data/<harness> (Redis data, logs) and .data/<harness>-postgres, so two harnesses can run at once. */
  constructor(private readonly harness = 'faults') {
    this.workDir = workDirOf(harness);
  }

  /** PostgreSQL first (empty database) and Redis (empty data folder); `seed` runs against the database before the subgraphs start. */
  async startDatabases(): Promise<void> {
    fs.mkdirSync(path.join(this.workDir, 'logs'), { recursive: true });
    const redisDir = path.join(this.workDir, 'redis');
    fs.rmSync(redisDir, { recursive: true, force: true });
    fs.mkdirSync(redisDir, { recursive: true });
    for (const file of fs.readdirSync(path.join(this.workDir, 'logs'))) fs.rmSync(path.join(this.workDir, 'logs', file));

    this.postgres = new HarnessPostgres(await freeStablePort(this.ports), `${this.harness}-postgres`);
    await this.postgres.start();
    await this.postgres.recreateDatabase();

    const redisPort = await freeStablePort(this.ports);
    // AOF on and snapshots off: what Redis acknowledged survives its restart, and nothing else is written.
    this.redis = new ServerProcess('redis', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--appendonly', 'yes', '--save', '', '--dir', redisDir], process.env, this.logFile('redis'), async (pid) => (await redisAnswers(redisPort)) && listensOn(pid, redisPort));
    await this.redis.start(20_000);
    this.redisUrl = `redis://127.0.0.1:${redisPort}`;
  }

  /** Every subgraph (in parallel) and then the gateway, over the checked-in supergraph with SUBGRAPH_URL_* pointing at them. */
  async startServers(): Promise<void> {
    const gatewayPort = await freeStablePort(this.ports);
    this.gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const common = this.serverEnv(this.gatewayUrl);
    const routing: Record<string, string> = {};
    for (const { definition, folder } of SUBGRAPHS) {
      const name = definition.name;
      const port = await freeStablePort(this.ports);
      routing[subgraphUrlVariable(name)] = `http://127.0.0.1:${port}/graphql`;
      this.subgraphs.set(name, this.subgraphServer(name, name, folder, port, common));
    }
    await Promise.all([...this.subgraphs.values()].map((server) => server.start()));
    this.gateway = this.gatewayServer('gateway', gatewayPort, { ...common, ...routing });
    await this.gateway.start();
  }

  /** What every Node server of the cluster is given: the databases, the shared secrets, where the gateway is (subgraphs call back through it). */
  serverEnv(gatewayUrl: string): NodeJS.ProcessEnv {
    return {
      ...process.env,
      HOST: '127.0.0.1',
      DATABASE_URL: this.postgres.url,
      DATABASE_POOL_MAX: '5',
      REDIS_URL: this.redisUrl,
      CALLER_SIGNING_SECRET: this.secrets.caller,
      JWT_SECRET: this.secrets.jwt,
      GATEWAY_URL: gatewayUrl,
      LOG_LEVEL: process.env.FAULTS_SERVER_LOG_LEVEL ?? 'warn',
      TRACK_SQL_PER_REQUEST: 'false',
    };
  }

  /** Subgraph `name` (from its `folder`) as the process `label` on `port`; not started. */
  subgraphServer(label: string, name: string, folder: string, port: number, env: NodeJS.ProcessEnv): ServerProcess {
    const own = { ...env, SERVICE_NAME: name, PORT: String(port), ...(name === 'sync' ? SYNC_ENV : {}) };
    return this.nodeServer(label, path.join(folder, 'src', 'index.ts'), [], own, port);
  }

  /** A gateway over the checked-in supergraph as the process `label` on `port`; `env` carries its SUBGRAPH_URL_*. Not started. */
  gatewayServer(label: string, port: number, env: NodeJS.ProcessEnv): ServerProcess {
    const own = { ...env, SERVICE_NAME: 'gateway', PORT: String(port), ALLOW_ANONYMOUS: 'false' };
    return this.nodeServer(label, 'gateway/src/main.ts', ['--supergraph', 'supergraph.graphql'], own, port);
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
    return path.join(this.workDir, 'logs', `${name}.log`);
  }

  /** Ready when `/ready` on `port` answers 2xx and the answer is this process's. */
  private nodeServer(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, port: number): ServerProcess {
    return new ServerProcess(name, process.execPath, ['-r', '@swc-node/register', script, ...args], env, this.logFile(name), async (pid) => (await answersOk(`http://127.0.0.1:${port}/ready`)) && listensOn(pid, port));
  }
}

/** The gateway's routing override for subgraph `name`, e.g. SUBGRAPH_URL_FIELD_AGENTS. */
export const subgraphUrlVariable = (name: string): string => `SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`;

/**
 * Sync as a fast outbound pusher: its job queue polled often and retries soon, so pushes follow
 * events within a second or two; a run whose worker died (PostgreSQL cut it off mid-job) is
 * taken for lost after 10 s without a heartbeat instead of a minute, so a run fits in minutes.
 */
const SYNC_ENV = { SYNC_POLL_INTERVAL_MS: '200', SYNC_RETRY_BASE_MS: '200', SYNC_RETRY_MAX_MS: '2000', SYNC_HEARTBEAT_MS: '2000', SYNC_STALE_RUN_MS: '10000' };
