import { raw, type EntityClass, type EntityMetadata, type EntityProperty, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { detachedEntity, executeIn, rowFromDatabase } from './bulk-sql';
import { qualifiedTable } from './database';

/*
 * Reads for the hot read paths (DataLoaders behind lookups, lists and entity references): one
 * hand-written statement per batch instead of `em.find`, whose query builder, criteria
 * processing, identity map and entity factory cost more CPU than PostgreSQL spends on the
 * statement. The rows come back as detached entities (bulk-sql.ts): the class's getters work,
 * MikroORM does not track them — a write path loads what it changes through its EntityManager.
 */

interface Reader {
  /** `t."col", …`: every column but the lazy ones */
  list: string;
  /** the schema-qualified table */
  table: string;
  /** `t."key"` */
  key: string;
  /** the key column's type, for the array parameter (`uuid`, `varchar`) */
  arrayType: string;
  columns: Column[];
}

const readers = new WeakMap<EntityMetadata, Map<string, Reader>>();
const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * The properties a read selects: persisted, one column each, and not lazy — lazy columns (the
 * products' tsvectors) are large and no field shows them.
 */
export function isReadColumn(prop: EntityProperty): boolean {
  return prop.persist !== false && !prop.lazy && prop.fieldNames?.length === 1 && !!prop.columnTypes?.length;
}

type Column = { prop: EntityProperty; name: string };
const readColumns = new WeakMap<EntityMetadata, Column[]>();

/** The columns every read of `entity` selects ({@link isReadColumn}), whatever it is keyed by. */
function columnsOf(em: EntityManager, entity: EntityClass<unknown>): Column[] {
  const meta = em.getMetadata().get(entity.name);
  let columns = readColumns.get(meta);
  if (!columns) readColumns.set(meta, (columns = meta.props.filter(isReadColumn).map((prop) => ({ prop, name: prop.fieldNames[0] }))));
  return columns;
}

/** Rows keyed by column name as detached entities, each value converted as MikroORM would. */
function detachedRows<T extends object>(em: EntityManager, entity: EntityClass<T>, columns: readonly Column[], rows: readonly Record<string, unknown>[]): T[] {
  const platform = em.getPlatform();
  return rows.map((row) => detachedEntity(entity, rowFromDatabase<T>(platform, columns, row)));
}

function readerFor(em: EntityManager, entity: EntityClass<unknown>, key: string): Reader {
  const meta = em.getMetadata().get(entity.name);
  let byKey = readers.get(meta);
  if (!byKey) readers.set(meta, (byKey = new Map()));
  let reader = byKey.get(key);
  if (!reader) {
    const columns = columnsOf(em, entity);
    const keyProp = meta.properties[key as never] as EntityProperty | undefined;
    if (!keyProp?.fieldNames?.length || !keyProp.columnTypes?.length) throw new Error(`${entity.name}.${key} is not a column`);
    reader = {
      list: columns.map((c) => `t.${quote(c.name)}`).join(', '),
      table: qualifiedTable(em, entity),
      key: `t.${quote(keyProp.fieldNames[0])}`,
      arrayType: keyProp.columnTypes[0].replace(/\(.*\)$/, ''),
      columns,
    };
    byKey.set(key, reader);
  }
  return reader;
}

/**
 * A PostgreSQL array literal of the values (one parameter, cast with `?::uuid[]` and the like),
 * each quoted, so no value can end the list or the statement.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** `order by t."a", t."b"` for properties of the entity the reader reads (ascending), or nothing. */
function orderClause(reader: Reader, entity: EntityClass<unknown>, orderBy: readonly string[] | undefined): string {
  if (!orderBy?.length) return '';
  const columns = orderBy.map((name) => {
    const column = reader.columns.find((c) => c.prop.name === name);
    if (!column) throw new Error(`${entity.name}.${name} is not a column`);
    return `t.${quote(column.name)}`;
  });
  return ` order by ${columns.join(', ')}`;
}

/**
 * The rows of `entity` whose `key` column is one of `values`, in one statement, as detached
 * entities (ascending by the `orderBy` properties when given). Counted and run in `em`'s
 * transaction like any other statement.
 */
export async function readRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  key: keyof T & string,
  values: readonly unknown[],
  orderBy?: readonly (keyof T & string)[],
): Promise<T[]> {
  if (!values.length) return [];
  const reader = readerFor(em, entity, key);
  const sql = `select ${reader.list} from ${reader.table} as t where ${reader.key} = any(?::${reader.arrayType}[])${orderClause(reader, entity, orderBy)}`;
  return detachedRows(em, entity, reader.columns, await executeIn<Record<string, unknown>>(em, sql, [arrayLiteral(values)]));
}

/**
 * The columns a read of `entity` selects, qualified by `alias` (`alias."col"`): every column
 * but the lazy ones, as {@link readRows} selects them.
 */
export function readColumnList(em: EntityManager, entity: EntityClass<unknown>, alias: string): string[] {
  return columnsOf(em, entity).map((c) => `${quote(alias)}.${quote(c.name)}`);
}

/** Rows as PostgreSQL returned them (keys are column names) as detached entities, converted as {@link readRows} converts. */
export function entitiesFromRows<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly Record<string, unknown>[]): T[] {
  return detachedRows(em, entity, columnsOf(em, entity), rows);
}

