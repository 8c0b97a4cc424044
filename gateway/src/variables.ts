import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isInputType,
  isListType,
  isScalarType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { badInput, dateTimeProblem, type FieldProblem } from '@tradegraph/kit';
import { perDocument } from './per-document';

const NUL_MESSAGE = 'must not contain NUL characters (\\u0000)';

/** True when a string anywhere in `value` (JSON scalars included, keys too) holds a NUL. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item));
  return false;
}

/**
 * The rules every scalar value obeys whatever its field: no NUL characters (PostgreSQL cannot
 * store them in text) and, for DateTime, kit's strict date-time (the gateway's copy of the
 * scalar comes from the supergraph SDL and accepts anything).
 */
function checkScalar(value: unknown, scalar: string | undefined, field: string, problems: FieldProblem[]): void {
  if (holdsNul(value)) problems.push({ field, message: NUL_MESSAGE });
  else if (scalar === 'DateTime') {
    const problem = dateTimeProblem(value);
    if (problem) problems.push({ field, message: problem });
  }
}

/** Checks a coerced variable value of `type`; `field` is its dotted path (`filter.from`). */
function checkValue(value: unknown, type: GraphQLInputType, field: string, problems: FieldProblem[]): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => checkValue(item, nullable.ofType, Array.isArray(value) ? `${field}.${i}` : field, problems));
  } else if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return;
    const fields = nullable.getFields();
    for (const [name, item] of Object.entries(value)) if (fields[name]) checkValue(item, fields[name].type, `${field}.${name}`, problems);
  } else {
    checkScalar(value, isScalarType(nullable) ? nullable.name : undefined, field, problems);
  }
}

/** Checks an inline literal; variables inside it are checked with the variables. */
function checkLiteral(node: ValueNode, type: GraphQLInputType | undefined, field: string, problems: FieldProblem[]): void {
  const nullable = type && getNullableType(type);
  switch (node.kind) {
    case Kind.VARIABLE:
    case Kind.NULL:
    case Kind.ENUM:
      return;
    case Kind.LIST:
      node.values.forEach((item, i) => checkLiteral(item, isListType(nullable) ? nullable.ofType : undefined, `${field}.${i}`, problems));
      return;
    case Kind.OBJECT: {
      const fields = isInputObjectType(nullable) ? nullable.getFields() : undefined;
      for (const item of node.fields) checkLiteral(item.value, fields?.[item.name.value]?.type, `${field}.${item.name.value}`, problems);
      return;
    }
    default: {
      // one value where a list is expected stands for a list of one
      if (isListType(nullable)) return checkLiteral(node, nullable.ofType, field, problems);
      const scalar = isScalarType(nullable) ? nullable.name : undefined;
      const value = node.kind === Kind.STRING || node.kind === Kind.BOOLEAN ? node.value : Number(node.value);
      checkScalar(value, scalar, field, problems);
    }
  }
}

/**
 * Problems in the document's inline argument values, named by argument path (`filter.text`);
 * found once per document, as literals do not change with variables.
 */
const literalProblems = perDocument<readonly FieldProblem[]>(findLiteralProblems);

function findLiteralProblems(schema: GraphQLSchema, document: DocumentNode): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        checkLiteral(node.value, typeInfo.getArgument()?.type, node.name.value, problems);
        return false;
      },
    }),
  );
  return problems;
}

/**
 * The client's error for an operation's input, or undefined when it is fine: variables that do
 * not fit their types, and, in variables and inline literals alike, strings with NUL characters
 * and DateTime values that are no real date in range. Both request paths use it: the HTTP
 * plugin below and the subscription server.
 */
export function operationInputError(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): GraphQLError | undefined {
  const definitions = operation.variableDefinitions ?? [];
  const { coerced, errors } = getVariableValues(schema, definitions, variables);
  if (errors?.length) {
    return new GraphQLError(errors.map((e) => e.message).join('\n'), {
      nodes: errors[0].nodes,
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
  const problems: FieldProblem[] = [];
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (type && isInputType(type)) checkValue(coerced?.[name], type, name, problems);
  }
  problems.push(...literalProblems(schema, document));
  if (!problems.length) return undefined;
  const error = badInput(problems);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
}

/**
 * Checks the request's input against the operation before planning (see
 * {@link operationInputError}), so bad input is answered as the client's error
 * (BAD_USER_INPUT naming the field, HTTP 400) before any subgraph sees it. @apollo/gateway
 * checks variables too, but returns its errors without a code, which would read as a server
 * fault.
 */
export function variableCoercionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const error = operationInputError(schema, document, operation, request.variables ?? {});
          if (error) throw error;
        },
      };
    },
  };
}
