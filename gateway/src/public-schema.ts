import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  Kind,
  parse,
  validateSchema,
  type DirectiveNode,
  type DefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** The tag that puts an element in the public contract: `@tag(name: "public")`. */
export const PUBLIC_TAG = 'public';

/** The public schema cannot be made: what is tagged reaches what is not; `message` lists every case. */
export class ContractError extends Error {
  override name = 'ContractError';
  constructor(readonly problems: readonly string[]) {
    super(`the public schema (@tag(name: "${PUBLIC_TAG}")) is not closed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The name `@tag` has in a supergraph (its @link may rename it with `as:`). */
function tagDirectiveName(definitions: readonly DefinitionNode[]): string {
  for (const definition of definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const argument = (name: string) => link.arguments?.find((a) => a.name.value === name)?.value;
      const url = argument('url');
      if (url?.kind !== Kind.STRING || !/\/\/specs\.apollo\.dev\/tag\/v/.test(url.value)) continue;
      const as = argument('as');
      return as?.kind === Kind.STRING ? as.value : 'tag';
    }
  }
  return 'tag';
}

/**
 * The schema coordinates a supergraph tags with `tag`: `Type`, `Type.field`, `Type.field(arg:)`,
 * `Input.field`, `Enum.VALUE` (composition has already merged every subgraph's tags).
 */
export function taggedCoordinates(supergraphSdl: string, tag = PUBLIC_TAG): Set<string> {
  const { definitions } = parse(supergraphSdl);
  const directive = tagDirectiveName(definitions);
  const tagged = (directives: readonly DirectiveNode[] | undefined) =>
    (directives ?? []).some((d) => d.name.value === directive && d.arguments?.some((a) => a.name.value === 'name' && a.value.kind === Kind.STRING && a.value.value === tag));
  const coordinates = new Set<string>();
  for (const definition of definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const type = definition.name.value;
    if (tagged(definition.directives)) coordinates.add(type);
    if ('fields' in definition) {
      for (const field of definition.fields ?? []) {
        if (tagged(field.directives)) coordinates.add(`${type}.${field.name.value}`);
        for (const argument of 'arguments' in field ? (field.arguments ?? []) : []) {
          if (tagged(argument.directives)) coordinates.add(`${type}.${field.name.value}(${argument.name.value}:)`);
        }
      }
    }
    if ('values' in definition) {
      for (const value of definition.values ?? []) if (tagged(value.directives)) coordinates.add(`${type}.${value.name.value}`);
    }
  }
  return coordinates;
}

/**
 * The public contract: the API schema filtered to what the supergraph tags public.
 *
 * - A tagged type is public with everything under it (fields, their arguments, input fields,
 *   enum values), whichever subgraph declares them.
 * - An untagged type is public with only its tagged members, when it has any (Query, Product).
 * - Arguments of an untagged type's fields are public only when tagged themselves.
 * - Whatever a public element reaches must be public: a field's type, an argument's type, a
 *   union's members, the implementations of an interface; a required argument or input field
 *   must be public for its field or input type to be. Otherwise {@link ContractError}.
 *
 * @throws ContractError when the tagged elements are not closed, or nothing is tagged
 */
export function buildPublicSchema(apiSchema: GraphQLSchema, supergraphSdl: string): GraphQLSchema {
  const tagged = taggedCoordinates(supergraphSdl);
  // an argument's tag alone does not make its type public: its field must be
  const withTaggedMembers = new Set([...tagged].filter((c) => c.includes('.') && !c.includes('(')).map((c) => c.slice(0, c.indexOf('.'))));
  const isPublicType = (name: string) => tagged.has(name) || withTaggedMembers.has(name) || isSpecifiedScalarType(apiSchema.getType(name) as GraphQLNamedType);
  const isPublicMember = (type: string, member: string) => tagged.has(type) || tagged.has(`${type}.${member}`);
  const isPublicArgument = (type: string, field: string, argument: string) => tagged.has(type) || tagged.has(`${type}.${field}(${argument}:)`);

  const problems = closureProblems(apiSchema, isPublicType, isPublicMember, isPublicArgument);
  if (problems.length) throw new ContractError(problems);

  const filtered = filterSchema({
    schema: apiSchema,
    typeFilter: (name) => isPublicType(name),
    rootFieldFilter: (operation, field) => isPublicMember(rootName(apiSchema, operation), field),
    fieldFilter: (type, field) => isPublicMember(type, field),
    inputObjectFieldFilter: (type, field) => isPublicMember(type, field),
    argumentFilter: (type, field, argument) => type !== undefined && field !== undefined && argument !== undefined && isPublicArgument(type, field, argument),
    enumValueFilter: (type, value) => isPublicMember(type, value),
  });
  const schema = pruneSchema(filtered);
  if (!schema.getQueryType()) throw new ContractError(['no Query field is tagged public']);
  const invalid = validateSchema(schema);
  if (invalid.length) throw new ContractError(invalid.map((e) => e.message));
  return schema;
}

function rootName(schema: GraphQLSchema, operation: 'Query' | 'Mutation' | 'Subscription'): string {
  const root = operation === 'Query' ? schema.getQueryType() : operation === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return root?.name ?? operation;
}

/** Every public element that reaches a non-public one, as a sentence naming both. */
function closureProblems(
  schema: GraphQLSchema,
  isPublicType: (name: string) => boolean,
  isPublicMember: (type: string, member: string) => boolean,
  isPublicArgument: (type: string, field: string, argument: string) => boolean,
): string[] {
  const problems: string[] = [];
  const needs = (from: string, type: GraphQLNamedType) => {
    if (!isPublicType(type.name)) problems.push(`${from} is public but its type ${type.name} is not`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isPublicType(type.name)) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!isPublicMember(type.name, field.name)) continue;
        needs(`${type.name}.${field.name}`, getNamedType(field.type));
        for (const argument of field.args) {
          const coordinate = `${type.name}.${field.name}(${argument.name}:)`;
          if (isPublicArgument(type.name, field.name, argument.name)) {
            const argumentType = getNamedType(argument.type);
            needs(coordinate, argumentType);
            if (isEnumType(argumentType) && typeof argument.defaultValue === 'string' && !isPublicMember(argumentType.name, argument.defaultValue)) {
              problems.push(`${coordinate} is public but its default ${argument.defaultValue} is not`);
            }
          }
          else if (isNonNullType(argument.type) && argument.defaultValue === undefined) problems.push(`${type.name}.${field.name} is public but its required argument ${coordinate} is not`);
        }
      }
    }
    if (isInterfaceType(type)) {
      for (const implementation of schema.getPossibleTypes(type)) needs(`${type.name} (implemented by ${implementation.name})`, implementation);
    }
    if (isUnionType(type)) for (const member of type.getTypes()) needs(`${type.name} (member ${member.name})`, member);
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (isPublicMember(type.name, field.name)) needs(`${type.name}.${field.name}`, getNamedType(field.type));
        else if (isNonNullType(field.type) && field.defaultValue === undefined) problems.push(`${type.name} is public but its required field ${type.name}.${field.name} is not`);
      }
    }
    if (isEnumType(type) && !type.getValues().some((v) => isPublicMember(type.name, v.name))) problems.push(`${type.name} is public but none of its values is`);
  }
  return problems;
}
