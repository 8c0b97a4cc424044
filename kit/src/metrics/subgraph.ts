import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../database';
import { outboxGauges, poolGauges } from './database';
import type { ServiceMetrics } from './registry';
import { subgraphRequestsPlugin, timeRootResolvers } from './subgraph-graphql';

/**
 * Everything a subgraph server measures besides what it hands to the Database (statements)
 * and the relay (events): pool and outbox gauges, root resolvers, the request plugin.
 */
export function instrumentSubgraph(metrics: ServiceMetrics, parts: { database: Database; schema: GraphQLSchema; emitsEvents: boolean }): ApolloServerPlugin {
  poolGauges(metrics, parts.database);
  if (parts.emitsEvents) outboxGauges(metrics, parts.database);
  timeRootResolvers(metrics, parts.schema);
  return subgraphRequestsPlugin(metrics);
}
