import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Inserts rows in chunks, skipping rows whose `conflictColumn` already exists: how seeds load
 * thousands of rows in seconds and stay idempotent. Returns the `returning` column of the rows
 * that were new (the first conflict column unless given).
 */
export async function insertIgnoringExisting(
  em: EntityManager,
  table: string,
  rows: Record<string, unknown>[],
  conflictColumn: string | string[] | null,
  returning: string = Array.isArray(conflictColumn) ? conflictColumn[0] : (conflictColumn ?? 'id'),
  chunkSize = 1000,
): Promise<unknown[]> {
  const knex = em.getKnex();
  const schema = em.config.get('schema');
  const inserted: unknown[] = [];
  for (let i = 0; i < rows.length; i += chunkSize) {
    const insert = knex(table).withSchema(schema ?? 'public').insert(rows.slice(i, i + chunkSize));
    const guarded = conflictColumn === null ? insert : (Array.isArray(conflictColumn) ? insert.onConflict(conflictColumn) : insert.onConflict(conflictColumn)).ignore();
    const result: Record<string, unknown>[] = await guarded.returning(returning);
    inserted.push(...result.map((row) => row[returning]));
  }
  return inserted;
}

/** A small deterministic PRNG (mulberry32), so demo data is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
