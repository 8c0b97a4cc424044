import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { currentTraceparent } from '../tracing/spans';

/**
 * The event envelope (docs/events.md), as it travels on the bus: `id` is unique per event,
 * `version` increases per entity so a consumer can drop stale or repeated deliveries.
 */
export interface EventEnvelope<P = Record<string, unknown>> {
  id: string;
  /** e.g. `stock.changed`, `order.status_changed` (the catalogue is in docs/events.md) */
  type: string;
  /** the entity type the event is about, e.g. `StockLevel` */
  entity: string;
  entityId: string;
  version: number;
  /** ISO-8601 */
  occurredAt: string;
  payload: P;
  /**
   * the W3C `traceparent` of the request (or job) that wrote the event, when it was traced: the
   * relay's publish span and each subscriber's delivery span continue that trace
   */
  traceparent?: string;
}

/**
 * A row of a subgraph's transactional outbox: written in the same transaction as the change
 * it reports, published by the relay afterwards. Every subgraph that emits events lists this
 * entity, so the table lives in the subgraph's own schema.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['publishedAt', 'sequence'] })
export class OutboxEvent {
  [OptionalProps]?: 'sequence' | 'eventId' | 'publishedAt' | 'attempts' | 'occurredAt' | 'traceParent';

  /** Publication order: the relay sends events in this order, so per entity in commit order. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  sequence!: string;

  @Property({ type: 'uuid' })
  eventId: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  type!: string;

  @Property({ type: 'string', length: 100 })
  entity!: string;

  @Property({ type: 'string', length: 100 })
  entityId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'Date' })
  occurredAt: Date = new Date();

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'Date', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  /** the writer's W3C traceparent (55 characters), when tracing is on */
  @Property({ type: 'string', length: 55, nullable: true })
  traceParent: string | null = null;
}

/** What a service records; the outbox adds the id and the time. */
export interface NewEvent<P = Record<string, unknown>> {
  type: string;
  entity: string;
  entityId: string;
  /** the entity's version after the change (a row version or a sequence number) */
  version: number;
  payload: P;
}

/**
 * Adds an event to the outbox of the unit of work `em` belongs to: it is written by the same
 * flush, in the same transaction, as the change it reports — or not at all.
 */
export function recordEvent<P extends Record<string, unknown>>(em: EntityManager, event: NewEvent<P>): OutboxEvent {
  return em.create(OutboxEvent, { type: event.type, entity: event.entity, entityId: event.entityId, version: event.version, payload: event.payload, traceParent: currentTraceparent() ?? null });
}
