import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, IdColumn, StringColumn, UuidColumn } from '@tradegraph/kit';
import type { GroupChecksums } from '../services/field-groups';
import { ExternalSystem, SyncEntity, SyncStatus } from './enums';

/** (connector, entity type, external id) ↔ (entity type, our id), with the checksums last applied on both sides. */
@ObjectType({ description: 'Where a record lives in an external system, and what was last synced.' })
@Entity({ tableName: 'external_ref' })
@Unique({ properties: ['connectorId', 'entityType', 'externalId'] })
@Index({ properties: ['entityType', 'entityId'] })
export class ExternalRef {
  [OptionalProps]?: 'localChecksum' | 'groupChecksums' | 'stockChecksum' | 'lastSeenAt' | 'lastSyncedAt' | 'archivedAt' | 'suspendedAt';

  @IdColumn()
  id: string = randomUUID();

  @UuidColumn()
  connectorId!: string;

  @EnumColumn(() => ExternalSystem)
  system!: ExternalSystem;

  @EnumColumn(() => SyncEntity)
  entityType!: SyncEntity;

  @StringColumn(200)
  externalId!: string;

  @UuidColumn()
  entityId!: string;

  @StringColumn(64, { description: 'SHA-256 of the record as last applied; an equal checksum means unchanged.' })
  checksum!: string;

  /**
   * SHA-256 of the supergraph's copy as sync last wrote or acknowledged it: when the copy no
   * longer matches, someone changed it in Tradegraph, and a new source version is a conflict.
   */
  @Property({ type: 'string', length: 64, nullable: true })
  localChecksum: string | null = null;

  /**
   * Per field group (services/field-groups.ts): the checksum of the source's value when sync
   * last took it in, and of the supergraph's as sync last wrote or acknowledged it. Conflicts
   * are found group by group against these; null for refs written before groups existed.
   */
  @Property({ type: 'json', nullable: true })
  groupChecksums: GroupChecksums | null = null;

  /**
   * Products: SHA-256 of the stock both sides last agreed on (per warehouse code, the quantity
   * the system calls available) — what the source sent, or what sync last pushed. A stock
   * change that leaves it equal is sync's own echo and is not pushed back.
   */
  @Property({ type: 'string', length: 64, nullable: true })
  stockChecksum: string | null = null;

  @DateColumn({ description: 'When the source last offered the record.' })
  lastSeenAt: Date = new Date();

  @DateColumn({ nullable: true, description: 'When sync last wrote the record (either way).' })
  lastSyncedAt: Date | null = null;

  @DateColumn({ nullable: true, description: 'When sync archived the record because the source deleted it or made it inactive (the connector\'s deletions ARCHIVE); null while it is live.' })
  archivedAt: Date | null = null;

  /**
   * Customers: when sync SUSPENDED the customer because the source made it inactive (NetSuite
   * isInactive, SAP B1 frozen/invalid, Business Central blocked All) — often a temporary block,
   * so not an archive. Sync reactivates only the customers it suspended (this is set): one a
   * person suspended stays so. Null while the source has the record active.
   */
  @DateColumn({ nullable: true, description: 'When sync suspended the customer because the source made it inactive (the connector\'s deletions ARCHIVE); null while it is active there.' })
  suspendedAt: Date | null = null;
}

@ObjectType({ description: 'Where a product stands with the external systems it is linked to.' })
export class SyncState {
  @Field(() => SyncStatus)
  status!: SyncStatus;

  @Field(() => Int, { description: 'External systems (connectors) the product is linked to.' })
  linkedSystems!: number;

  @Field(() => Int, { description: 'Conflicts waiting for a person (see syncConflicts).' })
  openConflicts!: number;

  @Field(() => Date, { nullable: true, description: 'When sync last wrote the product, from any system.' })
  lastSyncedAt!: Date | null;
}
