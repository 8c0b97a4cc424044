import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ExternalSystem, SyncEntity } from './enums';

/** (connector, entity type, external id) ↔ (entity type, our id), with the checksum last applied. */
@ObjectType({ description: 'Where a record lives in an external system, and what was last synced.' })
@Entity({ tableName: 'external_ref' })
@Unique({ properties: ['connectorId', 'entityType', 'externalId'] })
@Index({ properties: ['entityType', 'entityId'] })
export class ExternalRef {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  connectorId!: string;

  @Field(() => ExternalSystem)
  @Enum({ items: () => ExternalSystem })
  system!: ExternalSystem;

  @Field(() => SyncEntity)
  @Enum({ items: () => SyncEntity })
  entityType!: SyncEntity;

  @Field()
  @Property({ type: 'string', length: 200 })
  externalId!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field({ description: 'SHA-256 of the record as last applied; an equal checksum means unchanged.' })
  @Property({ type: 'string', length: 64 })
  checksum!: string;

  @Field(() => Date)
  @Property({ type: 'Date' })
  lastSeenAt: Date = new Date();
}
