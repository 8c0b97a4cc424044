import { Enum, PrimaryKey, Property, type PropertyOptions } from '@mikro-orm/core';
import { Field, ID, Int } from 'type-graphql';

/**
 * Columns that are also GraphQL fields, each one decorator: the column's type and the field's
 * type and nullability are said once, so they cannot drift apart. Being property decorators,
 * they keep the fields in declaration order (a base class would move inherited fields first).
 * Columns without a field keep `@Property`; defaults stay as initialisers (`= randomUUID()`,
 * `= new Date()`), so values are known before the row is flushed.
 */
export interface ColumnOptions {
  /** a nullable column and a nullable field */
  nullable?: boolean;
  /** the field's GraphQL description */
  description?: string;
}

type ColumnDecorator = (target: object, property: string) => void;

function column(fieldType: () => unknown, options: ColumnOptions, property: PropertyOptions<object>): ColumnDecorator {
  const { nullable, description } = options;
  return (target, name) => {
    Field(fieldType as () => object, { nullable, description })(target, name);
    Property({ ...property, ...(nullable ? { nullable } : {}) })(target, name);
  };
}

/** `id: ID!`, the uuid primary key; initialise it with `randomUUID()`. */
export function IdColumn(): ColumnDecorator {
  return (target, name) => {
    Field(() => ID)(target, name);
    PrimaryKey({ type: 'uuid' })(target, name);
  };
}

/** A uuid column exposed as `ID`: the id of a row here or in another subgraph. */
export function UuidColumn(options: ColumnOptions = {}): ColumnDecorator {
  return column(() => ID, options, { type: 'uuid' });
}

/** A timestamp exposed as `DateTime`. */
export function DateColumn(options: ColumnOptions = {}): ColumnDecorator {
  return column(() => Date, options, { type: 'Date' });
}

/** `updatedAt: DateTime!`, which MikroORM refreshes on every update of the row. */
export function UpdatedAtColumn(): ColumnDecorator {
  return column(() => Date, {}, { type: 'Date', onUpdate: () => new Date() });
}

/** A varchar(`length`) exposed as `String`. */
export function StringColumn(length: number, options: ColumnOptions = {}): ColumnDecorator {
  return column(() => String, options, { type: 'string', length });
}

/** Unbounded text exposed as `String`. */
export function TextColumn(options: ColumnOptions = {}): ColumnDecorator {
  return column(() => String, options, { type: 'text' });
}

/** An integer exposed as `Int`. */
export function IntColumn(options: ColumnOptions = {}): ColumnDecorator {
  return column(() => Int, options, { type: 'integer' });
}

/** A boolean exposed as `Boolean`. */
export function BooleanColumn(options: ColumnOptions = {}): ColumnDecorator {
  return column(() => Boolean, options, { type: 'boolean' });
}

/** A text column holding one of `items`' values, exposed as that (registered) GraphQL enum. */
export function EnumColumn(items: () => object, options: ColumnOptions = {}): ColumnDecorator {
  const { nullable, description } = options;
  return (target, name) => {
    Field(items, { nullable, description })(target, name);
    Enum({ items: items as () => Record<string, string>, ...(nullable ? { nullable } : {}) })(target, name);
  };
}

/**
 * The version the row's events carry (a column, not a GraphQL field): it increases with every
 * change an event reports, so consumers can order deliveries and drop stale or repeated ones.
 */
export function EventVersionColumn(): ColumnDecorator {
  return (target, name) => Property({ type: 'integer' })(target, name);
}
