/**
 * The value at a dot path (`"price.amount"`, `"lines.0.sku"`) in a source record, or undefined.
 */
export function valueAt(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sets `value` at a dot path of `target`, making the objects on the way. */
export function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

/**
 * Reads Tradegraph fields from a source record: for each target field, the path the
 * connector's mapping gives (`overrides`) or else the adapter's default path. Returns the
 * values by target field, undefined where the record has none.
 */
export function mapFields(record: unknown, defaults: Record<string, string>, overrides: Record<string, string> | undefined): Record<string, unknown> {
  const paths = { ...defaults, ...(overrides ?? {}) };
  const out: Record<string, unknown> = {};
  for (const [target, path] of Object.entries(paths)) out[target] = valueAt(record, path);
  return out;
}

/** A value as text ('' for null/undefined), for ids and names from loosely typed sources. */
export function text(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return value === null || value === undefined ? '' : (JSON.stringify(value) ?? '');
  }
}

/** A number or decimal string as a decimal string with at most 4 decimals ("12.5"), or '' when it is not a number. */
export function decimal(value: unknown): string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0) return '';
  return String(Math.round(n * 10_000) / 10_000);
}

/** Each page of source records mapped record by record (the index is the record's place in its page). */
export async function* mapPages<T, R>(pages: AsyncIterable<T[]>, map: (record: T, index: number) => R): AsyncGenerator<R[]> {
  for await (const page of pages) yield page.map(map);
}

/** `{ inactive: true }` for a record the source deleted or deactivated, else nothing (active records keep their shape). */
export function inactiveIf(inactive: boolean): { inactive?: true } {
  return inactive ? { inactive: true } : {};
}
