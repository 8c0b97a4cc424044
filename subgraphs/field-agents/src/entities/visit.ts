import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType, Directive } from 'type-graphql';
import { BooleanColumn, DateColumn, EnumColumn, EventVersionColumn, graphqlEnum, IdColumn, statusHistoryEntity, TextColumn, UpdatedAtColumn, type EnumValue } from '@tradegraph/kit';
import { FieldAgent } from './agent';
import { Territory } from './territory';

export const VisitType = graphqlEnum('VisitType', ['SALES', 'DELIVERY', 'SERVICE', 'SURVEY']);
export type VisitType = EnumValue<typeof VisitType>;

/** Where a visit is in its life; the allowed moves are in `visitStatus`. */
export const VisitStatus = graphqlEnum('VisitStatus', ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'MISSED'], {
  description: 'PLANNED → IN_PROGRESS (check-in) → COMPLETED (check-out); PLANNED → CANCELLED, or MISSED when not started in time.',
});
export type VisitStatus = EnumValue<typeof VisitStatus>;

@ObjectType({ description: 'A GPS fix taken at check-in or check-out (WGS 84 degrees).' })
export class GeoFix {
  @Field(() => Date, { description: 'When the server received it.' })
  at!: Date;

  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lng!: number;

  @Field(() => Float, { nullable: true, description: 'The device\'s accuracy estimate, in metres.' })
  accuracyMeters!: number | null;
}

@ObjectType({ description: 'An agent\'s visit to a customer, with GPS check-in and check-out.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'visit' })
@Index({ properties: ['agentId', 'scheduledAt', 'id'] })
@Index({ properties: ['customerId', 'scheduledAt', 'id'] })
@Index({ properties: ['territoryId', 'scheduledAt', 'id'] })
@Index({ properties: ['scheduledAt', 'id'] })
@Index({ properties: ['status', 'scheduledAt'] })
export class Visit {
  [OptionalProps]?:
    | 'status' | 'checkInAt' | 'checkInLat' | 'checkInLng' | 'checkInAccuracy' | 'checkOutAt' | 'checkOutLat' | 'checkOutLng' | 'checkOutAccuracy'
    | 'distanceMeters' | 'offSite' | 'notes' | 'outcome' | 'photoUrls' | 'version' | 'createdAt' | 'updatedAt' | 'checkIn' | 'checkOut';

  @IdColumn()
  id: string = randomUUID();

  @ManyToOne(() => FieldAgent, { mapToPk: true, fieldName: 'agent_id' })
  agentId!: string;

  /** The customers subgraph's Customer id. */
  @Property({ type: 'uuid' })
  customerId!: string;

  /** The agent's territory when the visit was planned: whose manager sees it. */
  @ManyToOne(() => Territory, { mapToPk: true, fieldName: 'territory_id' })
  territoryId!: string;

  @EnumColumn(() => VisitType)
  type!: VisitType;

  @EnumColumn(() => VisitStatus)
  status: VisitStatus = VisitStatus.PLANNED;

  @DateColumn()
  scheduledAt!: Date;

  @Property({ type: 'Date', nullable: true })
  checkInAt: Date | null = null;

  @Property({ type: 'double', nullable: true })
  checkInLat: number | null = null;

  @Property({ type: 'double', nullable: true })
  checkInLng: number | null = null;

  @Property({ type: 'double', nullable: true })
  checkInAccuracy: number | null = null;

  @Property({ type: 'Date', nullable: true })
  checkOutAt: Date | null = null;

  @Property({ type: 'double', nullable: true })
  checkOutLat: number | null = null;

  @Property({ type: 'double', nullable: true })
  checkOutLng: number | null = null;

  @Property({ type: 'double', nullable: true })
  checkOutAccuracy: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Metres from the customer\'s location at check-in (great-circle); null when the customer has no location or before check-in.' })
  @Property({ type: 'double', nullable: true })
  distanceMeters: number | null = null;

  @BooleanColumn({ description: 'True when the check-in was farther from the customer than the check-in radius.' })
  offSite: boolean = false;

  @TextColumn({ nullable: true })
  notes: string | null = null;

  @TextColumn({ nullable: true })
  outcome: string | null = null;

  @Field(() => [String])
  @Property({ type: 'json' })
  photoUrls: string[] = [];

  @EventVersionColumn()
  version: number = 1;

  @DateColumn()
  createdAt: Date = new Date();

  @UpdatedAtColumn()
  updatedAt: Date = new Date();

  @Field(() => GeoFix, { nullable: true })
  get checkIn(): GeoFix | null {
    return this.checkInAt && this.checkInLat !== null && this.checkInLng !== null
      ? { at: this.checkInAt, lat: this.checkInLat, lng: this.checkInLng, accuracyMeters: this.checkInAccuracy }
      : null;
  }

  @Field(() => GeoFix, { nullable: true })
  get checkOut(): GeoFix | null {
    return this.checkOutAt && this.checkOutLat !== null && this.checkOutLng !== null
      ? { at: this.checkOutAt, lat: this.checkOutLat, lng: this.checkOutLng, accuracyMeters: this.checkOutAccuracy }
      : null;
  }
}

export const VisitStatusChange = statusHistoryEntity(Visit, 'visitId', VisitStatus, {
  description: 'One recorded move of a visit\'s status.',
  fromDescription: 'Null when the visit was planned.',
  actorDescription: 'Who moved it: a subject, or system:missed-visits.',
});
export type VisitStatusChange = InstanceType<typeof VisitStatusChange>;
