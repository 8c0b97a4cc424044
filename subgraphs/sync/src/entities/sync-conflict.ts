import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ConflictResolution, ConflictStatus, SyncEntity } from './enums';

/**
 * A record whose same field group (services/field-groups.ts) both sides changed, to different
 * values, since the last sync. It holds only those groups; the source's other changes, and its
 * stock, were applied regardless. The connector's policy settles it at once (RESOLVED,
 * `resolvedBy` = "policy:<POLICY>"), or it stays OPEN until a person calls `resolveConflict`
 * (`resolvedBy` = their subject). At most one is OPEN per record: a newer source version
 * updates the open one, and one whose groups no longer conflict is RESOLVED by "sync".
 */
@ObjectType({ description: 'A record whose same fields both sides changed since the last sync, and how it was settled.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'sync_conflict' })
@Index({ properties: ['connectorId', 'status', 'detectedAt'] })
@Index({ properties: ['entityType', 'entityId', 'status'] })
export class SyncConflict {
  [OptionalProps]?: 'status' | 'resolution' | 'resolvedBy' | 'resolvedAt' | 'detectedAt' | 'runId' | 'sourceUpdatedAt' | 'supergraphUpdatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  connectorId!: string;

  /** the run that found it (the latest, for an open conflict found again) */
  @Property({ type: 'uuid', nullable: true })
  runId: string | null = null;

  @Field(() => SyncEntity)
  @Enum({ items: () => SyncEntity })
  entityType!: SyncEntity;

  @Field({ description: 'The record\'s id in the external system.' })
  @Property({ type: 'string', length: 200 })
  externalId!: string;

  @Field(() => ID, { description: 'The record\'s id in Tradegraph.' })
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => GraphQLJSON, { description: 'The source\'s values of the fields in conflict (only those), e.g. { "name": "…" }.' })
  @Property({ type: 'json' })
  sourceValue!: Record<string, unknown>;

  @Field(() => GraphQLJSON, { description: 'Tradegraph\'s values of the same fields when the conflict was found.' })
  @Property({ type: 'json' })
  supergraphValue!: Record<string, unknown>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  sourceUpdatedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  supergraphUpdatedAt: Date | null = null;

  @Field(() => ConflictStatus)
  @Enum({ items: () => ConflictStatus })
  status: ConflictStatus = ConflictStatus.OPEN;

  @Field(() => ConflictResolution, { nullable: true, description: 'Which version won.' })
  @Enum({ items: () => ConflictResolution, nullable: true })
  resolution: ConflictResolution | null = null;

  @Field(() => String, { nullable: true, description: 'Who chose: "policy:<POLICY>" for the connector\'s policy, "sync" when the fields stopped conflicting before anyone chose, else the subject of the person who called resolveConflict.' })
  @Property({ type: 'string', length: 200, nullable: true })
  resolvedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  resolvedAt: Date | null = null;

  @Field(() => Date)
  @Property({ type: 'Date' })
  detectedAt: Date = new Date();
}
