/**
 * Runs documents through @apollo/gateway's executeQueryPlan and Tradegraph's executePlan over
 * the same query plan, the same data sources and the same in-memory subgraphs, and gives both
 * answers serialised: what test/plan-executor-*.test.ts compare byte for byte.
 */
import { buildOperationContext, executeQueryPlan, RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { composeSupergraph } from '../../gateway/src/composition';
import { executePlan } from '../../gateway/src/plan-executor/execute';
import { isUnavailable, unavailableResponse, type SubgraphResponse } from '../../gateway/src/subgraph-unavailable';
import { serveLean } from '../../bench/federation/lean-subgraph';
import type { DemoSubgraph } from '../../bench/federation/subgraphs';

/** A data source as the gateway's: a subgraph that cannot be reached answers UNAVAILABLE at every field it owns. */
class PartialDataSource extends RemoteGraphQLDataSource {
  constructor(private readonly name: string, url: string) {
    super({ url });
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const unavailable = isUnavailable(error) ? error : new GraphQLError(`The ${this.name} service is unavailable`, { extensions: { code: 'UNAVAILABLE', retryable: true } });
      return unavailableResponse(this.name, unavailable, options);
    }
  }
}

export interface PlanCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** What a client would get, serialised the way Apollo Server serialises it (errors as toJSON). */
function serialise(result: { data?: unknown; errors?: readonly GraphQLError[]; extensions?: Record<string, unknown> }): string {
  const extensions = result.extensions?.valueCompletion ? { valueCompletion: (result.extensions.valueCompletion as GraphQLError[]).map((e) => e.toJSON()) } : result.extensions;
  return JSON.stringify({ errors: result.errors?.map((e) => e.toJSON()), data: result.data, extensions });
}

export interface PlanHarness {
  run(testCase: PlanCase): Promise<{ apollo: string; ours: string; plan: QueryPlan }>;
  stop(): Promise<void>;
}

/**
 * Serves `subgraphs` (those named in `down` are composed but not served: their fetches fail)
 * and returns a runner; `wrap` may replace a subgraph's data source (to answer errors without
 * paths, say).
 */
export async function planHarness(subgraphs: DemoSubgraph[], options: { down?: string[]; wrap?: (name: string, source: GraphQLDataSource) => GraphQLDataSource } = {}): Promise<PlanHarness> {
  const closers: (() => Promise<void>)[] = [];
  const served = [];
  for (const subgraph of subgraphs) {
    const schema = buildSubgraphSchema({ typeDefs: parse(subgraph.typeDefs), resolvers: subgraph.resolvers });
    const lean = await serveLean(schema);
    if (options.down?.includes(subgraph.name)) await lean.close();
    else closers.push(lean.close);
    served.push({ name: subgraph.name, url: lean.url, sdl: subgraph.typeDefs });
  }
  const supergraph = Supergraph.build(composeSupergraph(served).supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const apiGraphQLSchema: GraphQLSchema = apiSchema.toGraphQLJSSchema();
  const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  const serviceMap: Record<string, GraphQLDataSource> = Object.create(null) as Record<string, GraphQLDataSource>;
  for (const { name, url } of served) {
    const source = new PartialDataSource(name, url);
    serviceMap[name] = options.wrap?.(name, source) ?? source;
  }

  return {
    async run({ query, variables, operationName }) {
      const document = parse(query);
      const invalid = validate(apiGraphQLSchema, document);
      if (invalid.length) throw new Error(`invalid test document: ${invalid.map((e) => e.message).join('; ')}`);
      const plan = planner.buildQueryPlan(operationFromDocument(apiSchema, document, { operationName }));
      const answer = async (execute: typeof executeQueryPlan | typeof executePlan) => {
        // a fresh operation context and request context per run, as each request has its own
        const operationContext = buildOperationContext({ schema: apiGraphQLSchema, operationDocument: document, operationName });
        const requestContext = { request: { query, variables, operationName }, document, operationName: operationName ?? null, context: {}, metrics: {}, logger: console, cache: undefined, schema: apiGraphQLSchema };
        return serialise(await execute(plan, serviceMap, requestContext as never, operationContext, supergraphSchema, apiSchema));
      };
      const apollo = await answer(executeQueryPlan);
      const ours = await answer(executePlan);
      // the second run takes the operation's compiled shape from the cache: it must answer alike
      const again = await answer(executePlan);
      if (again !== ours) throw new Error(`a cached operation answered differently:\n${ours}\n${again}`);
      return { apollo, ours, plan };
    },
    stop: async () => void (await Promise.all(closers.map((close) => close()))),
  };
}
