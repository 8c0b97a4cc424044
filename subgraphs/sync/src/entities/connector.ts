import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, Property } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, EventVersionColumn, IdColumn, StringColumn, UpdatedAtColumn } from '@tradegraph/kit';
import { ConflictPolicy, ConnectorStatus, DeletionPolicy, ExternalSystem, SyncDirection, SyncEntity, SyncMode } from './enums';

/** How a connector is doing: what the last runs said. */
@ObjectType('ConnectorHealth')
export class ConnectorHealth {
  @Field(() => Date, { nullable: true })
  lastSuccessAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Int, { description: 'Failed runs since the last success; the connector is FAILING from the first.' })
  consecutiveFailures!: number;
}

/**
 * A link to one external system (a shop, an ERP). Its credentials are write-only: stored
 * encrypted (AES-256-GCM) in `credentialsCiphertext`, never returned by the API.
 */
@ObjectType({ description: 'A link to one external system (a shop, an ERP) and how to keep it in step.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'connector' })
export class Connector {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'status' | 'consecutiveFailures' | 'lastSuccessAt' | 'lastError' | 'pollingSchedule' | 'fieldMapping' | 'credentialsCiphertext' | 'baseUrl' | 'cursors' | 'version' | 'deletions';

  @IdColumn()
  id: string = randomUUID();

  @StringColumn(120)
  name!: string;

  @EnumColumn(() => ExternalSystem)
  system!: ExternalSystem;

  @EnumColumn(() => SyncDirection)
  direction!: SyncDirection;

  @Field(() => [SyncEntity])
  @Property({ type: 'json' })
  entities!: SyncEntity[];

  @EnumColumn(() => SyncMode)
  mode!: SyncMode;

  @StringColumn(120, { nullable: true, description: 'Every 1, 5, 15 or 30 minutes ("5m") or a cron expression; null when not polling.' })
  pollingSchedule: string | null = null;

  @StringColumn(500, { nullable: true, description: 'The external system\'s API base URL, e.g. https://my-shop.myshopify.com.' })
  baseUrl: string | null = null;

  @Field(() => GraphQLJSON, { description: 'Declarative mapping per entity, e.g. { "product": { "currency": "EUR" }, "inventory": { "locations": { "<location id>": "<warehouse code>" } } }.' })
  @Property({ type: 'json' })
  fieldMapping: Record<string, unknown> = {};

  @EnumColumn(() => ConflictPolicy)
  conflictPolicy!: ConflictPolicy;

  /**
   * IGNORE unless asked: archiving or suspending hides products and customers, so a source that answers with
   * fewer records than it has (a sandbox, a filtered view) must not do it by default.
   */
  @EnumColumn(() => DeletionPolicy, { description: 'What a record deleted or made inactive at the source becomes (default IGNORE).' })
  deletions: DeletionPolicy = DeletionPolicy.IGNORE;

  @EnumColumn(() => ConnectorStatus)
  status: ConnectorStatus = ConnectorStatus.ACTIVE;

  /** AES-256-GCM: base64 of iv ‖ tag ‖ ciphertext of the credentials' JSON; never exposed. */
  @Property({ type: 'text', nullable: true })
  credentialsCiphertext: string | null = null;

  @Property({ type: 'Date', nullable: true })
  lastSuccessAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'integer' })
  consecutiveFailures: number = 0;

  /**
   * Per entity, the newest updated-at the source reported in the last successful run: the next
   * run asks only for records changed since (inclusive; checksums skip the repeats).
   */
  @Property({ type: 'json' })
  cursors: Partial<Record<SyncEntity, string>> = {};

  @EventVersionColumn()
  version: number = 0;

  @DateColumn()
  createdAt: Date = new Date();

  @UpdatedAtColumn()
  updatedAt: Date = new Date();
}
