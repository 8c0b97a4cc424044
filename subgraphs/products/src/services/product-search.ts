import { LRUCache } from 'lru-cache';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager, Knex, QBFilterQuery } from '@mikro-orm/postgresql';
import { badInput, entitiesFromRows, readColumnList, keysetOperator, keysetPosition, qualifiedTable, toConnectionPage, type ConnectionPage, type CursorValue, type KeysetSort, type PageRequest } from '@tradegraph/kit';
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
 * products whose sku, name or brand hold every word (`product.name_vector`); products that match
 * only with their description. Within the two word tiers products are in id order: they matched
 * the same words in the same fields, so no order among them is more relevant, and the id is the
 * one order a page can be found in without reading every match.
 *
 * Why not name order within a tier (as before): a page must then either read every match from
 * the table and sort it (for `wall plug`, 13,000 products on 12,600 scattered pages of an 813 MB
 * table, because PostgreSQL, taking the two words as independent, expects 336), or walk names
 * until 21 match — and names cluster (every "Compact Nylon Wall Plug …" is 83,000 names in), so
 * neither cost is bounded. Ids are random, so matches are spread evenly over them: a walk in id
 * order over `product_search_walk_index` (id with the columns filters and the name tier read)
 * finds a page of a word held by p% of the catalog after about 21/p index entries, without
 * touching the table. See wordTier for when it stops walking and asks the GIN index instead.
 * The first page is also a spread of the matches, not twenty near-identical names from the top
 * of the alphabet. `sort: NAME_ASC` still gives name order.
 *
 * The cursor is [`tier|sort value`, id] (the sort value is the sku in the sku tier, empty in the
 * word tiers), so pages continue inside a tier or at the start of the next one and never repeat
 * or skip a row. A text with no searchable word (only stop words or punctuation) matches nothing
 * but skus.
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

/** A tier of matches in id order: its condition on `p`, and how it is walked. */
interface WordTier {
  rank: number;
  /** adds the tier's condition (beside the filters) to a query over `p` */
  match: (query: Knex.QueryBuilder) => Knex.QueryBuilder;
  /** the columns `match` reads, beside the filters' */
  columns: string[];
  walk: Walk;
}

/** A product of the page with its cursor position. */
type Found = { product: Product; position: CursorValue };

/**
 * The columns the filters of ProductService.search read; a walk selects them for the filters
 * outside it, and `product_search_walk_index` holds them. A filter on another column must be
 * added here and to the index (until then its walk fails with an unknown column, never a wrong page).
 */
const FILTER_COLUMNS = ['id', 'status', 'sku', 'category_id', 'brand', 'currency', 'base_price_minor'];

/**
 * One page of products matching `where` and `text`, in `order`.
 * @param walks how far word tiers walk (tests shorten the walks to reach every path on a small catalog)
 */
export async function searchPage(
  em: EntityManager,
  where: FilterQuery<Product>,
  text: string,
  order: SearchOrder,
  request: PageRequest,
  walks: SearchWalks = SEARCH_WALKS,
): Promise<ConnectionPage<Product>> {
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
  const tiers = wordTiers(parsed, walks);
  const ranks = [...(parsed.skuPrefix ? [SKU_RANK] : []), ...tiers.map((t) => t.rank)];
  if (request.backward) ranks.reverse();
  const [cursorRank, cursorValue] = request.cursor ? splitCursor(request.cursor[0], request.backward ? 'before' : 'after') : [null, null];
  const found: Found[] = [];
  for (const rank of ranks) {
    if (cursorRank !== null && (request.backward ? rank < cursorRank : rank > cursorRank)) continue;
    const cursor: CursorValue | null = cursorRank === rank ? [cursorValue, request.cursor![1]] : null;
    const wanted = request.size + 1 - found.length;
    if (rank === SKU_RANK) {
      const skus = filtered().whereRaw(`upper(p.sku) collate "C" like ?`, [parsed.skuPrefix]);
      const rows = await pageOf(em, skus, SKU_SORT, false, request, cursor, wanted);
      found.push(...rows.map((r) => ({ product: r.product, position: [`${rank}|${String(r.sort)}`, r.product.id] as CursorValue })));
    } else {
      const tier = tiers.find((t) => t.rank === rank)!;
      const products = await wordTier(em, tier, filtered, request.backward, cursor?.[1] ?? null, wanted);
      found.push(...products.map((product) => ({ product, position: [`${rank}|`, product.id] as CursorValue })));
    }
    if (found.length > request.size) break;
  }
  const positions = new Map(found.map((f) => [f.product, f.position]));
  return toConnectionPage(found.map((f) => f.product), request, (product) => positions.get(product)!, count);
}

