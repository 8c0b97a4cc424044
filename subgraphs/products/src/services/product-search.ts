import { LRUCache } from 'lru-cache';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager, Knex, QBFilterQuery } from '@mikro-orm/postgresql';
import { badInput, isReadColumn, keysetPosition, toConnectionPage, type ConnectionPage, type CursorValue, type KeysetSort, type PageRequest } from '@tradegraph/kit';
import { Product } from '../entities';

/*
 * Text search over the catalog, served by indexes at a million products.
 *
 * Matching: PostgreSQL full text — `websearch_to_tsquery('english', text)` (stemmed words in any
 * order, "quoted phrases", `or`, `-excluded`) against `product.search_vector` (sku, name, brand
 * and description), a stored generated tsvector with a GIN index. A text without spaces also
 * matches the skus it prefixes (case-insensitive, from a btree on `upper(sku) collate "C"`).
 *
 * Relevance is three tiers, best first: skus the text prefixes (exact sku first, in sku order);
 * products whose sku, name or brand hold every word (`product.name_vector`, GIN-indexed too, so
 * the planner has statistics for it); products that match only with their description. Within
 * a tier products are in name order.
 * Each tier is its own indexed query, asked only while the page is not full, so a page costs an
 * index walk that stops after `first` rows however many products match — where ranking by
 * `ts_rank` must read and score every match first (tens of thousands of rows for a common word;
 * bench:catalog prints both). The cursor is [`tier|sort value`, id], so pages continue inside a
 * tier or at the start of the next one and never repeat or skip a row.
 *
 * A text with no searchable word (only stop words or punctuation) matches nothing but skus.
 */

/** The sort of a text search: relevance, or a column as in kit's keyset pages. */
export type SearchOrder = { relevance: true } | KeysetSort;

/** A search text as PostgreSQL parsed it. */
interface ParsedText {
  /** the tsquery, as text ('' when the text has no searchable word) */
  words: string;
  /** LIKE pattern of the skus the text prefixes, or null */
  skuPrefix: string | null;
}

interface Tier {
  rank: number;
  /** wrapped: a knex builder is a thenable, which `await` would run */
  query: () => Promise<{ builder: Knex.QueryBuilder }>;
  /** sorted on within the tier */
  column: string;
}

/** One page of products matching `where` and `text`, in `order`. */
export async function searchPage(em: EntityManager, where: FilterQuery<Product>, text: string, order: SearchOrder, request: PageRequest): Promise<ConnectionPage<Product>> {
  const parsed = await parse(em, text);
  const filtered = () => em.createQueryBuilder(Product, 'p').where(where as QBFilterQuery<Product>).getKnexQuery();
  const anyMatch = (query: Knex.QueryBuilder) =>
    query.where((q) => {
      if (parsed.words) q.orWhereRaw('p.search_vector @@ ?::tsquery', [parsed.words]);
      if (parsed.skuPrefix) q.orWhereRaw(`upper(p.sku) collate "C" like ?`, [parsed.skuPrefix]);
      if (!parsed.words && !parsed.skuPrefix) q.whereRaw('false');
    });
  const count = async () => Number((await em.getConnection().execute(anyMatch(filtered()).clearSelect().count('* as n')))[0].n);

  if (!('relevance' in order)) {
    const rows = await pageOf(em, anyMatch(filtered()), `p.${column(em, order.field)}`, order.descending, request, request.cursor, request.size + 1);
    return toConnectionPage(rows.map((r) => r.product), request, keysetPosition<Product>(order), count);
  }

  // Best tier first; backwards, the tiers come in reverse.
  const tiers = relevanceTiers(em, parsed, filtered);
  if (request.backward) tiers.reverse();
  const [cursorRank, cursorValue] = request.cursor ? splitCursor(request.cursor[0], request.backward ? 'before' : 'after') : [null, null];
  const rows: { product: Product; sort: unknown; rank: number }[] = [];
  for (const tier of tiers) {
    if (cursorRank !== null && (request.backward ? tier.rank < cursorRank : tier.rank > cursorRank)) continue;
    const cursor: CursorValue | null = cursorRank === tier.rank ? [cursorValue, request.cursor![1]] : null;
    const found = await pageOf(em, (await tier.query()).builder, tier.column, false, request, cursor, request.size + 1 - rows.length);
    rows.push(...found.map((row) => ({ ...row, rank: tier.rank })));
    if (rows.length > request.size) break;
  }
  const positions = new Map(rows.map((r) => [r.product, [`${r.rank}|${String(r.sort)}`, r.product.id] as CursorValue]));
  return toConnectionPage(rows.map((r) => r.product), request, (product) => positions.get(product)!, count);
}

/** Above this many name matches, description-only matches are found from the GIN index alone. */
const FEW_NAME_MATCHES = 100;

/**
 * The tiers of relevance, best first, each a query over the filtered products.
 *
 * Description-only matches are `search_vector @@ q and not name_vector @@ q`, whose size the
 * planner cannot estimate (it takes the two as independent, where every name match is also a
 * match of the whole text): it would walk the name index for rows that may not exist. So the
 * name matches are counted first, up to FEW_NAME_MATCHES: when they are that few (the usual
 * case when a page reaches this tier) they are excluded by id, which the planner estimates
 * right; otherwise the tier is read from the GIN index and sorted (cost in proportion to the
 * matches, only for clients paging past a hundred name matches).
 */
