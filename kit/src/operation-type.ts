import { Kind, parse, type OperationTypeNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** The operation types, the values of every `operation_type` metric label (else `other`). */
export const OPERATION_TYPES: ReadonlySet<string> = new Set(['query', 'mutation', 'subscription']);

/** How many documents' operation types are remembered (the least recently used are forgotten first). */
const REMEMBERED = 2000;
/** What is remembered of a text that does not tell its type (the cache holds no undefined). */
const UNKNOWN = 'unknown';
const remembered = new LRUCache<string, OperationTypeNode | typeof UNKNOWN>({ max: REMEMBERED });

/**
 * The type of the operation a GraphQL text runs: the one named `operationName`, else the first.
 * Undefined when it cannot be told (no text, or text that does not parse). Query plans send the
 * same few documents over and over, so each is parsed once.
 */
export function operationTypeOf(query: unknown, operationName?: unknown): OperationTypeNode | undefined {
  if (typeof query !== 'string') return undefined;
  const name = typeof operationName === 'string' ? operationName : undefined;
  const key = `${name ?? ''}\n${query}`;
  const known = remembered.get(key);
  if (known !== undefined) return known === UNKNOWN ? undefined : known;
  const type = parsedType(query, name);
  remembered.set(key, type ?? UNKNOWN);
  return type;
}

function parsedType(query: string, operationName: string | undefined): OperationTypeNode | undefined {
  try {
    const operations = parse(query, { noLocation: true }).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const chosen = operationName !== undefined ? operations.find((o) => o.name?.value === operationName) : operations[0];
    return chosen?.operation;
  } catch {
    return undefined;
  }
}

/** How much of a client's text is read to tell its operation type. */
const HEAD = 1000;

/**
 * The type a client's text starts with (`{` is a query), read from at most its first
 * characters past comments: for requests refused before Apollo parsed them, whose text may be
 * anything up to the body limit and is neither parsed nor remembered. With several operations
 * it is the first one's.
 */
export function operationTypeFromClientText(query: unknown): OperationTypeNode | undefined {
  if (typeof query !== 'string') return undefined;
  const head = query.slice(0, HEAD).replace(/#[^\n\r]*/g, '');
  const keyword = /^[\s,\ufeff]*(query|mutation|subscription)\b/.exec(head)?.[1] as OperationTypeNode | undefined;
  return keyword ?? (/^[\s,\ufeff]*\{/.test(head) ? ('query' as OperationTypeNode) : undefined);
}
