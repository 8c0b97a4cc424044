/**
 * The response shaping of @apollo/gateway's `computeResponse` (resultShaping.ts, 2.14), compiled
 * once per operation instead of walked through federation-internals' operation model for every
 * object of every response: what was fetched is filtered to what the operation asks, in its
 * field order, with aliases, `__typename` (root types and @interfaceObject included), type
 * conditions, @skip/@include, leaf checks and nulls bubbling to the nearest nullable parent.
 * Error messages, paths and the order errors are found in are Apollo's, so answers stay
 * byte-identical (test/plan-executor-*.test.ts compares them).
 */
import {
  ERRORS,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  Variable,
  type CompositeType,
  type Directive,
  type FieldSelection,
  type NamedType,
  type Operation,
  type OutputType,
  type Schema,
  type SelectionSet,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

type IfArgument = boolean | Variable;
interface Conditions {
  skip?: { directive: Directive; value: IfArgument };
  include?: { directive: Directive; value: IfArgument };
}

/** A field's type, unwrapped once: what updateOutputValue switches on for every value. */
type Shape =
  | { kind: 'nonNull'; of: Shape; type: OutputType }
  | { kind: 'list'; of: Shape; type: OutputType }
  | { kind: 'composite'; type: OutputType }
  | { kind: 'leaf'; type: OutputType };

type Step =
  | { kind: 'typename'; responseName: string; conditions?: Conditions }
  | { kind: 'introspection'; responseName: string; conditions?: Conditions; selection: FieldSelection }
  | { kind: 'field'; responseName: string; conditions?: Conditions; shape: Shape; sub?: Step[] }
  | { kind: 'fragment'; conditions?: Conditions; typeCondition?: CompositeType; sub: Step[] };

interface Run {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspection: (selection: FieldSelection) => unknown;
  /** results of the last updateValue, kept here instead of in an object per value */
  invalid: boolean;
  hasErrors: boolean;
  subtypes: Map<string, Map<string, boolean>>;
  newObject: () => Record<string, unknown>;
}

const BUBBLE = 1;
const OK = 0;

/**
 * `${value}` as Apollo's assertion messages print it. The assertions are written out as
 * `if (…) throw`: an `assert(condition, () => message)` closure made every call of the per-value
 * functions below allocate a context for the variables the message captured.
 */
const text = (value: unknown): string => `${value as string}`;

function conditionsOf(element: { appliedDirectivesOf(definition: never): Directive[] }, schema: Schema): Conditions | undefined {
  const skip = element.appliedDirectivesOf(schema.skipDirective() as never)[0];
  const include = element.appliedDirectivesOf(schema.includeDirective() as never)[0];
  if (!skip && !include) return undefined;
  const value = (directive: Directive) => (directive.arguments() as { if: IfArgument }).if;
  return { skip: skip && { directive: skip, value: value(skip) }, include: include && { directive: include, value: value(include) } };
}

function shapeOf(type: OutputType): Shape {
  if (isNonNullType(type)) return { kind: 'nonNull', of: shapeOf(type.ofType), type };
  if (isListType(type)) return { kind: 'list', of: shapeOf(type.ofType), type };
  return isCompositeType(type) ? { kind: 'composite', type } : { kind: 'leaf', type };
}

/** The operation's selections as steps; a selection set reached twice (a fragment spread again) is compiled once. */
export class CompiledShape {
  private readonly compiled = new Map<SelectionSet, Step[]>();
  private readonly root: Step[];
  private readonly rootType: CompositeType;
  private readonly defaults: Record<string, unknown>;
  /**
   * `{}` objects serialise faster than Object.create(null) ones, but answer every Object.prototype
   * member (toString, constructor, `__proto__` …) as if it were already output: an operation with
   * such a response name anywhere gets prototype-less objects, as Apollo's shaping always does.
   */
  private plainObjects = true;
  private readonly subtypes = new Map<string, Map<string, boolean>>();

  constructor(private readonly operation: Operation) {
    this.root = this.compile(operation.selectionSet);
    this.rootType = operation.schema().schemaDefinition.rootType(operation.rootKind)!;
    this.defaults = operation.collectDefaultedVariableValues();
  }

  private compile(selectionSet: SelectionSet): Step[] {
    const compiledBefore = this.compiled.get(selectionSet);
    if (compiledBefore) return compiledBefore;
    const steps: Step[] = [];
    this.compiled.set(selectionSet, steps);
    const schema = this.operation.schema();
    for (const selection of selectionSet.selections()) {
      const conditions = conditionsOf(selection.element as never, schema);
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        const responseName = field.responseName();
        if (responseName in Object.prototype) this.plainObjects = false;
        if (field.definition.isSchemaIntrospectionField()) steps.push({ kind: 'introspection', responseName, conditions, selection });
        else if (field.name === '__typename') steps.push({ kind: 'typename', responseName, conditions });
        else steps.push({ kind: 'field', responseName, conditions, shape: shapeOf(field.definition.type!), sub: selection.selectionSet && this.compile(selection.selectionSet) });
      } else {
        steps.push({ kind: 'fragment', conditions, typeCondition: selection.element.typeCondition, sub: this.compile(selection.selectionSet) });
      }
    }
    return steps;
  }

  /** computeResponse: the client's data from what the plan fetched, and the errors shaping found. */
  apply(input: Record<string, unknown>, variables: Record<string, unknown> | undefined, introspection: (selection: FieldSelection) => unknown): { data: Record<string, unknown> | null; errors: GraphQLError[] } {
    const run: Run = {
      schema: this.operation.schema(),
      variables: { __proto__: null, ...this.defaults, ...variables },
      errors: [],
      introspection,
      invalid: false,
      hasErrors: false,
      subtypes: this.subtypes,
      newObject: this.plainObjects ? () => ({}) : () => Object.create(null) as Record<string, unknown>,
    };
    const data = run.newObject();
    const result = applySteps(input, this.root, data, run, [], this.rootType);
    return { data: result === BUBBLE ? null : data, errors: run.errors };
  }
}

