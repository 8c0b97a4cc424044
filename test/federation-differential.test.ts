/**
 * Differential test of the Tradegraph gateway against stock @apollo/gateway + @apollo/server:
 * the same supergraph (four in-memory demo subgraphs, bench/federation) served both ways, and
 * many documents run through each. Data must be the same bytes; errors the same paths,
 * locations, codes and messages, except where the gateway's masking rule applies on purpose
 * (an unexpected subgraph error reaches clients as INTERNAL "Internal server error", README
 * "Errors"). Any executor that replaces Apollo's must keep this test green.
 */
import { demoSupergraph, post, serveOurs, serveStock, type ServedGateway } from '../bench/federation/gateways';
import { DEEP_QUERY } from '../bench/federation/query';
import { serveDemoSubgraphs } from '../bench/federation/subgraphs';
import { DOCUMENTS } from '../bench/federation/documents';

interface Body {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; locations?: unknown; extensions?: Record<string, unknown> }[];
}

let stop: () => Promise<void>;
let stock: ServedGateway;
let ours: ServedGateway;

beforeAll(async () => {
  const subgraphs = await serveDemoSubgraphs();
  const supergraph = demoSupergraph(subgraphs.subgraphs);
  stock = await serveStock(supergraph);
  ours = await serveOurs(supergraph);
  stop = async () => {
    await Promise.all([stock.stop(), ours.stop()]);
    await subgraphs.stop();
  };
});
afterAll(() => stop?.());

async function both(query: string, variables?: Record<string, unknown>): Promise<{ stock: Body; ours: Body; raw: { stock: string; ours: string }; status: { stock: number; ours: number } }> {
  const [a, b] = await Promise.all([post(stock, query, variables), post(ours, query, variables)]);
  return { stock: JSON.parse(a.text) as Body, ours: JSON.parse(b.text) as Body, raw: { stock: a.text, ours: b.text }, status: { stock: a.status, ours: b.status } };
}

/**
 * What must match in an error: message, path, locations and extensions, except where ours
 * masks on purpose. Stock passes a subgraph's unexpected error on with its message, code
 * INTERNAL_SERVER_ERROR and the subgraph's `serviceName`; ours answers it as INTERNAL "Internal
 * server error" with nothing else (its message may hold internals: README, "Errors"). Coded
 * errors (FORBIDDEN here) pass through both unchanged, `serviceName` included.
 */
function comparable(error: NonNullable<Body['errors']>[number], side: 'stock' | 'ours') {
  const code = error.extensions?.code;
  const masked = side === 'stock' && (code === 'INTERNAL_SERVER_ERROR' || code === undefined);
  return {
    message: masked ? 'Internal server error' : error.message,
    path: error.path,
    locations: error.locations,
    extensions: masked ? { code: 'INTERNAL' } : error.extensions,
  };
}

describe('the Tradegraph gateway answers as stock @apollo/gateway does', () => {
  test('the benchmark\'s deep query: the same bytes', async () => {
    const { raw, stock: a } = await both(DEEP_QUERY, { first: 28 });
    expect(a.errors).toBeUndefined();
    expect(raw.ours.length).toBeGreaterThan(60_000);
    expect(raw.ours).toBe(raw.stock);
  });

  test.each(DOCUMENTS.map((d) => [d.name, d] as const))('%s', async (_name, document) => {
    const result = await both(document.query, document.variables);
    // data: the same bytes (JSON.stringify keeps key order, so order counts too)
    expect(JSON.stringify(result.ours.data)).toBe(JSON.stringify(result.stock.data));
    expect((result.ours.errors ?? []).map((e) => comparable(e, 'ours'))).toEqual((result.stock.errors ?? []).map((e) => comparable(e, 'stock')));
    if (document.expectErrors) expect(result.stock.errors?.length ?? 0).toBeGreaterThan(0);
    else expect(result.stock.errors).toBeUndefined();
    if (!document.expectErrors) expect(result.raw.ours).toBe(result.raw.stock);
    // A request error is HTTP 400 from stock; ours follows GraphQL over HTTP (README, "Errors"):
    // 200 for a client that accepts application/json, 400 for application/graphql-response+json.
    if (document.requestError) expect([result.status.stock, result.status.ours]).toEqual([400, 200]);
    else expect(result.status.ours).toBe(result.status.stock);
  });
});
