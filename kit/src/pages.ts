import { raw, type EntityClass, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { readWhere } from './read-rows';
import { pageRequest, toConnectionPage, type ConnectionPage, type CursorValue, type PageArgs, type PageRequest } from './connection';

/*
 * Keyset pagination over one entity: every list query of every subgraph pages the same way,
 * `(sort field, id)` compared with the cursor's position, so a page costs one index range scan
 * however deep it is.
 */

/** A sort over one column, ties broken by `id` in the same direction. */
export interface KeysetSort {
  /** the entity property sorted on (it must be non-null) */
  field: string;
  descending: boolean;
}

/** The columns a keyset sort compares: the sorted property's and the id's. */
export interface KeysetColumns {
  field: string;
  id: string;
}

/**
 * The MikroORM filter that continues after (or, backwards, before) the cursor's position: the
 * row comparison `(field, id) > (value, cursorId)`, which PostgreSQL turns into the start of a
 * `(field, id)` index range — a page costs the same however deep it is. (The same condition
 * written as `field > v or (field = v and id > x)` is read as a filter: the scan walks every row
 * before the cursor, 22 ms and 5,457 buffers at depth 250,000 against 0.04 ms and 4 buffers.)
 */
export function keysetFilter(sort: KeysetSort, request: PageRequest, columns: KeysetColumns): Record<string, unknown> {
  if (!request.cursor) return {};
  const [value, id] = request.cursor;
  const op = keysetOperator(sort, request);
  return { [raw((alias: string) => `(${alias}.${quoted(columns.field)}, ${alias}.${quoted(columns.id)}) ${op} (?, ?)`, [value, id])]: [] };
}

/** How rows after the cursor compare with it: below it when descending, above when ascending; the other way when paging backwards. */
export function keysetOperator(sort: Pick<KeysetSort, 'descending'>, request: Pick<PageRequest, 'backward'>): '<' | '>' {
  return sort.descending !== request.backward ? '<' : '>';
}

const quoted = (column: string) => `"${column.replace(/"/g, '""')}"`;

/** The columns of `entity` a keyset sort on `field` compares. */
function keysetColumns<T extends object>(em: EntityManager, entity: EntityName<T>, field: string): KeysetColumns {
  const meta = em.getMetadata().find(entity)!;
  const column = (property: string) => {
    const names = (meta.properties as Record<string, { fieldNames?: string[] } | undefined>)[property]?.fieldNames;
    if (names?.length !== 1) throw new Error(`${meta.className}.${property} is not one column: it cannot be a keyset sort`);
    return names[0];
  };
  return { field: column(field), id: column('id') };
}

/** The ORDER BY for a page request: the sort's direction, reversed when paging backwards. */
export function keysetOrder(sort: KeysetSort, request: PageRequest): Record<string, 'asc' | 'desc'> {
  const direction = keysetOperator(sort, request) === '<' ? 'desc' : 'asc';
  return { [sort.field]: direction, id: direction };
}

/** The cursor position of a row under a keyset sort: its sort value (dates as ISO strings) and its id. */
export function keysetPosition<T extends { id: string }>(sort: KeysetSort): (row: T) => CursorValue {
  return (row) => {
    const value = (row as unknown as Record<string, unknown>)[sort.field];
    return [value instanceof Date ? value.toISOString() : (value as string | number), row.id];
  };
}

/**
 * One page of `entity` rows matching `where`, in `sort` order: the rows after (or before) the
 * cursor, one more than the page to learn whether another follows, and a `totalCount` over
 * `where` that is counted only when a client asks for it.
 * @param page the client's arguments, or a {@link PageRequest} already validated (when bad page
 *   arguments must be reported before other work)
 * @param position the cursor of a row, when it is not simply the sort field (see {@link keysetPosition})
 * @throws BAD_USER_INPUT for bad page arguments
 */
export async function findPage<T extends { id: string }>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  sort: KeysetSort,
  page: PageArgs | PageRequest,
  position: (row: T) => CursorValue = keysetPosition(sort),
): Promise<ConnectionPage<T>> {
  const request = 'backward' in page ? page : pageRequest(page);
  const after = request.cursor ? ({ $and: [where, keysetFilter(sort, request, keysetColumns(em, entity, sort.field))] } as FilterQuery<T>) : where;
  const rows = await readWhere(em, entity, after, keysetOrder(sort, request) as never, request.size + 1);
  return toConnectionPage(rows, request, position, () => em.count(entity, where));
}
