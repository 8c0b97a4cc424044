/**
 * The gateway executor's `graphql.plan` span ends however planning ends: an operation the
 * planner refuses (here: over its recursive selections limit) must not leave it open, or its
 * trace never completes and the span is never exported.
 */
import { ApolloGateway } from '@apollo/gateway';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing } from '@tradegraph/kit';
import { parse } from 'graphql';
import { composeSupergraph } from '../gateway/src/composition';
import { tradegraphExecutor } from '../gateway/src/plan-executor/gateway-executor';
import { LIBRARY_SUBGRAPHS } from './support/library-subgraphs';

const exporter = new InMemorySpanExporter();
let gateway: ApolloGateway;

beforeAll(async () => {
  expect(startTracing({ exporter })).toBe(true);
  const { supergraphSdl } = composeSupergraph(LIBRARY_SUBGRAPHS.map((s) => ({ name: s.name, url: `http://127.0.0.1:1/${s.name}`, sdl: s.typeDefs })));
  gateway = new ApolloGateway({ supergraphSdl, logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } });
  await gateway.load();
});
afterAll(async () => {
  await gateway?.stop();
  await stopTracing();
});

/** Each fragment spreads the one before twice: 2^25 selections once expanded, over the planner's 10^7. */
function explodingQuery(levels: number): string {
  const fragments = ['fragment F0 on Query { featured { id } }'];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ... @skip(if: false) { ...F${i - 1} } }`);
  return `query Exploding { ...F${levels} }\n${fragments.join('\n')}`;
}

function requestContext(query: string) {
  return { request: { query, operationName: 'Exploding', variables: {} }, document: parse(query), queryHash: `hash-${query.length}`, context: {}, metrics: {}, logger: console } as never;
}

test('a plan that fails to build still ends its graphql.plan span', async () => {
  const executor = tradegraphExecutor(gateway);
  await expect(executor(requestContext(explodingQuery(24)))).rejects.toThrow('Exceeded maximum recursive selections');
  const plans = exporter.getFinishedSpans().filter((span) => span.name === 'graphql.plan');
  expect(plans).toHaveLength(1);
  expect(plans[0].attributes['graphql.plan.cached']).toBe(false);
});
