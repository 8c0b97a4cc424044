import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Another subgraph's entity as this one sees it: only its key. */
export interface EntityReference {
  id: string;
}

/**
 * The stub of another subgraph's entity (`type <name> @key(fields: "id") { id: ID! }`): what a
 * subgraph declares to add fields to that entity (with a `@FieldResolver`) or to return it from
 * its own fields. Every subgraph keeps its stubs in `entities/references.ts`.
 */
export function entityReference(name: string): new () => EntityReference {
  const reference = class {
    id!: string;
  };
  Object.defineProperty(reference, 'name', { value: name });
  Reflect.decorate([Field(() => ID)], reference.prototype, 'id', undefined);
  Reflect.decorate([ObjectType(name), Directive('@key(fields: "id")')], reference);
  return reference;
}
