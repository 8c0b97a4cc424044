import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** What a data source answers for one fetch (the gateway package does not export the type). */
export type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Whether an error thrown on the way to a subgraph means it could not answer (unreachable, timed out, its breaker open). */
export function isUnavailable(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions.code === 'UNAVAILABLE';
}

/** The response names of the fields selected for an entity of `typename`, through inline fragments and fragment spreads. */
function selectedFields(selectionSet: SelectionSetNode, typename: string | undefined, fragments: Map<string, FragmentDefinitionNode>): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [selection.alias?.value ?? selection.name.value];
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (!fragment) return [];
    const condition = fragment.typeCondition?.name.value;
    return condition && typename && condition !== typename ? [] : selectedFields(fragment.selectionSet, typename, fragments);
  });
}

/**
 * What a subgraph that could not answer "returned": no data and one UNAVAILABLE error per
 * field it was asked for, at that field's path in its own response (`_entities.<i>.<field>`
 * for an entity fetch). Apollo's executor maps those paths onto the client's response and adds
 * `serviceName`, so the client gets null there, the rest of the data, and an error it can act
 * on at every missing field, instead of one pathless error for the whole request.
 */
export function unavailableResponse(serviceName: string, error: GraphQLError, options: GraphQLDataSourceProcessOptions): SubgraphResponse {
  const document: DocumentNode = ('document' in options && options.document) || parse(options.request.query ?? '{ __typename }');
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const representations = options.request.variables?.representations;
  const paths: (string | number)[][] = [];
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD || selection.name.value === '__typename') continue;
    const name = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === '_entities' && Array.isArray(representations) && selection.selectionSet) {
      representations.forEach((representation: { __typename?: string }, i) => {
        for (const field of selectedFields(selection.selectionSet!, representation.__typename, fragments)) paths.push([name, i, field]);
      });
    } else {
      paths.push([name]);
    }
  }
  const extensions = { ...error.extensions, code: 'UNAVAILABLE', serviceName, retryable: true };
  return { errors: (paths.length ? paths : [undefined]).map((path) => ({ message: error.message, path, extensions })) };
}
