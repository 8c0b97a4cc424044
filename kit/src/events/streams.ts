import { DomainError, ErrorCode } from '../errors';

/** The stream (Redis key) or channel of an entity's events. */
export const channelOf = (entity: string, prefix = 'tradegraph'): string => `${prefix}:events:${entity}`;

/**
 * A cursor names its bus kind, the bus (in-process: the process's epoch; Redis: the key
 * prefix), the entity and the position, so a cursor handed to the wrong stream or bus is
 * refused instead of silently skipping or repeating events.
 */
export function encodeCursor(kind: 'p' | 'r', scope: string, entity: string, position: string): string {
  return Buffer.from(JSON.stringify([kind, scope, entity, position])).toString('base64url');
}

/**
 * The position in `cursor`, when it was issued by this bus for this entity.
 * @throws DomainError CURSOR_EXPIRED otherwise (malformed, another stream, another bus)
 */
export function positionOf(cursor: string, kind: 'p' | 'r', scope: string, entity: string): string {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorExpired('the cursor is not one this API issued');
  }
  if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((p) => typeof p === 'string')) throw cursorExpired('the cursor is not one this API issued');
  const [k, s, e, position] = parts;
  if (k !== kind || s !== scope) throw cursorExpired('the cursor is from another event bus (or before a restart)');
  if (e !== entity) throw cursorExpired(`the cursor is a position in the ${e} stream, not in ${entity}`);
  return position;
}

/** The error of a cursor whose position the bus can no longer continue from. */
export function cursorExpired(reason: string): DomainError {
  return new DomainError(ErrorCode.CURSOR_EXPIRED, `The cursor cannot be resumed: ${reason}. Read the current state and subscribe again without a cursor.`);
}

/** Doubling delay after `failures` consecutive failures: base, 2×base, … up to 10 s. */
export const retryDelay = (failures: number, baseMs: number): number => Math.min(baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 10), 10_000);

/** Waits `ms` without keeping the process alive. */
/** ioredis's reconnect delay for the bus's connections: 200 ms more per attempt, at most 2 s. */
export const reconnectDelay = (attempt: number): number => Math.min(attempt * 200, 2000);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref?.());

/** How many times a consumer group delivers an entry its handler keeps rejecting before it dead-letters it (ConsumeOptions.maxDeliveries). */
export const DEFAULT_MAX_DELIVERIES = 10;

/** How long a consumer group's stop waits for the batch in hand (ConsumeOptions.stopTimeoutMs). */
export const DEFAULT_STOP_TIMEOUT_MS = 5_000;