function relevanceTiers(em: EntityManager, parsed: ParsedText, filtered: () => Knex.QueryBuilder): Tier[] {
  const notSku = (query: Knex.QueryBuilder) => (parsed.skuPrefix ? query.whereRaw(`not upper(p.sku) collate "C" like ?`, [parsed.skuPrefix]) : query);
  const tiers: Tier[] = [];
  if (parsed.skuPrefix) tiers.push({ rank: 2, column: `upper(p.sku) collate "C"`, query: async () => ({ builder: filtered().whereRaw(`upper(p.sku) collate "C" like ?`, [parsed.skuPrefix]) }) });
  if (!parsed.words) return tiers;
  // name_vector holds the first words of search_vector at the same positions, so a name match is
  // a match of the whole text — unless the query excludes a word (`-steel`) that only the
  // description has. Asking both only then keeps the planner's estimate of name matches right.
  const inName = () => {
    const query = notSku(filtered().whereRaw('p.name_vector @@ ?::tsquery', [parsed.words]));
    return parsed.words.includes('!') ? query.whereRaw('p.search_vector @@ ?::tsquery', [parsed.words]) : query;
  };
  tiers.push({ rank: 1, column: 'p.name', query: async () => ({ builder: inName() }) });
  tiers.push({
    rank: 0,
    column: 'p.name',
    query: async () => {
      const named: { id: string }[] = await em.getConnection().execute(inName().clearSelect().select('p.id').limit(FEW_NAME_MATCHES + 1));
      const matches = notSku(filtered().whereRaw('p.search_vector @@ ?::tsquery', [parsed.words]));
      if (named.length <= FEW_NAME_MATCHES) return { builder: matches.whereRaw('p.id <> all(?::uuid[])', [`{${named.map((r) => r.id).join(',')}}`]) };
      const knex = em.getKnex();
      const fromIndex = matches.whereRaw('not p.name_vector @@ ?::tsquery', [parsed.words]).clearSelect().select('p.*');
      return { builder: knex.select('*').from(knex.raw('(with m as materialized (?) select * from m) as p', [fromIndex])) };
    },
  });
  return tiers;
}

/**
 * Up to `limit` rows of `query` in (`sortSql`, id) order (reversed backwards), after the cursor.
 * The sort and id directions are the same, as in kit's keyset pages. The ids are found first,
 * from the columns `product_name_search_index` covers (name, id, status, sku, name_vector), so
 * walking names for a common word reads index pages, not a heap page per product; then the
 * page's rows are read by id.
 */
async function pageOf(
  em: EntityManager,
  query: Knex.QueryBuilder,
  sortSql: string,
  descending: boolean,
  request: PageRequest,
  cursor: CursorValue | null,
  limit: number,
): Promise<{ product: Product; sort: unknown }[]> {
  const direction = descending !== request.backward ? 'desc' : 'asc';
  const ids = query.clearSelect().select('p.id');
  if (cursor) ids.whereRaw(`(${sortSql}, p.id) ${direction === 'desc' ? '<' : '>'} (?, ?::uuid)`, cursor);
  ids.orderByRaw(`${sortSql} ${direction}, p.id ${direction}`).limit(limit);
  const page = em.createQueryBuilder(Product, 'p').getKnexQuery().clearSelect()
    .select(...readColumns(em), em.getKnex().raw(`${sortSql} as search_sort`))
    .whereIn('p.id', ids)
    .orderByRaw(`${sortSql} ${direction}, p.id ${direction}`);
  const rows: Record<string, unknown>[] = await em.getConnection().execute(page);
  return rows.map(({ search_sort: sort, ...row }) => ({ product: em.map(Product, row), sort }));
}

/**
 * The columns a page reads, the same as kit's readRows: every column but the lazy tsvectors,
 * which are large (the description's words), stored out of line, and never shown.
 */
function readColumns(em: EntityManager): string[] {
  return em.getMetadata().get(Product.name).props
    .filter(isReadColumn)
    .map((p) => `p.${p.fieldNames[0]}`);
}

/**
 * Parses the text once with PostgreSQL's own parser, so the page queries carry the tsquery as
 * a constant the planner can estimate (an index walk for common words, the GIN index for rare ones).
 */
async function parse(em: EntityManager, text: string): Promise<ParsedText> {
  let parsed = parsedTexts.get(text);
  if (!parsed) {
    const [row]: { words: string }[] = await em.getConnection().execute(`select websearch_to_tsquery('english', ?)::text as words`, [text]);
    const sku = text.trim();
    parsed = {
      words: row.words,
      skuPrefix: sku && !/\s/.test(sku) ? `${sku.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    };
    parsedTexts.set(text, parsed);
  }
  return parsed;
}

/**
 * The texts parsed lately, oldest first: a parse depends only on the text and the server's
 * `english` configuration, and searches repeat (type-ahead, paging), so a repeated text skips
 * a round trip. Bounded, so arbitrary texts cannot grow it.
 */
const PARSED_TEXTS = 2000;
const parsedTexts = new LRUCache<string, ParsedText>({ max: PARSED_TEXTS });

/** A relevance cursor's value: `tier|sort value`. */
function splitCursor(value: string | number, argument: string): [number, string] {
  const text = String(value);
  const bar = text.indexOf('|');
  const rank = Number(text.slice(0, bar));
  // a cursor of another sort (or made up) cannot say where in the relevance order it stood
  if (bar < 1 || !Number.isInteger(rank)) throw badInput(argument, 'is not a cursor of this search (the sort or text changed?)');
  return [rank, text.slice(bar + 1)];
}

/** The quoted column of an entity property. */
function column(em: EntityManager, property: string): string {
  return `"${em.getMetadata().get(Product.name).props.find((p) => p.name === property)!.fieldNames[0]}"`;
}
