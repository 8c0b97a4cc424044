import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { summarizeUpsert, UpsertOutcome, type UpsertItemResult, type UpsertSummary } from './bulk-result';
import { detachedEntity, insertEventsPart, insertRows, insertRowsPart, selectRows, updateRows, writeTogether, type Row } from './bulk-sql';
import { badInput } from './errors';
import type { NewEvent } from './events/outbox';
import type { StateMachine } from './state-machine';

/*
 * The bulk upsert by natural key (upsertProducts by sku, upsertCustomers by code): the pass is
 * the same for every entity, so it lives here once; a service says only how an item becomes
 * columns and what its lifecycle records. Result types: bulk-result.ts; the SQL: bulk-sql.ts.
 */

/** The most items one bulk upsert call may carry. */
export const MAX_BULK_ITEMS = 1000;

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

/** What a service tells {@link upsertByKey} about one entity. */
export interface KeyedUpsert<I, T extends { id: string }, S extends string, H extends object, L = undefined> {
  entity: EntityClass<T>;
  /** the natural key, a unique column: rows are found, locked and inserted in its order */
  key: keyof T & string;
  keyOf(item: I): string;
  /** reads, in the pass's transaction, what `fields` needs for the whole batch (categories by slug) */
  load?(em: EntityManager, items: readonly I[]): Promise<L>;
  /**
   * The columns the item sets, other than id, the key, status and the timestamps; the item is
   * UNCHANGED when its row already holds them. Throwing fails this item alone, with the
   * error's message.
   */
  fields(item: I, index: number, loaded: L): Row<T>;
  /** the columns an update writes besides id, status and updatedAt: all `fields` may set, and what `entered` sets */
  updated: readonly (keyof T & string)[];
  /** columns a new row carries before `entered` runs, so that every new row has them (`publishedAt: null`) */
  inserted?: Row<T>;
  /** the column counting the row's writes: 1 on a new row, one more on each update (the version its events carry) */
  version?: keyof T & string;
  /**
   * The outbox events of one written row (created or updated; `before` is null for a new row),
   * written in the pass's transaction after the rows, so a failed pass leaves none behind.
   */
  events?(row: Row<T>, before: Row<T> | null): NewEvent[];
  /** the status: where new rows start, and how existing ones move (along the lifecycle, never around it) */
  lifecycle: {
    machine: Pick<StateMachine<S>, 'path'>;
    initial: S;
    wanted(item: I): S | null | undefined;
    /** sets what entering `to` sets besides the status (`publishedAt`) */
    entered?(row: Row<T>, to: S, now: Date): void;
    history: EntityClass<H>;
    /** the history row of one move of row `id`; `from` is null for a new row */
    change(id: string, from: S | null, to: S, now: Date): Row<H>;
  };
}

/**
 * Creates or updates up to {@link MAX_BULK_ITEMS} items by their natural key, in one
 * transaction; idempotent. Items that break a domain rule (an impossible status, a bad amount)
 * FAIL alone and are reported; the rest apply.
 * @throws BAD_USER_INPUT when the batch is too large or repeats a key
 */
export async function upsertByKey<I, T extends { id: string }, S extends string, H extends object, L>(
  em: EntityManager,
  items: I[],
  spec: KeyedUpsert<I, T, S, H, L>,
): Promise<UpsertSummary<T>> {
  assertBulkItems(items, (item) => spec.keyOf(item), spec.key);
  return summarizeUpsert(await withUpsertRetry(() => em.transactional((trx) => upsertPass(trx, items, spec)), () => em.clear()));
}

/**
 * One pass of {@link upsertByKey}, set-based: one select of the existing rows (locked, in key
 * order, so a concurrent status move cannot slip between the check and the write), then one
 * insert of the new rows, one update of the changed ones and one statement inserting their
 * status history and outbox events, whatever the batch size.
 */
async function upsertPass<I, T extends { id: string }, S extends string, H extends object, L>(em: EntityManager, items: I[], spec: KeyedUpsert<I, T, S, H, L>): Promise<UpsertItemResult<T>[]> {
  const { entity, key, lifecycle } = spec;
  const keyOf = (item: I) => spec.keyOf(item);
  const loaded = (spec.load ? await spec.load(em, items) : undefined) as L;
  const existing = await selectRows(em, entity, [key], items.map((item) => ({ [key]: keyOf(item) }) as Row<T>), { orderBy: [key], lock: 'no key update' });
  const byKey = new Map(existing.map((row) => [row[key] as string, row]));
  const now = new Date();
  const inserts: Row<T>[] = [];
  const updates: Row<T>[] = [];
  const history: Row<H>[] = [];
  const events: NewEvent[] = [];
  const statusOf = (row: Row<T>) => (row as { status?: S }).status!;
  const enter = (row: Row<T>, from: S | null, to: S) => {
    history.push(lifecycle.change(row.id!, from, to, now));
    (row as { status?: S }).status = to;
    lifecycle.entered?.(row, to, now);
  };

  const results = items.map((item, index): UpsertItemResult<T> => {
    const itemKey = keyOf(item);
    const result = (outcome: UpsertOutcome, node: T | null, error: string | null = null) => ({ index, key: itemKey, outcome, node, error });
    const current = byKey.get(itemKey);
    let fields: Row<T>;
    let steps: S[] = [];
    try {
      fields = spec.fields(item, index, loaded);
      const wanted = lifecycle.wanted(item);
      if (current && wanted && wanted !== statusOf(current)) steps = lifecycle.machine.path(statusOf(current), wanted);
    } catch (error) {
      return result(UpsertOutcome.FAILED, null, (error as Error).message);
    }
    if (!current) {
      const row = { ...spec.inserted, id: randomUUID(), [key]: itemKey, ...fields, createdAt: now, updatedAt: now } as Row<T>;
      enter(row, null, lifecycle.wanted(item) ?? lifecycle.initial);
      if (spec.version) (row as Record<string, unknown>)[spec.version] = 1;
      if (spec.events) events.push(...spec.events(row, null));
      inserts.push(row);
      return result(UpsertOutcome.CREATED, detachedEntity(entity, row));
    }
    if (steps.length === 0 && hasSameFields(current, fields)) return result(UpsertOutcome.UNCHANGED, detachedEntity(entity, current));
    const row = { ...current, ...fields, updatedAt: now } as Row<T>;
    for (const step of steps) enter(row, statusOf(row), step);
    if (spec.version) (row as Record<string, unknown>)[spec.version] = Number(current[spec.version] ?? 0) + 1;
    if (spec.events) events.push(...spec.events(row, current));
    updates.push(row);
    return result(UpsertOutcome.UPDATED, detachedEntity(entity, row));
  });

  // New keys in one fixed order: two batches inserting the same new keys queue up on the
  // first one instead of deadlocking; the later one fails on it and withUpsertRetry runs it again.
  const keyOfRow = (row: Row<T>) => row[key] as string;
  await insertRows(em, entity, inserts.sort((a, b) => (keyOfRow(a) < keyOfRow(b) ? -1 : keyOfRow(a) > keyOfRow(b) ? 1 : 0)));
  const columns = ['id', ...spec.updated, ...(spec.version ? [spec.version] : []), 'status', 'updatedAt'] as (keyof Row<T>)[];
  await updateRows(em, entity, 'id', updates.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])) as Row<T>));
  // History and events in one statement: the events add no round trip to the pass.
  const parts = [...(history.length ? [insertRowsPart(em, 'history', lifecycle.history, history)] : []), ...(events.length ? [insertEventsPart(em, 'events', events)] : [])];
  if (parts.length) await writeTogether(em, parts);
  return results;
}
