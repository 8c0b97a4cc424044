/**
 * Tradegraph's plan executor and subscriptions use @apollo/gateway internals it does not export:
 * four helpers from its dist/ files (gateway/src/plan-executor/fetch.ts) and fields of a loaded
 * ApolloGateway (gateway/src/gateway-internals.ts). A version bump that moves, renames or
 * reshapes any of them fails here, by name, rather than as wrong answers at run time.
 */
import { ApolloGateway } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites';
import { generateHydratedPaths } from '@apollo/gateway/dist/executeQueryPlan';
import { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge';
import { composeSupergraph } from '../gateway/src/composition';
import { internalsOf } from '../gateway/src/gateway-internals';
import { LIBRARY_SUBGRAPHS } from './support/library-subgraphs';

test.each([
  ['applyRewrites', 3, applyRewrites],
  ['isObjectOfType', 3, isObjectOfType],
  ['generateHydratedPaths', 4, generateHydratedPaths],
  ['deepMerge', 2, deepMerge],
] as const)('@apollo/gateway/dist still has %s, a function of %i parameters', (_name, arity, imported) => {
  expect(typeof imported).toBe('function');
  expect((imported as (...args: never[]) => unknown).length).toBe(arity);
});

test('the dist helpers still behave as the executor relies on', () => {
  expect(GraphQLDataSourceRequestKind.INCOMING_OPERATION).toBe('incoming operation');
  const target: Record<string, unknown> = { a: { b: 1 }, list: [{ x: 1 }] };
  deepMerge(target, { a: { c: 2 }, list: [{ y: 2 }] });
  expect(target).toEqual({ a: { b: 1, c: 2 }, list: [{ x: 1, y: 2 }] });
  const paths: (string | number)[][] = [];
  generateHydratedPaths([], ['shelf', '@', 'author'], { shelf: [{ author: { id: 'a' } }, { author: { id: 'b' } }] }, paths);
  expect(paths).toEqual([['shelf', 0, 'author'], ['shelf', 1, 'author']]);
});

test('a loaded ApolloGateway still has the fields GatewayInternals declares', async () => {
  const { supergraphSdl } = composeSupergraph(LIBRARY_SUBGRAPHS.map((s) => ({ name: s.name, url: `http://127.0.0.1:1/${s.name}`, sdl: s.typeDefs })));
  const gateway = new ApolloGateway({ supergraphSdl, logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } });
  await gateway.load();
  try {
    const internals = internalsOf(gateway);
    expect(internals.schema?.getQueryType()?.name).toBe('Query');
    expect(internals.supergraphSchema?.getType('Book')).toBeDefined();
    expect(internals.apiSchema?.type('Publication')).toBeDefined();
    expect(typeof internals.queryPlanner?.buildQueryPlan).toBe('function');
    expect(typeof internals.queryPlanStore.get).toBe('function');
    expect(typeof internals.queryPlanStore.set).toBe('function');
    expect(Object.keys(internals.serviceMap).sort()).toEqual(LIBRARY_SUBGRAPHS.map((s) => s.name).sort());
    for (const service of Object.values(internals.serviceMap)) expect(typeof service.dataSource.process).toBe('function');
    expect(typeof internals.recursiveSelectionsLimitDisabled).toBe('boolean');
    expect(typeof internals.nonLocalSelectionsLimitDisabled).toBe('boolean');
    expect(typeof internals.logger.warn).toBe('function');
  } finally {
    await gateway.stop();
  }
});