function ifValue(argument: { directive: Directive; value: IfArgument }, variables: Record<string, unknown>): boolean {
  const { value, directive } = argument;
  if (!(value instanceof Variable)) return value;
  const given = variables[value.name];
  if (typeof given !== 'boolean') throw new Error(`Unexpected value ${String(given)} for variable ${value.toString()} of ${directive.toString()}`);
  return given;
}

function skipped(conditions: Conditions, variables: Record<string, unknown>): boolean {
  return !!((conditions.skip && ifValue(conditions.skip, variables)) || (conditions.include && !ifValue(conditions.include, variables)));
}

function typeConditionApplies(run: Run, typeCondition: CompositeType | undefined, typename: string | undefined, parentType: CompositeType): boolean {
  if (!typeCondition) return true;
  // without a __typename the parent type decides; type names cannot start with a space
  const key = typename || ` ${parentType.name}`;
  let byType = run.subtypes.get(typeCondition.name);
  if (!byType) run.subtypes.set(typeCondition.name, (byType = new Map()));
  let applies = byType.get(key);
  if (applies === undefined) {
    if (typename) {
      const type = run.schema.type(typename);
      applies = !!type && isSubtype(typeCondition, type as OutputType);
    } else {
      applies = isSubtype(typeCondition, parentType);
    }
    byType.set(key, applies);
  }
  return applies;
}

