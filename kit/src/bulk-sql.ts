import { randomUUID } from 'node:crypto';
import type { EntityClass, EntityProperty, Platform } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { qualifiedTable } from './database';
import { OutboxEvent, type NewEvent } from './events/outbox';
import { currentTraceparent } from './tracing/spans';

/*
 * Set-based writes for bulk mutations. MikroORM's unit of work costs far more CPU per row than
 * PostgreSQL does (an entity, its change set and an identity-map entry each), and it inlines
 * every parameter into the SQL text; a batch of 500 is cheaper as a few statements whose rows
 * travel as one jsonb parameter (`jsonb_to_recordset`). Column names and types come from the
 * entity's metadata, so these helpers stay in step with the entities and their migrations.
 */

/** Some columns of an entity, by property name, as the set-based helpers take and return them. */
export type Row<T> = { [K in keyof T]?: T[K] };

interface Column {
  prop: EntityProperty;
  name: string;
  type: string;
}

function columnsOf(em: EntityManager, entity: EntityClass<unknown>, props: readonly string[]): Column[] {
  const meta = em.getMetadata().get(entity.name);
  return props.map((name) => {
    const prop = meta.properties[name as never] as EntityProperty | undefined;
    if (!prop?.fieldNames?.length || !prop.columnTypes?.length) throw new Error(`${entity.name}.${name} is not a column`);
    return { prop, name: prop.fieldNames[0], type: prop.columnTypes[0] };
  });
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * The rows as the one jsonb parameter: plain JSON.stringify, keyed by property name (Dates become
 * ISO strings, json properties stay nested), which is far cheaper than building objects keyed by
 * column; {@link recordset} renames the keys to columns. Values must be JSON-serialisable
 * (no JS bigint: BigIntType('number') columns hold numbers).
 */
function recordsJson(rows: readonly object[]): string {
  return JSON.stringify(rows);
}

/** The rows of the one jsonb parameter as a table `alias(columns…, ord)`, `ord` numbering them in order. */
function recordset(columns: readonly Column[], alias: string): string {
  const definitions = columns.map((c) => `${quote(c.prop.name)} ${c.type}`).join(', ');
  return `rows from (jsonb_to_recordset(?::jsonb) as (${definitions})) with ordinality as ${alias}(${columns.map((c) => quote(c.name)).join(', ')}, ord)`;
}

/**
 * Runs one hand-written statement in `em`'s transaction (if it is in one), counted like any
 * other. Errors come as MikroORM's exceptions (UniqueConstraintViolationException …), as a
 * flush would throw them: raw `execute` leaves the driver's error as it is.
 */
export async function executeIn<T = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  try {
    return await em.getConnection().execute<T[]>(sql, [...params], 'all', em.getTransactionContext());
  } catch (error) {
    throw em.getPlatform().getExceptionConverter().convertException(error as Error);
  }
}

/**
 * Inserts the rows in one statement, in the order given (autoincrement keys ascend with it).
 * Every row must carry the columns of the first; the database's defaults are not applied to
 * the others, so give every required column. A duplicate key throws
 * UniqueConstraintViolationException, which `withUpsertRetry` (bulk.ts) retries.
 */
export async function insertRows<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly Row<T>[]): Promise<void> {
  if (!rows.length) return;
  const columns = columnsOf(em, entity, Object.keys(rows[0]));
  const names = columns.map((c) => quote(c.name)).join(', ');
  await executeIn(em, `insert into ${qualifiedTable(em, entity)} (${names}) select ${names} from ${recordset(columns, 'r')} order by ord`, [recordsJson(rows)]);
}

/**
 * Updates rows found by `key` (a unique column) in one statement: each row sets the columns it
 * carries (those of the first row). Returns how many rows changed.
 */
export async function updateRows<T extends object>(em: EntityManager, entity: EntityClass<T>, key: keyof T & string, rows: readonly Row<T>[]): Promise<number> {
  if (!rows.length) return 0;
  const columns = columnsOf(em, entity, Object.keys(rows[0]));
  const keyColumn = columns.find((c) => c.prop.name === key);
  if (!keyColumn) throw new Error(`updateRows: the rows of ${entity.name} must carry the key ${key}`);
  const set = columns.filter((c) => c !== keyColumn).map((c) => `${quote(c.name)} = r.${quote(c.name)}`).join(', ');
  const updated = await executeIn<{ n: number }>(
    em,
    `with changed as (update ${qualifiedTable(em, entity)} as t set ${set} from ${recordset(columns, 'r')} where t.${quote(keyColumn.name)} = r.${quote(keyColumn.name)} returning 1) select count(*)::int as n from changed`,
    [recordsJson(rows)],
  );
  return updated[0]?.n ?? 0;
}

