import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow as allowRule } from 'graphql-shield';
import { buildSchema, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';
import type { SubgraphContext } from './context';
import { DateTimeScalar } from './date-time';
import { denyByDefault } from './rules';

/** The federation directives every subgraph may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible", "@override"])';

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

  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolve] of Object.entries(definition.references)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolve };
  }

  const subgraphSchema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
  const sdl = printSubgraphSchema(subgraphSchema);

  const rules: Record<string, unknown> = { ...definition.permissions };
  const query = (rules.Query ?? {}) as Record<string, unknown>;
  rules.Query = { ...query, _service: query._service ?? allowRule, _entities: query._entities ?? allowRule };
  for (const typeName of Object.keys(subgraphSchema.getTypeMap())) {
    if (PLUMBING_TYPE.test(typeName) && rules[typeName] === undefined) rules[typeName] = allowRule;
  }
  const schema = applyMiddleware(subgraphSchema, denyByDefault(rules));
  return { schema, sdl };
}
