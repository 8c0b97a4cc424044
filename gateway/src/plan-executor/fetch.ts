/**
 * One Fetch node of a query plan, as @apollo/gateway's executeFetch (executeQueryPlan.ts, 2.14)
 * runs it, without the OpenTelemetry span and Studio trace node per fetch: variables picked by
 * the node's variable usages, entity representations built from `requires` (with input
 * rewrites), the answer merged into the entities it belongs to (with output rewrites), and the
 * subgraph's errors mapped to client paths with `serviceName`. Every fetch goes through the
 * data source the gateway built for that subgraph (signed caller context, request id,
 * breaker, timeout, retries, UNAVAILABLE partial answers).
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites';
import { generateHydratedPaths } from '@apollo/gateway/dist/executeQueryPlan';
import { defineOwn } from '@apollo/gateway/dist/utilities/own';
import { errorCodeDef, ERRORS } from '@apollo/federation-internals';
import type { FetchNode, QueryPlanSelectionNode, ResponsePath } from '@apollo/query-planner';
import { GraphQLError, type GraphQLErrorOptions, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';

export type ResultMap = Record<string, unknown>;

/** Where a node works: a path into the full result and the object(s) found there. */
export interface Cursor {
  path: ResponsePath;
  data: ResultMap | ResultMap[];
  fullResult: ResultMap;
}

/** What one plan execution shares between its fetches. */
export interface FetchContext {
  serviceMap: Record<string, GraphQLDataSource>;
  // the gateway's request context, passed on to data sources as Apollo passes it
  requestContext: { request: { variables?: Record<string, unknown> }; context: unknown; metrics?: { nonFtv1ErrorPaths?: { subgraph: string; path?: readonly (string | number)[] }[] } };
  supergraphSchema: GraphQLSchema;
  errors: GraphQLError[];
  /** isObjectOfType answers by type condition, then __typename, for this supergraph */
  typeChecks: Map<string, Map<string, boolean>>;
}

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

function ofType(context: FetchContext, source: ResultMap, typeCondition: string): boolean {
  const typename = source.__typename;
  if (typeof typename !== 'string' || !typename) return isObjectOfType(context.supergraphSchema, source, typeCondition);
  let byTypename = context.typeChecks.get(typeCondition);
  if (!byTypename) context.typeChecks.set(typeCondition, (byTypename = new Map()));
  let answer = byTypename.get(typename);
  if (answer === undefined) byTypename.set(typename, (answer = isObjectOfType(context.supergraphSchema, source, typeCondition)));
  return answer;
}

/**
 * Whether a fetch's representations can be `{}` objects. Apollo builds them prototype-less, which
 * V8 keeps as hash tables: 184 bytes for a `{ __typename, upc }` against 56 as `{}`. A `{}`
 * differs only in what it inherits; of Object.prototype's members only `__proto__`, which no
 * GraphQL name can be, would not become an own property when set. Still, a `requires` naming
 * any of them keeps Apollo's prototype-less objects, so such a plan runs exactly as Apollo's.
 */
function plainRepresentations(requires: QueryPlanSelectionNode[]): boolean {
  let plain = plainByRequires.get(requires);
  if (plain === undefined) {
    const check = (selections: QueryPlanSelectionNode[]): boolean =>
      selections.every((selection) => (selection.kind === 'Field' ? !((selection.alias ?? selection.name) in Object.prototype) && (!selection.selections || check(selection.selections)) : check(selection.selections)));
    plainByRequires.set(requires, (plain = check(requires)));
  }
  return plain;
}
const plainByRequires = new WeakMap<QueryPlanSelectionNode[], boolean>();

/** executeSelectionSet: an entity's representation for `requires`, or null when an input is missing. */
function representationOf(context: FetchContext, source: ResultMap | null, selections: QueryPlanSelectionNode[], plain: boolean): ResultMap | null {
  if (source === null) return null;
  const result: ResultMap = plain ? {} : (Object.create(null) as ResultMap);
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const field = selection;
      const responseName = field.alias ?? field.name;
      const value = hasOwn(source, responseName) ? source[responseName] : undefined;
      if (value === undefined) return null; // an input failed upstream (already reported): skip this entity
      if (Array.isArray(value)) result[responseName] = field.selections ? representationsOf(context, value as (ResultMap | null)[], field.selections, plain) : value.slice();
      else if (field.selections) result[responseName] = representationOf(context, value as ResultMap | null, field.selections, plain);
      else result[responseName] = value;
    } else if (selection.typeCondition && ofType(context, source, selection.typeCondition)) {
      deepMerge(result, representationOf(context, source, selection.selections, plain));
    }
  }
  return result;
}

