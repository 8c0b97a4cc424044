import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SyncEntity, SyncRunStatus, SyncTrigger } from './enums';

/** One pass of a connector: what started it, where it is, and what it did. */
@ObjectType({ description: 'One pass of a connector: what started it, where it is, and what it did.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'sync_run' })
@Index({ properties: ['connectorId', 'queuedAt', 'id'] })
export class SyncRun {
  [OptionalProps]?: 'status' | 'total' | 'processed' | 'created' | 'updated' | 'unchanged' | 'failed' | 'conflicts' | 'attempts' | 'maxAttempts' | 'lastError' | 'nextAttemptAt' | 'queuedAt' | 'startedAt' | 'finishedAt' | 'webhookDeliveryId' | 'outbound' | 'outboundKey' | 'heartbeatAt' | 'full' | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  connectorId!: string;

  @Field(() => SyncTrigger)
  @Enum({ items: () => SyncTrigger })
  trigger!: SyncTrigger;

  @Field(() => [SyncEntity])
  @Property({ type: 'json' })
  entities!: SyncEntity[];

  @Field(() => SyncRunStatus)
  @Enum({ items: () => SyncRunStatus })
  status: SyncRunStatus = SyncRunStatus.QUEUED;

  @Field(() => Int, { description: 'Records the source offered.' })
  @Property({ type: 'integer' })
  total: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  processed: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  created: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  updated: number = 0;

  @Field(() => Int, { description: 'Records skipped because their checksum matched the last sync.' })
  @Property({ type: 'integer' })
  unchanged: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  failed: number = 0;

  @Field(() => Int, { description: 'Records both sides had changed (see syncConflicts); those left OPEN were not applied.' })
  @Property({ type: 'integer' })
  conflicts: number = 0;

  @Field(() => Int, { description: 'Attempts so far (the first run is attempt 1).' })
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  maxAttempts: number = 5;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (after a retryable failure).' })
  @Property({ type: 'Date', nullable: true })
  nextAttemptAt: Date | null = null;

  @Field(() => Date)
  @Property({ type: 'Date' })
  queuedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  startedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  finishedAt: Date | null = null;

  /** the webhook receipt this run applies; null for full syncs */
  @Property({ type: 'uuid', nullable: true })
  webhookDeliveryId: string | null = null;

  /** true: read everything, ignoring the connector's delta cursors */
  @Field({ description: 'Whether the run reads every record rather than those changed since the last successful run.' })
  @Property({ type: 'boolean' })
  full: boolean = false;

  /** increases with every sync_run.updated event (the envelope's version) */
  @Property({ type: 'integer' })
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

/** What an outbound run pushes: one order, or the latest stock of some levels. */
export type OutboundWork = { kind: 'ORDER'; orderId: string } | { kind: 'STOCK'; productIds: string[] };

/** One record a run could not apply, and why. */
@ObjectType({ description: 'One record a run could not apply, and why.' })
@Entity({ tableName: 'sync_run_error' })
@Index({ properties: ['runId', 'id'] })
export class SyncRunError {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  runId!: string;

  @Field(() => String, { nullable: true, description: 'The record\'s id in the external system.' })
  @Property({ type: 'string', length: 200, nullable: true })
  externalId: string | null = null;

  @Field()
  @Property({ type: 'text' })
  message!: string;

  @Field(() => Date)
  @Property({ type: 'Date' })
  occurredAt: Date = new Date();
}
