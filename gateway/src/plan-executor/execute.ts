/**
 * Tradegraph's executor for @apollo/gateway's query plans: the same inputs and answers as
 * `executeQueryPlan` (executeQueryPlan.ts, 2.14) — Sequence, Parallel, Flatten, Fetch and
 * Condition nodes, fetch failures recorded as errors while the rest of the plan runs, then the
 * response shaped against the API schema — at a fraction of its CPU: the operation model and
 * the shaping steps are built once per operation (not per request), and no span or trace node
 * is made per fetch. Plans with a Defer node are refused as Apollo refuses them.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import { operationFromDocument, type FieldSelection, type Operation, type Schema } from '@apollo/federation-internals';
import { evaluateCondition, type PlanNode, type QueryPlan, type ResponsePath } from '@apollo/query-planner';
import { executeSync, GraphQLError, Kind, OperationTypeNode, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { executeFetch, type Cursor, type FetchContext, type ResultMap } from './fetch';
import { CompiledShape } from './shaping';

/** What Apollo's executeQueryPlan takes as `operationContext`. */
export interface PlanOperationContext {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
}

/** The request context fields this executor reads (a GatewayGraphQLRequestContext has them all). */
export interface PlanRequestContext {
  request: { variables?: Record<string, unknown> };
  context: unknown;
  metrics?: object;
  logger?: { error(message: string): void };
}

export interface PlanResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
  extensions?: Record<string, unknown>;
}

/** An operation compiled against one API schema: federation-internals' model of it and its shaping steps. */
interface CompiledOperation {
  apiSchema: Schema;
  operation: Operation;
  shape: CompiledShape;
}

/** Per operation definition (Apollo Server hands the same parsed document for the same text), per API schema. */
const compiledOperations = new WeakMap<OperationDefinitionNode, CompiledOperation>();
/** isObjectOfType answers, per supergraph */
const typeChecks = new WeakMap<GraphQLSchema, Map<string, Map<string, boolean>>>();

function compileOperation(operationContext: PlanOperationContext, apiSchema: Schema): CompiledOperation {
  const cached = compiledOperations.get(operationContext.operation);
  if (cached && cached.apiSchema === apiSchema) return cached;
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] };
  const operation = operationFromDocument(apiSchema, document, { validate: false });
  const compiled = { apiSchema, operation, shape: new CompiledShape(operation) };
  compiledOperations.set(operationContext.operation, compiled);
  return compiled;
}

const own = (object: ResultMap, key: string) => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);

function step(value: unknown, current: string | number): unknown {
  if (typeof current !== 'string') throw new Error(`Unexpected ${typeof current} found in path`);
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${current}`);
  return own(value as ResultMap, current);
}

/**
 * What Apollo's flattenResultsAtPath gives for `path[from…]` below an `@`, pushed into `out`
 * (its flatMap spreads each element's result one level) without an array per level.
 */
function collect(value: unknown, path: ResponsePath, from: number, out: unknown[]): void {
  for (; from < path.length && value !== undefined && value !== null; from++) {
    const current = path[from];
    if (current === '@') {
      if (!Array.isArray(value)) (value as { flatMap(): void }).flatMap(); // Apollo's TypeError
      for (const element of value as unknown[]) collect(element, path, from + 1, out);
      return;
    }
    value = step(value, current);
  }
  if (Array.isArray(value)) for (const element of value) out.push(element);
  else out.push(value);
}

/** flattenResultsAtPath of executeQueryPlan.ts: the objects a Flatten node's path reaches. */
function flatten(value: unknown, path: ResponsePath): ResultMap | ResultMap[] | undefined | null {
  for (let i = 0; i < path.length; i++) {
    if (value === undefined || value === null) return value;
    if (path[i] === '@') {
      const out: unknown[] = [];
      collect(value, path, i, out);
      return out as ResultMap[];
    }
    value = step(value, path[i]);
  }
  return value as ResultMap | undefined | null;
}

interface RunContext extends FetchContext {
  operation: Operation;
  variables: Record<string, unknown> | undefined;
}

async function executeNode(context: RunContext, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(context, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(context, child, cursor)));
      return;
    case 'Flatten': {
      const data = flatten(cursor.data, node.path);
      return executeNode(context, node.node, data ? { path: cursor.path.concat(node.path), data, fullResult: cursor.fullResult } : undefined);
    }
    case 'Fetch':
      try {
        await executeFetch(context, node, cursor);
      } catch (error) {
        context.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const branch = evaluateCondition(node, context.operation.variableDefinitions, context.variables) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(context, branch, cursor);
      return;
    }
    case 'Defer':
      throw new Error('@defer support is not available in the gateway');
  }
}

/** executeIntrospection of executeQueryPlan.ts: `__schema` / `__type` answered from the API schema. */
function introspect(schema: GraphQLSchema, selection: FieldNode, definitions: readonly VariableDefinitionNode[] | undefined, variableValues: Record<string, unknown> | undefined): unknown {
  const used = new Set<string>();
  visit(selection, { Variable: ({ name }) => void used.add(name.value) });
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: OperationTypeNode.QUERY, variableDefinitions: definitions?.filter((d) => used.has(d.variable.name.value)), selectionSet: { kind: Kind.SELECTION_SET, selections: [selection] } }],
  };
  const { data, errors } = executeSync({ schema, document, rootValue: {}, variableValues });
  if (errors?.length || !data) throw new Error(`Introspection query for ${JSON.stringify(selection)} should not have failed`);
  const key = selection.alias?.value ?? selection.name.value;
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
}

/**
 * Runs `queryPlan` and shapes its answer: a drop-in for @apollo/gateway's executeQueryPlan
 * (same arguments, same result, byte for byte once serialised).
 */
export async function executePlan(
  queryPlan: QueryPlan,
  serviceMap: Record<string, GraphQLDataSource>,
  requestContext: PlanRequestContext,
  operationContext: PlanOperationContext,
  supergraphSchema: GraphQLSchema,
  apiSchema: Schema,
): Promise<PlanResult> {
  let compiled: CompiledOperation;
  try {
    compiled = compileOperation(operationContext, apiSchema);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
  let checks = typeChecks.get(supergraphSchema);
  if (!checks) typeChecks.set(supergraphSchema, (checks = new Map()));
  const variables = requestContext.request.variables;
  const context: RunContext = { serviceMap, requestContext: requestContext, supergraphSchema, errors: [], typeChecks: checks, operation: compiled.operation, variables };
  const unfiltered = Object.create(null) as ResultMap;
  if (queryPlan.node?.kind === 'Subscription') throw new Error('Execution of subscriptions not supported by gateway');
  if (queryPlan.node) await executeNode(context, queryPlan.node, { path: [], data: unfiltered, fullResult: unfiltered });

  const errors = context.errors;
  try {
    const shaped = compiled.shape.apply(unfiltered, variables, (field: FieldSelection) =>
      introspect(operationContext.schema, field.expandFragments().toSelectionNode(), operationContext.operation.variableDefinitions, variables),
    );
    // Shaping errors after execution errors are mostly echoes of them; alone, Apollo reports them as `valueCompletion`.
    if (errors.length === 0 && shaped.errors.length > 0) return { extensions: { valueCompletion: shaped.errors }, data: shaped.data };
    return errors.length === 0 ? { data: shaped.data } : { errors, data: shaped.data };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    if (error instanceof Error) return { errors: [new GraphQLError(error.message, { originalError: error })] };
    requestContext.logger?.error(`Unexpected error during query plan execution: ${String(error)}`);
    return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
  }
}
