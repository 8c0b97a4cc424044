import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type EntityClass, type EntityManager } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** One recorded move of an owner's status, as every status history stores it. */
export interface StatusChange<S extends string> {
  [OptionalProps]?: 'id' | 'changedAt' | 'from' | 'actor' | 'reason';
  id: string;
  from: S | null;
  to: S;
  actor: string | null;
  reason?: string | null;
  changedAt: Date;
}

/** The entity class {@link statusHistoryEntity} makes: rows of `StatusChange` keyed to their owner by `K`. */
export type StatusHistoryClass<S extends string, K extends string> = EntityClass<StatusChange<S> & Record<K, string>> & {
  new (): StatusChange<S> & Record<K, string>;
  /** the property holding the owner's id, e.g. "customerId" */
  readonly ownerKey: K;
};

export interface StatusHistoryOptions {
  description: string;
  /** what a null `from` means, e.g. "Null when the customer was created." */
  fromDescription: string;
  actorDescription?: string;
  /** whether moves carry a reason (default true) */
  reason?: boolean;
}

const snakeCase = (name: string) => name.replace(/(?<=.)[A-Z]/g, (c) => `_${c}`).toLowerCase();

/**
 * Makes the entity (and GraphQL object type) that records every move of `owner`'s status, named
 * after the owner: `<Owner>StatusChange` in table `<owner>_status_change`, with `id` (bigint
 * identity, so history reads in order even within one millisecond), `ownerKey` (column
 * `<owner>_id`, a cascading foreign key), `from`, `to`, `actor`, `reason` (unless `reason:
 * false`) and `changedAt`, and an index on (owner, id). Every subgraph with a lifecycle keeps
 * its history this way; add the class to the subgraph's `entities`.
 *
 * @param ownerKey the owner's id property, "<owner>Id" (given rather than derived, to be typed)
 * @param status the status enum, registered with type-graphql
 */
export function statusHistoryEntity<S extends string, K extends string>(
  owner: EntityClass<unknown>,
  ownerKey: K,
  status: Record<string, S>,
  options: StatusHistoryOptions,
): StatusHistoryClass<S, K> {
  const name = `${owner.name}StatusChange`;
  const history = class {
    static readonly ownerKey = ownerKey;
    id!: string;
    from: S | null = null;
    to!: S;
    actor: string | null = null;
    reason: string | null = null;
    changedAt: Date = new Date();
  };
  // MikroORM keys entity metadata by class name: each history needs its own.
  Object.defineProperty(history, 'name', { value: name });

  const items = () => status;
  const decorate = (property: string, ...decorators: ((target: object, property: string) => void)[]) =>
    Reflect.decorate(decorators as PropertyDecorator[], history.prototype, property, undefined);
  decorate('id', PrimaryKey({ type: 'bigint', autoincrement: true }));
  decorate(ownerKey, ManyToOne(() => owner, { mapToPk: true, fieldName: snakeCase(ownerKey), deleteRule: 'cascade' }));
  decorate('from', Field(items, { nullable: true, description: options.fromDescription }), Enum({ items, nullable: true }));
  decorate('to', Field(items), Enum({ items }));
  decorate('actor', Field(() => String, { nullable: true, description: options.actorDescription }), Property({ type: 'string', length: 200, nullable: true }));
  if (options.reason !== false) decorate('reason', Field(() => String, { nullable: true }), Property({ type: 'string', length: 500, nullable: true }));
  decorate('changedAt', Field(() => Date), Property({ type: 'Date' }));
  Reflect.decorate(
    [ObjectType(name, { description: options.description }), Entity({ tableName: `${snakeCase(owner.name)}_status_change` }), Index({ properties: [ownerKey, 'id'] as never })] as ClassDecorator[],
    history,
  );
  return history as unknown as StatusHistoryClass<S, K>;
}

/** A status move to record: `from` is null for the first status an owner gets. */
export interface StatusMove<S extends string> {
  from: S | null;
  to: S;
  actor: string | null;
  reason?: string | null;
}

/** Records one move in `history` for the owner `ownerId` (persisted with the unit of work). */
export function recordStatusChange<S extends string, K extends string>(em: EntityManager, history: StatusHistoryClass<S, K>, ownerId: string, move: StatusMove<S>): void {
  em.create(history, { [history.ownerKey]: ownerId, ...move } as StatusChange<S> & Record<K, string>);
}