/** How {@link selectRows} locks what it reads, if at all. */
export type RowLock = 'update' | 'no key update';

/**
 * Reads every column of the rows whose `keys` columns match one of `values` (objects carrying
 * those properties; anything else they carry is sent along, so keep them small), in one
 * statement, values converted as MikroORM would (bigint numbers, Dates, parsed json).
 * PostgreSQL takes the key list for about 100 rows: against a small table it hashes the list
 * and scans the table, against a large one it probes the table's index on `keys` per key —
 * have one (the natural key's unique constraint).
 * @param options.orderBy the order rows come back in, and are locked in: give the order the
 *   subgraph's locking rule names, so that concurrent transactions cannot deadlock
 * @param options.lock `for update` / `for no key update` on the rows read
 */
export async function selectRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  keys: readonly (keyof T & string)[],
  values: readonly Row<T>[],
  options: { orderBy?: readonly (keyof T & string)[]; lock?: RowLock } = {},
): Promise<Row<T>[]> {
  if (!values.length) return [];
  const meta = em.getMetadata().get(entity.name);
  const all = columnsOf(em, entity, meta.props.filter((p) => p.persist !== false && p.fieldNames?.length === 1 && p.columnTypes?.length).map((p) => p.name));
  const keyColumns = columnsOf(em, entity, keys);
  const order = options.orderBy?.length ? ` order by ${columnsOf(em, entity, options.orderBy).map((c) => `t.${quote(c.name)}`).join(', ')}` : '';
  const lock = options.lock ? ` for ${options.lock} of t` : '';
  const tuple = (alias: string) => `(${keyColumns.map((c) => `${alias}.${quote(c.name)}`).join(', ')})`;
  const rows = await executeIn<Record<string, unknown>>(
    em,
    `select ${all.map((c) => `t.${quote(c.name)}`).join(', ')} from ${qualifiedTable(em, entity)} as t where ${tuple('t')} in (select ${keyColumns.map((c) => `r.${quote(c.name)}`).join(', ')} from ${recordset(keyColumns, 'r')})${order}${lock}`,
    [recordsJson(values)],
  );
  const platform = em.getPlatform();
  return rows.map((raw) => rowFromDatabase<T>(platform, all, raw));
}

/** A raw row (keyed by column) as properties, values converted as MikroORM would (bigint numbers, Dates, parsed json). */
export function rowFromDatabase<T>(platform: Platform, columns: readonly { prop: EntityProperty; name: string }[], raw: Record<string, unknown>): Row<T> {
  const row: Record<string, unknown> = {};
  for (const { prop, name } of columns) {
    let value = raw[name];
    if (value != null && prop.customType) value = prop.customType.convertToJSValue(value, platform);
    else if (value != null && prop.runtimeType === 'Date') value = platform.parseDate(value as string);
    row[prop.name] = value;
  }
  return row as Row<T>;
}

/**
 * Per entity class, an object between an instance and the class's prototype that holds a
 * writable data property for every field set so far: assigning such a field on an instance then
 * creates an own property, and MikroORM's tracking setters on the prototype never run.
 */
const detachedPrototypes = new WeakMap<object, object>();

/**
 * An instance of an entity class holding `data` as plain own properties, unknown to every
 * EntityManager: what a set-based write returns as GraphQL nodes. The class's getters (prices,
 * availability …) work; MikroORM's change tracking does not, so never persist or flush one.
 */
export function detachedEntity<T extends object>(entity: EntityClass<T>, data: Row<T>): T {
  let prototype = detachedPrototypes.get(entity);
  if (!prototype) detachedPrototypes.set(entity, (prototype = Object.create(entity.prototype) as object));
  for (const key in data) {
    if (!Object.prototype.hasOwnProperty.call(prototype, key)) Object.defineProperty(prototype, key, { value: undefined, writable: true, enumerable: false, configurable: true });
  }
  return Object.assign(Object.create(prototype) as T, data);
}

/**
 * Writes events to the outbox of `em`'s transaction in one statement, in the order given (the
 * order the relay publishes them in): the set-based counterpart of `recordEvent`, for changes
 * written with {@link insertRows} and {@link updateRows} rather than flushed.
 */
export async function insertEvents(em: EntityManager, events: readonly NewEvent[]): Promise<void> {
  const occurredAt = new Date();
  const traceParent = currentTraceparent() ?? null;
  await insertRows(
    em,
    OutboxEvent,
    events.map((e) => ({ eventId: randomUUID(), type: e.type, entity: e.entity, entityId: e.entityId, version: e.version, occurredAt, payload: e.payload, publishedAt: null, attempts: 0, traceParent })),
  );
}

/**
 * One data-modifying statement of {@link writeTogether}, named so that later parts and the final
 * select may read what it returns (`select … from name`).
 */