const isObject = (value: unknown): value is ResultMap => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * @apollo/gateway's deepMerge (utilities/deepMerge.ts, 2.14), with the source's own keys walked by
 * `for…in` rather than `Object.keys`: the same keys in the same order, without an array of them
 * per merged object (6 % of what the gateway allocated on the federation benchmark's deep query).
 */
export function deepMerge(target: ResultMap, source: ResultMap | null | undefined): ResultMap {
  if (source === undefined || source === null) return target;
  for (const key in source) {
    if (!hasOwn(source, key)) continue;
    const value = source[key];
    if (value === undefined) continue;
    defineOwn(target, key);
    const existing = target[key];
    if (existing && isObject(value)) {
      deepMerge(existing as ResultMap, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i] as ResultMap, value[i] as ResultMap);
        else existing[i] = value[i];
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}

/** representationOf over a list (a loop, not `map`: a closure would cost representationOf a context per call). */
function representationsOf(context: FetchContext, sources: (ResultMap | null)[], selections: QueryPlanSelectionNode[], plain: boolean): (ResultMap | null)[] {
  const result = new Array<ResultMap | null>(sources.length);
  for (let i = 0; i < sources.length; i++) result[i] = representationOf(context, sources[i], selections, plain);
  return result;
}

type ErrorPath = GraphQLErrorOptions['path'];

/** Apollo's lazy error path generator: `_entities.<i>.…` becomes the entity's path in the client's response. */
function errorPaths(fetch: FetchNode, cursor: Cursor): (path: ErrorPath) => ErrorPath {
  let hydrated: ResponsePath[] | undefined;
  return (path) => {
    if (fetch.requires && typeof path?.[1] === 'number') {
      if (!hydrated) generateHydratedPaths([], cursor.path, cursor.fullResult, (hydrated = []));
      return [...(hydrated[path[1]] ?? []), ...path.slice(2)];
    }
    return path ? [...cursor.path, ...path] : undefined;
  };
}

function downstreamServiceError(original: GraphQLFormattedError, serviceName: string, pathOf: (path: ErrorPath) => ErrorPath): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options: GraphQLErrorOptions = { originalError: original as Error, path: pathOf(original.path), extensions: { ...original.extensions, serviceName } };
  const code = errorCodeDef(original);
  if (!code && original.extensions?.code) return new GraphQLError(message, options);
  return (code ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

async function send(context: FetchContext, service: GraphQLDataSource, fetch: FetchNode, cursor: Cursor, variables: ResultMap): Promise<ResultMap | null | undefined> {
  const response = await service.process({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: context.requestContext as never,
    context: context.requestContext.context as never,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
  if (response.errors) {
    const pathOf = errorPaths(fetch, cursor);
    for (const error of response.errors) context.errors.push(downstreamServiceError(error, fetch.serviceName, pathOf));
    if (!response.extensions?.ftv1) {
      // what Apollo's usage reporting reads; kept so that plugins see the same metrics
      const metrics = (context.requestContext.metrics ??= {});
      (metrics.nonFtv1ErrorPaths ??= []).push(...response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path })));
    }
  }
  return response.data as ResultMap | null | undefined;
}

/** Runs one fetch at `cursor` and merges its answer in; throws what Apollo's executeFetch throws. */
export async function executeFetch(context: FetchContext, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = context.serviceMap[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = Array.isArray(cursor.data) ? cursor.data.filter((entity) => entity !== null && entity !== undefined) : [cursor.data];
  if (entities.length < 1) return;

  const variables = Object.create(null) as ResultMap;
  const provided = context.requestContext.request.variables;
  if (fetch.variableUsages && provided) {
    for (const name of fetch.variableUsages) if (hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }

  if (!fetch.requires) {
    const data = await send(context, service, fetch, cursor, variables);
    if (data) applyRewrites(context.supergraphSchema, fetch.outputRewrites, data);
    for (const entity of entities) deepMerge(entity, data);
    return;
  }

  const representations: ResultMap[] = [];
  const owners: number[] = [];
  const plain = plainRepresentations(fetch.requires);
  for (let i = 0; i < entities.length; i++) {
    const representation = representationOf(context, entities[i], fetch.requires, plain);
    if (representation && representation.__typename) {
      applyRewrites(context.supergraphSchema, fetch.inputRewrites, representation);
      representations.push(representation);
      owners.push(i);
    }
  }
  if (representations.length < 1) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');

  const data = await send(context, service, fetch, cursor, { ...variables, representations });
  if (!data) return;
  const received = data._entities;
  if (!(received && Array.isArray(received))) throw new Error('Expected "data._entities" in response to be an array');
  if (received.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  for (let i = 0; i < received.length; i++) {
    const entity = received[i] as ResultMap | null;
    const existing = entities[owners[i]];
    if (entity && !entity.__typename) entity.__typename = existing.__typename;
    applyRewrites(context.supergraphSchema, fetch.outputRewrites, entity as ResultMap);
    deepMerge(existing, entity);
  }
}
