import type { ApolloServerPlugin } from '@apollo/server';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { wrapRootResolvers } from '../root-resolvers';
import { OPERATION_TYPES } from '../operation-type';
import { bounded, secondsSince, type ServiceMetrics } from './registry';

/** `tradegraph_subgraph_requests_total` and `tradegraph_subgraph_request_duration_seconds`. */
export function subgraphRequestsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  const requests = metrics.counter({ name: 'tradegraph_subgraph_requests_total', help: 'GraphQL requests served, by operation type and outcome', labelNames: ['operation_type', 'outcome'] });
  const duration = metrics.histogram({ name: 'tradegraph_subgraph_request_duration_seconds', help: 'A GraphQL request, arrival to answer', labelNames: ['operation_type'] });
  return {
    async requestDidStart() {
      const start = performance.now();
      return {
        async willSendResponse({ operation, response }) {
          const type = bounded(OPERATION_TYPES, operation?.operation);
          const failed = response.body.kind === 'single' && response.body.singleResult.errors !== undefined;
          requests.inc({ operation_type: type, outcome: failed ? 'error' : 'success' });
          duration.observe({ operation_type: type }, secondsSince(start));
        },
      };
    },
  };
}

/** Where a schema's timed root resolvers report: set per server, as one schema may serve servers one after another (tests). */
const observers = new WeakMap<GraphQLSchema, (parentType: string, field: string, seconds: number) => void>();

/**
 * `tradegraph_graphql_resolver_duration_seconds` for root fields (Query, Mutation) and entity
 * resolution (`_entities`, labelled by the first representation's type). The resolvers are
 * wrapped once per schema; nested fields are not timed, so a list of a thousand rows costs
 * nothing more than before.
 */
export function timeRootResolvers(metrics: ServiceMetrics, schema: GraphQLSchema): void {
  const duration = metrics.histogram({ name: 'tradegraph_graphql_resolver_duration_seconds', help: 'Root-field resolvers and entity resolution (_entities)', labelNames: ['parent_type', 'field'] });
  const wrapped = observers.has(schema);
  observers.set(schema, (parentType, field, seconds) => duration.observe({ parent_type: parentType, field }, seconds));
  if (wrapped) return;
  wrapRootResolvers(schema, (root, field) => {
    if (!field.resolve) return undefined;
    const parentType = field.name === '_entities' ? '_entities' : root.name;
    const label = (args: Record<string, unknown>): string => {
      if (field.name !== '_entities') return field.name;
      const typename = (args.representations as { __typename?: unknown }[] | undefined)?.[0]?.__typename;
      return typeof typename === 'string' && isObjectType(schema.getType(typename)) ? typename : 'other';
    };
    return (args, call) => {
      const start = performance.now();
      return call(() => observers.get(schema)?.(parentType, label(args), secondsSince(start)));
    };
  });
}
