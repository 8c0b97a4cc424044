import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { badInput } from './errors';

/** The most items one bulk upsert call may carry. */
export const MAX_BULK_ITEMS = 1000;

/** What a bulk upsert did with one item. */
export enum UpsertOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  FAILED = 'FAILED',
}
registerEnumType(UpsertOutcome, { name: 'UpsertOutcome', description: 'What a bulk upsert did with one item.' });

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

/**
 * Checks a bulk call before any work: at most {@link MAX_BULK_ITEMS} items and no natural key
 * twice. @throws BAD_USER_INPUT naming the offending item
 */
export function assertBulkItems<I>(items: readonly I[], keyOf: (item: I) => string, keyField: string): void {
  if (items.length > MAX_BULK_ITEMS) throw badInput('items', `may hold at most ${MAX_BULK_ITEMS} items, got ${items.length}`);
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first !== undefined) throw badInput(`items.${index}.${keyField}`, `repeats "${key}" of items.${first}`);
    seen.set(key, index);
  });
}

/**
 * Runs a bulk upsert, once more if a concurrent call inserted one of its new keys first: the
 * second pass finds those rows and updates them, so concurrent identical batches both succeed.
 */
export async function withUpsertRetry<T>(run: () => Promise<T>, beforeRetry: () => void): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    beforeRetry();
    return run();
  }
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

/** Serialises with object keys sorted, so values read back from jsonb compare equal to fresh ones. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * True when every field of `changes` already has that value on `current` (deep, key order
 * ignored): the test a bulk upsert uses to report UNCHANGED and write nothing.
 */
export function hasSameFields(current: object, changes: object): boolean {
  const record = current as Record<string, unknown>;
  return Object.entries(changes).every(([key, value]) => canonical(record[key]) === canonical(value));
}