export interface SqlPart {
  name: string;
  sql: string;
  params: unknown[];
}

/** How {@link insertRowsPart} inserts. */
export interface InsertPartOptions {
  /** columns set by SQL instead of (or from) the rows' values: property → expression over the rows (`r."column"`) and earlier parts */
  computed?: Record<string, string>;
  /** a condition on earlier parts; rows are inserted only while it holds (e.g. `exists (select 1 from claim)`) */
  when?: string;
  /** `on conflict do nothing`: a row whose unique key is taken is skipped, not an error */
  skipConflicts?: boolean;
  /** properties whose columns the part returns */
  returning?: string[];
}

/** {@link insertRows}' insert, not run: a part of {@link writeTogether}. */
export function insertRowsPart<T extends object>(em: EntityManager, name: string, entity: EntityClass<T>, rows: readonly Row<T>[], options: InsertPartOptions = {}): SqlPart {
  const columns = columnsOf(em, entity, Object.keys(rows[0] ?? {}));
  const computed = Object.entries(options.computed ?? {}).map(([prop, sql]) => ({ column: columnsOf(em, entity, [prop])[0], sql }));
  const given = columns.filter((c) => !computed.some((k) => k.column.name === c.name));
  const names = [...given.map((c) => quote(c.name)), ...computed.map((c) => quote(c.column.name))].join(', ');
  const values = [...given.map((c) => `r.${quote(c.name)}`), ...computed.map((c) => c.sql)].join(', ');
  const returning = options.returning?.length ? ` returning ${columnsOf(em, entity, options.returning).map((c) => quote(c.name)).join(', ')}` : '';
  return {
    name,
    sql: `insert into ${qualifiedTable(em, entity)} (${names}) select ${values} from ${recordset(columns, 'r')}${options.when ? ` where ${options.when}` : ''} order by ord${options.skipConflicts ? ' on conflict do nothing' : ''}${returning}`,
    params: [recordsJson(rows)],
  };
}

/** {@link insertEvents}' insert, not run: a part of {@link writeTogether}. */
export function insertEventsPart(em: EntityManager, name: string, events: readonly NewEvent[], options: InsertPartOptions = {}): SqlPart {
  const occurredAt = new Date();
  const traceParent = currentTraceparent() ?? null;
  const rows = events.map((e) => ({ eventId: randomUUID(), type: e.type, entity: e.entity, entityId: e.entityId, version: e.version, occurredAt, payload: e.payload, publishedAt: null, attempts: 0, traceParent }));
  return insertRowsPart(em, name, OutboxEvent, rows, options);
}

/** {@link updateRows}' update, not run: a part of {@link writeTogether}; `when` as for {@link insertRowsPart}. */
export function updateRowsPart<T extends object>(em: EntityManager, name: string, entity: EntityClass<T>, key: keyof T & string, rows: readonly Row<T>[], options: { when?: string } = {}): SqlPart {
  const columns = columnsOf(em, entity, Object.keys(rows[0] ?? {}));
  const keyColumn = columns.find((c) => c.prop.name === key);
  if (!keyColumn) throw new Error(`updateRowsPart: the rows of ${entity.name} must carry the key ${key}`);
  const set = columns.filter((c) => c !== keyColumn).map((c) => `${quote(c.name)} = r.${quote(c.name)}`).join(', ');
  return {
    name,
    sql: `update ${qualifiedTable(em, entity)} as t set ${set} from ${recordset(columns, 'r')} where t.${quote(keyColumn.name)} = r.${quote(keyColumn.name)}${options.when ? ` and ${options.when}` : ''} returning t.${quote(keyColumn.name)}`,
    params: [recordsJson(rows)],
  };
}

/**
 * Runs the parts as ONE statement, `with part1 as (…), part2 as (…) select …`: one round trip,
 * and atomic without a transaction (a single statement commits or fails whole). A part that
 * writes runs to completion whether read or not; a plain `select` part runs only as far as
 * another part or the final query reads it (so a lock it takes must be read by what needs it).
 * All see the statement's one snapshot: a part sees another's rows only through what that one
 * returns, so make later parts depend on earlier ones by name where order matters (PostgreSQL
 * checks foreign keys at the end of the statement). Parameters are bound in the order the `?`
 * appear in the parts, then in `select`: a `when` or computed column must not contain a `?`.
 * @param select the final query over the parts' names, e.g. `select count(*) from claim`
 */
export async function writeTogether<R = Record<string, unknown>>(em: EntityManager, parts: readonly SqlPart[], select = 'select 1', params: readonly unknown[] = []): Promise<R[]> {
  const sql = `with ${parts.map((p) => `${quote(p.name)} as (${p.sql})`).join(', ')} ${select}`;
  return executeIn<R>(em, sql, [...parts.flatMap((p) => p.params), ...params]);
}
