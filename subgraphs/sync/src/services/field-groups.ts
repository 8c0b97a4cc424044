import { createHash } from 'node:crypto';

/**
 * Conflicts are found per field group, not per record. A group is one field of the owning
 * subgraph's upsert input (`name`, `description`, `brand`, `basePrice` …; a price's amount and
 * currency are one group). For each group the ref remembers two checksums: the source's value
 * when sync last took it in, and the supergraph's value as sync last wrote or acknowledged it.
 * A side changed a group when its value no longer matches its checksum; both sides changed it
 * (to different values) is a conflict. What the source alone is the authority for (stock) is
 * never a group: it is applied whenever the source's changed.
 */

/** A record's groups, normalised as the supergraph returns them, by the item's field names. */
export type Groups = Record<string, unknown>;

/** The checksums a ref remembers per group; a group missing from a side (refs written before groups) counts as changed. */
export interface GroupChecksums {
  source: Record<string, string>;
  local: Record<string, string>;
}

/** The checksum of one group's value: sorted-key JSON, SHA-256, 16 hex digits (a change check, not a signature: 64 bits keep refs small). */
export function groupChecksum(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}

/** JSON with sorted keys: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return Array.isArray(value)
    ? `[${value.map(canonicalJson).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(value ?? null);
}

/** Every group's checksum, the same on both sides: what a ref holds once sync wrote the record. */
export function agreedChecksums(groups: Groups): GroupChecksums {
  const sums = Object.fromEntries(Object.entries(groups).map(([g, v]) => [g, groupChecksum(v)]));
  return { source: sums, local: { ...sums } };
}

/** How one record's groups compare with what the ref remembers. */
export interface GroupComparison {
  /** groups only the source changed (to a value the supergraph does not hold): take the source's */
  fromSource: string[];
  /** groups both sides changed, to different values */
  conflicting: string[];
  /** the checksums once `fromSource` is written, before conflicts are settled */
  next: GroupChecksums;
}

/**
 * Compares the source's groups and the supergraph's with the ref's checksums. A group both
 * sides changed to the same value is no conflict: it is simply agreed.
 * @param base the ref's checksums, or null for a ref written before groups existed
 * @param localUnchanged for such a ref: whether the supergraph's whole copy still matches what sync wrote
 */
export function compareGroups(source: Groups, local: Groups, base: GroupChecksums | null, localUnchanged: boolean): GroupComparison {
  const next: GroupChecksums = { source: { ...base?.source }, local: { ...base?.local } };
  const fromSource: string[] = [];
  const conflicting: string[] = [];
  for (const group of Object.keys(source)) {
    const s = groupChecksum(source[group]);
    const l = groupChecksum(local[group]);
    const sourceChanged = base?.source[group] !== s;
    const localChanged = base ? base.local[group] !== l : !localUnchanged;
    if (!sourceChanged) continue;
    if (s === l || !localChanged) {
      if (s !== l) fromSource.push(group);
      next.source[group] = s;
      next.local[group] = s;
    } else conflicting.push(group);
  }
  return { fromSource, conflicting, next };
}

/** The groups named, picked from a record's groups. */
export function pick(groups: Groups, names: readonly string[]): Groups {
  return Object.fromEntries(names.map((n) => [n, groups[n] ?? null]));
}