function applySteps(input: Record<string, unknown>, steps: Step[], output: Record<string, unknown>, run: Run, path: (string | number)[], parentType: CompositeType): number {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.conditions && skipped(step.conditions, run.variables)) continue;
    if (step.kind === 'fragment') {
      const typename = input.__typename;
      if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${text(typename)}`);
      if (typeConditionApplies(run, step.typeCondition, typename as string | undefined, parentType)) {
        if (applySteps(input, step.sub, output, run, path, step.typeCondition ?? parentType) === BUBBLE) return BUBBLE;
      }
      continue;
    }
    const responseName = step.responseName;
    const outputValue = output[responseName];
    if (step.kind === 'introspection') {
      if (outputValue === undefined) output[responseName] = run.introspection(step.selection);
      continue;
    }
    let inputValue = Object.prototype.hasOwnProperty.call(input, responseName) ? (input[responseName] ?? null) : null;
    if (step.kind === 'typename') {
      if (outputValue === undefined) {
        if (inputValue === null && responseName !== '__typename') inputValue = input.__typename ?? null;
        const type: NamedType = (typeof inputValue === 'string' ? run.schema.type(inputValue) : undefined) ?? parentType;
        if (!isObjectType(type)) return BUBBLE;
        output[responseName] = type.name;
      }
      continue;
    }
    path.push(responseName);
    output[responseName] = updateValue(outputValue, step.shape, inputValue, step.sub, path, run, parentType);
    path.pop();
    if (run.invalid) return BUBBLE;
  }
  return OK;
}

function describeLast(path: (string | number)[], currentType: OutputType, parentType: CompositeType): string {
  const element = path[path.length - 1];
  return typeof element === 'string' ? `field ${parentType.toString()}.${element}` : `array element of type ${currentType.toString()} at index ${element}`;
}

function shapingError(run: Run, message: string, path: (string | number)[]): void {
  run.errors.push(ERRORS.INVALID_GRAPHQL.err(message, { path: Array.from(path) }));
}

/** updateOutputValue: the value for `shape` given what was already output and the fetched input; flags in run.invalid / run.hasErrors. */
function updateValue(outputValue: unknown, shape: Shape, inputValue: unknown, sub: Step[] | undefined, path: (string | number)[], run: Run, parentType: CompositeType): unknown {
  if (outputValue === null || (outputValue !== undefined && !sub)) {
    run.invalid = false;
    run.hasErrors = false;
    return outputValue;
  }
  if (shape.kind === 'nonNull') {
    const updated = updateValue(outputValue, shape.of, inputValue, sub, path, run, parentType);
    if (updated === null) {
      if (!run.hasErrors) shapingError(run, `Cannot return null for non-nullable ${describeLast(path, shape.of.type, parentType)}.`, path);
      run.invalid = true;
      run.hasErrors = true;
      return null;
    }
    run.invalid = false;
    run.hasErrors = false;
    return updated;
  }
  run.invalid = false;
  if (inputValue === null) {
    run.hasErrors = false;
    return null;
  }
  if (shape.kind === 'list') {
    if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${text(inputValue)} returned by subgraph for list type ${shape.type.toString()}`);
    if (outputValue !== undefined && !Array.isArray(outputValue)) throw new Error(`Invalid non-list value ${text(outputValue)} returned by subgraph for list type ${shape.type.toString()}`);
    const previous = outputValue as unknown[] | undefined;
    if (previous !== undefined && inputValue.length !== previous.length) throw new Error(`[${text(inputValue)}].length (${inputValue.length}) !== [${text(previous)}].length (${previous.length})`);
    const updated = new Array<unknown>(inputValue.length);
    let nullify = false;
    let hasErrors = false;
    for (let i = 0; i < inputValue.length; i++) {
      path.push(i);
      updated[i] = updateValue(previous?.[i], shape.of, inputValue[i], sub, path, run, parentType);
      path.pop();
      nullify ||= run.invalid;
      hasErrors ||= run.hasErrors;
    }
    run.invalid = false;
    run.hasErrors = hasErrors;
    return nullify ? null : updated;
  }
  if (shape.kind === 'composite') {
    if (!sub) throw new Error(`Invalid empty selection set for composite type ${shape.type.toString()}`);
    if (typeof inputValue !== 'object') throw new Error(`Invalid non-object value ${text(inputValue)} returned by subgraph for composite type ${shape.type.toString()}`);
    if (outputValue !== undefined && typeof outputValue !== 'object') throw new Error(`Invalid non-object value ${text(inputValue)} returned by subgraph for composite type ${shape.type.toString()}`);
    const input = inputValue as Record<string, unknown>;
    const typename = input.__typename;
    if (typename !== undefined && typeof typename !== 'string') throw new Error(`Invalid non-string value ${text(typename)} for __typename at ${path.join(',')}`);
    let objectType = shape.type as CompositeType;
    if (typename) {
      const named = run.schema.type(typename);
      if (!named || !isCompositeType(named)) {
        shapingError(run, `Invalid __typename found for object at ${describeLast(path, shape.type, parentType)}.`, path);
        run.hasErrors = true;
        return null;
      }
      objectType = named;
    }
    const output = (outputValue as Record<string, unknown> | undefined) ?? run.newObject();
    const bubbled = applySteps(input, sub, output, run, path, objectType) === BUBBLE;
    run.invalid = false;
    run.hasErrors = bubbled;
    return bubbled ? null : output;
  }
  if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${shape.type.toString()} for type ${shape.type.toString()}`);
  const valid = isValidLeafValue(run.schema, inputValue, shape.type as never);
  if (!valid) shapingError(run, `Invalid value found for ${describeLast(path, shape.type, parentType)}.`, path);
  run.invalid = false;
  run.hasErrors = !valid;
  return valid ? inputValue : null;
}
