/**
 * The gateway's executor with Tradegraph's plan executor in place of `executeQueryPlan`: what
 * ApolloGateway.executor does before executing (operation context, variable validation, the
 * query plan from the gateway's own plan store — keyed per document and operation name, as
 * Apollo keys it — or planned by Apollo's query planner on a miss) is kept as Apollo does it.
 * Apollo's `debug` / `Apollo-Query-Plan-Experimental` plan printing is not offered.
 */
import { createHash } from 'node:crypto';
import { buildOperationContext, type ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { operationFromDocument } from '@apollo/federation-internals';
import type { QueryPlan } from '@apollo/query-planner';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { getVariableValues, type GraphQLError, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { internalsOf, type GatewayInternals } from '../gateway-internals';
import { planSpan } from '../tracing';
import { executePlan } from './execute';

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
export type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayRequestContext = Parameters<GatewayExecutor>[0];
type GatewayResult = Awaited<ReturnType<GatewayExecutor>>;

/** Which executor runs query plans (GATEWAY_EXECUTOR). */
export type ExecutorChoice = 'tradegraph' | 'apollo';

/**
 * The data sources by subgraph name, rebuilt once per supergraph: Apollo updates its service
 * map in place when a new supergraph arrives, so the map itself cannot be the cache key.
 */
function dataSourcesOf(internals: GatewayInternals, supergraph: GraphQLSchema): Record<string, GraphQLDataSource> {
  const cached = bySupergraph.get(supergraph);
  if (cached) return cached;
  const map = Object.create(null) as Record<string, GraphQLDataSource>;
  for (const [name, { dataSource }] of Object.entries(internals.serviceMap)) map[name] = dataSource;
  bySupergraph.set(supergraph, map);
  return map;
}
const bySupergraph = new WeakMap<GraphQLSchema, Record<string, GraphQLDataSource>>();

/** ApolloGateway.validateIncomingRequest: the variables against the operation's definitions. */
function variableErrors(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[] | undefined, variables: Record<string, unknown> | undefined): readonly GraphQLError[] {
  if (!definitions) return [];
  return getVariableValues(schema, definitions, variables || {}).errors ?? [];
}

/** The executor Apollo Server calls for each operation, running plans with Tradegraph's executor. */
export function tradegraphExecutor(gateway: ApolloGateway): GatewayExecutor {
  const internals = internalsOf(gateway);
  return async (requestContext: GatewayRequestContext): Promise<GatewayResult> => {
    const { request, document, queryHash } = requestContext;
    const { schema, apiSchema, supergraphSchema, queryPlanner } = internals;
    if (!schema || !apiSchema || !supergraphSchema || !queryPlanner) throw new Error('The gateway has no supergraph loaded yet');
    const key = request.operationName ? createHash('sha256').update(queryHash).update(request.operationName).digest('hex') : queryHash;
    const operationContext = buildOperationContext({ schema, operationDocument: document, operationName: request.operationName });
    const errors = variableErrors(schema, operationContext.operation.variableDefinitions, request.variables);
    if (errors.length > 0) return { errors };

    const planned = planSpan();
    let queryPlan: QueryPlan | undefined;
    let cached = false;
    try {
      queryPlan = await internals.queryPlanStore.get(key);
      cached = queryPlan !== undefined;
      if (!queryPlan) {
        const operation = operationFromDocument(apiSchema, document, { operationName: request.operationName });
        queryPlan = queryPlanner.buildQueryPlan(operation, {
          recursiveSelectionsLimitDisabled: internals.recursiveSelectionsLimitDisabled,
          nonLocalSelectionsLimitDisabled: internals.nonLocalSelectionsLimitDisabled,
        });
        try {
          await internals.queryPlanStore.set(key, queryPlan);
        } catch (error) {
          internals.logger.warn(`Could not store queryPlan${(error as Error)?.message ?? String(error)}`);
        }
      }
    } finally {
      // a plan that fails to build (an operation the planner refuses) still ends its span
      planned(cached);
    }
    return (await executePlan(queryPlan, dataSourcesOf(internals, supergraphSchema), requestContext, operationContext, supergraphSchema, apiSchema)) as GatewayResult;
  };
}