const SKU_RANK = 2;
const SKU_SORT = `upper(p.sku) collate "C"`;

/**
 * How far tiers walk. Measured at a million products: an entry of the walk index costs about
 * 0.4 µs to read and check, a match read from the GIN index about 8 µs (its table page). So
 * walking on pays while at least about one product in 700 matches: a page then needs up to
 * ~15,000 entries (~6 ms), where the GIN index would read ~1,400 matches (~11 ms); below that
 * share the GIN index reads fewer. A walk that must read the table (the description's words are
 * in no index) costs about what a match from the GIN index does, so it gives up sooner.
 */
export const SEARCH_WALKS = {
  index: { firstWalk: 4000, maxWalk: 16_000, minShare: 1 / 700 },
  table: { firstWalk: 1000, maxWalk: 4000, minShare: 1 / 200 },
};
export interface Walk {
  /** index entries the first walk reads */
  firstWalk: number;
  /** the most entries all walks of a tier read */
  maxWalk: number;
  /** the share of matches below which the GIN index is asked instead */
  minShare: number;
}
export type SearchWalks = Record<keyof typeof SEARCH_WALKS, Walk>;

/**
 * The tiers of word matches, best first. The name tier's columns are all in
 * `product_search_walk_index`, so its walk reads the index alone; the description tier needs
 * `search_vector`, which is too large to copy into an index, so its walk reads the table and is
 * kept shorter.
 */
function wordTiers(parsed: ParsedText, walks: SearchWalks): WordTier[] {
  if (!parsed.words) return [];
  const notSku = (query: Knex.QueryBuilder) => (parsed.skuPrefix ? query.whereRaw(`not upper(p.sku) collate "C" like ?`, [parsed.skuPrefix]) : query);
  // name_vector holds the first words of search_vector at the same positions, so a name match is
  // a match of the whole text — unless the query excludes a word (`-steel`) that only the
  // description has; only then is search_vector asked too.
  const excludes = parsed.words.includes('!');
  return [
    {
      rank: 1,
      match: (query) => {
        notSku(query).whereRaw('p.name_vector @@ ?::tsquery', [parsed.words]);
        return excludes ? query.whereRaw('p.search_vector @@ ?::tsquery', [parsed.words]) : query;
      },
      columns: excludes ? ['name_vector', 'search_vector'] : ['name_vector'],
      walk: excludes ? walks.table : walks.index,
    },
    {
      rank: 0,
      match: (query) => notSku(query).whereRaw('p.search_vector @@ ?::tsquery and not p.name_vector @@ ?::tsquery', [parsed.words, parsed.words]),
      columns: ['name_vector', 'search_vector'],
      walk: walks.table,
    },
  ];
}

/**
 * Up to `limit` ids of the tier's filtered products after `after` in id order (before it,
 * descending, backwards).
 *
 * A page costs the lesser of two things, and neither PostgreSQL's estimate of the matches (words
 * taken as independent: 336 for `wall plug`, which 13,406 names hold) nor a count (which reads
 * every match) can say which, so the walk measures: it reads `firstWalk` index entries in id
 * order and keeps those that match. Enough: done. Fewer: while the share of matches seen is at
 * least `minShare`, it walks on (as far as that share says the page still is, twice over, up to
 * `maxWalk` entries in all). Below that share the matches are few (see SEARCH_WALKS), and the
 * rest of the page is read from the GIN index and sorted by id. So a page reads at most `maxWalk`
 * index entries and, for rare words, their few matches.
 */
