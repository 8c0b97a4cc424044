import type { ApolloGateway } from '@apollo/gateway';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  execute,
  GraphQLError,
  Kind,
  type ASTNode,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { hasRole, logger, Role, type Caller } from '@tradegraph/kit';
import { validationErrors, withoutSuggestions } from './errors';
import { buildPublicSchema } from './public-schema';

/** Whether a caller is served the public contract rather than the whole API: any caller holding PARTNER. */
export function servedContract(caller: Caller): boolean {
  return hasRole(caller, Role.PARTNER);
}

const invalid = (message: string, nodes?: ASTNode | readonly ASTNode[]) => new GraphQLError(message, { nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

/** The names of an operation's root fields, through fragments. */
function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    return rootFields(fragment.selectionSet, fragments, new Set(seen).add(fragment.name.value));
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
}

const isIntrospectionField = (name: string) => name === '__schema' || name === '__type';

/**
 * Partners are served the public contract (public-schema.graphql), not the supergraph: their
 * documents are validated against the public schema, so a field outside it fails validation as
 * an unknown field would, and their introspection answers the public schema only. The public
 * schema is built from the supergraph the gateway loads, again on every reload, by the same
 * function `npm run compose` writes the file with.
 */
export class PartnerContract {
  private schema?: GraphQLSchema;

  /** Follows the gateway's supergraph; create it before the gateway loads (ApolloServer.start). */
  constructor(gateway: ApolloGateway) {
    gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => this.load(apiSchema, coreSupergraphSdl));
  }

  private load(apiSchema: GraphQLSchema, supergraphSdl: string): void {
    try {
      this.schema = buildPublicSchema(apiSchema, supergraphSdl);
    } catch (error) {
      // Fail closed: without a public schema, partners are refused rather than served the whole API.
      this.schema = undefined;
      logger.warn({ err: error }, 'this supergraph has no valid public schema; partner requests are refused');
    }
  }

  /** The public schema being served, if the loaded supergraph has one. */
  get publicSchema(): GraphQLSchema | undefined {
    return this.schema;
  }

  /**
   * Why a document falls outside what this caller is served: graphql-js's validation errors
   * against the public schema (code GRAPHQL_VALIDATION_FAILED), an operation type it has no root
   * for (no mutations or subscriptions are public), or introspection mixed with data, which the
   * gateway would answer from the whole API. Empty for callers who are no partner.
   */
  errorsFor(caller: Caller, document: DocumentNode): GraphQLError[] {
    if (!servedContract(caller)) return [];
    const schema = this.schema;
    if (!schema) return [new GraphQLError('The public schema is not available', { extensions: { code: 'UNAVAILABLE' } })];
    const errors = validationErrors(schema, document);
    const fragments = fragmentsOf(document);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      // graphql-js 16 does not report this itself: the operation's fields would go unchecked
      if (!schema.getRootType(definition.operation)) {
        errors.push(invalid(`The ${definition.operation} operation is not supported by the schema.`, definition));
        continue;
      }
      const fields = rootFields(definition.selectionSet, fragments);
      if (fields.some(isIntrospectionField) && fields.some((f) => !f.startsWith('__'))) {
        errors.push(invalid('Send introspection (__schema, __type) in an operation of its own', definition));
      }
    }
    return errors;
  }

  /** The public schema's own answer to an introspection-only operation, for a partner; otherwise undefined. */
  introspect(caller: Caller, document: DocumentNode, operation: OperationDefinitionNode, variables?: Record<string, unknown>): Promise<ExecutionResult> | undefined {
    if (!servedContract(caller) || !this.schema) return undefined;
    if (!rootFields(operation.selectionSet, fragmentsOf(document)).every((f) => f.startsWith('__'))) return undefined;
    return Promise.resolve(execute({ schema: this.schema, document, operationName: operation.name?.value, variableValues: variables }));
  }

  /**
   * The HTTP path: a partner's operation is checked against the public schema once Apollo has
   * resolved it (one GRAPHQL_VALIDATION_FAILED error, HTTP 400, before any subgraph is asked),
   * and an introspection-only one is answered by the public schema instead of the gateway.
   */
  plugin(): ApolloServerPlugin<{ caller: Caller }> {
    return {
      requestDidStart: async ({ contextValue }) => {
        if (!servedContract(contextValue.caller)) return;
        return {
          didResolveOperation: async ({ document }) => {
            const errors = this.errorsFor(contextValue.caller, document);
            if (errors.length === 0) return;
            // Apollo takes one error from this hook: their messages joined, one per line.
            const code = errors.every((e) => e.extensions.code === 'GRAPHQL_VALIDATION_FAILED') ? 'GRAPHQL_VALIDATION_FAILED' : errors[0].extensions.code;
            throw new GraphQLError(errors.map((e) => e.message).join('\n'), {
              nodes: errors.flatMap((e) => e.nodes ?? []),
              extensions: { code, http: { status: code === 'GRAPHQL_VALIDATION_FAILED' ? 400 : 503 } },
            });
          },
          responseForOperation: async ({ document, operation, request }) => {
            const result = operation && this.introspect(contextValue.caller, document, operation, request.variables);
            if (!result) return null;
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: await result } };
          },
          // Apollo validated against the whole API first: its "Did you mean" would name hidden fields.
          willSendResponse: async ({ response }) => {
            if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
            const { singleResult } = response.body;
            response.body.singleResult = { ...singleResult, errors: singleResult.errors!.map((e) => ({ ...e, message: withoutSuggestions(e.message, true) })) };
          },
        };
      },
    };
  }
}
