import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BooleanColumn, DateColumn, EnumColumn, EventVersionColumn, IdColumn, IntColumn, StringColumn, TextColumn, UuidColumn } from '@tradegraph/kit';
import { SyncEntity, SyncRunStatus, SyncTrigger } from './enums';

@ObjectType({ description: 'One pass of a connector: what started it, where it is, and what it did.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'sync_run' })
@Index({ properties: ['connectorId', 'queuedAt', 'id'] })
@Index({ properties: ['connectorId', 'outboundKey'] })
export class SyncRun {
  [OptionalProps]?: 'status' | 'total' | 'processed' | 'created' | 'updated' | 'unchanged' | 'failed' | 'conflicts' | 'attempts' | 'maxAttempts' | 'lastError' | 'nextAttemptAt' | 'queuedAt' | 'startedAt' | 'finishedAt' | 'webhookDeliveryId' | 'outbound' | 'outboundKey' | 'heartbeatAt' | 'full' | 'version';

  @IdColumn()
  id: string = randomUUID();

  @UuidColumn()
  connectorId!: string;

  @EnumColumn(() => SyncTrigger)
  trigger!: SyncTrigger;

  @Field(() => [SyncEntity])
  @Property({ type: 'json' })
  entities!: SyncEntity[];

  @EnumColumn(() => SyncRunStatus)
  status: SyncRunStatus = SyncRunStatus.QUEUED;

  @IntColumn({ description: 'Records the source offered.' })
  total: number = 0;

  @IntColumn()
  processed: number = 0;

  @IntColumn()
  created: number = 0;

  @IntColumn()
  updated: number = 0;

  @IntColumn({ description: 'Records skipped because their checksum matched the last sync.' })
  unchanged: number = 0;

  @IntColumn()
  failed: number = 0;

  @IntColumn({ description: 'Records both sides had changed (see syncConflicts); those left OPEN were not applied.' })
  conflicts: number = 0;

  @IntColumn({ description: 'Attempts so far (the first run is attempt 1).' })
  attempts: number = 0;

  @IntColumn()
  maxAttempts: number = 5;

  @TextColumn({ nullable: true, description: 'Why the last attempt failed.' })
  lastError: string | null = null;

  @DateColumn({ nullable: true, description: 'When the next attempt is due (after a retryable failure).' })
  nextAttemptAt: Date | null = null;

  @DateColumn()
  queuedAt: Date = new Date();

  @DateColumn({ nullable: true })
  startedAt: Date | null = null;

  @DateColumn({ nullable: true })
  finishedAt: Date | null = null;

  /** the webhook receipt this run applies; null for full syncs */
  @Property({ type: 'uuid', nullable: true })
  webhookDeliveryId: string | null = null;

  @BooleanColumn({ description: 'Whether the run reads every record rather than those changed since the last successful run.' })
  full: boolean = false;

  @EventVersionColumn()
  version: number = 0;

  /** an outbound push: what to send (null for inbound runs) */
  @Property({ type: 'json', nullable: true })
  outbound: OutboundWork | null = null;

  /**
   * What an outbound run is about (`order:<id>`, `stock`): at most one QUEUED run per connector
   * and key (a partial unique index), so bursts of events and sync replicas coalesce into it.
   */
  @Property({ type: 'string', length: 100, nullable: true })
  outboundKey: string | null = null;

  /** when the worker last showed the run was alive (a RUNNING run that stops beating was lost with its worker) */
  @Property({ type: 'Date', nullable: true })
  heartbeatAt: Date | null = null;
}

/**
 * What an outbound run pushes: one order, the latest stock of some levels, or the latest state
 * of some products or customers. `pushStartedAt`
 * is written (and committed) just before an order is first sent: a run that finds it set with no
 * ref recorded does not know whether the system created the order, and asks before sending again.
 */
export type OutboundWork =
  | { kind: 'ORDER'; orderId: string; pushStartedAt?: string }
  | { kind: 'STOCK'; productIds: string[] }
  /** products / customers changed in Tradegraph, pushed to the systems that have them (services/outbound-records.ts) */
  | { kind: 'PRODUCTS'; productIds: string[] }
  | { kind: 'CUSTOMERS'; customerIds: string[] };

@ObjectType({ description: 'One record a run could not apply, and why.' })
@Entity({ tableName: 'sync_run_error' })
@Index({ properties: ['runId', 'id'] })
export class SyncRunError {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  runId!: string;

  @StringColumn(200, { nullable: true, description: 'The record\'s id in the external system.' })
  externalId: string | null = null;

  @TextColumn()
  message!: string;

  @DateColumn()
  occurredAt: Date = new Date();
}
