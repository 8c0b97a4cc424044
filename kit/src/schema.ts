import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, visit, type ConstDirectiveNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow as allowRule } from 'graphql-shield';
import { buildSchema, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';
import type { SubgraphContext } from './context';
import { DateTimeScalar } from './date-time';
import { denyByDefault } from './rules';

/** The federation directives every subgraph may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible", "@override"])';

/**
 * Marks an element of the public contract, what partners are served (public-schema.graphql):
 * `@Directive(PUBLIC)` on a type makes it public with every field (and argument) it has; on a
 * field, argument or input field, that element alone. Whatever a public element reaches must be
 * public too, or composition fails. Enums are tagged with `graphqlEnum`'s `public` option.
 */
export const PUBLIC = '@tag(name: "public")';

/** Enum name → the values tagged public (`null`: the whole enum). */
const publicEnums = new Map<string, readonly string[] | null>();

/**
 * Puts an enum in the public contract: the whole enum, or only `values` (a public argument's
 * default must be among them). type-graphql cannot put directives on enums, so the tag is added
 * to the printed SDL when a subgraph's schema is built.
 */
export function publicEnum<E extends Record<string, string>>(name: string, _enum: E, values?: readonly (keyof E & string)[]): void {
  publicEnums.set(name, values ?? null);
}

const publicTag: ConstDirectiveNode = {
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'tag' },
  arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'name' }, value: { kind: Kind.STRING, value: 'public' } }],
};

/** The SDL with `@tag(name: "public")` on the enums (or enum values) {@link publicEnum} named. */
function tagPublicEnums(document: DocumentNode): DocumentNode {
  return visit(document, {
    EnumTypeDefinition(node) {
      if (!publicEnums.has(node.name.value)) return undefined;
      const values = publicEnums.get(node.name.value);
      if (!values) return { ...node, directives: [...(node.directives ?? []), publicTag] };
      return { ...node, values: node.values?.map((v) => (values.includes(v.name.value) ? { ...v, directives: [...(v.directives ?? []), publicTag] } : v)) };
    },
  });
}

/** Resolves one entity from its key fields (`{ id }` or `{ sku }`); must batch through a DataLoader. */
export type ReferenceResolver = (reference: Record<string, unknown>, context: SubgraphContext) => unknown;

/** What makes a subgraph's schema: its type-graphql resolvers, entity references and rules. */
export interface SchemaDefinition {
  /** type-graphql resolver classes */
  resolvers: NonEmptyArray<Function>;
  /** object types no resolver returns directly (e.g. stubs of other subgraphs' entities) */
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name */
  references: Record<string, ReferenceResolver>;
  /**
   * graphql-shield rules per type and field. Anything not named is denied, except the
   * federation fields and the plumbing types (`*Connection`, `*Edge`, bulk upsert results,
   * PageInfo, Money), whose
   * data a guarded field already returned.
   */
  permissions: Record<string, unknown>;
}

/** The schema a subgraph serves (rules applied) and the SDL it contributes to composition. */
export interface BuiltSchema {
  schema: GraphQLSchema;
  sdl: string;
}

const topicPubSubNotUsed: PubSub = {
  publish() {
    throw new Error('type-graphql topic pub/sub is not used here: write an outbox event instead');
  },
  subscribe() {
    throw new Error('type-graphql topic subscriptions are not used here: give @Subscription a subscribe function (eventStream)');
  },
};

const PLUMBING_TYPE = /(Connection|Edge)$|^Upsert\w+(Item|Result)$|^(PageInfo|Money|_Service)$/;

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql builds and
 * validates the types, its printed SDL (with `@key` and friends) becomes the subgraph's type
 * definitions, and its resolvers plus `__resolveReference` become the subgraph's resolvers.
 */
export async function buildFederatedSchema(definition: SchemaDefinition): Promise<BuiltSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    skipCheck: true,
    // Subscriptions read the event bus through their own `subscribe` (see eventStream);
    // type-graphql's topic-based pub/sub is not used, but it insists on having one.
    pubSub: topicPubSubNotUsed,
  });

  const typeDefs = tagPublicEnums(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`));
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolve] of Object.entries(definition.references)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolve };
  }

  const subgraphSchema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
  const sdl = printSubgraphSchema(subgraphSchema);

  const rules: Record<string, unknown> = { ...definition.permissions };
  const query = (rules.Query ?? {}) as Record<string, unknown>;
  // A subgraph without entities (no @key) has no `_entities`, and shield refuses rules for missing fields.
  const hasEntities = Boolean(subgraphSchema.getQueryType()?.getFields()._entities);
  rules.Query = { ...query, _service: query._service ?? allowRule, ...(hasEntities ? { _entities: query._entities ?? allowRule } : {}) };
  for (const typeName of Object.keys(subgraphSchema.getTypeMap())) {
    if (PLUMBING_TYPE.test(typeName) && rules[typeName] === undefined) rules[typeName] = allowRule;
  }
  const schema = applyMiddleware(subgraphSchema, denyByDefault(subgraphSchema, rules));
  return { schema, sdl };
}
