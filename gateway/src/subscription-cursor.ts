import { Kind, parse, print, valueFromASTUntyped, type ArgumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { RESUME_ARGUMENT } from '@tradegraph/kit';

/** The variable the gateway adds to an upstream subscription to move its cursor along. */
const CURSOR_VARIABLE = 'tradegraphResumeAfter';

/** The subscription's root field (a subscription has exactly one). */
function rootField(operation: OperationDefinitionNode): FieldNode | undefined {
  return operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
}

function resumeArgument(field: FieldNode): ArgumentNode | undefined {
  return field.arguments?.find((a) => a.name.value === RESUME_ARGUMENT);
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  return node.kind === Kind.VARIABLE ? variables[node.name.value] : valueFromASTUntyped(node, variables);
}

/**
 * The cursor a client subscription resumes after (its root field's `after`, inline or from a
 * variable), or undefined when it starts from now.
 */
export function resumeCursorOf(operation: OperationDefinitionNode, variables: Record<string, unknown>): string | undefined {
  const field = rootField(operation);
  const argument = field && resumeArgument(field);
  const value = argument && valueOf(argument.value, variables);
  return typeof value === 'string' ? value : undefined;
}

/** An upstream subscription whose `after` is the variable `cursorVariable`, so the gateway can move it along. */
export interface ResumableRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  /** absent when the field takes no `after` */
  cursorVariable?: string;
}

/**
 * The primary (upstream) subscription as the planner wrote it, with its root field's `after`
 * turned into a variable of its own (added when the client gave none, `null` until the first
 * event), when the field has that argument in `schema`. The upstream pool sets the variable to
 * the cursor of each event it receives, so a resubscription after a dropped connection starts
 * right behind the last event the gateway saw.
 */
export function resumableRequest(request: { query: string; variables: Record<string, unknown>; operationName?: string }, schema: GraphQLSchema): ResumableRequest {
  const document = parse(request.query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const field = operation && rootField(operation);
  if (!operation || !field || !schema.getSubscriptionType()?.getFields()[field.name.value]?.args.some((a) => a.name === RESUME_ARGUMENT)) return request;
  const given = resumeArgument(field);
  if (given?.value.kind === Kind.VARIABLE) return { ...request, cursorVariable: given.value.name.value };

  const taken = new Set(operation.variableDefinitions?.map((d) => d.variable.name.value));
  let name = CURSOR_VARIABLE;
  for (let n = 2; taken.has(name); n++) name = `${CURSOR_VARIABLE}${n}`;
  const variable = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } as const;
  const argument: ArgumentNode = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: RESUME_ARGUMENT }, value: variable };
  const rewritten: FieldNode = { ...field, arguments: [...(field.arguments ?? []).filter((a) => a !== given), argument] };
  const rewrittenOperation: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: [...(operation.variableDefinitions ?? []), { kind: Kind.VARIABLE_DEFINITION, variable, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } } }],
    selectionSet: { ...operation.selectionSet, selections: operation.selectionSet.selections.map((s) => (s === field ? rewritten : s)) },
  };
  const initial = given ? valueOf(given.value, request.variables) : null;
  return {
    query: print({ ...document, definitions: document.definitions.map((d) => (d === operation ? rewrittenOperation : d)) }),
    variables: { ...request.variables, [name]: initial ?? null },
    operationName: request.operationName,
    cursorVariable: name,
  };
}
