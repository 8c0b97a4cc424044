/**
 * Tradegraph's plan executor and subscriptions use @apollo/gateway internals it does not export:
 * four helpers and an enum from its dist/ files (gateway/src/plan-executor/fetch.ts) and fields of a loaded
 * ApolloGateway (gateway/src/gateway-internals.ts). A version bump that moves, renames or
 * reshapes any of them fails here, by name, rather than as wrong answers at run time.
 */
import { ApolloGateway } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites';
import { generateHydratedPaths } from '@apollo/gateway/dist/executeQueryPlan';
import { deepMerge as apolloDeepMerge } from '@apollo/gateway/dist/utilities/deepMerge';
import { defineOwn } from '@apollo/gateway/dist/utilities/own';
import { composeSupergraph } from '../gateway/src/composition';
import { internalsOf } from '../gateway/src/gateway-internals';
import { deepMerge } from '../gateway/src/plan-executor/fetch';
import { LIBRARY_SUBGRAPHS } from './support/library-subgraphs';

test.each([
  ['applyRewrites', 3, applyRewrites],
  ['isObjectOfType', 3, isObjectOfType],
  ['generateHydratedPaths', 4, generateHydratedPaths],
  ['defineOwn', 2, defineOwn],
] as const)('@apollo/gateway/dist still has %s, a function of %i parameters', (_name, arity, imported) => {
  expect(typeof imported).toBe('function');
  expect((imported as (...args: never[]) => unknown).length).toBe(arity);
});

test('the dist helpers still behave as the executor relies on', () => {
  expect(GraphQLDataSourceRequestKind.INCOMING_OPERATION).toBe('incoming operation');
  const shadowed: Record<string, unknown> = {};
  defineOwn(shadowed, 'constructor');
  expect(Object.prototype.hasOwnProperty.call(shadowed, 'constructor')).toBe(true);
  expect(shadowed.constructor).toBeUndefined();
  const paths: (string | number)[][] = [];
  generateHydratedPaths([], ['shelf', '@', 'author'], { shelf: [{ author: { id: 'a' } }, { author: { id: 'b' } }] }, paths);
  expect(paths).toEqual([['shelf', 0, 'author'], ['shelf', 1, 'author']]);
});

// The executor merges with its own deepMerge (no Object.keys array per object); it must merge as Apollo's does.
type Merge = [target: Record<string, unknown>, source: Record<string, unknown> | null];
test.each<[string, () => Merge]>([
  ['nested objects and lists of objects', () => [{ a: { b: 1 }, list: [{ x: 1 }] }, { a: { c: 2 }, list: [{ y: 2 }] }]],
  ['lists of another length are replaced', () => [{ list: [1, 2], objects: [{ x: 1 }] }, { list: [3], objects: [{ y: 1 }, { y: 2 }] }]],
  ['list elements: objects merged, the rest replaced', () => [{ list: [{ x: 1 }, 2, null, { x: 2 }] }, { list: [{ y: 1 }, { z: 1 }, 5, null] }]],
  ['undefined values are skipped', () => [{ a: 1, b: { c: 1 } }, { a: undefined, b: undefined, d: 2 }]],
  ['falsy targets are replaced by objects', () => [{ a: 0, b: '', c: false, d: null }, { a: { x: 1 }, b: { x: 1 }, c: { x: 1 }, d: { x: 1 } }]],
  ['keys named after Object.prototype members', () => [{ toString: { a: 1 } }, { constructor: 'k', toString: { b: 2 }, valueOf: [1] }]],
  ['an object under a prototype member the target only inherits', () => [{}, { constructor: { x: 1 }, hasOwnProperty: { y: 2 } }]],
  ['an own __proto__ key from JSON', () => [{ a: 1 }, JSON.parse('{"__proto__":{"polluted":1},"b":{"c":2}}') as Record<string, unknown>]],
  ['inherited enumerable properties of the source are not merged', () => [{ a: 1 }, Object.assign(Object.create({ inherited: { x: 1 } }) as Record<string, unknown>, { b: 2 })]],
  ['a null source', () => [{ a: 1 }, null]],
])('deepMerge merges as @apollo/gateway\'s: %s', (_name, inputs) => {
  const [ours, ourSource] = inputs();
  const [apollo, apolloSource] = inputs();
  expect(deepMerge(ours, ourSource)).toBe(ours);
  apolloDeepMerge(apollo, apolloSource);
  // own keys in order, with undefined values shown (toStrictEqual trips over an own `constructor`)
  const shown = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : v));
  expect(shown(ours)).toBe(shown(apollo));
  expect(Object.getPrototypeOf(ours)).toBe(Object.getPrototypeOf(apollo));
  // neither may reach Object.prototype through a key named after one of its members
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object as unknown as Record<string, unknown>).x).toBeUndefined();
});

test('deepMerge fails as @apollo/gateway\'s on an object over a string', () => {
  expect(() => apolloDeepMerge({ a: 'text' }, { a: { b: 1 } })).toThrow(TypeError);
  expect(() => deepMerge({ a: 'text' }, { a: { b: 1 } })).toThrow(TypeError);
});

test('deepMerge into prototype-less objects, as representations may be', () => {
  const ours = Object.assign(Object.create(null) as Record<string, unknown>, { a: { b: 1 } });
  const apollo = Object.assign(Object.create(null) as Record<string, unknown>, { a: { b: 1 } });
  deepMerge(ours, { a: { c: 1 }, constructor: 'k' });
  apolloDeepMerge(apollo, { a: { c: 1 }, constructor: 'k' });
  expect(JSON.stringify(ours)).toBe(JSON.stringify(apollo));
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
