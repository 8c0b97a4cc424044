import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
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

/**
 * The MikroORM filter that continues after (or, backwards, before) the cursor's position:
 * `(field, id) > (value, cursorId)` written as an OR, which PostgreSQL serves from a
 * `(field, id)` index.
 */
export function keysetFilter(sort: KeysetSort, request: PageRequest): Record<string, unknown> {
  if (!request.cursor) return {};
  const [value, id] = request.cursor;
  const op = sort.descending !== request.backward ? '$lt' : '$gt';
  return { $or: [{ [sort.field]: { [op]: value } }, { [sort.field]: value, id: { [op]: id } }] };
}

/** The ORDER BY for a page request: the sort's direction, reversed when paging backwards. */
export function keysetOrder(sort: KeysetSort, request: PageRequest): Record<string, 'asc' | 'desc'> {
  const direction = sort.descending !== request.backward ? 'desc' : 'asc';
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
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  sort: KeysetSort,
  page: PageArgs | PageRequest,
  position: (row: T) => CursorValue = keysetPosition(sort),
): Promise<ConnectionPage<T>> {
  const request = 'backward' in page ? page : pageRequest(page);
  const after = request.cursor ? ({ $and: [where, keysetFilter(sort, request)] } as FilterQuery<T>) : where;
  const rows = (await em.find(entity, after, { orderBy: keysetOrder(sort, request) as never, limit: request.size + 1 })) as T[];
  return toConnectionPage(rows, request, position, () => em.count(entity, where));
}