async function wordTier(em: EntityManager, tier: WordTier, filtered: () => Knex.QueryBuilder, backward: boolean, after: string | null, limit: number): Promise<Product[]> {
  const found: Product[] = [];
  let from = after;
  let [walked, seen, length] = [0, 0, tier.walk.firstWalk];
  while (length > 0) {
    const { hits, end } = await walk(em, tier, filtered, backward, from, length, limit - found.length);
    found.push(...hits);
    // a walk that stopped short of `limit` read all its entries, so every match up to its end is found
    if (found.length >= limit || end === null) return found;
    from = end;
    walked += length;
    seen += hits.length;
    if (seen / walked < tier.walk.minShare) break;
    length = Math.min(tier.walk.maxWalk - walked, Math.ceil((2 * (limit - found.length) * walked) / seen));
  }
  const matches = tier.match(filtered()).clearSelect().select('p.id');
  const rest: Record<string, unknown>[] = await em.getConnection().execute(
    em.getKnex().raw(
      `with m as materialized (?), page as (select id from m ${from ? `where id ${backward ? '<' : '>'} ?::uuid` : ''} order by id ${backward ? 'desc' : 'asc'} limit ?)
       select ${readColumns(em).join(', ')} from page join ${qualifiedTable(em, Product)} p on p.id = page.id`,
      [matches, ...(from ? [from] : []), limit - found.length],
    ),
  );
  return [...found, ...inIdOrder(em, rest, backward)];
}

/**
 * The products among the next `length` in id order (after `from`, before it backwards) that pass
 * the filters and the tier's condition, at most `limit`; and the id of the `length`th product,
 * where the walk ends (null past the last product). The inner limit bounds what is read, so the
 * planner cannot choose to read every match instead; the filters stay outside it. The page's
 * rows are read in the same statement.
 */
async function walk(
  em: EntityManager,
  tier: WordTier,
  filtered: () => Knex.QueryBuilder,
  backward: boolean,
  from: string | null,
  length: number,
  limit: number,
): Promise<{ hits: Product[]; end: string | null }> {
  const direction = backward ? 'desc' : 'asc';
  const next = (columns: string[]) => {
    const query = em.createQueryBuilder(Product, 'p').getKnexQuery().clearSelect().select(columns.map((c) => `p.${c}`)).orderBy('p.id', direction);
    return from ? query.whereRaw(`p.id ${backward ? '<' : '>'} ?::uuid`, [from]) : query;
  };
  const hits = tier.match(filtered().from(em.getKnex().raw('(?) as p', [next([...FILTER_COLUMNS, ...tier.columns]).limit(length)])))
    .clearSelect().select('p.id').orderBy('p.id', direction).limit(limit);
  // one row at least: the walk's end, looked up only when it fell short (PostgreSQL runs the
  // subquery on first use), beside each hit's columns
  const rows: Record<string, unknown>[] = await em.getConnection().execute(
    em.getKnex().raw(
      `with h as (?) select ${readColumns(em).join(', ')}, e.walk_end from (select case when (select count(*) from h) < ? then (?) end as walk_end) e
       left join (h join ${qualifiedTable(em, Product)} p on p.id = h.id) on true`,
      [hits, limit, next(['id']).offset(length - 1).limit(1)],
    ),
  );
  const end = (rows[0]?.walk_end as string | null | undefined) ?? null;
  return { hits: inIdOrder(em, rows.filter((r) => r.id).map(({ walk_end: _end, ...row }) => row), backward), end };
}

/** Rows of products as (detached) entities, in PostgreSQL's uuid order (lowercase hex sorts the same), descending backwards. */
function inIdOrder(em: EntityManager, rows: Record<string, unknown>[], backward: boolean): Product[] {
  const sorted = [...rows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  return entitiesFromRows(em, Product, backward ? sorted.reverse() : sorted);
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
  const operator = keysetOperator({ descending }, request);
  const direction = operator === '<' ? 'desc' : 'asc';
  const ids = query.clearSelect().select('p.id');
  if (cursor) ids.whereRaw(`(${sortSql}, p.id) ${operator} (?, ?::uuid)`, cursor);
  ids.orderByRaw(`${sortSql} ${direction}, p.id ${direction}`).limit(limit);
  const page = em.createQueryBuilder(Product, 'p').getKnexQuery().clearSelect()
    .select(em.getKnex().raw(readColumns(em).join(', ')), em.getKnex().raw(`${sortSql} as search_sort`))
    .whereIn('p.id', ids)
    .orderByRaw(`${sortSql} ${direction}, p.id ${direction}`);
  const rows: Record<string, unknown>[] = await em.getConnection().execute(page);
  const products = entitiesFromRows(em, Product, rows);
  return rows.map((row, i) => ({ product: products[i], sort: row.search_sort }));
}

/** The columns a page reads, as kit's readRows reads them: every column but the lazy tsvectors (large, never shown). */
const readColumns = (em: EntityManager): string[] => readColumnList(em, Product, 'p');

/**
 * Parses the text once with PostgreSQL's own parser, so the page queries carry the tsquery as
 * a constant the planner can estimate.
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
