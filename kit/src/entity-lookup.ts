import type { FindOneOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from './errors';

/**
 * The entity with this id, or NOT_FOUND naming its type: every subgraph names an entity class
 * after the GraphQL type it serves, so the class's name is what the client knows.
 * @throws DomainError NOT_FOUND
 */
export async function findByIdOrNotFound<T extends object>(em: EntityManager, entity: new (...args: never[]) => T, id: string, options?: FindOneOptions<T>): Promise<T> {
  const found = await em.findOne(entity, { id }, options);
  if (!found) throw notFound(entity.name, id);
  return found;
}