/**
 * The rows of `entity` matching a MikroORM filter, in `orderBy` order, at most `limit`, as
 * detached entities: the query builder writes the statement (the same where clause `em.find`
 * would), but the rows skip the identity map and the entity factory, which cost more CPU than
 * the statement on a page read. Entity filters (`@Filter`) are not applied; none is defined.
 */
export async function readWhere<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  limit: number,
): Promise<T[]> {
  const query = em.createQueryBuilder(entity, 't').select(raw(readColumnList(em, entity, 't').join(', '))).where(where as never).orderBy(orderBy).limit(limit);
  // run like every other plain read (executeIn): the same counting, transaction and error conversion
  const { sql, bindings } = query.getKnexQuery().toSQL();
  return entitiesFromRows(em, entity, await executeIn<Record<string, unknown>>(em, sql, bindings));
}

/**
 * {@link readRows}, each row with the row its `parentKey` column points to in `parent`'s table,
 * in the same statement (one round trip where a loader and then its parent's loader would take
 * two): prime the parent's DataLoader with `parents`.
 */
export async function readRowsWithParents<T extends object, P extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  key: keyof T & string,
  values: readonly unknown[],
  parentKey: keyof T & string,
  parent: EntityClass<P>,
): Promise<{ rows: T[]; parents: P[] }> {
  if (!values.length) return { rows: [], parents: [] };
  const reader = readerFor(em, entity, key);
  const parentReader = readerFor(em, parent, 'id');
  const foreign = reader.columns.find((c) => c.prop.name === parentKey);
  if (!foreign) throw new Error(`${entity.name}.${parentKey} is not a column`);
  // The parent's columns come as columns of their own (aliased by position: no name length or
  // clash to worry about), so they are converted exactly as a direct read's are.
  const parentColumns = parentReader.columns.map((c, i) => ({ prop: c.prop, name: `__p${i}` }));
  const parentList = parentReader.columns.map((c, i) => `parent.${quote(c.name)} as ${quote(parentColumns[i].name)}`).join(', ');
  const parentId = parentColumns[parentReader.columns.findIndex((c) => c.prop.name === 'id')].name;
  const sql =
    `select ${reader.list}, ${parentList} from ${reader.table} as t join ${parentReader.table} as parent on ${parentReader.key.replace(/^t\./, 'parent.')} = t.${quote(foreign.name)} ` +
    `where ${reader.key} = any(?::${reader.arrayType}[])`;
  const raw = await executeIn<Record<string, unknown>>(em, sql, [arrayLiteral(values)]);
  const platform = em.getPlatform();
  const parents = new Map<unknown, P>();
  const rows = raw.map((row) => {
    const id = row[parentId];
    if (!parents.has(id)) parents.set(id, detachedEntity(parent, rowFromDatabase<P>(platform, parentColumns, row)));
    return detachedEntity(entity, rowFromDatabase<T>(platform, reader.columns, row));
  });
  return { rows, parents: [...parents.values()] };
}
