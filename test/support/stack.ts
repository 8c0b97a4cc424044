import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import {
  GatewayClient,
  InProcessBus,
  serviceTokenProvider,
  startSubgraph,
  type EventBus,
  type Role,
  type RunningSubgraph,
  type SubgraphDefinition,
} from '@tradegraph/kit';
import { createTestDatabase, type TestDatabase } from '@tradegraph/kit/testing';
import { composeSupergraph } from '../../gateway/src/composition';
import { gatewayConfigFromEnv, type GatewayConfig } from '../../gateway/src/config';
import { issueToken } from '../../gateway/src/auth';
import { startGateway, type RunningGateway } from '../../gateway/src/server';
import { stopPhases, SUBGRAPHS } from '../../scripts/subgraphs';

export const TEST_JWT_SECRET = 'test-jwt-secret-for-the-supergraph-tests';
export const TEST_CALLER_SECRET = 'test-caller-signing-secret-for-the-supergraph-tests';
const ISSUER = 'tradegraph';
const AUDIENCE = 'tradegraph-api';

/** A whole supergraph on loopback: a fresh database, the subgraphs and a gateway in front. */
export interface TestStack {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  database: TestDatabase;
  bus: EventBus;
  /** a client token, as the identity provider would issue it */
  token(roles: Role[] | Role, scopes?: string[], subject?: string): Promise<string>;
  /** SQL statements sent by all subgraphs so far (background work included) */
  statements(): number;
  /** SQL statements all subgraphs sent for the request with this x-request-id */
  statementsFor(requestId: string): number;
  /** Stops a subgraph and starts it again on the same port (the gateway keeps its URL). */
  restart(name: string): Promise<void>;
  /** Stops a subgraph (it stays down until restarted). */
  stopSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** which of our subgraphs to run (default: all) */
  subgraphs?: string[];
  /** per subgraph name, its settings */
  settings?: Record<string, Record<string, unknown>>;
  gateway?: Partial<GatewayConfig>;
  /** the bus every subgraph publishes to (default: one in-process bus) */
  bus?: EventBus;
  /** share another stack's database instead of creating one (a second set of replicas) */
  database?: TestDatabase;
  /** serve the supergraph from this file (watched for changes) instead of from memory */
  supergraphFile?: string;
  /** how often outbox relays poll when nobody nudges them (default 50 ms: tests want events fast) */
  relayIntervalMs?: number;
}

/** The gateway configuration of the tests: test secrets, loopback, port 0, anonymous callers allowed. */
function testGatewayConfig(overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return gatewayConfigFromEnv({
    port: 0,
    host: '127.0.0.1',
    jwtSecret: TEST_JWT_SECRET,
    jwksUrl: undefined,
    jwtIssuer: ISSUER,
    jwtAudience: AUDIENCE,
    callerSecret: TEST_CALLER_SECRET,
    allowAnonymous: true,
    subgraphUrls: {},
    // Tests share one client identity and poll; rate limits are on only where a test asks for them.
    // One event loop serves every server here, so a burst waits as long as the stack's gateway client does.
    rateLimitRequestsPerMinute: 0,
    rateLimitCostPerMinute: 0,
    requestTimeoutMs: 60_000,
    subgraphTimeoutMs: 60_000,
    ...overrides,
  });
}

/**
 * Starts another gateway replica over the stack's running subgraphs (as a second instance
 * behind a load balancer would be): it shares nothing with the first but the subgraphs and
 * whatever `overrides` point both at. Stop it yourself before the stack.
 */
export async function startExtraGateway(stack: TestStack, overrides: Partial<GatewayConfig> = {}): Promise<RunningGateway> {
  const { supergraphSdl } = composeSupergraph(Object.values(stack.subgraphs).map((r) => ({ name: r.name, url: r.url, sdl: r.sdl })));
  return startGateway(testGatewayConfig(overrides), { sdl: supergraphSdl });
}

