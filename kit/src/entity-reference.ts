import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A field's GraphQL type as type-graphql takes it, e.g. `() => Money`. */
type FieldType = () => object;

/** Another subgraph's entity as this one sees it: only its key. */
export interface EntityReference {
  id: string;
}

/**
 * The stub of another subgraph's entity (`type <name> @key(fields: "id") { id: ID! }`): what a
 * subgraph declares to add fields to that entity (with a `@FieldResolver`) or to return it from
 * its own fields. Every subgraph keeps its stubs in `entities/references.ts`.
 */
export function entityReference<External extends object = object>(
  name: string,
  options: {
    /**
     * Fields the owner resolves that this subgraph reads (`@external`), for a field of its own
     * that `@requires` them; they arrive in the entity's representation (see architecture.md,
     * "Federated extension resolvers").
     */
    external?: { [K in keyof External]: FieldType };
  } = {},
): new () => EntityReference & Partial<External> {
  const reference = class {
    id!: string;
  };
  Object.defineProperty(reference, 'name', { value: name });
  Reflect.decorate([Field(() => ID)], reference.prototype, 'id', undefined);
  for (const [field, type] of Object.entries<FieldType>(options.external ?? {})) {
    Reflect.decorate([Field(type), Directive('@external')], reference.prototype, field, undefined);
  }
  Reflect.decorate([ObjectType(name), Directive('@key(fields: "id")')], reference);
  return reference as new () => EntityReference & Partial<External>;
}
