import { ExternalSystemError } from '../services/backoff';
import type { JsonResponse } from './http';

/**
 * One page of an OData collection. OData v4 (Dynamics / Business Central, SAP B1 Service
 * Layer `/b1s/v2`) names the next page `@odata.nextLink`; SAP B1's `/b1s/v1` still speaks
 * OData v3 JSON and names it `odata.nextLink`.
 */
export interface ODataCollection<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  'odata.nextLink'?: string;
}

/** Sends one GET (through the adapter's own client, so it can add auth or re-login) and returns the answer. */
export type ODataGet = <T>(url: string, headers: Record<string, string>) => Promise<JsonResponse<T>>;

/** How a system writes the date literal in `$filter`. */
export type ODataDateLiteral =
  /** OData v4 `Edm.DateTimeOffset`, unquoted: `lastModifiedDateTime ge 2026-01-31T10:00:00Z` (Business Central) */
  | 'datetimeoffset'
  /** a quoted calendar date: `UpdateDate ge '2026-01-31'` (SAP B1, whose UpdateDate has no time) */
  | 'quoted-date';

/**
 * The `$filter` condition "`field` changed at or after `since`", or null when `since` is null.
 * A quoted date keeps only the UTC calendar day, so a run re-reads at most that day's earlier
 * changes (the engine's checksums skip them) and never misses one.
 */
export function sinceFilter(field: string, since: Date | null, literal: ODataDateLiteral): string | null {
  if (!since) return null;
  if (literal === 'quoted-date') return `${field} ge '${since.toISOString().slice(0, 10)}'`;
  // Milliseconds are dropped on purpose: some servers reject fractional seconds in literals, and flooring only widens the window.
  return `${field} ge ${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

/**
 * A relative OData URL `entitySet?$select=…&$filter=…`: system query options with their
 * values percent-encoded (spaces as %20, which every OData server accepts) and the `$` kept
 * literal. Conditions in `filter` that are null are left out; the rest are joined with `and`.
 */
export function odataQuery(entitySet: string, options: { select?: string[]; filter?: (string | null)[]; expand?: string[]; orderby?: string; top?: number }): string {
  const parts: string[] = [];
  if (options.select?.length) parts.push(`$select=${encodeURIComponent([...new Set(options.select)].join(','))}`);
  const conditions = (options.filter ?? []).filter((c): c is string => Boolean(c));
  if (conditions.length) parts.push(`$filter=${encodeURIComponent(conditions.join(' and '))}`);
  if (options.expand?.length) parts.push(`$expand=${encodeURIComponent(options.expand.join(','))}`);
  if (options.orderby) parts.push(`$orderby=${encodeURIComponent(options.orderby)}`);
  if (options.top !== undefined) parts.push(`$top=${options.top}`);
  return parts.length ? `${entitySet}?${parts.join('&')}` : entitySet;
}

/**
 * Reads an OData collection page by page: asks for `pageSize` records a page with
 * `Prefer: odata.maxpagesize` (server-driven paging, which both SAP B1 and Business Central
 * honour) and follows `@odata.nextLink` / `odata.nextLink` (relative links resolve against the
 * client's base URL) until the server gives none. A next link that repeats one already read is
 * a permanent error rather than an endless loop.
 */
export async function* odataPages<T>(get: ODataGet, firstUrl: string, pageSize: number, systemName: string): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  let url: string | null = firstUrl;
  while (url) {
    seen.add(url);
    const response: JsonResponse<ODataCollection<T> | null> = await get<ODataCollection<T> | null>(url, { prefer: `odata.maxpagesize=${pageSize}` });
    const body = response.body;
    if (!body || !Array.isArray(body.value)) throw new ExternalSystemError(`${systemName} answered GET ${pathOf(url)} without a "value" array, so it is not an OData collection`, false);
    yield body.value;
    const next: string | null = body['@odata.nextLink'] ?? body['odata.nextLink'] ?? null;
    if (next && seen.has(next)) throw new ExternalSystemError(`${systemName} sent the same next page link twice (${pathOf(next)}); stopping instead of looping`, false);
    url = next;
  }
}

/**
 * The records a webhook payload carries: an OData-style `{ value: [...] }` collection or one
 * record. Anything else (null, a bare array of non-objects, a string) yields no records.
 */
export function recordsOf<T>(payload: unknown): T[] {
  if (payload === null || typeof payload !== 'object') return [];
  if (Array.isArray(payload)) return payload.filter((r) => r !== null && typeof r === 'object') as T[];
  const value = (payload as { value?: unknown }).value;
  if (Array.isArray(value)) return value.filter((r) => r !== null && typeof r === 'object') as T[];
  return [payload as T];
}

/** The HTTP status of a call that failed with a non-2xx answer, or null (network failure, other error). */
export function httpStatusOf(error: unknown): number | null {
  return error instanceof ExternalSystemError ? (error.status ?? null) : null;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    return parsed.pathname;
  } catch {
    return url;
  }
}
