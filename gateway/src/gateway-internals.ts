/**
 * The parts of @apollo/gateway 2.14 (pinned) that Tradegraph's plan executor and federated
 * subscriptions read and it does not export. One declaration, so a version bump that moves any
 * of them has one place to check (test/plan-executor-internals.test.ts checks them).
 */
import type { ApolloGateway, GraphQLDataSource } from '@apollo/gateway';
import type { Schema } from '@apollo/federation-internals';
import type { QueryPlanCache, QueryPlanner } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';

export interface GatewayInternals {
  schema?: GraphQLSchema;
  apiSchema?: Schema;
  supergraphSchema?: GraphQLSchema;
  queryPlanner?: QueryPlanner;
  queryPlanStore: QueryPlanCache;
  serviceMap: Record<string, { url?: string; dataSource: GraphQLDataSource }>;
  recursiveSelectionsLimitDisabled: boolean;
  nonLocalSelectionsLimitDisabled: boolean;
  logger: { warn(message: string): void };
}

export const internalsOf = (gateway: ApolloGateway): GatewayInternals => gateway as unknown as GatewayInternals;
