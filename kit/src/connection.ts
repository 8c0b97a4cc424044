import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors';
import { isUuid } from './ids';
import { PUBLIC } from './schema';

/** Relay's PageInfo, shared by every subgraph's connections. */
@ObjectType()
@Directive('@shareable')
@Directive(PUBLIC)
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A page of a Relay connection as resolvers return it; `totalCount` is counted only when asked for. */
export interface ConnectionPage<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/**
 * Declares the GraphQL types `<Name>Edge` and `<Name>Connection` for a node type. The
 * connection's `totalCount` is resolved from the page object, which runs the count query only
 * when a client selects the field. `public: true` puts both types in the public contract.
 */
export function Connection<T extends object>(name: string, node: ClassType<T>, options: { public?: boolean } = {}) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: 'Opaque keyset cursor: pass it as `after` (or `before`) to continue from here.' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match the filter, across all pages.' })
    totalCount!: number;
  }
  if (options.public) for (const type of [Edge, ConnectionType]) Directive(PUBLIC)(type);
  return ConnectionType;
}

/*
 * The page arguments of a connection field, declared once: a resolver takes them with
 * `@Args(() => PageArgs) page: PageArgs` (both directions) or `ForwardPageArgs` (`first`/`after`
 * only) and hands `page` to its service unchanged. Fields are declared in the order the schema
 * prints them: type-graphql lists a field's arguments from its last parameter to its first, so
 * `before, last, after, first` here prints as the hand-written `@Arg` lists did. They are
 * tagged PUBLIC: page arguments are in the public contract wherever their field is.
 */

/** `first`/`after`: lists that page forwards only. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => String, { nullable: true })
  @Directive(PUBLIC)
  after?: string | null;

  @Field(() => Int, { nullable: true })
  @Directive(PUBLIC)
  first?: number | null;
}

/** `first`/`after` forwards or `last`/`before` backwards; what every page query accepts. */
@ArgsType()
export class PageArgs {
  @Field(() => String, { nullable: true })
  @Directive(PUBLIC)
  before?: string | null;

  @Field(() => Int, { nullable: true })
  @Directive(PUBLIC)
  last?: number | null;

  @Field(() => String, { nullable: true })
  @Directive(PUBLIC)
  after?: string | null;

  @Field(() => Int, { nullable: true })
  @Directive(PUBLIC)
  first?: number | null;
}

/** The largest page a client may ask for; the cost limit in the gateway assumes it. */
export const MAX_PAGE_SIZE = 100;
/** The page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

/** A keyset position: the sort value of the row and its id, which breaks ties. */
export type CursorValue = [value: string | number, id: string];

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(position: CursorValue): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Longer sort values than this are no cursor of ours (names are at most a few hundred characters). */
const MAX_CURSOR_TEXT = 1000;

/** A row id as our tables have them: a UUID, or a bigint serial (stock movements) as text. */
function isRowId(value: unknown): value is string {
  return isUuid(value) || (typeof value === 'string' && /^\d{1,19}$/.test(value));
}

/** A sort value as {@link encodeCursor} writes it: a number, or text PostgreSQL can take. */
function isSortValue(value: unknown): value is string | number {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.length <= MAX_CURSOR_TEXT && !value.includes('\u0000');
}

/**
 * Decodes a cursor made by {@link encodeCursor}. Cursors are not signed, so the shape is checked
 * here (ids are UUIDs or serials); a sort value of the wrong type for its column is left to
 * PostgreSQL, whose data error formatError answers as BAD_USER_INPUT.
 * @throws BAD_USER_INPUT naming the argument
 */
export function decodeCursor(cursor: string, argument: string): CursorValue {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && isSortValue(value[0]) && isRowId(value[1])) {
      return value as CursorValue;
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(argument, 'is not a cursor this API issued');
}

/** The validated direction and size of a page request. */
export interface PageRequest {
  /** true when paging backwards (`last`/`before`) */
  backward: boolean;
  size: number;
  cursor: CursorValue | null;
}

/** Validates page arguments. @throws BAD_USER_INPUT naming the argument */
export function pageRequest(args: PageArgs): PageRequest {
  if (args.first != null && args.last != null) throw badInput('last', 'cannot be combined with first');
  const backward = args.last != null || (args.before != null && args.first == null);
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const sizeArg = backward ? 'last' : 'first';
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(sizeArg, `must be from 0 to ${MAX_PAGE_SIZE}`);
  }
  const raw = backward ? args.before : args.after;
  return { backward, size, cursor: raw ? decodeCursor(raw, backward ? 'before' : 'after') : null };
}

/**
 * Builds a connection page from rows fetched with one extra row (`size + 1`) in the query's
 * order, so `hasNextPage` needs no second query.
 */
export function toConnectionPage<T>(
  rows: T[],
  request: PageRequest,
  positionOf: (row: T) => CursorValue,
  count: () => Promise<number>,
): ConnectionPage<T> {
  const hasMore = rows.length > request.size;
  const page = rows.slice(0, request.size);
  if (request.backward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: request.backward ? request.cursor !== null : hasMore,
      hasPreviousPage: request.backward ? hasMore : request.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      counted ??= count();
      return counted;
    },
  };
}

/**
 * A case-insensitive substring pattern for `$ilike` with LIKE's wildcards escaped, so a search
 * for "50%" means the text "50%".
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
