import {
  createTestDatabase,
  startSubgraph,
  type Role,
  type RunningSubgraph,
  type SubgraphDefinition,
  type TestDatabase,
} from '@tradegraph/kit';
import { composeSupergraph } from '../../gateway/src/composition';
import { gatewayConfigFromEnv, type GatewayConfig } from '../../gateway/src/config';
import { issueToken } from '../../gateway/src/auth';
import { startGateway, type RunningGateway } from '../../gateway/src/server';
import { customersSubgraph } from '../../subgraphs/customers/src/subgraph';
import { productsSubgraph } from '../../subgraphs/products/src/subgraph';

export const TEST_JWT_SECRET = 'test-jwt-secret-for-the-supergraph-tests';
export const TEST_CALLER_SECRET = 'test-caller-signing-secret-for-the-supergraph-tests';
const ISSUER = 'tradegraph';
const AUDIENCE = 'tradegraph-api';

/** A whole supergraph on loopback: a fresh database, the subgraphs and a gateway in front. */
export interface TestStack {
  gatewayUrl: string;
  subgraphs: Record<string, RunningSubgraph>;
  database: TestDatabase;
  /** a client token, as the identity provider would issue it */
  token(roles: Role[] | Role, scopes?: string[], subject?: string): Promise<string>;
  /** SQL statements sent by all subgraphs so far */
  statements(): number;
  stop(): Promise<void>;
}

/** Starts the stack; stop it in afterAll. */
export async function startStack(
  definitions: SubgraphDefinition[] = [productsSubgraph, customersSubgraph],
  gatewayOverrides: Partial<GatewayConfig> = {},
): Promise<TestStack> {
  const database = await createTestDatabase();
  const running: RunningSubgraph[] = [];
  let gateway: RunningGateway | undefined;
  try {
    for (const definition of definitions) {
      running.push(await startSubgraph(definition, { port: 0, databaseUrl: database.url, callerSecret: TEST_CALLER_SECRET, poolMax: 10 }));
    }
    const { supergraphSdl } = composeSupergraph(running.map((r) => ({ name: r.name, url: r.url, sdl: r.sdl })));
    const config = gatewayConfigFromEnv({
      port: 0,
      host: '127.0.0.1',
      jwtSecret: TEST_JWT_SECRET,
      jwksUrl: undefined,
      jwtIssuer: ISSUER,
      jwtAudience: AUDIENCE,
      callerSecret: TEST_CALLER_SECRET,
      allowAnonymous: true,
      subgraphUrls: {},
      ...gatewayOverrides,
    });
    gateway = await startGateway(config, { sdl: supergraphSdl });
  } catch (error) {
    await Promise.all(running.map((r) => r.stop()));
    await database.drop();
    throw error;
  }
  const started = gateway;
  return {
    gatewayUrl: started.url,
    subgraphs: Object.fromEntries(running.map((r) => [r.name, r])),
    database,
    token: (roles, scopes = [], subject = 'test-user') =>
      issueToken(TEST_JWT_SECRET, { subject, roles: Array.isArray(roles) ? roles : [roles], scopes, issuer: ISSUER, audience: AUDIENCE }),
    statements: () => running.reduce((sum, r) => sum + r.database.statementCount, 0),
    async stop() {
      await started.stop();
      await Promise.all(running.map((r) => r.stop()));
      await database.drop();
    },
  };
}
