import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findByIdOrNotFound } from './entity-lookup';
import type { StateMachine } from './state-machine';

/**
 * Moves row `id` to status `to` in a transaction of its own. The row is locked and read afresh
 * first, so two concurrent moves cannot both pass `machine`'s check; `record` then writes what
 * the move leaves behind (history, version, events) while the row still has its old status,
 * and the status is set last.
 * @throws DomainError NOT_FOUND, INVALID_TRANSITION
 */
export function moveStatus<S extends string, T extends { status: S }>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  id: string,
  machine: StateMachine<S>,
  to: S,
  record: (row: T, em: EntityManager) => void,
): Promise<T> {
  return em.transactional(async (tx) => {
    const row = await findByIdOrNotFound(tx, entity, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    machine.assert(row.status, to);
    record(row, tx);
    row.status = to;
    return row;
  });
}
