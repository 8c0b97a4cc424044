import { Entity, Index, OptionalProps, Property } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateColumn, graphqlEnum, IdColumn, TextColumn, type EnumValue } from '@tradegraph/kit';

/** Why a change's values are not in the log (kit's `AuditWithheld`). */
export const AuditWithheld = graphqlEnum('AuditWithheld', ['PERSONAL', 'SECRET'], {
  description: 'PERSONAL: personal data, kept only by its owner (customers); SECRET: never kept anywhere.',
});
export type AuditWithheld = EnumValue<typeof AuditWithheld>;

@ObjectType({ description: 'One changed field of an audited change.' })
export class AuditChange {
  @Field()
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value before; null for a new record, and when withheld.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value after; null for a removed record, and when withheld.' })
  after!: unknown;

  @Field(() => AuditWithheld, { nullable: true, description: 'Set when the values are not kept: the log says that the field changed, not to what.' })
  withheld?: AuditWithheld | null;
}

@ObjectType({ description: 'Who made a change; both null for the system\'s own jobs.' })
export class AuditActor {
  @Field(() => String, { nullable: true, description: 'The caller\'s subject (a user, a service, a partner key).' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'The caller\'s highest role then: ADMIN, MANAGER, AGENT, SERVICE or PARTNER.' })
  role!: string | null;
}

/**
 * One audited change, as the owning subgraph wrote it to its outbox (`audit.recorded`). Rows are
 * only ever inserted: a trigger refuses UPDATE, DELETE and TRUNCATE. Text columns are unbounded
 * on purpose: an entry too long for a column would be refused on every delivery and stall the log.
 * The migration builds the indexes descending, the order `auditLog` reads (MikroORM cannot say so here).
 */
@ObjectType({ description: 'One audited change made through the API. ADMIN.' })
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['occurredAt', 'id'] })
@Index({ properties: ['entity', 'entityId', 'occurredAt', 'id'] })
@Index({ properties: ['actorSubject', 'occurredAt', 'id'] })
export class AuditEntry {
  [OptionalProps]?: 'recordedAt';

  /** the event's `entityId`, made once by the writer: the same on every delivery */
  @IdColumn()
  id!: string;

  @DateColumn({ description: 'When the change was made: the owning subgraph\'s clock as it wrote the entry, inside the change\'s transaction (before that committed). The log\'s order.' })
  occurredAt!: Date;

  @Field(() => Date, {
    description:
      'When the audit log stored the entry. Usually a moment after occurredAt, but an entry can arrive long after it (the audit log or the event bus was down, a subgraph\'s outbox waited): '
      + 'an export that polls by occurredAt misses such late entries; page the whole log or compare against what was exported before.',
  })
  @Property({ type: 'Date', defaultRaw: 'now()' })
  recordedAt!: Date;

  @TextColumn({ description: 'The GraphQL type changed, e.g. Product, PriceList, Connector.' })
  entity!: string;

  @Field(() => ID, { description: 'The changed record\'s id.' })
  @Property({ type: 'text' })
  entityId!: string;

  @TextColumn({ description: 'What was done, lower case: created, updated, deleted, status_changed …' })
  action!: string;

  @Property({ type: 'text', nullable: true })
  actorSubject!: string | null;

  @Property({ type: 'text', nullable: true })
  actorRole!: string | null;

  @TextColumn({ nullable: true, description: 'The x-request-id of the request that made the change; null for background jobs.' })
  requestId!: string | null;

  @TextColumn({ description: 'The subgraph that made the change.' })
  subgraph!: string;

  @Field(() => [AuditChange], { description: 'The changed fields, in the order the subgraph audits them.' })
  @Property({ type: 'json' })
  changes!: AuditChange[];
}
