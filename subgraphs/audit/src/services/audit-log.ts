import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { findPage, type ConnectionPage, type PageArgs } from '@tradegraph/kit';
import { AuditEntry } from '../entities';
import type { AuditLogFilter } from '../inputs/audit-log-filter';

/** Newest first; ties (the same millisecond) broken by id, so the order is stable across pages. */
const NEWEST_FIRST = { field: 'occurredAt', descending: true };

/** Reading the audit log. Writing it is the consumer's alone (services/consumer.ts). */
export class AuditLogService {
  constructor(private readonly em: EntityManager) {}

  /** One page of entries matching `filter`, newest first. @throws BAD_USER_INPUT for bad page arguments */
  list(filter: AuditLogFilter | null | undefined, page: PageArgs): Promise<ConnectionPage<AuditEntry>> {
    const conditions: FilterQuery<AuditEntry>[] = [];
    if (filter?.entity) conditions.push({ entity: filter.entity });
    if (filter?.entityId) conditions.push({ entityId: filter.entityId });
    if (filter?.actor) conditions.push({ actorSubject: filter.actor });
    if (filter?.from) conditions.push({ occurredAt: { $gte: filter.from } });
    if (filter?.to) conditions.push({ occurredAt: { $lt: filter.to } });
    return findPage(this.em, AuditEntry, conditions.length ? { $and: conditions } : {}, NEWEST_FIRST, page);
  }
}
