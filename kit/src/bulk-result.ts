import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { graphqlEnum, type EnumValue } from './graphql-enum';

/* What a bulk upsert answers, in TypeScript and as GraphQL types. */

export const UpsertOutcome = graphqlEnum('UpsertOutcome', ['CREATED', 'UPDATED', 'UNCHANGED', 'FAILED'], { description: 'What a bulk upsert did with one item.' });
export type UpsertOutcome = EnumValue<typeof UpsertOutcome>;

/** One item's result, in the order the items were given. */
export interface UpsertItemResult<T> {
  index: number;
  /** the item's natural key (sku, customer code) */
  key: string;
  outcome: UpsertOutcome;
  node: T | null;
  /** why the item failed; the others still applied */
  error: string | null;
}

/** A bulk upsert's answer: counts per outcome and each item's result. */
export interface UpsertSummary<T> {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  items: UpsertItemResult<T>[];
}

/** Counts the outcomes of a bulk upsert. */
export function summarizeUpsert<T>(items: UpsertItemResult<T>[]): UpsertSummary<T> {
  const count = (outcome: UpsertOutcome) => items.filter((r) => r.outcome === outcome).length;
  return {
    created: count(UpsertOutcome.CREATED),
    updated: count(UpsertOutcome.UPDATED),
    unchanged: count(UpsertOutcome.UNCHANGED),
    failed: count(UpsertOutcome.FAILED),
    items,
  };
}

/**
 * Declares the GraphQL result types of a bulk upsert of `node`: `Upsert<Name>Item` (the key and
 * node under the given field names) and `Upsert<Name>sResult`.
 */
export function UpsertResult<T extends object>(name: string, node: ClassType<T>, fields: { key: string; node: string }) {
  @ObjectType(`Upsert${name}Item`, { description: `What a bulk upsert did with one ${name}.` })
  class Item {
    @Field(() => Int, { description: 'The item\'s position in the request.' })
    index!: number;

    @Field({ name: fields.key })
    key!: string;

    @Field(() => UpsertOutcome)
    outcome!: UpsertOutcome;

    @Field(() => node, { name: fields.node, nullable: true })
    node!: T | null;

    @Field(() => String, { nullable: true, description: 'Why the item failed; the other items still applied.' })
    error!: string | null;
  }

  @ObjectType(`Upsert${name}sResult`)
  class Result {
    @Field(() => Int)
    created!: number;

    @Field(() => Int)
    updated!: number;

    @Field(() => Int)
    unchanged!: number;

    @Field(() => Int)
    failed!: number;

    @Field(() => [Item])
    items!: Item[];
  }
  return Result;
}
