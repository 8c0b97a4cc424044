import { createHash } from 'node:crypto';
import { badInput } from './errors';

/**
 * A UUID derived from a name (RFC 4122 version 5 layout over SHA-1), so that seeds and
 * imports give the same record the same id on every run and in every subgraph.
 */
export function stableId(namespace: string, name: string): string {
  const hash = createHash('sha1').update(`${namespace}:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a UUID in its canonical text form. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** @throws BAD_USER_INPUT naming `field` unless `value` is a UUID */
export function assertUuid(value: string, field: string): void {
  if (!isUuid(value)) throw badInput(field, `must be an id (UUID), got "${value}"`);
}
