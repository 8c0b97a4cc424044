import type { EntityClass } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { pageRequest, toConnectionPage, type ConnectionPage, type ForwardPageArgs } from './connection';
import type { SubgraphContext } from './context';
import { qualifiedTable } from './database';
import { isUuid } from './ids';
import type { LoaderFactory } from './loaders';

/** One parent's page of children, as a connection field on the parent asks for it. */
export interface NestedPageKey<F> {
  parentId: string;
  filter: F | null;
  first: number | null;
  after: string | null;
}

/** How a parent's children are stored and paged (newest first). `A` is what the caller may see. */
export interface NestedPageSpec<E extends object, F, A = undefined> {
  entity: EntityClass<E>;
  /** the column holding the parent's id, e.g. `customer_id` */
  parentColumn: string;
  /** the parent's id on a loaded child */
  parentOf(row: E): string | null;
  /** the column pages are sorted on, newest first (ties broken by `id`) */
  sortColumn: string;
  /** a child's sort value, for its cursor */
  sortOf(row: E): Date;
  /** What the caller may see, worked out once per batch (e.g. an agent's own records only). */
  access?(ctx: SubgraphContext): Promise<A>;
  /**
   * Adds the filter and the access rule to a query over the children's table, whose columns
   * are addressed with `prefix` ("t." or ""). Must return the builder without running it.
   */
  restrict(query: Knex.QueryBuilder, filter: F | null, prefix: string, access: A): Knex.QueryBuilder;
}

/**
 * DataLoaders for a connection field on many parents at once (Customer.orders,
 * FieldAgent.orders, Customer.visits): one windowed statement for the pages of every parent in
 * a batch (`row_number() over (partition by parent …)`, cut at `first + 1`), and one grouped
 * count when `totalCount` is asked for. Keys with the same arguments share a statement.
 */
export function nestedPages<E extends object, F, A = undefined>(spec: NestedPageSpec<E, F, A>): { pages: LoaderFactory<SubgraphContext, NestedPageKey<F>, ConnectionPage<E>> } {
  const counts: LoaderFactory<SubgraphContext, { parentId: string; filter: F | null }, number> = (ctx) =>
    new DataLoader<{ parentId: string; filter: F | null }, number, string>(
      async (keys) => {
        const result = new Map<string, number>();
        for (const [filterKey, group] of groupBy(keys, (k) => JSON.stringify(k.filter))) {
          const parentIds = [...new Set(group.map((k) => k.parentId).filter(isUuid))];
          if (!parentIds.length) continue;
          const knex = ctx.em.getKnex();
          const access = (await spec.access?.(ctx)) as A;
          const query = spec.restrict(knex(knex.raw(qualifiedTable(ctx.em, spec.entity))), group[0].filter, '', access)
            .whereIn(spec.parentColumn, parentIds)
            .groupBy(spec.parentColumn)
            .select(`${spec.parentColumn} as parent`, knex.raw('count(*)::int as n'));
          const rows: { parent: string; n: number }[] = await ctx.em.getConnection().execute(query);
          for (const row of rows) result.set(`${filterKey}|${row.parent}`, row.n);
        }
        return keys.map((k) => result.get(`${JSON.stringify(k.filter)}|${k.parentId}`) ?? 0);
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    );

  const pages: LoaderFactory<SubgraphContext, NestedPageKey<F>, ConnectionPage<E>> = (ctx) =>
    new DataLoader<NestedPageKey<F>, ConnectionPage<E>, string>(
      async (keys) => {
        const pagesByKey = new Map<NestedPageKey<F>, ConnectionPage<E>>();
        for (const group of groupBy(keys, (k) => JSON.stringify([k.filter, k.first, k.after])).values()) {
          const { filter, first, after } = group[0];
          const request = pageRequest({ first, after });
          const parentIds = [...new Set(group.map((k) => k.parentId).filter(isUuid))];
          const rows = parentIds.length ? await windowed(ctx, parentIds, filter, request.size + 1, request.cursor) : [];
          const byParent = new Map<string, E[]>();
          for (const row of rows) {
            const parent = spec.parentOf(row)!;
            byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
          }
          for (const key of group) {
            pagesByKey.set(
              key,
              toConnectionPage(byParent.get(key.parentId) ?? [], request, (row) => [spec.sortOf(row).toISOString(), (row as { id: string }).id], () =>
                ctx.loaders.get(counts).load({ parentId: key.parentId, filter }),
              ),
            );
          }
        }
        return keys.map((key) => pagesByKey.get(key)!);
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    );

  async function windowed(ctx: SubgraphContext, parentIds: string[], filter: F | null, perParent: number, cursor: [string | number, string] | null): Promise<E[]> {
    const knex = ctx.em.getKnex();
    const { parentColumn: parent, sortColumn: sort } = spec;
    const access = (await spec.access?.(ctx)) as A;
    const inner = spec.restrict(knex(knex.raw(`${qualifiedTable(ctx.em, spec.entity)} as t`)), filter, 't.', access)
      .whereIn(`t.${parent}`, parentIds)
      .select('t.*', knex.raw(`row_number() over (partition by t.${parent} order by t.${sort} desc, t.id desc) as rn`));
    if (cursor) inner.whereRaw(`(t.${sort}, t.id) < (?::timestamptz, ?::uuid)`, [cursor[0], cursor[1]]);
    const outer = knex
      .select('*')
      .from(inner.as('w'))
      .where('rn', '<=', perParent)
      .orderBy([{ column: parent }, { column: sort, order: 'desc' }, { column: 'id', order: 'desc' }]);
    // through MikroORM's connection, so the statement is logged and counted like every other
    const rows: Record<string, unknown>[] = await ctx.em.getConnection().execute(outer);
    return rows.map((row) => {
      delete row.rn;
      return ctx.em.map<E>(spec.entity, row as never);
    });
  }

  return { pages };
}

/**
 * A connection field on a parent (Customer.orders …) resolved through its {@link nestedPages}
 * loader: the parent's page for the field's filter and page arguments, batched with the other
 * parents of the request.
 */
export function nestedPage<E extends object, F>(
  ctx: SubgraphContext,
  pages: LoaderFactory<SubgraphContext, NestedPageKey<F>, ConnectionPage<E>>,
  parentId: string,
  filter: F | null | undefined,
  page: ForwardPageArgs,
): Promise<ConnectionPage<E>> {
  return ctx.loaders.get(pages).load({ parentId, filter: filter ?? null, first: page.first ?? null, after: page.after ?? null });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
