import DataLoader from 'dataloader';
import { isUuid } from './ids';

/**
 * A loader definition: builds one DataLoader for one request. Definitions are module-level
 * constants; {@link LoaderRegistry} makes sure each request gets its own instance, so no
 * cached row ever crosses from one caller to another.
 */
export type LoaderFactory<C, K, V> = (context: C) => DataLoader<K, V>;

/** The per-request set of DataLoaders, created lazily on first use. */
export class LoaderRegistry<C> {
  private readonly loaders = new Map<LoaderFactory<C, unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly context: () => C) {}

  /** This request's instance of the loader `factory` defines. */
  get<K, V>(factory: LoaderFactory<C, K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory);
    if (!loader) {
      loader = factory(this.context());
      this.loaders.set(factory, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * Orders a batch result by the requested keys: DataLoader needs one value per key, in order.
 * Keys without a row get `null`.
 */
export function byKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups a batch result by the requested keys, for to-many relations (empty array when none). */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * A DataLoader by UUID primary key: a key that is not a UUID cannot name a row, so it resolves
 * to null without reaching the database (where it would be a type error).
 */
export function uuidLoader<V>(fetch: (ids: readonly string[]) => Promise<V[]>, keyOf: (row: V) => string): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(
    async (keys) => {
      const valid = keys.filter(isUuid);
      return byKeys(keys, valid.length ? await fetch(valid) : [], keyOf);
    },
    { maxBatchSize: 1000 },
  );
}

/** A DataLoader whose batch function fetches rows by a unique key, one query per batch. */
export function uniqueLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => byKeys(keys, await fetch(keys), keyOf), { maxBatchSize: 1000 });
}

/** A DataLoader whose batch function fetches the rows of a to-many relation, one query per batch. */
export function groupLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => groupByKeys(keys, await fetch(keys), keyOf), { maxBatchSize: 1000 });
}