/** Starts the stack; stop it in afterAll. */
export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const wanted = options.subgraphs ?? SUBGRAPHS.map((s) => s.definition.name);
  const definitions: SubgraphDefinition[] = SUBGRAPHS.filter((s) => wanted.includes(s.definition.name)).map((s) => s.definition);
  const database = options.database ?? (await createTestDatabase());
  const bus = options.bus ?? new InProcessBus();
  let gatewayUrl = '';
  // As in production (gateway-client-from-env.ts): each subgraph calls as `service:<name>`.
  const gatewayClient = (name: string, scopes: string[] = []) => new GatewayClient({
    url: () => gatewayUrl,
    // Everything shares one event loop here, so a burst of 200 orders queues far longer than
    // separate processes would; the tests are about correctness, not latency.
    timeoutMs: 60_000,
    token: serviceTokenProvider({ secret: TEST_JWT_SECRET, issuer: ISSUER, audience: AUDIENCE, subject: `service:${name}`, scopes }),
  });
  const running: RunningSubgraph[] = [];
  let gateway: RunningGateway | undefined;
  const start = (definition: SubgraphDefinition, port: number) =>
    startSubgraph(definition, {
      port,
      databaseUrl: database.url,
      callerSecret: TEST_CALLER_SECRET,
      poolMax: 10,
      bus,
      gateway: gatewayClient(definition.name, definition.serviceScopes),
      settings: options.settings?.[definition.name],
      relay: { intervalMs: options.relayIntervalMs ?? 50 },
    });
  try {
    for (const definition of definitions) running.push(await start(definition, 0));
    const { supergraphSdl } = composeSupergraph(running.map((r) => ({ name: r.name, url: r.url, sdl: r.sdl })));
    const config = testGatewayConfig(options.gateway);
    if (options.supergraphFile) fs.writeFileSync(options.supergraphFile, supergraphSdl);
    gateway = await startGateway(config, options.supergraphFile ? { path: options.supergraphFile } : { sdl: supergraphSdl });
    gatewayUrl = gateway.url;
  } catch (error) {
    await Promise.all(running.map((r) => r.stop()));
    if (!options.database) await database.drop();
    throw error;
  }
  const started = gateway;
  const subgraphs: Record<string, RunningSubgraph> = Object.fromEntries(running.map((r) => [r.name, r]));
  return {
    gatewayUrl: started.url,
    gateway: started,
    subgraphs,
    database,
    bus,
    token: (roles, scopes = [], subject = 'test-user') =>
      issueToken(TEST_JWT_SECRET, { subject, roles: Array.isArray(roles) ? roles : [roles], scopes, issuer: ISSUER, audience: AUDIENCE }),
    statements: () => running.reduce((sum, r) => sum + r.database.statementCount, 0),
    statementsFor: (requestId) => Object.values(subgraphs).reduce((sum, r) => sum + r.database.statementsFor(requestId), 0),
    async stopSubgraph(name) {
      await subgraphs[name].stop();
    },
    async restart(name) {
      const port = Number(new URL(subgraphs[name].url).port);
      await subgraphs[name].stop();
      subgraphs[name] = await start(definitions.find((d) => d.name === name)!, port);
    },
    async stop() {
      await started.stop();
      for (const phase of stopPhases(Object.values(subgraphs))) await Promise.all(phase.map((r) => r.stop()));
      if (!options.bus) await bus.close();
      if (!options.database) await database.drop();
    },
  };
}

/**
 * Runs one request with a fresh x-request-id and counts the SQL statements every subgraph
 * sent for it (background work, like the outbox relay, is not counted).
 */
export async function countStatements<T>(stack: TestStack, run: (headers: Record<string, string>) => Promise<T>): Promise<{ result: T; statements: number }> {
  const requestId = randomUUID();
  const result = await run({ 'x-request-id': requestId });
  return { result, statements: stack.statementsFor(requestId) };
}
