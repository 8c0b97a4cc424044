/**
 * Starts the whole supergraph in one process: PostgreSQL (embedded when DATABASE_URL is not
 * set), every subgraph, demo data on first start, and the gateway over supergraph.graphql.
 * Ctrl-C stops everything.
 *
 *   npm start
 */
import 'reflect-metadata';
import path from 'node:path';
import {
  ConfigError,
  createEventBus,
  DEVELOPMENT_CALLER_SECRET,
  envInt,
  envOptional,
  envSecret,
  envString,
  gatewayClientFromEnv,
  logger,
  Role,
  shutdownGraceMsFromEnv,
  startSubgraph,
  startTracing,
  stopTracing,
  type EventBus,
  type RunningSubgraph,
} from '@tradegraph/kit';
import { issueToken } from '../gateway/src/auth';
import { gatewayConfigFromEnv } from '../gateway/src/config';
import { startGateway, type RunningGateway } from '../gateway/src/server';
import { isEmpty, seedDemoData, seedSizesFromEnv } from './demo-data';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { stopPhases, SUBGRAPHS } from './subgraphs';

const root = path.resolve(__dirname, '..');

async function main() {
  const started = performance.now();
  // Before any server starts (they decide at start whether to trace): on when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  startTracing();
  let embedded: EmbeddedDatabase | undefined;
  const subgraphs: RunningSubgraph[] = [];
  let gateway: RunningGateway | undefined;
  let bus: EventBus | undefined;

  // The gateway, then the subgraphs, each get the grace period (SHUTDOWN_GRACE_MS) for requests
  // in flight; PostgreSQL is stopped last, always (it runs in a session of its own, so a
  // terminal's Ctrl-C reaches only this process).
  const graceMs = shutdownGraceMsFromEnv();
  const stopAll = async () => {
    await within(graceMs + 2000, 'the gateway', gateway?.stop());
    // The audit log last: it stores what the others' relays still publish while they stop.
    for (const phase of stopPhases(subgraphs)) await within(graceMs + 5000, `the subgraphs ${phase.map((s) => s.name).join(', ')}`, Promise.all(phase.map((s) => s.stop())));
    await within(2000, 'the event bus', bus?.close());
    await within(2000, 'the trace exporter', stopTracing());
    logger.info('servers stopped');
    if (embedded) {
      await embedded.stop();
      logger.info('embedded PostgreSQL stopped');
    }
  };
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping …');
    stopAll().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres(root);
      databaseUrl = embedded.url;
    }
    const callerSecret = envSecret('CALLER_SIGNING_SECRET', DEVELOPMENT_CALLER_SECRET);
    // One bus for the whole process: in-process unless REDIS_URL is set.
    bus = createEventBus(envOptional('REDIS_URL'));
    for (const { definition, port, settings } of SUBGRAPHS) {
      const envPort = envInt(`${definition.name.toUpperCase().replace(/-/g, '_')}_PORT`, port, 0, 65535);
      subgraphs.push(
        await startSubgraph(definition, {
          port: envPort,
          databaseUrl,
          callerSecret,
          host: envString('HOST', '127.0.0.1'),
          bus,
          gateway: gatewayClientFromEnv(definition.name, definition.serviceScopes),
          settings: settings?.() as Record<string, unknown> | undefined,
          shutdownGraceMs: graceMs,
        }),
      );
    }
    const byName = Object.fromEntries(subgraphs.map((s) => [s.name, s.database]));
    if (await isEmpty(byName.products)) {
      const result = await seedDemoData({ products: byName.products, customers: byName.customers, inventory: byName.inventory, fieldAgents: byName['field-agents'] }, seedSizesFromEnv());
      logger.info(result, 'seeded demo data');
    }
    // METRICS_PORT is one port per process: here eight servers share one, so each keeps /metrics on its own port.
    if (envOptional('METRICS_PORT')) logger.warn('METRICS_PORT is ignored by npm start: each server serves /metrics on its own port');
    const config = gatewayConfigFromEnv({ supergraphPath: path.join(root, envString('SUPERGRAPH_PATH', 'supergraph.graphql')), metricsPort: undefined });
    gateway = await startGateway(config);
    const token = config.jwtSecret
      ? await issueToken(config.jwtSecret, { subject: 'dev-admin', roles: [Role.ADMIN], scopes: ['customers:pii'], issuer: config.jwtIssuer, audience: config.jwtAudience })
      : '(JWKS_URL is set: use a token from your identity provider)';
    console.log(banner(gateway.url, token, Math.round(performance.now() - started), embedded?.dataDir));
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `a port is already in use: ${(error as Error).message}` : undefined;
    if (message) logger.fatal(message);
    else logger.fatal({ err: error }, 'start failed');
    await stopAll().catch(() => undefined);
    process.exit(1);
  }
}

/** Waits for `work` at most `ms`; a part that does not stop in time is logged and left behind. */
async function within(ms: number, what: string, work: Promise<unknown> | undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const result = await Promise.race([work?.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (result === 'late') logger.warn(`${what} did not stop within ${ms} ms; going on`);
}

/** `dataDir` is the embedded PostgreSQL's data folder, when it runs: shown inside the project when it is. */
function banner(url: string, token: string, ms: number, dataDir: string | undefined): string {
  const data = dataDir && (path.relative(root, dataDir).startsWith('..') ? dataDir : path.relative(root, dataDir));
  return `
Tradegraph is ready in ${ms} ms${data ? ` (embedded PostgreSQL, data in ${data})` : ''}

  GraphQL:    ${url}   (open it in a browser for the explorer)
  Dashboard:  ${url.replace(/\/graphql$/, '/dashboard')}
  Metrics:    ${url.replace(/\/graphql$/, '/metrics')}   (Prometheus; each subgraph's on its own port)

Development token (ADMIN, customers:pii, 12 h; \`npm run token -- --role AGENT\` makes others):

  ${token}

Try:

  TOKEN=${token}
  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ customers(first: 3) { edges { node { name priceList { name } } } } }"}'

Ctrl-C stops everything.
`;
}

void main();
