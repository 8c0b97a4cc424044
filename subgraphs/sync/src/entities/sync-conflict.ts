import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, Property } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, IdColumn, StringColumn, UuidColumn } from '@tradegraph/kit';
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

  @IdColumn()
  id: string = randomUUID();

  @UuidColumn()
  connectorId!: string;

  /** the run that found it (the latest, for an open conflict found again) */
  @Property({ type: 'uuid', nullable: true })
  runId: string | null = null;

  @EnumColumn(() => SyncEntity)
  entityType!: SyncEntity;

  @StringColumn(200, { description: 'The record\'s id in the external system.' })
  externalId!: string;

  @UuidColumn({ description: 'The record\'s id in Tradegraph.' })
  entityId!: string;

  @Field(() => GraphQLJSON, { description: 'The source\'s values of the fields in conflict (only those), e.g. { "name": "…" }.' })
  @Property({ type: 'json' })
  sourceValue!: Record<string, unknown>;

  @Field(() => GraphQLJSON, { description: 'Tradegraph\'s values of the same fields when the conflict was found.' })
  @Property({ type: 'json' })
  supergraphValue!: Record<string, unknown>;

  @DateColumn({ nullable: true })
  sourceUpdatedAt: Date | null = null;

  @DateColumn({ nullable: true })
  supergraphUpdatedAt: Date | null = null;

  @EnumColumn(() => ConflictStatus)
  status: ConflictStatus = ConflictStatus.OPEN;

  @EnumColumn(() => ConflictResolution, { nullable: true, description: 'Which version won.' })
  resolution: ConflictResolution | null = null;

  @StringColumn(200, { nullable: true, description: 'Who chose: "policy:<POLICY>" for the connector\'s policy, "sync" when the fields stopped conflicting before anyone chose, else the subject of the person who called resolveConflict.' })
  resolvedBy: string | null = null;

  @DateColumn({ nullable: true })
  resolvedAt: Date | null = null;

  @DateColumn()
  detectedAt: Date = new Date();
}
