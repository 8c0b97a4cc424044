import { composeServices } from '@apollo/composition';
import { buildSchema, parse, printSchema, type GraphQLError } from 'graphql';
import { buildPublicSchema } from './public-schema';

/** One subgraph to compose: its name, where the gateway reaches it, and its SDL. */
export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

/** The composed supergraph, and the API schema clients see (no join/link machinery). */
export interface ComposedSupergraph {
  supergraphSdl: string;
  apiSchemaSdl: string;
}

/** Composition failed; `message` lists every error with its code and the subgraphs involved. */
export class CompositionError extends Error {
  override name = 'CompositionError';
  constructor(readonly errors: readonly GraphQLError[]) {
    super(`composition failed with ${errors.length} error(s):\n${errors.map((e) => `  - [${typeof e.extensions?.code === 'string' ? e.extensions.code : 'ERROR'}] ${e.message}`).join('\n')}`);
  }
}

/**
 * Composes subgraphs into a supergraph with @apollo/composition, the library Rover uses.
 * @throws CompositionError when the subgraphs do not compose, or a subgraph's SDL does not parse
 */
export function composeSupergraph(subgraphs: SubgraphSource[]): ComposedSupergraph {
  const services = subgraphs.map((s) => {
    try {
      return { name: s.name, url: s.url, typeDefs: parse(s.sdl) };
    } catch (error) {
      throw new CompositionError([Object.assign(error as GraphQLError, { message: `subgraph "${s.name}": ${(error as Error).message}` })]);
    }
  });
  const result = composeServices(services);
  if (result.errors) throw new CompositionError(result.errors);
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
  };
}

/**
 * public-schema.graphql: what partners are served, the API schema filtered to the elements the
 * supergraph tags `@tag(name: "public")` (the gateway builds the same from the supergraph it loads).
 * @throws ContractError when what is tagged public reaches what is not, or nothing is tagged
 */
export function composePublicSchema({ supergraphSdl, apiSchemaSdl }: ComposedSupergraph): string {
  return printSchema(buildPublicSchema(buildSchema(apiSchemaSdl), supergraphSdl));
}
