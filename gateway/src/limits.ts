import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** The most a query may ask for. */
export interface QueryLimits {
  /** deepest field nesting (introspection fields not counted) */
  maxDepth: number;
  /** the most fields a query may resolve, counting list fields by their `first`/`last` */
  maxCost: number;
}

/**
 * The depth of an operation's selection: `{ a { b } }` is 2. Fragments count where they are
 * spread; introspection (`__schema`, `__type`) is not counted, so tools can still introspect.
 */
export function operationDepth(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!selectionSet) return 0;
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + visit(selection.selectionSet, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, visit(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue; // validation reports unknown and cyclic fragments
        deepest = Math.max(deepest, visit(fragment.selectionSet, new Set(seen).add(name)));
      }
    }
    return deepest;
  };
  return visit(operation.selectionSet, new Set());
}

/**
 * Every field costs 1; a field with a page size (`first`/`last`) multiplies what is below it
 * by that size, so `products(first: 100) { edges { node { name } } }` costs about 300.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : 1;
  return 1 + childComplexity * Math.max(size, 1);
};

/** The cost of an operation under {@link pageSizeEstimator}. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  return getComplexity({ schema, query: document, operationName, variables, estimators: [pageSizeEstimator] });
}

function tooMuch(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, ...extensions } });
}

/** Refuses operations deeper or costlier than the limits before any subgraph is called. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const depth = operationDepth(operation, fragments);
          if (depth > limits.maxDepth) {
            throw tooMuch(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, { limit: 'depth', maximum: limits.maxDepth, actual: depth });
          }
          const cost = operationCost(schema, document, operationName ?? undefined, request.variables ?? {});
          if (cost > limits.maxCost) {
            throw tooMuch(`Query cost ${cost} exceeds the limit of ${limits.maxCost}; ask for smaller pages`, { limit: 'cost', maximum: limits.maxCost, actual: cost });
          }
        },
      };
    },
  };
}
